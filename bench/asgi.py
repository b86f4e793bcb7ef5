"""Bench-only ASGI application: the app's own (``shopapp.asgi``, loaded with ``bench.settings`` so
HTTP also has ``/__bench__/bare``) plus bare Channels consumers under ``/ws/echo/``, the chat
benchmark's baseline. Only the benchmark's server loads this module.

The bare consumers do what the app's realtime path does at its thinnest: join a group on connect
(the shop's agents, or one conversation's shopper), and a shopper's frame is sent through the same
Redis channel layer to the agents' group and the shopper's own group, then written to every socket
as the same ``{"event", "payload"}`` JSON. No token, no database.

It also logs every full (generation 2) garbage collection of the server process with its duration:
one event loop serves every socket, so such a pause delays every delivery in flight; the chat
benchmark counts them in each measurement window."""
import gc
import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import path  # noqa: E402

from shopapp.asgi import application as app_application  # noqa: E402

ECHO_AGENTS = "bench.echo.agents"
ECHO_EVENT = "bench.echo"


class EchoConsumer(AsyncWebsocketConsumer):
    group = ""

    async def connect(self):
        await self.channel_layer.group_add(self.group_name(), self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group_name(), self.channel_name)

    async def realtime_event(self, event):
        await self.send(text_data=json.dumps({"event": event["event"], "payload": event["payload"]}))


class EchoAgentConsumer(EchoConsumer):
    def group_name(self) -> str:
        return ECHO_AGENTS


class EchoShopperConsumer(EchoConsumer):
    def group_name(self) -> str:
        return f"bench.echo.{int(self.scope['url_route']['kwargs']['n'])}.shopper"

    async def receive(self, text_data=None, bytes_data=None):
        message = {"type": "realtime.event", "event": ECHO_EVENT, "payload": {"body": text_data or ""}}
        await self.channel_layer.group_send(ECHO_AGENTS, message)
        await self.channel_layer.group_send(self.group_name(), message)


echo_router = URLRouter([
    path("ws/echo/agent/", AllowedHostsOriginValidator(EchoAgentConsumer.as_asgi())),  # as the app's agent socket
    path("ws/echo/shopper/<int:n>/", EchoShopperConsumer.as_asgi()),
])


def log_full_collections() -> None:
    started = [0.0]

    def callback(phase, info):
        if info["generation"] != 2:
            return
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            sys.stderr.write(f"bench.gc.full {time.time():.3f} {(time.perf_counter() - started[0]) * 1000:.1f}"
                             f" {info['collected']}\n")
            sys.stderr.flush()

    gc.callbacks.append(callback)


log_full_collections()


async def application(scope, receive, send):
    if scope["type"] == "websocket" and scope["path"].startswith("/ws/echo/"):
        return await echo_router(scope, receive, send)
    return await app_application(scope, receive, send)
