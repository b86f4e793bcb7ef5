"""Websockets: ``/ws/agent/?token=<session token>`` joins the shop's agents group;
``/ws/widget/?token=<socket token>`` joins one conversation's shopper group. Both forward
``realtime`` events (the database is the record: on reconnect a client asks the HTTP API for what
it missed). Origin is checked by the ASGI router; tokens are short-lived.

What a client may send (JSON text frames, at most ``MAX_FRAME`` bytes; anything else is ignored):
``{"type": "ping"}`` every 25 s keeps its presence alive (answered with ``{"event": "pong"}``);
``{"type": "typing", "state": "start" | "stop"}`` (agents add ``"conversation_id"``, and
``"note": true`` while writing an internal note, which keeps it among agents), forwarded at most
once per ``TYPING_INTERVAL`` and never stored; agents also send
``{"type": "presence", "status": "online" | "away"}``."""
import json
import logging
import time
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core import signing

from support import presence, realtime

logger = logging.getLogger(__name__)

SOCKET_TOKEN_MAX_AGE = 600
MAX_FRAME = 2048
TYPING_INTERVAL = 2.0


def issue_socket_token(*, shop_id: int, conversation_id: int, customer_id: int) -> str:
    return signing.dumps({"s": shop_id, "c": conversation_id, "u": customer_id}, salt="support.widget.socket")


def widget_socket_url() -> str:
    """Where the storefront widget opens its websocket: the app's own origin (Shopify's app proxy
    carries HTTP only), ``wss://`` when the app is served over https."""
    from django.conf import settings

    return settings.APP_URL.replace("https://", "wss://", 1).replace("http://", "ws://", 1) + "/ws/widget/"


def read_socket_token(token: str) -> dict | None:
    try:
        return signing.loads(token, salt="support.widget.socket", max_age=SOCKET_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None


def _token(scope) -> str:
    return (parse_qs(scope.get("query_string", b"").decode()).get("token") or [""])[0][:4096]


@database_sync_to_async
def _agent_for(token: str):
    from shopapp.auth.session_tokens import InvalidSessionToken, verify_session_request
    from shopapp.models import Agent

    class _Request:  # what verify_session_request reads: headers and an absolute URL
        headers = {"Authorization": f"Bearer {token}"}
        method = "GET"
        body = b""

        @staticmethod
        def build_absolute_uri():
            return "https://app.invalid/ws/agent/"

    try:
        domain, id_token = verify_session_request(_Request)
    except InvalidSessionToken as error:
        logger.info("realtime.socket_refused", extra={"side": "agent", "reason": error.reason})
        return None
    return Agent.objects.filter(
        shop__domain=domain, shop__is_active=True, shopify_user_id=id_token.claims["sub"], is_active=True
    ).select_related("shop").first()


def _frame(text_data) -> dict | None:
    if not text_data or len(text_data) > MAX_FRAME:
        return None
    try:
        frame = json.loads(text_data)
    except ValueError:
        return None
    return frame if isinstance(frame, dict) else None


class RealtimeConsumer(AsyncWebsocketConsumer):
    group: str | None = None

    async def disconnect(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def realtime_event(self, event):
        await self.send(text_data=json.dumps({"event": event["event"], "payload": event["payload"]}))

    async def receive(self, text_data=None, bytes_data=None):
        frame = _frame(text_data)
        if frame is None or not self.group:
            return
        kind = frame.get("type")
        if kind == "ping":
            await self.heartbeat()
            await self.send(text_data=json.dumps({"event": "pong"}))
        elif kind == "typing" and frame.get("state") in ("start", "stop"):
            await self.typing(frame)
        elif kind == "presence":
            await self.set_presence(frame.get("status"))

    def _typing_allowed(self, conversation_id: int, state: str) -> bool:
        """At most one "start" per conversation per TYPING_INTERVAL; a "stop" only after a start."""
        sent = getattr(self, "_typing_sent", None)
        if sent is None:
            sent = self._typing_sent = {}
        now = time.monotonic()
        if state == "start":
            if now - sent.get(conversation_id, -TYPING_INTERVAL) < TYPING_INTERVAL:
                return False
            sent[conversation_id] = now
            return True
        return sent.pop(conversation_id, None) is not None

    async def heartbeat(self):
        pass

    async def typing(self, frame):
        pass

    async def set_presence(self, status):
        pass


@database_sync_to_async
def _agent_may_see(shop_id: int, conversation_id: int) -> bool:
    from support.models import Conversation

    return Conversation.objects.filter(pk=conversation_id, shop_id=shop_id).exists()


class AgentConsumer(RealtimeConsumer):
    status = "online"

    async def connect(self):
        agent = await _agent_for(_token(self.scope))
        if agent is None:
            await self.close(code=4401)
            return
        self.agent = agent
        self.visible: set[int] = set()
        self.group = realtime.agents_group(agent.shop_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.heartbeat()  # present before the client hears it is connected
        await self.accept()
        await realtime.send_to_agents(realtime.PRESENCE_UPDATED, await self._presence_payload(),
                                      shop_id=self.agent.shop_id)

    async def disconnect(self, code):
        if self.group:
            await sync_to_async(presence.clear_agent, thread_sensitive=False)(
                self.agent.shop_id, self.agent.pk, self.channel_name)
            await realtime.send_to_agents(realtime.PRESENCE_UPDATED, await self._presence_payload(),
                                          shop_id=self.agent.shop_id)
        await super().disconnect(code)

    async def _presence_payload(self) -> dict:
        online = await sync_to_async(presence.agents_online, thread_sensitive=False)(self.agent.shop_id)
        return {"agent_id": str(self.agent.pk), "status": online.get(self.agent.pk, "offline")}

    async def heartbeat(self):
        await sync_to_async(presence.mark_agent, thread_sensitive=False)(
            self.agent.shop_id, self.agent.pk, self.channel_name, self.status)

    async def set_presence(self, status):
        if status not in presence.AGENT_STATUSES:
            return
        self.status = status
        await self.heartbeat()
        await realtime.send_to_agents(realtime.PRESENCE_UPDATED, await self._presence_payload(),
                                      shop_id=self.agent.shop_id)

    async def typing(self, frame):
        raw = str(frame.get("conversation_id", ""))
        if not raw.isdigit() or len(raw) > 19:
            return
        conversation_id = int(raw)
        if conversation_id not in self.visible:
            if not await _agent_may_see(self.agent.shop_id, conversation_id):
                return  # another shop's conversation, or none: nothing is sent anywhere
            self.visible.add(conversation_id)
        side = "note" if frame.get("note") is True else "agent"
        if self._typing_allowed(conversation_id, frame["state"]):
            await realtime.send_signal(
                realtime.TYPING,
                {"conversation_id": raw, "side": side, "agent_id": str(self.agent.pk), "state": frame["state"]},
                shop_id=self.agent.shop_id, conversation_id=conversation_id, side=side,
            )


@database_sync_to_async
def _widget_may_join(claims) -> bool:
    """The token's conversation is its shop's and its customer's, and the shop still uses the app (a
    signed token naming another shop's conversation, or outliving an uninstall, joins nothing)."""
    from support.models import Conversation

    if not isinstance(claims, dict) or not all(isinstance(claims.get(key), int) for key in ("s", "c", "u")):
        return False
    return Conversation.objects.filter(pk=claims["c"], shop_id=claims["s"], customer_id=claims["u"],
                                       shop__is_active=True).exists()


class WidgetConsumer(RealtimeConsumer):
    async def connect(self):
        claims = read_socket_token(_token(self.scope))
        reason = "bad_token" if claims is None else None if await _widget_may_join(claims) else "not_this_shop"
        if reason:
            logger.info("realtime.socket_refused", extra={"side": "widget", "reason": reason})
            await self.close(code=4401)
            return
        self.claims = claims
        self.group = realtime.shopper_group(claims["c"])
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.heartbeat()  # present before the client hears it is connected
        await self.accept()

    async def disconnect(self, code):
        if self.group:
            await sync_to_async(presence.clear_shopper, thread_sensitive=False)(self.claims["c"], self.channel_name)
        await super().disconnect(code)

    async def heartbeat(self):
        await sync_to_async(presence.mark_shopper, thread_sensitive=False)(self.claims["c"], self.channel_name)

    async def typing(self, frame):
        conversation_id = self.claims["c"]
        if self._typing_allowed(conversation_id, frame["state"]):
            await realtime.send_signal(
                realtime.TYPING, {"conversation_id": str(conversation_id), "side": "shopper", "state": frame["state"]},
                shop_id=self.claims["s"], conversation_id=conversation_id, side="shopper",
            )
