"""The follow-up engine: due times in the database, a beat sweep, short tasks, exactly once.

- ``schedule_followup`` inserts one row per (shop, key): scheduling the same thing twice is a no-op.
- ``sweep_due_followups`` (beat, every 30 s) claims due ``scheduled`` rows with ``FOR UPDATE SKIP
  LOCKED`` in batches of ``BATCH``, each its own transaction that marks them ``queued`` and, after
  commit, enqueues them in chunks of ``CHUNK`` ids (``run_followups_task``); it carries on until nothing
  is due (or ``SWEEP_BUDGET`` seconds have passed: the next beat continues), so workers start on the
  first batch while the sweep claims the next. It also re-enqueues rows left ``queued`` for longer
  than ``REQUEUE_AFTER``: their task was lost (Redis flushed) or their worker was killed.
- ``run_followups`` runs a chunk in one transaction: it locks each still-``queued`` row right before
  its handler runs (``SKIP LOCKED``: a duplicate task finds nothing to do, and rows not run yet stay
  free for an action that cancels them), runs the kind's handler and moves the rows to
  ``done``/``skipped`` in the same transaction (one commit per chunk), so a handler's writes (a message
  with a client id derived from the follow-up) and the status commit together: a retried or duplicated
  task finds the row finished and does nothing, and a killed worker's chunk rolls back whole and is
  swept again. When
  a handler raises, the chunk rolls back (nothing of it is kept, its ``on_commit`` callbacks are
  dropped) and its rows run again one per transaction (``run_followup``); the one that raises is
  retried with backoff (30 s, doubling), then marked ``failed`` after ``MAX_ATTEMPTS``.
- A kind that ``reaches_shopper`` waits out the shopper's quiet hours (21:00-09:00 on the shopper's
  clock, ``support/rules/quiet_hours.py``): its handler is not called, the row is put back for the
  morning with the outcome ``quiet_hours``.

Handlers are registered by kind in ``support/actions/followup_handlers.py`` (a table, never an
if-chain, with whether the kind reaches the shopper): ``handler(followup, now) -> outcome``, where the
outcome is a short word ("sent", "skipped_conversation_open", ...) recorded on the row (one starting
with "skipped" marks it ``skipped``), or ``Later(due_at, outcome)`` to put it back to wait (a condition
not met yet). A handler runs inside the chunk's transaction with ``followup.shop``, ``.customer``,
``.conversation`` (and its customer) and ``.order`` (and its customer) loaded; it must keep side effects
outside the database for ``transaction.on_commit``, as it may run again after a rollback."""
import json
import logging
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from support.models import FollowUp, FollowUpStatus
from support.rules.quiet_hours import quiet_until, shopper_zone

logger = logging.getLogger(__name__)

BATCH = 5_000  # rows claimed per sweep transaction
SWEEP_LIMIT = 500_000  # rows claimed per sweep at most
SWEEP_BUDGET = 20.0  # seconds a sweep keeps claiming batches (under the 30 s beat)
CHUNK = 200  # ids per task
REQUEUE_AFTER = timedelta(minutes=5)
LOOKAHEAD = timedelta(seconds=30)  # one beat interval: rows due before the next sweep are claimed now
MAX_ATTEMPTS = 5
NOT_QUEUED = "not_queued"  # done, cancelled, or another worker has the row right now


@dataclass(frozen=True)
class Later:
    """A handler's answer: not now, at ``due_at`` (e.g. a condition not met yet)."""

    due_at: datetime
    outcome: str = "later"


def schedule_followup(*, shop, kind: str, key: str, due_at: datetime, conversation=None, order=None, customer=None,
                      agent=None, data=None) -> tuple[FollowUp, bool]:
    """One follow-up per (shop, key); returns the row and whether it was created now. A new row is one
    ``INSERT ... ON CONFLICT DO NOTHING`` (no savepoint: it runs inside the callers' transactions on the
    message path); an existing key reads the row that is there."""
    return schedule_followups([dict(shop=shop, kind=kind, key=key, due_at=due_at, conversation=conversation,
                                    order=order, customer=customer, agent=agent, data=data)])[0]


def schedule_followups(plans: list[dict]) -> list[tuple[FollowUp, bool]]:
    """``schedule_followup`` for several follow-ups (``plans``: its keyword arguments each) in one
    statement, e.g. the warnings and breaches a shopper's first message arms: one multi-row
    ``INSERT ... ON CONFLICT DO NOTHING``, then one read of the keys that were there already."""
    now = timezone.now()
    rows = []
    for plan in plans:
        ids = {f"{name}_id": getattr(plan.get(name), "pk", plan.get(name))
               for name in ("conversation", "order", "customer", "agent")}
        rows.append(FollowUp(shop_id=getattr(plan["shop"], "pk", plan["shop"]), kind=plan["kind"],
                             key=plan["key"][:160], status=FollowUpStatus.SCHEDULED, due_at=plan["due_at"],
                             data=plan.get("data") or {}, attempts=0, outcome="", created_at=now, **ids))
    if not rows:
        return []
    params = []
    for row in rows:
        params += [row.shop_id, row.kind, row.key, row.status, row.due_at, row.conversation_id, row.order_id,
                   row.customer_id, row.agent_id, json.dumps(row.data), now]
    with connection.cursor() as cursor:
        cursor.execute(_insert_sql(len(rows)), params)
        inserted = {(shop_id, key): pk for pk, shop_id, key in cursor.fetchall()}
    existing = {}
    missing = [row for row in rows if (row.shop_id, row.key) not in inserted]
    if missing:  # scheduled before (or by a concurrent caller): the rows as they are
        shops = {row.shop_id for row in missing}
        found = FollowUp.objects.filter(shop_id__in=shops, key__in=[row.key for row in missing])
        existing = {(row.shop_id, row.key): row for row in found}
    answers = []
    for row in rows:
        mark = (row.shop_id, row.key)
        if mark in inserted and mark not in existing:
            row.pk, row._state.adding = inserted[mark], False
            existing[mark] = row  # a key twice in ``plans``: created by the first, found by the second
            answers.append((row, True))
        else:
            answers.append((existing[mark], False))
    return answers


def _insert_sql(count: int) -> str:
    jsonb = "::jsonb" if connection.vendor == "postgresql" else ""
    values = f"(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s{jsonb}, 0, '', %s)"
    return (  # the table name comes from the model; every value is a parameter
        f"INSERT INTO {FollowUp._meta.db_table} (shop_id, kind, key, status, due_at, conversation_id, order_id,"  # noqa: S608
        f" customer_id, agent_id, data, attempts, outcome, created_at) VALUES {', '.join([values] * count)}"
        " ON CONFLICT (shop_id, key) DO NOTHING RETURNING id, shop_id, key"
    )


def cancel_followups(queryset, outcome: str = "cancelled") -> int:
    """Cancel the follow-ups of ``queryset`` that have not run (e.g. a conversation's nudges when the
    shopper answers)."""
    return queryset.filter(status__in=(FollowUpStatus.SCHEDULED, FollowUpStatus.QUEUED)).update(
        status=FollowUpStatus.CANCELLED, outcome=outcome[:64], finished_at=timezone.now())


# --- the sweep ---------------------------------------------------------------------------------------

def sweep_due_followups(now: datetime | None = None, *, limit: int = SWEEP_LIMIT) -> dict:
    """Claim what is due and what was lost, batch after batch, each enqueued after its commit.
    ``now`` fixes the clock (tests); without it each batch reads the time. Returns the counts."""
    started = time.monotonic()
    counts = {"due": 0, "requeued": 0}
    while (room := limit - counts["due"] - counts["requeued"]) > 0:
        size = min(BATCH, room)
        lost, due = _claim_batch(now or timezone.now(), size)
        counts["due"] += len(due)
        counts["requeued"] += len(lost)
        if len(lost) + len(due) < size or time.monotonic() - started > SWEEP_BUDGET:
            break
    if counts["requeued"]:
        logger.warning("followups.sweep.requeued", extra={"count": counts["requeued"]})
    return counts


def _claim_batch(now: datetime, size: int) -> tuple[list[int], list[int]]:
    """One transaction: lock up to ``size`` lost then due rows (oldest first), mark them queued."""
    with transaction.atomic():
        lost = list(FollowUp.objects.select_for_update(skip_locked=True)
                    .filter(status=FollowUpStatus.QUEUED, queued_at__lt=now - REQUEUE_AFTER)
                    .order_by("queued_at", "pk").values_list("pk", flat=True)[:size])
        # Rows due before the next sweep are claimed now and published to run at their due time (a
        # countdown of at most LOOKAHEAD), so a 30 s beat does not make them up to 30 s late.
        upcoming = list(FollowUp.objects.select_for_update(skip_locked=True)
                        .filter(status=FollowUpStatus.SCHEDULED, due_at__lte=now + LOOKAHEAD)
                        .order_by("due_at", "pk").values_list("pk", "due_at")[:size - len(lost)])
        due = [pk for pk, _ in upcoming]
        claimed = lost + due
        if claimed:
            FollowUp.objects.filter(pk__in=claimed).update(status=FollowUpStatus.QUEUED, queued_at=now)
            transaction.on_commit(partial(enqueue_followups, claimed, run_at=dict(upcoming), now=now))
    return lost, due


def enqueue_followups(ids: list[int], *, run_at: dict | None = None, now: datetime | None = None) -> None:
    """Publish the ids in chunks; a chunk of rows not due yet (``run_at``: id -> due time) is published
    to run when its last row is due. With the broker down they stay ``queued`` and the sweep tries
    again after ``REQUEUE_AFTER``."""
    from support.tasks import run_followups_task  # tasks import the actions

    run_at, now = run_at or {}, now or timezone.now()
    ready = [pk for pk in ids if run_at.get(pk, now) <= now]
    upcoming = [pk for pk in ids if run_at.get(pk, now) > now]  # in due order: each chunk waits for its last
    chunks = [ready[i:i + CHUNK] for i in range(0, len(ready), CHUNK)]
    chunks += [upcoming[i:i + CHUNK] for i in range(0, len(upcoming), CHUNK)]
    for n, chunk in enumerate(chunks):
        eta = max((run_at[pk] for pk in chunk if pk in run_at), default=now)
        try:
            if eta > now:
                run_followups_task.apply_async((chunk,), countdown=(eta - now).total_seconds())
            else:
                run_followups_task.delay(chunk)
        except Exception:  # noqa: BLE001 - broker down: the rows wait for the sweep
            logger.warning("followups.enqueue_failed", extra={"count": sum(len(c) for c in chunks[n:])})
            return


# --- running -----------------------------------------------------------------------------------------

def run_followups(followup_ids: list[int], now: datetime | None = None) -> dict[int, str]:
    """Run a chunk of queued follow-ups in one transaction, each exactly once; returns each id's
    outcome (``NOT_QUEUED`` when there was nothing to do). ``now`` fixes the clock (tests)."""
    try:
        with transaction.atomic():
            return _run_locked(followup_ids, now)
    except Exception:  # noqa: BLE001 - a handler raised: the chunk rolled back; run its rows one by one
        if len(followup_ids) == 1:
            return {followup_ids[0]: run_followup(followup_ids[0], now)}
        logger.info("followups.chunk.one_by_one", extra={"count": len(followup_ids)})
        return {followup_id: run_followup(followup_id, now) for followup_id in followup_ids}


def run_followup(followup_id: int, now: datetime | None = None) -> str:
    """Run one queued follow-up in its own transaction, exactly once; returns its outcome (or why
    nothing ran). A handler that raises leaves nothing behind and the row is retried with backoff."""
    try:
        with transaction.atomic():
            return _run_locked([followup_id], now)[followup_id]
    except Exception as error:  # noqa: BLE001 - the handler's writes rolled back; retried with backoff
        return _failed(followup_id, error, now or timezone.now())


def _run_locked(followup_ids: list[int], now: datetime | None) -> dict[int, str]:
    """Inside a transaction: each row still queued is locked just before it runs, and how each ended is
    recorded at the end."""
    from support.actions.followup_handlers import HANDLERS

    outcomes = dict.fromkeys(followup_ids, NOT_QUEUED)
    finished = defaultdict(list)  # (status, outcome) -> ids
    for followup in _queued(followup_ids):
        if not _lock(followup.pk):
            continue
        result = _execute(followup, HANDLERS.get(followup.kind), now or timezone.now())
        if isinstance(result, Later):
            followup.status, followup.due_at = FollowUpStatus.SCHEDULED, result.due_at
            followup.outcome = result.outcome[:64]
            followup.save(update_fields=["status", "due_at", "outcome"])
            outcomes[followup.pk] = result.outcome
        else:
            finished[result].append(followup.pk)
            outcomes[followup.pk] = result[1]
    finished_at = now or timezone.now()
    for (status, outcome), ids in finished.items():
        FollowUp.objects.filter(pk__in=ids).update(status=status, outcome=outcome[:64], finished_at=finished_at,
                                                   attempts=F("attempts") + 1)
    return outcomes


def _queued(followup_ids: list[int]) -> list[FollowUp]:
    """The chunk's queued rows with what handlers and quiet hours read, unlocked, a conversation's rows
    side by side."""
    return list(FollowUp.objects.select_related("shop", "customer", "conversation__customer", "order__customer")
                .filter(pk__in=followup_ids, status=FollowUpStatus.QUEUED).order_by("conversation_id", "pk"))


# By primary key only: with ``status`` in the WHERE clause the planner may pick the partial index of
# queued rows (its statistics can say "empty" right after a sweep) and scan every queued row per call.
_LOCK_SQL = "SELECT status FROM support_followup WHERE id = %s FOR UPDATE SKIP LOCKED"


def _lock(followup_id: int) -> bool:
    """Lock one row if it is still queued and no other worker has it (``SKIP LOCKED``: never waits).

    Rows are locked one at a time, right before their handler runs, not the whole chunk at once: the
    actions lock a conversation and then cancel its follow-ups, handlers lock a follow-up and then its
    conversation, so holding rows not yet run while handlers wait for conversations could deadlock.
    Plain SQL: the ORM's query building cost three times as much CPU as the statement (0.38 ms a row)."""
    with connection.cursor() as cursor:
        cursor.execute(_LOCK_SQL, [followup_id])
        row = cursor.fetchone()
    return row is not None and row[0] == FollowUpStatus.QUEUED


def _execute(followup: FollowUp, kind, now: datetime) -> Later | tuple[str, str]:
    """The handler's answer: ``Later``, or (status, outcome) to finish the row with."""
    if kind is None:
        return FollowUpStatus.FAILED, "unknown_kind"
    if kind.reaches_shopper and (morning := quiet_until(now, followup_zone(followup))):
        return Later(morning, "quiet_hours")
    result = kind.handler(followup, now)
    if isinstance(result, Later):
        return result
    if not isinstance(result, str) or not result:
        raise TypeError(f"follow-up handler of {followup.kind!r} returned {result!r}")
    return (FollowUpStatus.SKIPPED if result.startswith("skipped") else FollowUpStatus.DONE), result


def followup_zone(followup: FollowUp) -> str:
    """The shopper's time zone for a follow-up: the follow-up's customer, else its conversation's, else
    its order's; the browser's zone, else the order's shipping address (else the customer's own), else
    the shop's zone (``support/rules/quiet_hours.shopper_zone``)."""
    order, conversation = followup.order, followup.conversation
    customer = followup.customer or (conversation.customer if conversation else None) or (
        order.customer if order else None)
    if order is not None and order.shipping_country_code:
        country, province = order.shipping_country_code, order.shipping_province_code
    elif customer is not None:
        country, province = customer.country_code, customer.province_code
    else:
        country, province = "", ""
    return shopper_zone(browser_zone=customer.time_zone if customer else None, country_code=country,
                        province_code=province, fallback=followup.shop.timezone)


def _failed(followup_id: int, error: Exception, now: datetime) -> str:
    with transaction.atomic():
        followup = FollowUp.objects.select_for_update().filter(pk=followup_id, status=FollowUpStatus.QUEUED).first()
        if followup is None:
            return NOT_QUEUED
        followup.attempts += 1
        if followup.attempts >= MAX_ATTEMPTS:
            followup.status, followup.finished_at = FollowUpStatus.FAILED, now
        else:
            followup.status = FollowUpStatus.SCHEDULED
            followup.due_at = now + timedelta(seconds=30 * 2 ** (followup.attempts - 1))
        followup.outcome = type(error).__name__[:64]
        followup.save(update_fields=["attempts", "status", "finished_at", "due_at", "outcome"])
    logger.warning("followups.failed", extra={"followup_id": followup_id, "kind": followup.kind,
                                              "attempts": followup.attempts, "error": type(error).__name__})
    return "error"
