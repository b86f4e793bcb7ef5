"""Writes of messages: a shopper's message, an agent's reply, an internal note. One transaction
each (message, conversation state, timeline event); broadcasts after commit. A retried send with the
same ``client_id`` returns the message already stored and does nothing else."""
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from shopapp.models import Agent
from shopapp.refusals import Refused
from support import realtime
from support.actions import attachments as attachment_actions
from support.actions import email as email_actions
from support.actions import sla as sla_actions
from support.actions import translation as translation_actions
from support.models import Channel, Conversation, ConversationStatus, Message, MessageKind, TimelineEvent
from support.rules.pan import mask_card_numbers
from support.selectors.locks import lock_conversation

logger = logging.getLogger(__name__)

MAX_BODY = 5000


class MessageRefused(Refused):
    pass


def clean_body(body: str, *, allow_empty: bool = False) -> tuple[str, int]:
    """Pure rule: trimmed, not empty (unless files carry the message), not too long, card numbers
    masked. Text only, never HTML."""
    if not isinstance(body, str):
        raise MessageRefused("body_not_text")
    text = body.strip()
    if not text and not allow_empty:
        raise MessageRefused("empty_body")
    if len(text) > MAX_BODY:
        raise MessageRefused("body_too_long")
    return mask_card_numbers(text)


def serialize_message(message: Message, attachments=()) -> dict:
    return {
        "id": str(message.pk),
        "conversation_id": str(message.conversation_id),
        "kind": message.kind,
        "body": message.body,
        "agent_id": str(message.agent_id) if message.agent_id else None,
        "client_id": message.client_id,
        "created_at": message.created_at.isoformat(),
        "attachments": [attachment_actions.serialize_attachment(attachment) for attachment in attachments],
        # machine translation; realtime.shopper_view drops the agent-only original_body and translation
        "language": message.language,
        "machine_translated": message.machine_translated,
        "original_body": message.original_body,
        "translation": message.translation,
    }


def _existing(conversation: Conversation, client_id: str) -> Message | None:
    if not client_id:
        return None
    return Message.objects.filter(conversation=conversation, client_id=client_id).first()


def _keep_attachments(message: Message, attachments: list) -> None:
    """``message.attachments.all()`` answers the uploads just linked (in id order, as a prefetch would)
    without reading them again."""
    linked = message.attachments.all()
    linked._result_cache, linked._prefetch_done = list(attachments), True
    message._prefetched_objects_cache = {"attachments": linked}


def _store(conversation: Conversation, *, kind: str, body: str, client_id: str, agent: Agent | None, state,
           attachment_ids=(), fields=None, now=None):
    """Insert the message, link its uploads and apply ``state(conversation, now, message)`` under the
    conversation's lock. A client id sent before is found by the unique constraint (the insert fails,
    nothing is written, the first message is returned): a send costs no lookup beforehand."""
    attachment_ids = attachment_actions.clean_attachment_ids(attachment_ids)
    text, masked = clean_body(body, allow_empty=bool(attachment_ids))
    client_id = (client_id or "")[:64]
    try:
        with transaction.atomic():
            locked = lock_conversation(conversation.pk)
            now = now or timezone.now()
            message = Message.objects.create(
                shop_id=locked.shop_id, conversation=locked, kind=kind, body=text, client_id=client_id, agent=agent,
                created_at=now, **(fields or {}),
            )
            attachments = attachment_actions.attach_to_message(message, attachment_ids)
            _keep_attachments(message, attachments)
            changed = state(locked, now, message)
            locked.last_activity_at = now
            locked.save(update_fields=["last_activity_at", *changed])
            TimelineEvent.objects.create(
                shop_id=locked.shop_id, conversation=locked, kind=realtime.MESSAGE_CREATED,
                actor=_actor(kind), agent=agent, data={"message_id": str(message.pk), "cards_masked": masked,
                                                       "attachment_ids": [str(a.pk) for a in attachments]},
            )
            payload = serialize_message(message, attachments)
            transaction.on_commit(lambda: realtime.broadcast(
                realtime.MESSAGE_CREATED, payload, shop_id=locked.shop_id, conversation_id=locked.pk, message_kind=kind
            ))
    except IntegrityError:
        if found := _existing(conversation, client_id):  # a retry, or a concurrent retry stored it first
            return found, False
        raise
    logger.info("messages.created", extra={"message_id": message.pk, "kind": kind, "cards_masked": masked})
    return message, True


def enqueue_auto_response(message: Message) -> None:
    """After a shopper's chat message, a task translates it for the agents (when the shop has that
    on) and takes the bot's turn (greeting, hours, order status, FAQ, hand-off). With the broker down
    the message is kept and the agents still see it; the instant reply and translation are lost."""
    from support.tasks import auto_respond_task  # tasks import the actions

    try:
        auto_respond_task.delay(message.pk)
    except Exception:  # noqa: BLE001 - broker down: no instant reply, nothing else lost
        logger.warning("autoresponses.enqueue_failed", extra={"message_id": message.pk})


def _actor(kind: str) -> str:
    return {MessageKind.SHOPPER: "shopper", MessageKind.BOT: "bot", MessageKind.SYSTEM: "system"}.get(kind, "agent")


def receive_customer_message(conversation: Conversation, *, body: str, client_id: str,
                             attachment_ids=(), now=None) -> tuple[Message, bool]:
    awaited = []  # set under the lock: whether an agent's reply may have left nudges waiting

    def state(locked, now, message):
        changed = []
        # Nudges are scheduled after an agent's reply, which clears ``waiting_since``, and cancelled by
        # the shopper's next message, which sets it: a shopper already waiting, or never answered by
        # an agent, has none to cancel (a statement less on most messages).
        awaited.append(locked.waiting_since is None and locked.first_response_at is not None)
        if locked.channel == Channel.CHAT:  # the bot's turn is owed until it has run (swept if its task is lost)
            locked.bot_pending_message_id = message.pk
            changed.append("bot_pending_message_id")
        if locked.waiting_since is None:
            locked.waiting_since = now
            changed.append("waiting_since")
        if locked.status != ConversationStatus.OPEN:  # a shopper writing reopens and wakes
            locked.status, locked.snoozed_until = ConversationStatus.OPEN, None
            changed += ["status", "snoozed_until"]
        return changed + sla_actions.on_shopper_message(locked, now=now)  # resume, start the clocks

    message, created = _store(conversation, kind=MessageKind.SHOPPER, body=body, client_id=client_id, agent=None,
                              state=state, attachment_ids=attachment_ids, now=now)
    if created and awaited[-1]:
        from support.actions.followup_kinds.awaiting import cancel_awaiting  # the kinds import this module

        cancel_awaiting(conversation)  # the shopper answered: no nudge, no automatic resolve
    if created:
        if conversation.channel == Channel.CHAT:
            # One task after commit does the rest, off the request: the translation for agents who read
            # another language, and the bot's turn.
            transaction.on_commit(lambda: enqueue_auto_response(message))
        else:
            translation_actions.schedule_translation(message)
    return message, created


def send_agent_reply(conversation: Conversation, *, agent: Agent, body: str, client_id: str,
                     attachment_ids=(), original_body: str = "", language: str = "", now=None) -> tuple[Message, bool]:
    """``original_body``: the agent's own words when ``body`` is their machine translation into
    ``language`` (see ``actions/translation.send_translated_reply``)."""
    def state(locked, now, _message):
        changed, previous = ["waiting_since", "status"], locked.status
        if locked.first_response_at is None:
            locked.first_response_at = now
            changed.append("first_response_at")
        locked.waiting_since = None
        if locked.status in (ConversationStatus.OPEN, ConversationStatus.SNOOZED):
            locked.status = ConversationStatus.PENDING  # now waiting for the shopper
        changed += sla_actions.on_agent_reply(locked, agent=agent, now=now)  # the response target met or missed
        return changed + sla_actions.on_status_change(locked, previous=previous, now=now, agent=agent)

    translated = {"original_body": original_body, "machine_translated": True, "language": language}
    message, created = _store(conversation, kind=MessageKind.AGENT, body=body, client_id=client_id, agent=agent,
                              state=state, attachment_ids=attachment_ids, fields=translated if original_body else None,
                              now=now)
    if created:
        email_actions.schedule_email_reply(message)  # a shopper without an open widget gets it by email
        from support.actions.followup_kinds.awaiting import schedule_awaiting  # the kinds import this module

        schedule_awaiting(message)  # a nudge, then an automatic resolve, while the shopper does not answer
    return message, created


def send_bot_reply(conversation: Conversation, *, body: str, key: str, client_id: str) -> tuple[Message, bool]:
    """An automatic reply (``key`` names which: never the same one twice in a row). It is not a
    person's answer: the shopper still waits for one, and SLA clocks keep running."""
    def state(locked, now, _message):
        locked.last_bot_key = key[:48]
        return ["last_bot_key"]

    return _store(conversation, kind=MessageKind.BOT, body=body, client_id=client_id, agent=None, state=state)


def add_internal_note(conversation: Conversation, *, agent: Agent, body: str, client_id: str,
                      attachment_ids=()) -> tuple[Message, bool]:
    return _store(conversation, kind=MessageKind.NOTE, body=body, client_id=client_id, agent=agent,
                  state=lambda locked, now, _message: [], attachment_ids=attachment_ids)
