"""Waking the drainer: one Celery task per burst of deliveries, not one per delivery.

Recorded deliveries are the queue (rows in ``received``); drain tasks empty it. After a delivery
commits, ``wake()`` sets a Redis key that lives ``WINDOW_MS`` (SET NX) and only the caller that set
it enqueues a drain task. A drainer that finds the queue empty waits until the key it saw has
expired and looks once more before it stops (``wait_for_window``). So a delivery that committed
while a key lived, and therefore enqueued nothing, is seen by that last look, and one that comes
after the key expired sets a new key and enqueues a new drainer: no delivery is left waiting.

A process that saw a live key knows it lives a while longer (its TTL, read in the same round
trip); for half that time it skips Redis altogether. Under sustained load a fresh drain task is queued about every
window, so more worker processes join in. If Redis or the broker is down the delivery waits in
the database for the sweep."""
import logging
import time

from redis import RedisError

from shopapp.redis_client import redis_client

logger = logging.getLogger(__name__)

KEY = "webhooks:drain-wanted"
WINDOW_MS = 250

_key_alive_until = 0.0  # monotonic time until which a key this process saw surely lives


def wake() -> bool:
    """Enqueue a drain task unless one was enqueued within the window. True if this call did."""
    global _key_alive_until
    now = time.monotonic()
    if now < _key_alive_until:
        return False
    from .tasks import drain_deliveries_task

    try:
        pipe = redis_client().pipeline(transaction=False)
        pipe.set(KEY, 1, nx=True, px=WINDOW_MS)
        pipe.pttl(KEY)
        was_set, remaining_ms = pipe.execute()
    except RedisError:
        logger.warning("webhooks.drain.wake_failed")
        return False
    if not was_set:
        _key_alive_until = now + max(0, remaining_ms) / 2000
        return False
    if not enqueue(drain_deliveries_task):
        return False
    _key_alive_until = now + WINDOW_MS / 2000
    return True


def enqueue(task, **options) -> bool:
    try:
        task.apply_async(**options)
    except Exception:  # noqa: BLE001 - broker down: the sweep finds the waiting deliveries
        logger.warning("webhooks.drain.enqueue_failed")
        try:
            redis_client().delete(KEY)  # so that the next delivery tries again at once
        except RedisError:
            pass
        return False
    return True


def wait_for_window(deadline: float) -> None:
    """Sleep until the current key (if any) has expired, or until ``deadline`` (monotonic)."""
    try:
        remaining_ms = redis_client().pttl(KEY)
    except RedisError:
        return  # nothing to wait for that we can see; the sweep covers the rest
    if remaining_ms > 0:
        time.sleep(max(0.0, min(remaining_ms / 1000 + 0.005, deadline - time.monotonic())))
