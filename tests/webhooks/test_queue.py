"""The deliveries table as the queue: one drain task per burst, nothing left waiting when a key
is live, concurrent drainers that never process a delivery twice, batches in which a failing
handler rolls back alone, and batches that lock the same rows in opposite order (real PostgreSQL
and Redis)."""
import threading
import time
from collections import Counter

import pytest
from django.db import connection

from support.models import Customer
from tests.factories import CustomerFactory, ShopFactory, ShopTokenFactory, WebhookDeliveryFactory
from tests.webhooks.test_views import post_webhook
from webhooks import actions, wakeup
from webhooks.handlers import HANDLERS
from webhooks.models import DeliveryStatus, WebhookDelivery

SHOP = "demo-store.myshopify.com"
CELERY_QUEUE = "celery"


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_deliveries_enqueues_one_drain_task(client, redis_client, monkeypatch):
    monkeypatch.setattr(wakeup, "WINDOW_MS", 60_000)  # the whole burst falls in one window, however slow the machine
    for n in range(20):
        assert post_webhook(client, "bench/no_handler", {"id": n}, shop=SHOP).status_code == 200
    assert WebhookDelivery.objects.filter(status=DeliveryStatus.RECEIVED).count() == 20
    assert redis_client.llen(CELERY_QUEUE) == 1
    assert 0 < redis_client.pttl(wakeup.KEY) <= wakeup.WINDOW_MS


@pytest.mark.django_db(transaction=True)
def test_a_new_burst_after_the_window_enqueues_another(client, redis_client, monkeypatch):
    post_webhook(client, "bench/no_handler", {"id": 1}, shop=SHOP)
    redis_client.delete(wakeup.KEY)  # the window has passed ...
    monkeypatch.setattr(wakeup, "_key_alive_until", 0.0)  # ... for this process too
    post_webhook(client, "bench/no_handler", {"id": 2}, shop=SHOP)
    assert redis_client.llen(CELERY_QUEUE) == 2


@pytest.mark.django_db(transaction=True)
def test_a_delivery_recorded_under_a_live_key_is_seen_by_the_drainer_that_stops(client, redis_client):
    """The drainer finds the queue empty while a key lives; a delivery then arrives, enqueues
    nothing (the key is there), and the drainer's last look after the key expires processes it."""
    redis_client.set(wakeup.KEY, 1, px=600)
    result = {}

    def drainer():
        try:
            result["drained"] = actions.drain(budget_seconds=10)
        finally:
            connection.close()

    thread = threading.Thread(target=drainer)
    thread.start()
    time.sleep(0.2)  # the drainer has looked once and is waiting out the key
    assert post_webhook(client, "bench/no_handler", {"id": 7}, shop=SHOP).status_code == 200
    assert redis_client.llen(CELERY_QUEUE) == 0
    thread.join(timeout=10)

    assert result["drained"] == (1, True)
    assert WebhookDelivery.objects.get().status == DeliveryStatus.IGNORED


@pytest.mark.django_db(transaction=True)
def test_concurrent_drainers_process_every_delivery_exactly_once(client, redis_client, monkeypatch):
    ShopTokenFactory(shop__domain=SHOP)
    seen, lock = [], threading.Lock()

    def slow_handler(delivery):  # a handler slot filled by the test: the queue is what is tested
        time.sleep(0.002)
        with lock:
            seen.append(delivery.pk)

    monkeypatch.setitem(HANDLERS, "test/slow", slow_handler)
    for n in range(60):
        post_webhook(client, "test/slow", {"id": n}, shop=SHOP)
    counts = []

    def drainer():
        try:
            counts.append(actions.drain(budget_seconds=20)[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=drainer) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    ids = set(WebhookDelivery.objects.values_list("pk", flat=True))
    assert sorted(seen) == sorted(ids)  # each once: no duplicates, none missing
    assert sum(counts) == 60
    assert len([c for c in counts if c]) >= 2  # the work was shared
    assert set(WebhookDelivery.objects.values_list("status", "attempts")) == {(DeliveryStatus.PROCESSED, 1)}


def queued(topic, *payloads):
    """Deliveries waiting in the queue, oldest first."""
    return [WebhookDeliveryFactory(topic=topic, shop_domain=SHOP, payload=payload, status=DeliveryStatus.RECEIVED)
            for payload in payloads]


@pytest.mark.django_db
def test_a_failing_handler_rolls_back_alone_and_the_rest_of_its_batch_commits(monkeypatch,
                                                                              django_capture_on_commit_callbacks):
    shop = ShopFactory(domain=SHOP)

    def write(delivery):  # a handler slot filled by the test: it writes, then fails when told to
        Customer.objects.create(shop=shop, shopify_id=delivery.payload["id"])
        if delivery.payload.get("fail"):
            raise RuntimeError("downstream unavailable")

    monkeypatch.setitem(HANDLERS, "test/write", write)
    first, failing, last = queued("test/write", {"id": 1}, {"id": 2, "fail": True}, {"id": 3})

    with django_capture_on_commit_callbacks() as callbacks:
        assert actions.process_batch() == [first.pk, failing.pk, last.pk]

    assert sorted(Customer.objects.filter(shop=shop).values_list("shopify_id", flat=True)) == [1, 3]
    rows = {row.pk: row for row in WebhookDelivery.objects.all()}
    for done in (first, last):
        assert (rows[done.pk].status, rows[done.pk].attempts, rows[done.pk].last_error) == (
            DeliveryStatus.PROCESSED, 1, "")
        assert rows[done.pk].processed_at is not None and rows[done.pk].retry_at is None
    retried = rows[failing.pk]
    assert (retried.status, retried.attempts, retried.last_error, retried.processed_at) == (
        DeliveryStatus.RECEIVED, 1, "RuntimeError: downstream unavailable", None)
    assert retried.retry_at - retried.received_at >= actions.retry_delay(1)
    assert len(callbacks) == 1  # the drain task for the retry time
    assert actions.process_batch() == []  # not before its time


@pytest.mark.django_db
def test_a_compliance_delivery_gets_a_batch_of_its_own(monkeypatch):
    seen = []
    for topic in ("test/plain", "customers/redact"):  # handler slots filled by the test
        monkeypatch.setitem(HANDLERS, topic, lambda delivery: seen.append(delivery.pk))
    before, = queued("test/plain", {"id": 1})
    redact, = queued("customers/redact", {"id": 2})
    after = queued("test/plain", {"id": 3}, {"id": 4})

    assert actions.process_batch() == [before.pk]
    assert actions.process_batch() == [redact.pk]
    assert actions.process_batch() == [after[0].pk, after[1].pk]
    assert actions.process_batch() == []
    assert seen == [before.pk, redact.pk, after[0].pk, after[1].pk]
    assert set(WebhookDelivery.objects.values_list("status", "attempts")) == {(DeliveryStatus.PROCESSED, 1)}


@pytest.mark.django_db(transaction=True)
def test_batches_that_lock_the_same_rows_in_opposite_order_finish_without_a_failure(monkeypatch):
    """Drainer A's batch locks x then wants y; drainer B's locks y then wants x. Neither waits for
    the other past its first delivery: the one whose wait is cut short commits what it did, and the
    delivery it could not finish is processed by a later batch, counted once."""
    shop = ShopFactory(domain=SHOP)
    x, y = CustomerFactory(shop=shop), CustomerFactory(shop=shop)
    first_locked, both_hold_one = threading.Event(), threading.Barrier(2, timeout=10)
    finished, finished_lock = Counter(), threading.Lock()

    def lock_row(delivery):  # a handler slot filled by the test: locks a row; a batch's first one waits
        Customer.objects.select_for_update().get(pk=delivery.payload["lock"])
        if delivery.payload["first"]:
            first_locked.set()
            both_hold_one.wait()
        with finished_lock:
            finished[delivery.pk] += 1

    monkeypatch.setitem(HANDLERS, "test/lock", lock_row)
    deliveries = queued("test/lock", {"lock": x.pk, "first": True}, {"lock": y.pk, "first": False},
                        {"lock": y.pk, "first": True}, {"lock": x.pk, "first": False})
    batches = []

    def drainer():
        try:
            batches.append(actions.process_batch(limit=2))
        finally:
            connection.close()

    a = threading.Thread(target=drainer)
    a.start()
    assert first_locked.wait(10)  # A holds the first two deliveries, so B takes the other two
    b = threading.Thread(target=drainer)
    b.start()
    for thread in (a, b):
        thread.join(timeout=30)
    assert len(batches) == 2 and all(batches)  # each batch finished at least its first delivery
    while actions.process_batch():
        pass

    assert set(WebhookDelivery.objects.values_list("status", "attempts", "last_error")) == {
        (DeliveryStatus.PROCESSED, 1, "")}
    assert finished == {delivery.pk: 1 for delivery in deliveries}
