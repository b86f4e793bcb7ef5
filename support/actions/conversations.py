"""Writes of conversations: start or resume, assign, status, snooze, tags, bulk changes. Each change
is one transaction under the conversation's lock, one timeline event, and an agents-only broadcast
after commit."""
import logging

from django.db import transaction
from django.utils import timezone

from shopapp.models import Agent
from shopapp.refusals import Refused
from support import realtime
from support.actions import sla as sla_actions
from support.models import Channel, Conversation, ConversationStatus, ConversationTag, Customer, TimelineEvent
from support.selectors.locks import lock_conversation, lock_conversations

logger = logging.getLogger(__name__)

ACTIVE = (ConversationStatus.OPEN, ConversationStatus.PENDING, ConversationStatus.SNOOZED)
MAX_TAGS = 20


class ChangeRefused(Refused):
    pass


def start_or_resume(
    customer: Customer, *, channel: str = Channel.CHAT, language: str = ""
) -> tuple[Conversation, bool]:
    """The shopper's active conversation on that channel, or a new one."""
    with transaction.atomic():
        Customer.objects.select_for_update().filter(pk=customer.pk).first()  # one new conversation at a time
        current = (
            Conversation.objects.filter(customer=customer, channel=channel, status__in=ACTIVE)
            .order_by("-last_activity_at").first()
        )
        if current is not None:
            return current, False
        conversation = Conversation.objects.create(
            shop_id=customer.shop_id, customer=customer, channel=channel, language=language[:16],
            last_activity_at=timezone.now(),
        )
        TimelineEvent.objects.create(shop_id=customer.shop_id, conversation=conversation, kind="conversation.started",
                                     actor="shopper", data={"channel": channel})
    logger.info("conversations.started", extra={"conversation_id": conversation.pk, "channel": channel})
    return conversation, True


def _record(conversation: Conversation, kind: str, agent: Agent | None, data: dict):
    TimelineEvent.objects.create(shop_id=conversation.shop_id, conversation=conversation, kind=kind,
                                 actor="agent" if agent else "system", agent=agent, data=data)
    payload = {"conversation_id": str(conversation.pk), "change": kind, **data}
    transaction.on_commit(lambda: realtime.broadcast(
        realtime.CONVERSATION_UPDATED, payload, shop_id=conversation.shop_id, conversation_id=conversation.pk
    ))


def assign(conversation: Conversation, *, agent: Agent, assignee: Agent | None) -> Conversation:
    if assignee is not None and (assignee.shop_id != conversation.shop_id or not assignee.is_active):
        raise ChangeRefused("assignee_not_in_shop")
    with transaction.atomic():
        locked = lock_conversation(conversation.pk)
        if locked.assignee_id == (assignee.pk if assignee else None):
            return locked
        locked.assignee = assignee
        locked.save(update_fields=["assignee"])
        _record(locked, "conversation.assigned", agent, {"assignee_id": str(assignee.pk) if assignee else None})
    return locked


def set_status(conversation: Conversation, *, agent: Agent | None, status: str, now=None) -> Conversation:
    if status not in ConversationStatus.values or status == ConversationStatus.SNOOZED:
        raise ChangeRefused("invalid_status")  # snoozing goes through snooze(), which needs a time
    with transaction.atomic():
        locked = lock_conversation(conversation.pk)
        if locked.status == status:
            return locked
        previous = locked.status
        locked.status, locked.snoozed_until = status, None
        if status in (ConversationStatus.RESOLVED, ConversationStatus.CLOSED):
            locked.waiting_since = None
        clocks = sla_actions.on_status_change(locked, previous=previous, now=now or timezone.now(), agent=agent)
        locked.save(update_fields=["status", "snoozed_until", "waiting_since", *clocks])
        _record(locked, "conversation.status_changed", agent, {"from": previous, "to": status})
    return locked


def snooze(conversation: Conversation, *, agent: Agent, until, now=None) -> Conversation:
    now = now or timezone.now()
    if until is None or until <= now:
        raise ChangeRefused("snooze_not_in_future")
    with transaction.atomic():
        locked = lock_conversation(conversation.pk)
        previous, locked.status, locked.snoozed_until = locked.status, ConversationStatus.SNOOZED, until
        clocks = sla_actions.on_status_change(locked, previous=previous, now=now, agent=agent)  # pending time
        locked.save(update_fields=["status", "snoozed_until", *clocks])
        _record(locked, "conversation.snoozed", agent, {"until": until.isoformat()})
        from support.actions.followup_kinds.snooze_wake import schedule_wake  # the kinds import this module

        schedule_wake(locked, until=until, agent=agent)  # opens it again at that time
    return locked


def clean_tags(names) -> list[str]:
    """Pure rule: trimmed, lower-case, unique, at most ``MAX_TAGS`` of at most 64 characters."""
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ChangeRefused("tags_not_a_list_of_text")
    cleaned = sorted({name.strip().lower()[:64] for name in names if name.strip()})
    if len(cleaned) > MAX_TAGS:
        raise ChangeRefused("too_many_tags")
    return cleaned


def set_tags(conversation: Conversation, *, agent: Agent, names) -> list[str]:
    wanted = clean_tags(names)
    with transaction.atomic():
        locked = lock_conversation(conversation.pk)
        current = set(locked.tags.values_list("name", flat=True))
        if current == set(wanted):
            return wanted
        locked.tags.exclude(name__in=wanted).delete()
        added = ConversationTag.objects.bulk_create(
            [ConversationTag(shop_id=locked.shop_id, conversation=locked, name=n) for n in wanted if n not in current]
        )
        _record(locked, "conversation.tagged", agent, {"tags": wanted})
        from support.actions.followup_kinds.dispute_reminder import schedule_reminders  # the kinds import this module

        schedule_reminders(locked, added, now=timezone.now())  # a dispute tag: reminders before its deadline
    return wanted


def bulk_update(conversations, *, agent: Agent, status: str | None = None, assignee: Agent | None = None,
                assign: bool = False) -> int:
    """Close or assign many conversations at once (locks taken in pk order: no deadlock)."""
    if status is not None and status not in (ConversationStatus.RESOLVED, ConversationStatus.CLOSED):
        raise ChangeRefused("bulk_status_must_close")
    if assign and assignee is not None and assignee.shop_id != agent.shop_id:
        raise ChangeRefused("assignee_not_in_shop")
    changed = 0
    with transaction.atomic():
        for locked in lock_conversations([c.pk for c in conversations]):
            if status is not None and locked.status != status:
                previous, locked.status, locked.waiting_since, locked.snoozed_until = locked.status, status, None, None
                clocks = sla_actions.on_status_change(locked, previous=previous, now=timezone.now(), agent=agent)
                locked.save(update_fields=["status", "waiting_since", "snoozed_until", *clocks])
                _record(locked, "conversation.status_changed", agent, {"from": previous, "to": status})
                changed += 1
            if assign and locked.assignee_id != (assignee.pk if assignee else None):
                locked.assignee = assignee
                locked.save(update_fields=["assignee"])
                _record(locked, "conversation.assigned", agent,
                        {"assignee_id": str(assignee.pk) if assignee else None})
                changed += 1
    return changed
