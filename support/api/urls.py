"""Admin API of the help desk, included under ``/api/admin/``."""
from django.urls import path

from . import conversations as c
from . import credit as cr
from . import templates as tpl
from .attachments import AttachmentDownloadApi, ConversationAttachmentUploadApi
from .credit_reports import CreditReportApi
from .faq import FaqDetailApi, FaqListApi, FaqTestApi
from .hours import BusinessHoursApi
from .presence import PresenceApi
from .privacy import DataExportDownloadApi, DataExportListApi
from .promises import MessageCheckApi, PromiseDecisionApi
from .receipts import ConversationReadApi
from .reply_texts import ReplyTextDetailApi, ReplyTextListApi, ReplyTextPreviewApi
from .reports import SupportReportApi, SupportReportCsvApi
from .scheduled_replies import ScheduledRepliesApi, ScheduledReplyDetailApi
from .sla import SlaSettingsApi
from .support_settings import SupportSettingsApi
from .translation import TranslationSettingsApi

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
    path("credit/reports", CreditReportApi.as_view(), name="admin-credit-reports"),
    path("reports", SupportReportApi.as_view(), name="admin-reports"),
    path("reports.csv", SupportReportCsvApi.as_view(), name="admin-reports-csv"),
    path("faq", FaqListApi.as_view(), name="admin-faq"),
    path("faq/test", FaqTestApi.as_view(), name="admin-faq-test"),
    path("faq/<int:entry_id>", FaqDetailApi.as_view(), name="admin-faq-entry"),
    path("privacy/exports", DataExportListApi.as_view(), name="admin-privacy-exports"),
    path(
        "privacy/exports/<int:export_id>/download",
        DataExportDownloadApi.as_view(),
        name="admin-privacy-export-download",
    ),
    path("settings/translation", TranslationSettingsApi.as_view(), name="admin-settings-translation"),
    path("settings/hours", BusinessHoursApi.as_view(), name="admin-settings-hours"),
    path("settings/support", SupportSettingsApi.as_view(), name="admin-settings-support"),
    path("settings/sla", SlaSettingsApi.as_view(), name="admin-settings-sla"),
    path("reply-texts", ReplyTextListApi.as_view(), name="admin-reply-texts"),
    path("reply-texts/<str:key>/<str:language>", ReplyTextDetailApi.as_view(), name="admin-reply-text"),
    path("reply-texts/<str:key>/<str:language>/preview", ReplyTextPreviewApi.as_view(),
         name="admin-reply-text-preview"),
    path("templates", tpl.TemplateListApi.as_view(), name="admin-templates"),
    path("templates/variables", tpl.TemplateVariablesApi.as_view(), name="admin-template-variables"),
    path("templates/<int:template_id>", tpl.TemplateDetailApi.as_view(), name="admin-template"),
    path("conversations/<int:conversation_id>/templates/<int:template_id>/preview", tpl.TemplatePreviewApi.as_view(),
         name="admin-conversation-template-preview"),
    path("conversations/<int:conversation_id>/templates/<int:template_id>/send", tpl.TemplateSendApi.as_view(),
         name="admin-conversation-template-send"),
    path("conversations/<int:conversation_id>/messages/check", MessageCheckApi.as_view(),
         name="admin-conversation-messages-check"),
    path("conversations/<int:conversation_id>/messages/scheduled", ScheduledRepliesApi.as_view(),
         name="admin-conversation-scheduled-replies"),
    path("conversations/<int:conversation_id>/messages/scheduled/<int:followup_id>",
         ScheduledReplyDetailApi.as_view(), name="admin-conversation-scheduled-reply"),
    path("conversations/<int:conversation_id>/promise-decisions", PromiseDecisionApi.as_view(),
         name="admin-conversation-promise-decisions"),
    path("credit/policy", cr.CreditPolicyApi.as_view(), name="admin-credit-policy"),
    path("credit/grants", cr.GrantListApi.as_view(), name="admin-credit-grants"),
    path("credit/grants/<int:grant_id>", cr.GrantDetailApi.as_view(), name="admin-credit-grant"),
    path("credit/grants/<int:grant_id>/approve", cr.GrantApproveApi.as_view(), name="admin-credit-grant-approve"),
    path("credit/grants/<int:grant_id>/reject", cr.GrantRejectApi.as_view(), name="admin-credit-grant-reject"),
    path("conversations/<int:conversation_id>/credit", cr.ConversationCreditApi.as_view(),
         name="admin-conversation-credit"),
]
