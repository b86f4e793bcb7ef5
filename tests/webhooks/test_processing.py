"""Webhook processing end to end: signed delivery -> recorded -> a real Celery worker (in a thread,
on the real Redis broker) -> the mirror. Includes the broker being down when the delivery arrives."""
import json
import uuid
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from kombu.exceptions import OperationalError

from shopapp.celery import app as celery_app
from support.models import Fulfillment, Order
from tests.factories import ShopTokenFactory
from tests.webhooks.test_views import post_webhook
from webhooks import actions, tasks
from webhooks.models import DeliveryStatus, WebhookDelivery

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "webhooks"
ORDER = json.loads((FIXTURES / "orders_updated_multi_parcel.json").read_text())
SHOP = "demo-store.myshopify.com"


@pytest.fixture
def worker(redis_client):
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield


def wait_processed(delivery_filter, timeout=15.0):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        delivery = WebhookDelivery.objects.filter(**delivery_filter).first()
        if delivery and delivery.status != DeliveryStatus.RECEIVED:
            return delivery
        time.sleep(0.05)
    raise AssertionError("delivery not processed in time")


@pytest.mark.django_db(transaction=True)
def test_order_webhook_reaches_the_mirror_through_a_real_worker(client, worker):
    ShopTokenFactory(shop__domain=SHOP)
    response = post_webhook(client, "orders/updated", ORDER, shop=SHOP)
    assert response.status_code == 200

    delivery = wait_processed({"topic": "orders/updated"})
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PROCESSED, 1)
    order = Order.objects.get(shop__domain=SHOP, shopify_id=ORDER["id"])
    assert order.name == ORDER["name"]
    assert Fulfillment.objects.filter(order=order).count() == len(ORDER["fulfillments"])


@pytest.mark.django_db(transaction=True)
def test_delivery_recorded_while_the_broker_is_down_is_recovered_by_the_sweep(client, monkeypatch, redis_client):
    ShopTokenFactory(shop__domain=SHOP)

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to the broker")

    monkeypatch.setattr(tasks.drain_deliveries_task, "apply_async", broker_down)
    response = post_webhook(client, "orders/updated", ORDER, shop=SHOP)
    assert response.status_code == 200  # answered and recorded although nothing could be enqueued
    delivery = WebhookDelivery.objects.get(topic="orders/updated")
    assert delivery.status == DeliveryStatus.RECEIVED
    assert not Order.objects.exists()

    monkeypatch.undo()  # the broker is back
    assert tasks.sweep_deliveries_task(older_than_seconds=0) == 1
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        delivery = wait_processed({"pk": delivery.pk})
    assert delivery.status == DeliveryStatus.PROCESSED
    assert Order.objects.get(shop__domain=SHOP).shopify_id == ORDER["id"]


@pytest.mark.django_db
def test_delivery_for_an_unknown_shop_is_processed_and_changes_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        assert post_webhook(client, "orders/updated", ORDER, shop="never-installed.myshopify.com").status_code == 200
    delivery = WebhookDelivery.objects.get()
    assert tasks.drain_deliveries_task.apply().get() == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PROCESSED
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_unknown_topic_is_ignored(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        post_webhook(client, "products/update", {"id": 1}, shop=SHOP)
    delivery = WebhookDelivery.objects.get()
    assert tasks.drain_deliveries_task.apply().get() == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.IGNORED


@pytest.mark.django_db
def test_bad_payload_fails_at_once_with_its_reason(client, django_capture_on_commit_callbacks):
    ShopTokenFactory(shop__domain=SHOP)
    with django_capture_on_commit_callbacks():
        post_webhook(client, "orders/updated", {"name": "#1"}, shop=SHOP, webhook_id=str(uuid.uuid4()))
    delivery = WebhookDelivery.objects.get()
    assert tasks.drain_deliveries_task.apply().get() == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.last_error == "PayloadError: order has no id"
    assert not Order.objects.exists()


@pytest.mark.django_db
def test_late_webhook_about_a_redacted_shopper_keeps_no_personal_data(client, django_capture_on_commit_callbacks):
    from support.models import Customer

    shop = ShopTokenFactory(shop__domain=SHOP).shop
    Customer.objects.create(shop=shop, shopify_id=ORDER["customer"]["id"], redacted_at="2026-11-01T00:00:00Z")
    with django_capture_on_commit_callbacks():
        post_webhook(client, "customers/update", ORDER["customer"], shop=SHOP)
    delivery = WebhookDelivery.objects.get()
    assert tasks.drain_deliveries_task.apply().get() == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PROCESSED
    assert delivery.payload == {"redacted": True, "id": ORDER["customer"]["id"]}
    assert Customer.objects.get(shop=shop).email == ""


@pytest.mark.django_db
def test_unknown_shop_delivery_keeps_only_its_id(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        post_webhook(client, "customers/update", ORDER["customer"], shop="gone.myshopify.com")
    delivery = WebhookDelivery.objects.get()
    assert tasks.drain_deliveries_task.apply().get() == 1
    delivery.refresh_from_db()
    assert delivery.payload == {"redacted": True, "id": ORDER["customer"]["id"]}


@pytest.mark.django_db
def test_old_payloads_are_purged():
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import WebhookDeliveryFactory
    from webhooks.actions import purge_old_deliveries

    now = timezone.now()
    old_done = WebhookDeliveryFactory(status=DeliveryStatus.PROCESSED)
    old_failed = WebhookDeliveryFactory(status=DeliveryStatus.FAILED)
    fresh = WebhookDeliveryFactory(status=DeliveryStatus.PROCESSED)
    WebhookDelivery.objects.filter(pk__in=[old_done.pk, old_failed.pk]).update(received_at=now - timedelta(days=31))
    assert purge_old_deliveries(now=now) == 1
    assert set(WebhookDelivery.objects.values_list("pk", flat=True)) == {old_failed.pk, fresh.pk}


@pytest.mark.django_db
def test_a_failing_handler_is_retried_with_backoff_then_marked_failed(client, monkeypatch,
                                                                      django_capture_on_commit_callbacks):
    from datetime import timedelta

    from webhooks.actions import process_next, retry_delay
    from webhooks.handlers import HANDLERS

    calls = []

    def flaky(delivery):  # a handler slot filled by the test: our queue machinery is what is tested
        calls.append(delivery.pk)
        raise RuntimeError("downstream unavailable")

    monkeypatch.setitem(HANDLERS, "test/flaky", flaky)
    with django_capture_on_commit_callbacks():
        post_webhook(client, "test/flaky", {"id": 1}, shop=SHOP)
    delivery = WebhookDelivery.objects.get()

    for attempt in range(1, actions.MAX_ATTEMPTS):
        with django_capture_on_commit_callbacks() as callbacks:
            assert process_next() == delivery.pk
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == (DeliveryStatus.RECEIVED, attempt)
        assert delivery.last_error == "RuntimeError: downstream unavailable"
        assert delivery.retry_at - delivery.received_at >= retry_delay(attempt)
        assert len(callbacks) == 1  # a drain task scheduled for the retry time
        assert process_next() is None  # not before its time
        WebhookDelivery.objects.filter(pk=delivery.pk).update(retry_at=delivery.retry_at - timedelta(minutes=10))

    assert process_next() == delivery.pk
    delivery.refresh_from_db()
    assert len(calls) == actions.MAX_ATTEMPTS
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, actions.MAX_ATTEMPTS)
    assert delivery.retry_at is None
    assert delivery.last_error == "RuntimeError: downstream unavailable"
    assert process_next() is None


def test_retry_delay_doubles_up_to_five_minutes():
    from webhooks.actions import retry_delay

    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4, 7, 20)] == [5, 10, 20, 40, 300, 300]
