"""Webhook deliveries with 30% duplicates (same webhook id) in shuffled order: the final mirror equals
the mirror of processing the unique deliveries in the order they happened.

A seeded dev-store shop is replayed as a history: customers created and updated, orders created, paid,
fulfilled parcel by parcel with their carrier events, cancelled, refunded. Every change stamps the
changed records with a later ``updated_at`` (a simulated clock, one second or more per step) and emits
the webhooks Shopify would send, built with the dev store's payload builders (the recorded shapes).
Both runs go through the real pipeline: signed POSTs to ``/webhooks/shopify`` (in-process client), a
real Celery worker on the Redis broker draining the queue. Between the runs the mirror is reset."""
import json
import random
import uuid
from copy import deepcopy
from datetime import UTC, date, datetime, timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import models

from shopapp.celery import app as celery_app
from shopapp.devstore import webhook_payloads as build
from shopapp.devstore.ids import iso
from shopapp.devstore.seed import build_shop
from support.models import Customer, FollowUp, Fulfillment, FulfillmentEvent, Order
from tests.browser.harness import wait_until
from tests.factories import ShopTokenFactory
from tests.support.test_followup_crashes import end_other_sessions
from tests.webhooks.test_views import post_webhook
from webhooks.models import DeliveryStatus, WebhookDelivery

SHOP = "shuffle-store.myshopify.com"
DUPLICATE_SHARE = 0.3
START = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
pytestmark = pytest.mark.django_db(transaction=True)


# --- the history ---------------------------------------------------------------------------------

class History:
    """Replays a seeded shop as changes in time; ``deliveries`` is what Shopify sent, in order."""

    def __init__(self, rng: random.Random, shop: dict):
        self.rng, self.now = rng, START
        self.view = {"shop": shop["shop"], "customers": {}}  # what the payload builders read
        self.seed_customers = shop["customers"]
        self.deliveries: list[dict] = []

    def tick(self) -> str:
        self.now += timedelta(seconds=self.rng.randint(1, 90))
        return iso(self.now)

    def emit(self, topic: str, payload: dict) -> None:
        webhook_id = str(uuid.UUID(int=self.rng.getrandbits(128)))
        self.deliveries.append({"webhook_id": webhook_id, "topic": topic, "body": json.loads(json.dumps(payload))})

    def customer(self, customer_id: int) -> dict:
        """The live customer; ``customers/create`` the first time one is needed."""
        key = str(customer_id)
        if key not in self.view["customers"]:
            customer = deepcopy(self.seed_customers[key])
            customer["created_at"] = customer["updated_at"] = self.tick()
            self.view["customers"][key] = customer
            self.emit("customers/create", build.customer_payload(self.view, customer))
        return self.view["customers"][key]

    def customer_story(self, customer_id: int):
        customer = self.customer(customer_id)
        yield
        for _ in range(self.rng.randint(1, 3)):
            tags = set(customer["tags"]) ^ {self.rng.choice(["vip", "returning", "newsletter", "gift-buyer"])}
            customer["tags"] = sorted(tags)
            if self.rng.random() < 0.5:
                customer["phone"] = customer["phone"][:-2] + f"{self.rng.randint(0, 99):02d}"
            customer["updated_at"] = self.tick()
            self.emit("customers/update", build.customer_payload(self.view, customer))
            yield

    def order_story(self, final: dict):
        self.customer(final["customer_id"])
        order = {**deepcopy(final), "fulfillments": [], "fulfillment_status": "UNFULFILLED",
                 "financial_status": "PENDING", "cancelled_at": None, "cancel_reason": None, "closed_at": None}
        self.order_changed(order, "orders/create")
        yield
        if final["financial_status"] != "PENDING":
            order["financial_status"] = "PAID"
            self.order_changed(order, "orders/paid")
            yield
        for parcel in final["fulfillments"]:
            yield from self.parcel_story(order, parcel)
        if final["cancelled_at"] or final["closed_at"] or final["financial_status"] != order["financial_status"]:
            for name in ("financial_status", "cancelled_at", "cancel_reason", "closed_at"):
                order[name] = final[name]
            self.order_changed(order, "orders/cancelled" if final["cancelled_at"] else "orders/updated")
            yield

    def parcel_story(self, order: dict, final: dict):
        events = final["events"]
        parcel = {**deepcopy(final), "events": [], "display_status": events[0]["status"]}
        parcel["updated_at"] = self.tick()
        order["fulfillments"].append(parcel)
        shipped = {e["line_item_id"] for p in order["fulfillments"] for e in p["line_items"]}
        everything = shipped >= {item["id"] for item in order["line_items"]}
        order["fulfillment_status"] = "FULFILLED" if everything else "PARTIALLY_FULFILLED"
        self.emit("fulfillments/create", build.fulfillment_payload(self.view, order, parcel))
        self.order_changed(order, "orders/fulfilled" if everything else "orders/updated")
        yield
        for event in events:
            self.emit("fulfillment_events/create", build.fulfillment_event_payload(self.view, order, parcel, event))
            if event["status"] != parcel["display_status"]:
                parcel["display_status"] = event["status"]
                parcel["updated_at"] = self.tick()
                self.emit("fulfillments/update", build.fulfillment_payload(self.view, order, parcel))
            if event["status"] == "DELIVERED":
                self.order_changed(order, "orders/updated")  # its payload embeds the parcel, now delivered
            yield

    def order_changed(self, order: dict, topic: str) -> None:
        order["updated_at"] = self.tick()
        self.emit(topic, build.order_payload(self.view, order))


def history(unique: int, seed: int) -> list[dict]:
    """``unique`` deliveries (distinct webhook ids) of a replayed shop, in the order they happened."""
    rng = random.Random(seed)
    shop = build_shop(SHOP, seed=seed, customers=max(8, unique // 20), orders=unique // 8 + 4, today=date(2026, 10, 1))
    story = History(rng, shop)
    stories = [story.order_story(order) for order in shop["orders"].values()]
    changing = rng.sample(sorted(shop["customers"]), len(shop["customers"]) // 2)
    stories += [story.customer_story(int(key)) for key in changing]
    rng.shuffle(stories)
    running: list = []
    while len(story.deliveries) < unique and (stories or running):
        while stories and len(running) < 12:  # a dozen orders and shoppers in flight at once
            running.append(stories.pop())
        current = rng.choice(running)
        if next(current, StopIteration) is StopIteration:
            running.remove(current)
    assert len(story.deliveries) >= unique, "the seeded shop is too small for this many deliveries"
    return story.deliveries[:unique]


def shuffled_with_duplicates(deliveries: list[dict], total: int, seed: int) -> list[dict]:
    rng = random.Random(seed + 1)
    sent = deliveries + [rng.choice(deliveries) for _ in range(total - len(deliveries))]
    rng.shuffle(sent)
    return sent


# --- running them ------------------------------------------------------------------------------------

def deliver(client, deliveries: list[dict]) -> list[int]:
    """POSTs each delivery (signed) while a real worker drains the queue; the answers' statuses."""
    statuses = []
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        for delivery in deliveries:
            response = post_webhook(client, delivery["topic"], delivery["body"], shop=SHOP,
                                    webhook_id=delivery["webhook_id"])
            statuses.append(response.status_code)
        waiting = WebhookDelivery.objects.filter(status=DeliveryStatus.RECEIVED).exists
        assert wait_until(lambda: not waiting(), timeout=600, interval=0.2)
    end_other_sessions()  # the worker thread's connection outlives the worker
    return statuses


def snapshot() -> dict:
    """Every mirror row by Shopify id, every field; links as the Shopify id of what they point at."""
    return {model.__name__: {row.shopify_id: _fields(row) for row in model.objects.filter(shop__domain=SHOP)}
            for model in (Customer, Order, Fulfillment, FulfillmentEvent)}


def _fields(row) -> dict:
    values = {}
    for field in row._meta.concrete_fields:
        if field.name in ("id", "shop", "created_at", "updated_at"):
            continue
        if isinstance(field, models.ForeignKey):
            target = getattr(row, field.name)
            values[field.name] = target.shopify_id if target is not None else None
        else:
            values[field.name] = getattr(row, field.attname)
    return values


def reset_mirror() -> None:
    WebhookDelivery.objects.all().delete()
    FollowUp.objects.filter(shop__domain=SHOP).delete()
    for model in (FulfillmentEvent, Fulfillment, Order, Customer):
        model.objects.filter(shop__domain=SHOP).delete()


def expected_ids(deliveries: list[dict]) -> dict:
    ids = {"Customer": set(), "Order": set(), "Fulfillment": set(), "FulfillmentEvent": set()}
    for delivery in deliveries:
        body, topic = delivery["body"], delivery["topic"]
        if topic.startswith("customers/"):
            ids["Customer"].add(body["id"])
        elif topic.startswith("orders/"):
            ids["Order"].add(body["id"])
            if body.get("customer"):
                ids["Customer"].add(body["customer"]["id"])
            ids["Fulfillment"].update(parcel["id"] for parcel in body["fulfillments"])
        elif topic.startswith("fulfillments/"):
            ids["Fulfillment"].add(body["id"])
            ids["Order"].add(body["order_id"])
        else:
            ids["FulfillmentEvent"].add(body["id"])
            ids["Fulfillment"].add(body["fulfillment_id"])
            ids["Order"].add(body["order_id"])
    return ids


def run(client, total: int, seed: int) -> None:
    ShopTokenFactory(shop__domain=SHOP)
    unique = history(int(total * (1 - DUPLICATE_SHARE)), seed)
    sent = shuffled_with_duplicates(unique, total, seed)
    assert len(sent) == total and len({d["webhook_id"] for d in sent}) == len(unique)
    assert [d["webhook_id"] for d in sent] != [d["webhook_id"] for d in unique][:total]

    assert deliver(client, sent) == [200] * total
    rows = list(WebhookDelivery.objects.values_list("webhook_id", "status", "attempts"))
    assert sorted(rows) == sorted((d["webhook_id"], DeliveryStatus.PROCESSED, 1) for d in unique)
    shuffled = snapshot()

    reset_mirror()
    assert deliver(client, unique) == [200] * len(unique)
    assert WebhookDelivery.objects.filter(status=DeliveryStatus.PROCESSED, attempts=1).count() == len(unique)
    in_order = snapshot()

    assert {name: set(rows) for name, rows in in_order.items()} == expected_ids(unique)
    for name in in_order:  # model by model, so that a difference names its table
        assert shuffled[name] == in_order[name], name


def test_1000_shuffled_deliveries_with_duplicates_give_the_in_order_mirror(client, redis_client):
    run(client, total=1000, seed=11)


@pytest.mark.chaos
def test_10000_shuffled_deliveries_with_duplicates_give_the_in_order_mirror(client, redis_client):
    run(client, total=10_000, seed=12)
