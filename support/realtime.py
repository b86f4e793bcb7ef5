"""Realtime: event names, who may receive them, and the one place that talks to the channel layer.

Actions register ``broadcast(...)`` with ``transaction.on_commit``: the database is the record and a
broadcast is only a notification (a client that missed one asks for everything after its last id).
Internal notes, agent-only events and agent-only fields of a payload (a translation, the agent's
original words) never reach a shopper's group."""
import asyncio
import logging
import os
import threading

from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

MESSAGE_CREATED = "message.created"
CONVERSATION_UPDATED = "conversation.updated"
CONVERSATION_READ = "conversation.read"
TYPING = "typing"
PRESENCE_UPDATED = "presence.updated"
MESSAGE_TRANSLATED = "message.translated"  # a shopper's message in the agents' language
CONVERSATION_ESCALATED = "conversation.escalated"  # the bot handed the conversation to a person
SLA_WARNING = "sla.warning"  # 75% of an SLA target used (agents only, like the two below)
SLA_BREACHED = "sla.breached"  # an SLA target missed
SLA_ESCALATED = "sla.escalated"  # a step of the escalation ladder (the step and whom it names)

BROADCAST_TIMEOUT = 5.0  # seconds a request waits for its broadcast before giving up on it

AGENT_ONLY_MESSAGE_KINDS = {"note"}
AGENT_ONLY_EVENTS = {CONVERSATION_UPDATED, PRESENCE_UPDATED, CONVERSATION_ESCALATED, MESSAGE_TRANSLATED,
                     SLA_WARNING, SLA_BREACHED, SLA_ESCALATED}
# Changes announced with conversation.updated that the shopper's widget is told of too (it offers the
# rating when the conversation is resolved); assignment, tags, priority and the rest stay with agents.
SHOPPER_VISIBLE_CHANGES = {"conversation.status_changed"}
# Fields of a message payload for agents only: the shopper's group gets the payload without them.
AGENT_ONLY_FIELDS = ("original_body", "translation")


def agents_group(shop_id: int) -> str:
    return f"shop.{shop_id}.agents"


def shopper_group(conversation_id: int) -> str:
    return f"conversation.{conversation_id}.shopper"


def audiences(event: str, *, shop_id: int, conversation_id: int, message_kind: str | None = None,
              change: str | None = None) -> list[str]:
    """Pure rule: the groups an event goes to. Agents see everything of their shop; the shopper
    sees their conversation's messages except internal notes, its status changes, and no other
    agent-only events."""
    groups = [agents_group(shop_id)]
    if event == CONVERSATION_UPDATED and change in SHOPPER_VISIBLE_CHANGES:
        return [*groups, shopper_group(conversation_id)]
    if event in AGENT_ONLY_EVENTS or message_kind in AGENT_ONLY_MESSAGE_KINDS:
        return groups
    return [*groups, shopper_group(conversation_id)]


def shopper_view(payload: dict) -> dict:
    """Pure rule: a payload as the shopper may see it (no agent-only fields)."""
    return {key: value for key, value in payload.items() if key not in AGENT_ONLY_FIELDS}


def signal_audiences(*, shop_id: int, conversation_id: int, side: str) -> list[str]:
    """Pure rule for typing and read signals: the shopper's go to the shop's agents only, and so
    does an agent writing an internal note (side "note"); an agent's go to the agents and the shopper."""
    if side in ("shopper", "note"):
        return [agents_group(shop_id)]
    return [agents_group(shop_id), shopper_group(conversation_id)]


def _message(event: str, payload: dict) -> dict:
    return {"type": "realtime.event", "event": event, "payload": payload}


async def send_signal(event: str, payload: dict, *, shop_id: int, conversation_id: int, side: str) -> None:
    """From a consumer (async): typing indicators. Not stored anywhere; lost if Redis is down."""
    layer = get_channel_layer()
    for group in signal_audiences(shop_id=shop_id, conversation_id=conversation_id, side=side):
        try:
            await layer.group_send(group, _message(event, payload))
        except Exception:  # noqa: BLE001 - a lost typing indicator is harmless
            logger.warning("realtime.signal_failed", extra={"event": event, "conversation_id": conversation_id})


def broadcast_signal(event: str, payload: dict, *, shop_id: int, conversation_id: int, side: str) -> None:
    """From an action, after commit: read receipts."""
    _send_from_sync(signal_audiences(shop_id=shop_id, conversation_id=conversation_id, side=side),
                    event, payload, conversation_id)


async def send_to_agents(event: str, payload: dict, *, shop_id: int) -> None:
    """From a consumer (async): agents-only events with no conversation (presence)."""
    try:
        await get_channel_layer().group_send(agents_group(shop_id), _message(event, payload))
    except Exception:  # noqa: BLE001 - presence is also readable over HTTP
        logger.warning("realtime.signal_failed", extra={"event": event})


def broadcast(event: str, payload: dict, *, shop_id: int, conversation_id: int, message_kind: str | None = None):
    change = payload.get("change") if event == CONVERSATION_UPDATED else None
    _send_from_sync(
        audiences(event, shop_id=shop_id, conversation_id=conversation_id, message_kind=message_kind, change=change),
        event, payload, conversation_id,
    )


async def _group_send_all(layer, messages: dict[str, dict]) -> list[str]:
    """Send each group its message, all at once (each group's send is a few Redis round trips);
    returns the groups that failed (each is tried)."""
    results = await asyncio.gather(*(layer.group_send(group, message) for group, message in messages.items()),
                                   return_exceptions=True)
    # Redis down: clients resync from the database
    return [group for group, result in zip(messages, results, strict=True) if isinstance(result, BaseException)]


_loop_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None
_loop_pid = 0  # a forked child (a Celery or gunicorn worker) has no thread for its parent's loop


def _background_loop() -> asyncio.AbstractEventLoop:
    """One event loop per process, on a daemon thread, for broadcasts from sync code. A fresh
    loop per call (what ``async_to_sync`` does outside an ASGI server) would also open a fresh Redis
    connection per broadcast: the channel layer keeps its connections per loop."""
    global _loop, _loop_pid
    with _loop_lock:
        if _loop is None or _loop.is_closed() or _loop_pid != os.getpid():
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="realtime-broadcast", daemon=True).start()
            _loop, _loop_pid = loop, os.getpid()
        return _loop


def _send_from_sync(groups: list[str], event: str, payload: dict, conversation_id: int) -> None:
    """All the groups in one go on the process's broadcast loop; returns once they are sent."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        shopper = shopper_group(conversation_id)
        messages = {group: _message(event, shopper_view(payload) if group == shopper else payload) for group in groups}
        future = asyncio.run_coroutine_threadsafe(_group_send_all(layer, messages), _background_loop())
        failed = future.result(timeout=BROADCAST_TIMEOUT)
    except Exception:  # noqa: BLE001 - Redis down or too slow: clients resync from the database
        failed = groups
    if failed:
        logger.warning("realtime.broadcast_failed", extra={"event": event, "conversation_id": conversation_id})
