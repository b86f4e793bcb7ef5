"""Send later (``send_later``, reaches the shopper): an agent's reply scheduled for a time, by default
the shopper's next morning (09:00 on their clock, their zone as the quiet hours read it:
``actions/followups.followup_zone``).

``schedule_reply`` stores the body (checked and card numbers masked as any reply) in the row's data;
key ``later:<conversation id>:<client id>`` (a repeated request with the same client id returns the
first row; without a client id every request is a new one). A ``message.scheduled`` timeline event
records it. ``cancel_reply`` cancels it while it has not run (``message.schedule_cancelled``). The
handler sends it with ``send_agent_reply`` as that agent (client id ``followup:<id>``: once), unless
the conversation is closed or the agent is gone or deactivated."""
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from shopapp.models import Agent
from shopapp.refusals import Refused
from support.actions.followups import cancel_followups, followup_zone, schedule_followup
from support.actions.messages import clean_body, send_agent_reply
from support.models import Conversation, ConversationStatus, FollowUp, TimelineEvent
from support.rules.followup_timing import next_morning
from support.selectors.locks import lock_conversation
from support.selectors.scheduled_replies import KIND

MAX_AHEAD = timedelta(days=30)
SCHEDULED = "message.scheduled"
SCHEDULE_CANCELLED = "message.schedule_cancelled"


class ScheduleRefused(Refused):
    """``conversation_closed``, ``send_at_not_in_future``, ``send_at_too_far``, ``not_scheduled``."""


def shoppers_morning(conversation: Conversation, now: datetime) -> datetime:
    zone = followup_zone(FollowUp(shop=conversation.shop, conversation=conversation, customer=conversation.customer))
    return next_morning(now, ZoneInfo(zone))


def schedule_reply(conversation: Conversation, *, agent: Agent, body: str, client_id: str = "",
                   send_at: datetime | None = None, now: datetime | None = None) -> tuple[FollowUp, bool]:
    now = now or timezone.now()
    text, _ = clean_body(body)
    if conversation.status == ConversationStatus.CLOSED:
        raise ScheduleRefused("conversation_closed")
    if send_at is None:
        send_at = shoppers_morning(conversation, now)
    elif send_at <= now:
        raise ScheduleRefused("send_at_not_in_future")
    elif send_at > now + MAX_AHEAD:
        raise ScheduleRefused("send_at_too_far")
    key = f"later:{conversation.pk}:{client_id or uuid.uuid4().hex}"
    with transaction.atomic():
        row, created = schedule_followup(shop=conversation.shop, kind=KIND, key=key, due_at=send_at,
                                         conversation=conversation, customer=conversation.customer, agent=agent,
                                         data={"body": text, "client_id": client_id})
        if created:
            _event(conversation, SCHEDULED, agent, row)
    return row, created


def cancel_reply(conversation: Conversation, row: FollowUp, *, agent: Agent) -> FollowUp:
    """Cancel a scheduled reply of ``conversation`` (``row`` from ``selectors.scheduled_replies``)."""
    with transaction.atomic():
        if not cancel_followups(FollowUp.objects.filter(pk=row.pk, kind=KIND, conversation=conversation),
                                "cancelled_by_agent"):
            raise ScheduleRefused("not_scheduled")  # it ran (or was cancelled) first
        _event(conversation, SCHEDULE_CANCELLED, agent, row)
    row.refresh_from_db()
    return row


def _event(conversation: Conversation, kind: str, agent: Agent, row: FollowUp) -> None:
    TimelineEvent.objects.create(shop_id=conversation.shop_id, conversation=conversation, kind=kind, actor="agent",
                                 agent=agent, data={"followup_id": str(row.pk), "send_at": row.due_at.isoformat()})


def handle(followup: FollowUp, now: datetime) -> str:
    conversation = lock_conversation(followup.conversation_id)
    if conversation.status == ConversationStatus.CLOSED:
        return "skipped_conversation_closed"
    agent = followup.agent
    if agent is None or not agent.is_active:
        return "skipped_agent_gone"
    if conversation.customer.redacted_at is not None:
        return "skipped_redacted"
    send_agent_reply(conversation, agent=agent, body=followup.data["body"], client_id=f"followup:{followup.pk}",
                     now=now)
    return "sent"
