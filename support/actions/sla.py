"""The SLA clocks of a conversation: the deadline of the answer the shopper waits for (first or next
response), of the resolution, pauses, and the follow-ups that warn, record a breach and escalate
(``support/actions/sla_escalation.py``).

The hooks are called by the message and conversation actions under the conversation's lock and inside
their transaction. Each changes the locked row in memory and returns the names of the fields it changed
(the caller saves them with its own); events and follow-ups are written in the same transaction.

- A shopper's message while no response is due starts the response clock: ``first_response`` when no
  agent ever replied, else ``next_response``; the first one also starts the resolution clock.
- An agent's reply meets or misses the response target (one ``SlaEvent`` hit or breach: a breach the
  follow-up already recorded is not recorded twice) and stops its warning, breach and ladder.
- Pending and snoozed stop the clocks (``sla_paused_at``); back to open, every deadline not yet missed
  moves on by the working time the pause lasted. A deadline missed before the pause stays; its ladder
  goes on one step interval after the resume.
- Resolved or closed: the resolution target is met or missed, every clock cleared.
- A new priority keeps the working time already used (pauses excluded) and counts it against the new
  tier's targets: as if the clocks had run with the new tier from the start. Deadlines already missed
  stay (their ladder goes on), so the ladder's own last step does not start it again.
Targets come from the shop's policy at the moment a clock starts; a policy changed later applies to the
clocks started after it."""
import logging
from datetime import UTC, datetime
from functools import cached_property

from support.actions.followups import cancel_followups, schedule_followups
from support.models import Conversation, ConversationStatus, FollowUp, FollowUpStatus, SlaEvent
from support.rules.hours import ALWAYS_OPEN
from support.rules.sla import (
    FIRST_RESPONSE,
    LADDER,
    NEXT_RESPONSE,
    RESOLUTION,
    add_working_time,
    ladder_gap,
    warning_at,
    working_time_between,
)
from support.selectors.hours import schedule_for
from support.selectors.sla import targets_for

logger = logging.getLogger(__name__)

WARNING, BREACH, ESCALATE = "sla_warning", "sla_breach", "sla_escalate"
SLA_KINDS = (WARNING, BREACH, ESCALATE)
PAUSED = (ConversationStatus.PENDING, ConversationStatus.SNOOZED)
DONE = (ConversationStatus.RESOLVED, ConversationStatus.CLOSED)
REARMABLE = (FollowUpStatus.CANCELLED, FollowUpStatus.SKIPPED)


class Clock:
    """A tier's targets in a shop and the schedule they count in, read when first needed."""

    def __init__(self, conversation: Conversation, priority: str | None = None):
        self.shop_id = conversation.shop_id
        self.priority = priority or conversation.priority

    @cached_property
    def targets(self):
        return targets_for(self.shop_id, self.priority)

    @cached_property
    def schedule(self):
        return schedule_for(self.shop_id) if self.targets.business_hours else ALWAYS_OPEN

    def minutes(self, target: str) -> int:
        return self.targets.minutes(target)

    def add(self, at: datetime, minutes) -> datetime:
        return add_working_time(at, minutes, self.schedule, business_hours=self.targets.business_hours)

    def between(self, start: datetime, end: datetime):
        return working_time_between(start, end, self.schedule, self.targets.business_hours)


# --- the hooks ------------------------------------------------------------------------------------

def on_shopper_message(locked: Conversation, *, now: datetime) -> list[str]:
    """After a shopper's message reopened the conversation: resume, then start what is not running."""
    if locked.status != ConversationStatus.OPEN:
        return []
    clock = Clock(locked)
    changed = _resume(locked, clock, now) if locked.sla_paused_at else []
    plans = []
    if locked.response_due_at is None:
        target = FIRST_RESPONSE if locked.first_response_at is None else NEXT_RESPONSE
        locked.response_target, locked.response_due_at = target, clock.add(now, clock.minutes(target))
        plans += _arm(clock, target, locked.response_due_at, now)
        changed += ["response_target", "response_due_at"]
    if locked.resolution_due_at is None:
        locked.resolution_due_at = clock.add(now, clock.minutes(RESOLUTION))
        plans += _arm(clock, RESOLUTION, locked.resolution_due_at, now)
        changed.append("resolution_due_at")
    schedule_sla_followups(locked, plans)  # a first message: four follow-ups, one statement
    return changed


def on_agent_reply(locked: Conversation, *, agent, now: datetime) -> list[str]:
    """An agent answered: the response target is met or missed, its follow-ups and ladder stop."""
    if locked.response_due_at is None:
        return []
    target = locked.response_target
    record_outcome(locked, target, locked.response_due_at, at=locked.sla_paused_at or now, agent=agent)
    cancel_sla_followups(locked, "sla_responded", targets=(target,))
    locked.response_due_at, locked.response_target, locked.sla_level = None, "", 0
    return ["response_due_at", "response_target", "sla_level"]


def on_status_change(locked: Conversation, *, previous: str, now: datetime, agent=None) -> list[str]:
    """After the status moved from ``previous`` to ``locked.status``."""
    if previous == locked.status:
        return []
    if locked.status in DONE:
        return [] if previous in DONE else _finish(locked, now, agent)
    if locked.status in PAUSED and locked.sla_paused_at is None and _deadlines(locked):
        locked.sla_paused_at = now
        cancel_sla_followups(locked, "sla_paused")
        return ["sla_paused_at"]
    if locked.status == ConversationStatus.OPEN and locked.sla_paused_at is not None:
        return _resume(locked, Clock(locked), now)
    return []


def on_priority_change(locked: Conversation, *, previous: str, now: datetime) -> list[str]:
    """After the priority moved from ``previous``: deadlines not yet missed follow the new tier."""
    if previous == locked.priority or locked.status in DONE:
        return []
    old, new = Clock(locked, previous), Clock(locked)
    reference = locked.sla_paused_at or now
    changed, plans = [], []
    for target, field, due in _deadlines(locked):
        if due <= reference:
            continue  # missed already: the breach stands and the ladder goes on
        used = old.minutes(target) - old.between(reference, due).total_seconds() / 60
        new_due = new.add(reference, new.minutes(target) - used)
        if new_due == due:
            continue
        cancel_sla_followups(locked, "sla_priority_changed", targets=(target,))
        setattr(locked, field, new_due)
        changed.append(field)
        if locked.sla_paused_at is None:
            plans += _arm(new, target, new_due, now)
    schedule_sla_followups(locked, plans)
    return changed


# --- helpers shared with the escalation -----------------------------------------------------------

def record_outcome(locked: Conversation, target: str, due: datetime, *, at: datetime, agent=None,
                   missed: bool = False) -> SlaEvent | None:
    """One hit or breach per target and deadline (None when the breach was recorded already): met at
    ``at`` (the clock's stop when paused) unless it is after ``due`` or the deadline is ``missed``."""
    kind = "breach" if missed or at > due else "hit"
    if kind == "breach" and SlaEvent.objects.filter(conversation=locked, kind=kind, target=target, due_at=due).exists():
        return None
    return SlaEvent.objects.create(shop_id=locked.shop_id, conversation=locked, kind=kind, target=target,
                                   priority=locked.priority, due_at=due, agent=agent, data={"at": _iso(at)})


def schedule_sla_followup(locked: Conversation, kind: str, target: str, due: datetime, at: datetime,
                          level: int = 0) -> FollowUp:
    """One follow-up per conversation, target, deadline, kind (and ladder step). The same deadline
    cancelled by a pause (or skipped by a handler that ran during it) and due again after it (a pause in
    closed hours) is armed again; one that did its work is not run twice."""
    return schedule_sla_followups(locked, [(kind, target, due, at, level)])[0]


def schedule_sla_followups(locked: Conversation, plans: list[tuple]) -> list[FollowUp]:
    """``schedule_sla_followup`` for each ``(kind, target, due, at, level)`` of ``plans``, in one
    statement (and one more for those armed again)."""
    answers = schedule_followups([
        dict(shop=locked.shop_id, kind=kind, due_at=at, conversation=locked,
             key=f"sla:{locked.pk}:{target}:{_iso(due)}:{kind}" + (f":{level}" if level else ""),
             data={"target": target, "due_at": _iso(due), **({"level": level} if level else {})})
        for kind, target, due, at, level in plans
    ])
    for (row, created), (_kind, _target, _due, at, _level) in zip(answers, plans, strict=True):
        if not created and row.status in REARMABLE:
            FollowUp.objects.filter(pk=row.pk, status__in=REARMABLE).update(
                status=FollowUpStatus.SCHEDULED, due_at=at, outcome="", finished_at=None)
    return [row for row, _created in answers]


def cancel_sla_followups(locked: Conversation, outcome: str, targets=None) -> int:
    """Cancel the conversation's pending SLA follow-ups (of ``targets`` only, when given). One that a
    worker is running right now is skipped, not waited for: its handler waits for the conversation's
    lock and then finds the deadline gone."""
    rows = FollowUp.objects.select_for_update(skip_locked=True).filter(
        conversation=locked, kind__in=SLA_KINDS, status__in=(FollowUpStatus.SCHEDULED, FollowUpStatus.QUEUED))
    if targets is not None:
        rows = rows.filter(data__target__in=list(targets))
    ids = list(rows.values_list("pk", flat=True))
    return cancel_followups(FollowUp.objects.filter(pk__in=ids), outcome) if ids else 0


# --- inside -----------------------------------------------------------------------------------------

def _iso(at: datetime) -> str:
    return at.astimezone(UTC).isoformat()


def _deadlines(locked: Conversation) -> list[tuple[str, str, datetime]]:
    """``(target, field, due)`` of the running clocks."""
    found = []
    if locked.response_due_at is not None:
        found.append((locked.response_target, "response_due_at", locked.response_due_at))
    if locked.resolution_due_at is not None:
        found.append((RESOLUTION, "resolution_due_at", locked.resolution_due_at))
    return found


def _arm(clock: Clock, target: str, due: datetime, now: datetime) -> list[tuple]:
    """The plans (``schedule_sla_followups``) of a deadline's warning (unless its time has passed)
    and breach."""
    start = clock.add(due, -clock.minutes(target))
    warn = warning_at(start, due, clock.schedule, clock.targets.business_hours)
    return ([(WARNING, target, due, warn, 0)] if warn > now else []) + [(BREACH, target, due, due, 0)]


def _resume(locked: Conversation, clock: Clock, now: datetime) -> list[str]:
    paused_at, locked.sla_paused_at = locked.sla_paused_at, None
    changed, plans = ["sla_paused_at"], []
    for target, field, due in _deadlines(locked):
        if due > paused_at:
            due = clock.add(now, clock.between(paused_at, due))
            setattr(locked, field, due)
            changed.append(field)
        if target != RESOLUTION and locked.sla_level:
            if locked.sla_level < len(LADDER):
                level = locked.sla_level + 1
                at = clock.add(now, ladder_gap(clock.minutes(target), level))
                plans.append((ESCALATE, target, due, at, level))
        else:
            plans += _arm(clock, target, due, now)
    schedule_sla_followups(locked, plans)
    logger.info("sla.resumed", extra={"conversation_id": locked.pk})
    return changed


def _finish(locked: Conversation, now: datetime, agent) -> list[str]:
    if locked.resolution_due_at is not None:
        record_outcome(locked, RESOLUTION, locked.resolution_due_at, at=locked.sla_paused_at or now, agent=agent)
    cancel_sla_followups(locked, "sla_resolved")
    locked.response_due_at = locked.resolution_due_at = locked.sla_paused_at = None
    locked.response_target, locked.sla_level = "", 0
    return ["response_due_at", "response_target", "resolution_due_at", "sla_paused_at", "sla_level"]
