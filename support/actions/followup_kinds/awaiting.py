"""Awaiting the shopper: after an agent's reply leaves a conversation pending, a nudge
(``awaiting_nudge``, reaches the shopper) after the shop's ``nudge_after_hours`` and a resolve
(``awaiting_resolve``, does not write to the shopper) after ``resolve_after_hours``; 0 hours turns
either off.

``schedule_awaiting`` runs after the reply is stored (``actions/messages.send_agent_reply``): keys
``nudge:<message id>`` and ``resolve:<message id>``; the follow-ups of an earlier reply are cancelled
(``superseded``). ``cancel_awaiting`` runs when the shopper writes (``receive_customer_message``).
Both handlers lock the conversation and check again that it is still pending with no shopper message
after the reply, so a shopper writing at the same moment is never nudged or resolved."""
from datetime import datetime, timedelta

from support.actions.conversations import set_status
from support.actions.followups import cancel_followups, schedule_followup
from support.actions.support_settings import support_settings
from support.models import Conversation, ConversationStatus, FollowUp, Message, MessageKind, TimelineEvent
from support.rules.followup_text import nudge_text
from support.selectors.locks import lock_conversation

from .shopper import language_of, post_notice

NUDGE = "awaiting_nudge"
RESOLVE = "awaiting_resolve"
AUTO_RESOLVED = "conversation.auto_resolved"


def _awaiting(conversation: Conversation):
    return FollowUp.objects.filter(conversation=conversation, kind__in=(NUDGE, RESOLVE))


def schedule_awaiting(message: Message) -> list[FollowUp]:
    """After an agent's reply (``message``, its conversation as the reply left it)."""
    conversation = message.conversation
    if conversation.status != ConversationStatus.PENDING:
        return []
    settings = support_settings(conversation.shop)
    plan = [(kind, f"{prefix}:{message.pk}", hours) for kind, prefix, hours in (
        (NUDGE, "nudge", settings.nudge_after_hours), (RESOLVE, "resolve", settings.resolve_after_hours)) if hours]
    cancel_followups(_awaiting(conversation).exclude(key__in=[key for _, key, _ in plan]), "superseded")
    return [schedule_followup(shop=conversation.shop, kind=kind, key=key,
                              due_at=message.created_at + timedelta(hours=hours), conversation=conversation,
                              customer=conversation.customer, agent=message.agent,
                              data={"message_id": message.pk, "hours": hours})[0]
            for kind, key, hours in plan]


def cancel_awaiting(conversation: Conversation) -> int:
    return cancel_followups(_awaiting(conversation), "shopper_replied")


def _waiting(followup: FollowUp) -> tuple[Conversation, str]:
    """The locked conversation, and why it no longer waits for the shopper (``""`` when it does)."""
    conversation = lock_conversation(followup.conversation_id)
    if conversation.status != ConversationStatus.PENDING:
        return conversation, "skipped_not_pending"
    answered = Message.objects.filter(conversation=conversation, kind=MessageKind.SHOPPER,
                                      pk__gt=followup.data.get("message_id", 0))
    if answered.exists():
        return conversation, "skipped_shopper_answered"
    return conversation, ""


def handle_nudge(followup: FollowUp, now: datetime) -> str:
    conversation, reason = _waiting(followup)
    if reason:
        return reason
    customer = conversation.customer
    if customer.redacted_at is not None:
        return "skipped_redacted"
    key, body = nudge_text(language=language_of(customer, conversation=conversation))
    post_notice(followup, conversation, key=key, body=body)
    return "sent"


def handle_resolve(followup: FollowUp, now: datetime) -> str:
    conversation, reason = _waiting(followup)
    if reason:
        return reason
    set_status(conversation, agent=None, status=ConversationStatus.RESOLVED, now=now)
    TimelineEvent.objects.create(shop_id=conversation.shop_id, conversation=conversation, kind=AUTO_RESOLVED,
                                 actor="system", data={"after_hours": followup.data.get("hours"),
                                                       "message_id": str(followup.data.get("message_id"))})
    return "resolved"
