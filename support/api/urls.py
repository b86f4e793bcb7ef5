"""Admin API of the help desk, included under ``/api/admin/``."""
from django.urls import path

from . import conversations as c
from .attachments import AttachmentDownloadApi, ConversationAttachmentUploadApi
from .presence import PresenceApi
from .privacy import DataExportDownloadApi, DataExportListApi
from .receipts import ConversationReadApi

urlpatterns = [
    path("conversations", c.ConversationListApi.as_view(), name="admin-conversations"),
    path("conversations/bulk", c.ConversationBulkApi.as_view(), name="admin-conversations-bulk"),
    path("conversations/<int:conversation_id>", c.ConversationDetailApi.as_view(), name="admin-conversation"),
    path("conversations/<int:conversation_id>/messages", c.ConversationMessagesApi.as_view(),
         name="admin-conversation-messages"),
    path("conversations/<int:conversation_id>/attachments", ConversationAttachmentUploadApi.as_view(),
         name="admin-conversation-attachments"),
    path("attachments/<int:attachment_id>", AttachmentDownloadApi.as_view(), name="admin-attachment"),
    path("conversations/<int:conversation_id>/assign", c.ConversationAssignApi.as_view(),
         name="admin-conversation-assign"),
    path("conversations/<int:conversation_id>/status", c.ConversationStatusApi.as_view(),
         name="admin-conversation-status"),
    path("conversations/<int:conversation_id>/snooze", c.ConversationSnoozeApi.as_view(),
         name="admin-conversation-snooze"),
    path("conversations/<int:conversation_id>/tags", c.ConversationTagsApi.as_view(),
         name="admin-conversation-tags"),
    path("conversations/<int:conversation_id>/read", ConversationReadApi.as_view(), name="admin-conversation-read"),
    path("presence", PresenceApi.as_view(), name="admin-presence"),
    path("privacy/exports", DataExportListApi.as_view(), name="admin-privacy-exports"),
    path(
        "privacy/exports/<int:export_id>/download",
        DataExportDownloadApi.as_view(),
        name="admin-privacy-export-download",
    ),
]
