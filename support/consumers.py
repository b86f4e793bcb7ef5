"""Websockets: ``/ws/agent/?token=<session token>`` joins the shop's agents group;
``/ws/widget/?token=<socket token>`` joins one conversation's shopper group. Both only forward
``realtime`` events (the database is the record: on reconnect a client asks the HTTP API for what
it missed) and typing indicators. Origin is checked by the ASGI router; tokens are short-lived."""
import json
import logging
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core import signing

from support import realtime

logger = logging.getLogger(__name__)

SOCKET_TOKEN_MAX_AGE = 600


def issue_socket_token(*, shop_id: int, conversation_id: int, customer_id: int) -> str:
    return signing.dumps({"s": shop_id, "c": conversation_id, "u": customer_id}, salt="support.widget.socket")


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


class RealtimeConsumer(AsyncWebsocketConsumer):
    group: str | None = None

    async def disconnect(self, code):
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def realtime_event(self, event):
        await self.send(text_data=json.dumps({"event": event["event"], "payload": event["payload"]}))


class AgentConsumer(RealtimeConsumer):
    async def connect(self):
        agent = await _agent_for(_token(self.scope))
        if agent is None:
            await self.close(code=4401)
            return
        self.agent = agent
        self.group = realtime.agents_group(agent.shop_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()


class WidgetConsumer(RealtimeConsumer):
    async def connect(self):
        claims = read_socket_token(_token(self.scope))
        if claims is None:
            logger.info("realtime.socket_refused", extra={"side": "widget", "reason": "bad_token"})
            await self.close(code=4401)
            return
        self.group = realtime.shopper_group(claims["c"])
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
