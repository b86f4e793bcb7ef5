"""The deliveries table as the queue: one drain task per burst, nothing left waiting when a key
is live, and concurrent drainers that never process a delivery twice (real PostgreSQL and Redis)."""
import threading
import time

import pytest
from django.db import connection

from tests.factories import ShopTokenFactory
from tests.webhooks.test_views import post_webhook
from webhooks import actions, wakeup
from webhooks.handlers import HANDLERS
from webhooks.models import DeliveryStatus, WebhookDelivery

SHOP = "demo-store.myshopify.com"
CELERY_QUEUE = "celery"


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_deliveries_enqueues_one_drain_task(client, redis_client):
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
