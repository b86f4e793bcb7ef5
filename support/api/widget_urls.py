"""Widget API, included under ``/api/widget/`` (the app proxy's target)."""
from django.urls import path

from .widget import WidgetConversationStartApi, WidgetMessagesApi

urlpatterns = [
    path("conversations", WidgetConversationStartApi.as_view(), name="widget-conversations"),
    path("conversations/<int:conversation_id>/messages", WidgetMessagesApi.as_view(), name="widget-messages"),
]
