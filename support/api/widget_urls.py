"""Widget API, included under ``/api/widget/`` (the app proxy's target)."""
from django.urls import path

from .widget import WidgetConversationStartApi, WidgetMessagesApi
from .widget_attachments import WidgetAttachmentDownloadApi, WidgetAttachmentUploadApi
from .widget_orders import WidgetOrderLookupApi
from .widget_ratings import WidgetOneClickRatingApi
from .widget_state import WidgetRatingApi, WidgetReadApi, WidgetSocketTokenApi

urlpatterns = [
    path("orders/lookup", WidgetOrderLookupApi.as_view(), name="widget-order-lookup"),
    path("ratings/one-click", WidgetOneClickRatingApi.as_view(), name="widget-one-click-rating"),
    path("conversations", WidgetConversationStartApi.as_view(), name="widget-conversations"),
    path("conversations/<int:conversation_id>/messages", WidgetMessagesApi.as_view(), name="widget-messages"),
    path("conversations/<int:conversation_id>/attachments", WidgetAttachmentUploadApi.as_view(),
         name="widget-conversation-attachments"),
    path("attachments/<int:attachment_id>", WidgetAttachmentDownloadApi.as_view(), name="widget-attachment"),
    path("conversations/<int:conversation_id>/read", WidgetReadApi.as_view(), name="widget-conversation-read"),
    path("conversations/<int:conversation_id>/rating", WidgetRatingApi.as_view(), name="widget-conversation-rating"),
    path("conversations/<int:conversation_id>/socket-token", WidgetSocketTokenApi.as_view(),
         name="widget-socket-token"),
]
