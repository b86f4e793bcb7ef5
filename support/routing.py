"""Websocket routes. The agents' socket comes from the embedded admin, served from our own host, so
its Origin must be one of ALLOWED_HOSTS. The widget's socket comes from the shop's storefront (any
domain the merchant uses), so it is admitted by its short-lived signed socket token alone."""
from channels.security.websocket import AllowedHostsOriginValidator
from django.urls import path

from .consumers import AgentConsumer, WidgetConsumer

websocket_urlpatterns = [
    path("ws/agent/", AllowedHostsOriginValidator(AgentConsumer.as_asgi())),
    path("ws/widget/", WidgetConsumer.as_asgi()),
]
