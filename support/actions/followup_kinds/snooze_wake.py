"""Snooze wake-up (``snooze_wake``, for the agents): a snoozed conversation opens again at its time.

``schedule_wake`` runs in the snooze's transaction (``actions/conversations.snooze``): key
``snooze:<conversation id>:<until, ISO>``. A snooze changed since (snoozed again to another time,
opened by an agent, woken by the shopper's message) leaves the earlier wake-up with nothing to do: the
handler opens the conversation only while it is still snoozed until that very time, through
``set_status`` (a ``conversation.status_changed`` event by the system, ``conversation.updated`` to the
agents)."""
from datetime import datetime

from support.actions.conversations import set_status
from support.actions.followups import schedule_followup
from support.models import Conversation, ConversationStatus, FollowUp
from support.selectors.locks import lock_conversation

KIND = "snooze_wake"


def schedule_wake(conversation: Conversation, *, until: datetime, agent=None) -> FollowUp:
    row, _ = schedule_followup(shop=conversation.shop, kind=KIND, key=f"snooze:{conversation.pk}:{until.isoformat()}",
                               due_at=until, conversation=conversation, agent=agent,
                               data={"until": until.isoformat()})
    return row


def handle(followup: FollowUp, now: datetime) -> str:
    conversation = lock_conversation(followup.conversation_id)
    until = datetime.fromisoformat(followup.data["until"])
    if conversation.status != ConversationStatus.SNOOZED or conversation.snoozed_until != until:
        return "skipped_snooze_changed"
    set_status(conversation, agent=None, status=ConversationStatus.OPEN, now=now)
    return "woke"
