"""The SLA follow-ups' handlers (agent-facing: nothing reaches the shopper): the warning at 75% of a
target, the breach at 100%, and the escalation ladder after a missed response (``LADDER`` in
``support/rules/sla.py``): notify the assignee (at the breach), the supervisors, reassign to an online
agent, raise the priority. Each step is an ``SlaEvent`` escalated and one more ``sla_level``; the next
step is an ``sla_escalate`` follow-up at its time. A handler does nothing ("skipped_...") when its
deadline is no longer the conversation's (answered, resolved, paused, moved by a new priority).

Handlers run inside the follow-up's transaction (``support/actions/followups.run_followup``): the
conversation's lock, the events and the next step commit with the follow-up's move to done."""
import logging
from datetime import datetime

from django.db import transaction
from django.db.models import Count, Q

from shopapp.models import Agent, Role
from support import presence, realtime
from support.actions import conversations as conversation_actions
from support.actions import sla as clocks
from support.models import Conversation, ConversationStatus, FollowUp, SlaEvent, TimelineEvent
from support.rules.sla import LADDER, RESOLUTION, ladder_gap, raised
from support.selectors.locks import lock_conversation

logger = logging.getLogger(__name__)

SUPERVISOR_ROLES = (Role.SUPERVISOR, Role.ADMIN, Role.OWNER)


def warn(followup: FollowUp, now: datetime) -> str:
    locked, target, due = _deadline(followup)
    if not _still_due(locked, target, due):
        return "skipped_not_due"
    _event(locked, "warning", target, due, agent=locked.assignee_id)
    _broadcast(locked, realtime.SLA_WARNING, target, due, {"assignee_id": _id(locked.assignee_id)})
    return "warned"


def breach(followup: FollowUp, now: datetime) -> str:
    locked, target, due = _deadline(followup)
    if not _still_due(locked, target, due):
        return "skipped_not_due"
    clocks.record_outcome(locked, target, due, at=now, agent=locked.assignee, missed=True)
    _broadcast(locked, realtime.SLA_BREACHED, target, due, {"assignee_id": _id(locked.assignee_id)})
    if target != RESOLUTION and locked.sla_level == 0:
        _take_step(locked, target, due, level=1, step_at=followup.due_at, now=now)
    return "breached"


def escalate(followup: FollowUp, now: datetime) -> str:
    locked, target, due = _deadline(followup)
    level = int(followup.data.get("level", 0))
    if not _still_due(locked, target, due):
        return "skipped_not_due"
    if not 1 <= level <= len(LADDER) or locked.sla_level != level - 1:
        return "skipped_level"
    _take_step(locked, target, due, level=level, step_at=followup.due_at, now=now)
    return f"escalated_{LADDER[level - 1]}"


# --- the ladder ------------------------------------------------------------------------------------

def _notify_assignee(locked: Conversation, now: datetime) -> dict:
    return {"assignee_id": _id(locked.assignee_id)}


def _notify_supervisors(locked: Conversation, now: datetime) -> dict:
    ids = (Agent.objects.filter(shop_id=locked.shop_id, is_active=True, role__in=SUPERVISOR_ROLES)
           .order_by("pk").values_list("pk", flat=True))
    return {"supervisor_ids": [str(pk) for pk in ids]}


def _reassign_online(locked: Conversation, now: datetime) -> dict:
    """The shop's active agent who is online (not away), not the assignee, with the fewest open
    conversations (the lowest id among equals); assigned by the system."""
    online = [pk for pk, status in presence.agents_online(locked.shop_id, now=now.timestamp()).items()
              if status == "online"]
    chosen = (Agent.objects.filter(shop_id=locked.shop_id, is_active=True, pk__in=online)
              .exclude(pk=locked.assignee_id)
              .annotate(open_count=Count("assigned_conversations",
                                         filter=Q(assigned_conversations__status=ConversationStatus.OPEN)))
              .order_by("open_count", "pk").first())
    previous = _id(locked.assignee_id)
    if chosen is None:
        return {"assignee_id": previous, "outcome": "nobody_online"}
    conversation_actions.assign(locked, agent=None, assignee=chosen)
    locked.assignee = chosen  # the assign action saved it
    return {"assignee_id": str(chosen.pk), "previous_assignee_id": previous}


def _raise_priority(locked: Conversation, now: datetime) -> dict:
    previous = locked.priority
    locked.priority = raised(previous)
    if locked.priority == previous:
        return {"priority": previous, "outcome": "already_highest"}
    changed = clocks.on_priority_change(locked, previous=previous, now=now)
    locked.save(update_fields=["priority", *changed])
    data = {"priority": locked.priority, "previous": previous, "reason": "sla_escalation"}
    TimelineEvent.objects.create(shop_id=locked.shop_id, conversation=locked, kind="conversation.priority",
                                 actor="system", data=data)
    payload = {"conversation_id": str(locked.pk), "change": "conversation.priority", **data}
    transaction.on_commit(lambda: realtime.broadcast(realtime.CONVERSATION_UPDATED, payload,
                                                     shop_id=locked.shop_id, conversation_id=locked.pk))
    return {"priority": locked.priority, "previous_priority": previous}


STEPS = {
    "notify_assignee": _notify_assignee,
    "notify_supervisors": _notify_supervisors,
    "reassign_online": _reassign_online,
    "raise_priority": _raise_priority,
}


def _take_step(locked: Conversation, target: str, due: datetime, *, level: int, step_at: datetime,
               now: datetime) -> None:
    step, priority = LADDER[level - 1], locked.priority
    data = {"step": step, "level": level, **STEPS[step](locked, now)}
    locked.sla_level = level
    locked.save(update_fields=["sla_level"])
    SlaEvent.objects.create(shop_id=locked.shop_id, conversation=locked, kind="escalated", target=target,
                            priority=priority, due_at=due, data=data)
    _broadcast(locked, realtime.SLA_ESCALATED, target, due, data)
    if level < len(LADDER):
        clock = clocks.Clock(locked)
        at = clock.add(step_at, ladder_gap(clock.minutes(target), level + 1))
        clocks.schedule_sla_followup(locked, clocks.ESCALATE, target, due, at, level + 1)
    logger.info("sla.escalated", extra={"conversation_id": locked.pk, "step": step, "sla_level": level})


# --- inside -----------------------------------------------------------------------------------------

def _deadline(followup: FollowUp) -> tuple[Conversation, str, datetime]:
    locked = lock_conversation(followup.conversation_id)
    return locked, followup.data.get("target", ""), datetime.fromisoformat(followup.data["due_at"])


def _still_due(locked: Conversation, target: str, due: datetime) -> bool:
    if locked.status != ConversationStatus.OPEN or locked.sla_paused_at is not None:
        return False
    if target == RESOLUTION:
        return locked.resolution_due_at == due
    return locked.response_target == target and locked.response_due_at == due


def _event(locked: Conversation, kind: str, target: str, due: datetime, *, agent: int | None) -> None:
    SlaEvent.objects.create(shop_id=locked.shop_id, conversation=locked, kind=kind, target=target,
                            priority=locked.priority, due_at=due, agent_id=agent)


def _broadcast(locked: Conversation, event: str, target: str, due: datetime, data: dict) -> None:
    payload = {"conversation_id": str(locked.pk), "target": target, "due_at": due.isoformat(), **data}
    transaction.on_commit(lambda: realtime.broadcast(event, payload, shop_id=locked.shop_id,
                                                     conversation_id=locked.pk))


def _id(pk: int | None) -> str | None:
    return str(pk) if pk is not None else None
