"""Dispute deadline reminders (``dispute_reminder``, for the agents): a conversation tagged
``chargeback``, ``dispute`` or ``payment-dispute`` has its evidence deadline at the tag's time plus the
shop's ``dispute_deadline_hours``; the agents are reminded 24 h and 4 h before it
(``rules.followup_timing.dispute_reminders``).

``schedule_reminders`` runs in the tags' transaction (``actions/conversations.set_tags``) for the tags
just added: keys ``dispute:<tag row id>:<hours>h`` (a tag removed and added again is a new tag event
with its own deadline). The handler skips a reminder whose tag was removed since or whose conversation
is resolved or closed; else it writes a ``dispute.reminder`` timeline event and sends the agents
``conversation.updated`` (change ``dispute.reminder``, the tag, the deadline, how many hours before it)."""
from datetime import datetime

from django.db import transaction

from support import realtime
from support.actions.followups import schedule_followup
from support.actions.support_settings import support_settings
from support.models import Conversation, ConversationStatus, ConversationTag, FollowUp, TimelineEvent
from support.rules.followup_timing import DISPUTE_TAGS, dispute_reminders

KIND = "dispute_reminder"
REMINDER = "dispute.reminder"


def schedule_reminders(conversation: Conversation, tags: list[ConversationTag], *, now: datetime) -> list[FollowUp]:
    disputes = [tag for tag in tags if tag.name in DISPUTE_TAGS]
    if not disputes:
        return []
    hours = support_settings(conversation.shop).dispute_deadline_hours
    return [schedule_followup(shop=conversation.shop, kind=KIND, key=f"dispute:{tag.pk}:{before}h", due_at=due,
                              conversation=conversation,
                              data={"tag": tag.name, "tag_id": tag.pk, "deadline": deadline.isoformat(),
                                    "hours_before": before})[0]
            for tag in disputes for before, due, deadline in dispute_reminders(now, hours)]


def handle(followup: FollowUp, now: datetime) -> str:
    conversation = followup.conversation
    if conversation.status in (ConversationStatus.RESOLVED, ConversationStatus.CLOSED):
        return "skipped_resolved"
    if not ConversationTag.objects.filter(pk=followup.data["tag_id"], conversation=conversation).exists():
        return "skipped_tag_removed"
    data = {"tag": followup.data["tag"], "deadline": followup.data["deadline"],
            "hours_before": followup.data["hours_before"]}
    TimelineEvent.objects.create(shop_id=conversation.shop_id, conversation=conversation, kind=REMINDER,
                                 actor="system", data=data)
    payload = {"conversation_id": str(conversation.pk), "change": REMINDER, **data}
    transaction.on_commit(lambda: realtime.broadcast(
        realtime.CONVERSATION_UPDATED, payload, shop_id=conversation.shop_id, conversation_id=conversation.pk))
    return "reminded"
