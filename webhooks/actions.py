"""Writes for webhook ingestion: record a verified delivery, then process recorded deliveries.

The table of deliveries is the queue. A request only inserts its row (one statement, committed on
its own) and wakes a drainer (``wakeup``); drain tasks claim due rows in batches with
``FOR UPDATE SKIP LOCKED``, so any number of worker processes share the work and a row is never
processed twice. A batch is one transaction, each handler in a savepoint: a handler that fails
rolls back alone and is retried with backoff (``retry_at``), then marked failed."""
import json
import logging
import re
import time
from contextlib import nullcontext
from datetime import timedelta

import psycopg
from django.db import DEFAULT_DB_ALIAS, DataError, connection, connections, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from shopapp.refusals import Refused
from support.payloads import PayloadError

from . import wakeup
from .handlers import ALONE, HANDLERS, batch_shops
from .models import DeliveryStatus, WebhookDelivery

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


class PayloadRefused(Refused):
    """The body is not JSON (``malformed_json``), or JSON the database cannot hold
    (``payload_not_storable``: a NUL character or an unpaired surrogate, which text cannot hold)."""


# ``\u0000`` and surrogate escapes: the JSON parses, but a NUL or an unpaired surrogate cannot be
# held as text, and would fail every handler. Bodies with one of them (rare: Shopify writes other
# characters as UTF-8) go through ``jsonb``, which refuses exactly those; the rest go through
# ``json``, which only checks the syntax, at about the cost of storing text.
_NEEDS_JSONB_CHECK = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")
_INVALID_TEXT = "22P02"  # invalid_text_representation: PostgreSQL's verdict on malformed JSON


def _insert_sql(cast: str) -> str:
    # JSON text goes in as it arrived: no decode/encode round trip in Python. ``ON CONFLICT DO
    # NOTHING`` makes a duplicate delivery a no-op without an error (PostgreSQL and SQLite).
    # The table name comes from the model; every value is a parameter.
    return (
        f"INSERT INTO {WebhookDelivery._meta.db_table} (webhook_id, event_id, topic, shop_domain, api_version,"  # noqa: S608
        " triggered_at, payload, status, attempts, last_error, received_at)"
        f" VALUES (%s, %s, %s, %s, %s, %s, %s{cast}, %s, 0, '', %s)"
        " ON CONFLICT (webhook_id) DO NOTHING RETURNING id"
    )


_INSERT_JSON, _INSERT_JSONB, _INSERT_PLAIN = _insert_sql("::json"), _insert_sql("::jsonb"), _insert_sql("")


def _insert(db, params, payload_json: str) -> tuple | None:
    """Run the INSERT, the database checking the JSON. On PostgreSQL through a server-binding
    cursor with a prepared statement: the ~5 KB body goes as a parameter without being quoted into
    the SQL text, and the statement is parsed and planned once per connection (Django's own cursors
    bind on the client, which costs the web process about twice the CPU for this statement)."""
    if db.vendor != "postgresql":
        _parse(payload_json)  # SQLite (``make dev``) stores any text
        with db.cursor() as cursor:
            cursor.execute(_INSERT_PLAIN, params)
            return cursor.fetchone()
    checked = _NEEDS_JSONB_CHECK.search(payload_json) is not None
    if checked:
        _parse(payload_json)  # so that jsonb's refusal below means "cannot hold", not "malformed"
    db.ensure_connection()
    try:
        with db.wrap_database_errors, psycopg.Cursor(db.connection) as cursor:
            cursor.execute(_INSERT_JSONB if checked else _INSERT_JSON, params, prepare=True)
            return cursor.fetchone()
    except DataError as error:
        malformed = not checked and getattr(error.__cause__, "sqlstate", None) == _INVALID_TEXT
        raise PayloadRefused("malformed_json" if malformed else "payload_not_storable") from error


def _parse(payload_json: str) -> None:
    try:
        json.loads(payload_json)
    except ValueError as error:
        raise PayloadRefused("malformed_json") from error


def record_delivery(*, webhook_id, topic, shop_domain, payload_json: str, event_id="", api_version="",
                    triggered_at="") -> int | None:
    """Insert the delivery once and wake a drainer after commit. Returns the new row's id, or None
    for a duplicate delivery (same webhook id), which does nothing else. ``payload_json`` is the
    request body as text; the database checks that it is JSON (``PayloadRefused`` when not, or
    when it cannot be held), so that the web process does not parse it."""
    try:
        triggered = parse_datetime(triggered_at) if triggered_at else None
    except ValueError:
        triggered = None
    params = [webhook_id, event_id, topic, shop_domain, api_version, triggered, payload_json,
              DeliveryStatus.RECEIVED, timezone.now()]
    # Outside any transaction (a request) the INSERT commits on its own: one round trip. Inside a
    # caller's transaction a savepoint keeps a refused payload from breaking that transaction.
    db = connections[DEFAULT_DB_ALIAS]  # once: each use of the ``connection`` proxy looks it up again
    own_commit = db.get_autocommit() and not db.in_atomic_block
    with nullcontext() if own_commit else transaction.atomic():
        row = _insert(db, params, payload_json)
    if row is None:
        logger.debug("webhooks.delivery.duplicate", extra={"topic": topic})
        return None
    if own_commit:
        wakeup.wake()  # committed already (what ``on_commit`` would do, without its bookkeeping)
    else:
        transaction.on_commit(wakeup.wake)
    logger.debug("webhooks.delivery.recorded", extra={"topic": topic, "delivery_id": row[0]})
    return row[0]


# --- processing ------------------------------------------------------------------------------------

def retry_delay(attempts: int) -> timedelta:
    """Backoff after the ``attempts``-th failure: 5 s, 10 s, 20 s, 40 s ... at most 5 minutes."""
    return timedelta(seconds=min(300, 5 * 2 ** (attempts - 1)))


def _due(now):
    return Q(status=DeliveryStatus.RECEIVED) & (Q(retry_at__isnull=True) | Q(retry_at__lte=now))


BATCH_SIZE = 20  # deliveries per claim and per transaction (each handler in a savepoint of its own)
# After a batch's first delivery a lock wait is cut short, and the delivery left for the next batch:
# two drainers' batches that lock the same rows in opposite order then never deadlock.
LOCK_TIMEOUT = "50ms"
_LOCK_WAIT_ENDED = {"55P03", "40P01"}  # lock_not_available, deadlock_detected


def _mark_sql() -> str:
    return (f"UPDATE {WebhookDelivery._meta.db_table} SET status = %s, attempts = %s, processed_at = %s,"  # noqa: S608
            " retry_at = NULL, last_error = '' WHERE id = %s")


def process_next() -> int | None:
    """Claim the oldest due delivery that no other worker holds, process it, and return its id;
    None when nothing is due."""
    done = process_batch(limit=1)
    return done[0] if done else None


def process_batch(*, limit: int = BATCH_SIZE) -> list[int]:
    """Claim up to ``limit`` due deliveries that no other worker holds (oldest first), process them
    in one transaction and return the ids of those processed ([] when nothing is due).

    Each handler runs in a savepoint: when it fails, its writes roll back, its failure is recorded
    (retry with backoff, or failed) and the batch goes on. A delivery of an ``ALONE`` topic ends
    the batch before it (it comes first in the next one), and so does a lock wait cut short: the
    deliveries not reached go back to the queue when the batch commits."""
    now = timezone.now()
    marks, done = [], []
    with transaction.atomic(), batch_shops():
        claimed = list(
            WebhookDelivery.objects.select_for_update(skip_locked=True).filter(_due(now)).order_by("pk")[:limit]
        )
        for index, delivery in enumerate(claimed):
            if index and delivery.topic in ALONE:
                break
            if index == 1 and connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
            started = timezone.now()
            status = _process(delivery, started, first=not index)
            if status is None:
                break  # a lock wait cut short: this one and the rest go to the next batch
            done.append(delivery.pk)
            if status != DeliveryStatus.FAILED:  # a failure is recorded already
                marks.append((status, delivery.attempts + 1, started, delivery.pk))
            if delivery.topic in ALONE:
                break
        if marks:
            # One round trip for the batch (psycopg sends executemany as a pipeline).
            with connection.cursor() as cursor:
                cursor.executemany(_mark_sql(), marks)
    return done


def _process(delivery: WebhookDelivery, now, *, first: bool) -> str | None:
    """The delivery's handler in a savepoint. Returns its new status (a failure is recorded here),
    or None when a lock wait was cut short after the batch's first delivery (nothing recorded)."""
    handler = HANDLERS.get(delivery.topic)
    if handler is None:
        logger.info("webhooks.delivery.unknown_topic", extra={"delivery_id": delivery.pk, "topic": delivery.topic})
        return DeliveryStatus.IGNORED
    try:
        with transaction.atomic():
            handler(delivery)
    except Exception as error:  # noqa: BLE001 - recorded (and retried, or shown to the merchant) after rollback
        if connection.needs_rollback:
            raise  # the savepoint could not be rolled back: the whole batch goes back to the queue
        if not first and _lock_wait_ended(error):
            logger.info("webhooks.delivery.lock_wait", extra={"delivery_id": delivery.pk})
            return None
        _record_failure(delivery, now, error)
        return DeliveryStatus.FAILED
    return DeliveryStatus.PROCESSED


def _lock_wait_ended(error: BaseException) -> bool:
    cause = error if getattr(error, "sqlstate", None) else error.__cause__
    return getattr(cause, "sqlstate", None) in _LOCK_WAIT_ENDED


def _record_failure(delivery, now, error: Exception) -> None:
    """After the handler's rollback: a bad payload fails at once (retrying cannot help); anything
    else is retried with backoff, then fails. Guarded on the attempt count, so that a delivery is
    never counted twice."""
    from .tasks import drain_deliveries_task

    attempts = delivery.attempts + 1
    text = f"{type(error).__name__}: {error}"[:2000]
    unchanged = WebhookDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.RECEIVED,
                                               attempts=delivery.attempts)
    if isinstance(error, PayloadError) or attempts >= MAX_ATTEMPTS:
        if isinstance(error, PayloadError):
            logger.warning("webhooks.delivery.bad_payload", extra={"delivery_id": delivery.pk})
        else:
            logger.error("webhooks.delivery.failed", extra={"delivery_id": delivery.pk, "attempts": attempts})
        unchanged.update(status=DeliveryStatus.FAILED, attempts=attempts, processed_at=now, retry_at=None,
                         last_error=text)
        return
    delay = retry_delay(attempts)
    logger.warning("webhooks.delivery.retry", extra={"delivery_id": delivery.pk, "attempts": attempts})
    if unchanged.update(attempts=attempts, retry_at=now + delay, last_error=text):
        seconds = delay.total_seconds()
        transaction.on_commit(lambda: wakeup.enqueue(drain_deliveries_task, countdown=seconds))


def drain(*, budget_seconds: float) -> tuple[int, bool]:
    """Process due deliveries, a batch at a time, until none is left or ``budget_seconds`` are spent.
    Returns how many were processed and whether the queue was found empty (False: the caller
    continues later)."""
    deadline = time.monotonic() + budget_seconds
    count = 0
    while time.monotonic() < deadline:
        done = process_batch()
        if not done:
            # A delivery recorded while the wake-up key lives enqueued no drainer: look once more
            # after the key has expired (a later delivery sets a new key and wakes a new drainer).
            wakeup.wait_for_window(deadline)
            done = process_batch()
            if not done:
                return count, True
        count += len(done)
    return count, False


def waiting_deliveries(*, older_than: timedelta, limit: int = 1000) -> int:
    """Due deliveries received more than ``older_than`` ago (at most ``limit`` counted)."""
    now = timezone.now()
    return WebhookDelivery.objects.filter(_due(now), received_at__lt=now - older_than)[:limit].count()


def replay_delivery(delivery: WebhookDelivery) -> WebhookDelivery:
    """A failed delivery goes back to the queue (the merchant's "replay"); only failed ones can."""
    with transaction.atomic():
        updated = WebhookDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.FAILED).update(
            status=DeliveryStatus.RECEIVED, attempts=0, retry_at=None, last_error="", processed_at=None
        )
        if updated:
            transaction.on_commit(wakeup.wake)
    logger.info("webhooks.delivery.replayed", extra={"delivery_id": delivery.pk, "replayed": bool(updated)})
    delivery.refresh_from_db()
    return delivery


def purge_old_deliveries(*, now, keep_days: int = 30) -> int:
    """Raw payloads hold personal data: processed and ignored deliveries go after ``keep_days``,
    failed ones after three times that (time to replay them)."""
    cutoff = now - timezone.timedelta(days=keep_days)
    done = WebhookDelivery.objects.filter(
        status__in=[DeliveryStatus.PROCESSED, DeliveryStatus.IGNORED], received_at__lt=cutoff
    ).delete()[0]
    failed = WebhookDelivery.objects.filter(
        status=DeliveryStatus.FAILED, received_at__lt=now - timezone.timedelta(days=3 * keep_days)
    ).delete()[0]
    logger.info("webhooks.delivery.purged", extra={"count": done + failed})
    return done + failed
