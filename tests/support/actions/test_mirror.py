"""The store mirror's upserts: exact effect, idempotence, out-of-order safety, redaction tombstones."""
import copy
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.actions import mirror
from support.models import Customer, Fulfillment, FulfillmentEvent, Order
from support.payloads import customer_from_webhook, event_from_webhook, fulfillment_from_webhook, order_from_webhook
from tests.factories import ShopFactory
from webhooks.handlers import HANDLERS
from webhooks.models import WebhookDelivery

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "webhooks"
BASE = json.loads((FIXTURES / "orders_updated_multi_parcel.json").read_text())
T0 = datetime.fromisoformat("2026-11-01T10:00:00+00:00")


def at(minutes):
    return (T0 + timedelta(minutes=minutes)).isoformat()


def story():
    """Deliveries of one order's life, each entity's versions with increasing updated_at."""
    customer = copy.deepcopy(BASE["customer"])
    order = copy.deepcopy(BASE)
    parcel = copy.deepcopy(BASE["fulfillments"][0])
    early = {**customer, "first_name": "Early", "updated_at": at(1)}
    later = {**customer, "first_name": "Later", "updated_at": at(5)}
    deliveries = [
        ("customers/create", early),
        ("customers/update", later),
        ("orders/create", {**order, "financial_status": "pending", "fulfillment_status": None, "fulfillments": [],
                           "updated_at": at(2), "customer": early}),
        ("orders/paid", {**order, "financial_status": "paid", "fulfillment_status": None, "fulfillments": [],
                         "updated_at": at(3), "customer": early}),
        ("fulfillments/create", {**parcel, "shipment_status": "in_transit", "updated_at": at(4)}),
        ("orders/fulfilled", {**order, "updated_at": at(8), "customer": later,
                              "fulfillments": [{**parcel, "shipment_status": "delivered", "updated_at": at(7)}]}),
        ("fulfillments/update", {**parcel, "shipment_status": "delivered", "updated_at": at(7)}),
    ]
    for index in range(3):
        deliveries.append(("fulfillment_events/create", {
            "id": 9100000000599000 + index, "fulfillment_id": parcel["id"], "order_id": order["id"],
            "status": ["in_transit", "out_for_delivery", "delivered"][index], "message": f"scan {index}",
            "happened_at": at(4 + index), "estimated_delivery_at": at(9), "city": "Osaka", "country": "Japan",
        }))
    return deliveries


def apply(shop, topic, payload):
    HANDLERS[topic](WebhookDelivery(topic=topic, shop_domain=shop.domain, payload=payload, webhook_id="x"))


def snapshot(shop):
    """The mirror's content, with database ids replaced by Shopify ids and bookkeeping left out."""
    def rows(model, exclude=("id", "updated_at", "created_at", "shop")):
        result = []
        for row in model.objects.filter(shop=shop).order_by("shopify_id"):
            values = {f.name: getattr(row, f.attname) for f in model._meta.concrete_fields if f.name not in exclude}
            for key in ("customer", "order", "fulfillment"):
                if key in values and values[key] is not None:
                    values[key] = getattr(row, key).shopify_id
            result.append(values)
        return result

    return {m.__name__: rows(m) for m in (Customer, Order, Fulfillment, FulfillmentEvent)}


@pytest.mark.django_db
def test_in_order_story_gives_the_final_state():
    shop = ShopFactory()
    for topic, payload in story():
        apply(shop, topic, payload)
    order = Order.objects.get(shop=shop)
    assert (order.financial_status, order.fulfillment_status, order.name) == ("paid", "partial", BASE["name"])
    assert order.customer.first_name == "Later"
    parcel = Fulfillment.objects.get(shop=shop)
    assert parcel.order_id == order.pk and parcel.shipment_status == "delivered"
    assert parcel.tracking[0]["number"] == BASE["fulfillments"][0]["tracking_number"]
    assert list(parcel.events.order_by("happened_at").values_list("status", flat=True)) == [
        "in_transit", "out_for_delivery", "delivered"
    ]


@pytest.mark.django_db
def test_applying_everything_twice_changes_nothing():
    shop = ShopFactory()
    for topic, payload in story():
        apply(shop, topic, payload)
    once = snapshot(shop)
    for topic, payload in story():
        apply(shop, topic, payload)
    assert snapshot(shop) == once


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_shuffled_and_duplicated_deliveries_equal_in_order(data):
    shop = ShopFactory(domain="prop.myshopify.com")
    Customer.objects.filter(shop=shop).delete()
    Order.objects.filter(shop=shop).delete()
    deliveries = story()
    for topic, payload in deliveries:
        apply(shop, topic, payload)
    expected = snapshot(shop)
    Customer.objects.filter(shop=shop).delete()
    Order.objects.filter(shop=shop).delete()

    shuffled = data.draw(st.permutations(deliveries))
    duplicates = data.draw(st.lists(st.sampled_from(deliveries), max_size=5))
    for topic, payload in [*shuffled, *duplicates]:
        apply(shop, topic, payload)

    assert snapshot(shop) == expected


@pytest.mark.django_db
def test_older_update_never_overwrites_newer():
    shop = ShopFactory()
    mirror.apply_customer(shop, customer_from_webhook({**BASE["customer"], "first_name": "New", "updated_at": at(9)}))
    mirror.apply_customer(shop, customer_from_webhook({**BASE["customer"], "first_name": "Old", "updated_at": at(1)}))
    assert Customer.objects.get(shop=shop).first_name == "New"


@pytest.mark.django_db
def test_child_before_parent_creates_a_placeholder_that_the_parent_fills():
    shop = ShopFactory()
    event = {"id": 1, "fulfillment_id": BASE["fulfillments"][0]["id"], "order_id": BASE["id"], "status": "in_transit",
             "happened_at": at(1)}
    mirror.apply_fulfillment_event(shop, event_from_webhook(event))
    placeholder = Order.objects.get(shop=shop)
    assert (placeholder.shopify_id, placeholder.name, placeholder.shopify_updated_at) == (BASE["id"], "", None)
    mirror.apply_order(shop, order_from_webhook(BASE))
    order = Order.objects.get(shop=shop)
    assert order.pk == placeholder.pk and order.name == BASE["name"]
    assert Fulfillment.objects.get(shop=shop, shopify_id=BASE["fulfillments"][0]["id"]).order_id == order.pk


@pytest.mark.django_db
def test_ids_above_2_53_are_stored_exactly():
    shop = ShopFactory()
    mirror.apply_order(shop, order_from_webhook({**BASE, "id": 2**62 + 7, "fulfillments": []}))
    assert Order.objects.get(shop=shop).shopify_id == 2**62 + 7


@pytest.mark.django_db
def test_redacted_customer_and_order_never_get_personal_data_back():
    shop = ShopFactory()
    mirror.apply_order(shop, order_from_webhook({**BASE, "updated_at": at(1)}))
    Customer.objects.filter(shop=shop).update(first_name="", last_name="", email="", phone="", redacted_at=T0)
    Order.objects.filter(shop=shop).update(email="", shipping_zip="", shipping_city="", redacted_at=T0)

    late = {**BASE, "updated_at": at(30), "financial_status": "refunded",
            "customer": {**BASE["customer"], "updated_at": at(30)}}
    mirror.apply_order(shop, order_from_webhook(late))
    mirror.apply_customer(shop, customer_from_webhook({**BASE["customer"], "updated_at": at(31)}))

    order = Order.objects.get(shop=shop)
    customer = Customer.objects.get(shop=shop)
    assert order.financial_status == "refunded"  # non-personal fields still follow Shopify
    assert (order.email, order.shipping_zip, order.shipping_city) == ("", "", "")
    assert (customer.first_name, customer.email, customer.phone) == ("", "", "")


@pytest.mark.django_db
def test_customer_delete_removes_only_a_customer_without_conversations():
    shop = ShopFactory()
    mirror.apply_customer(shop, customer_from_webhook({**BASE["customer"], "updated_at": at(1)}))
    assert mirror.delete_customer(shop, BASE["customer"]["id"]) == 1
    assert not Customer.objects.filter(shop=shop).exists()
    assert mirror.delete_customer(shop, 12345) == 0


@pytest.mark.django_db
def test_mirror_is_scoped_to_its_shop():
    shop_a, shop_b = ShopFactory(), ShopFactory()
    mirror.apply_order(shop_a, order_from_webhook(BASE))
    mirror.apply_order(shop_b, order_from_webhook({**BASE, "name": "#B"}))
    assert Order.objects.get(shop=shop_a).name == BASE["name"]
    assert Order.objects.get(shop=shop_b).name == "#B"
    assert Customer.objects.filter(shopify_id=BASE["customer"]["id"]).count() == 2


def test_fulfillment_parse_used_by_the_story_is_consistent():
    record = fulfillment_from_webhook(BASE["fulfillments"][0])
    assert record.order_id == BASE["id"]


@pytest.mark.django_db
def test_delivered_at_is_the_earliest_evidence_of_delivery():
    shop = ShopFactory()
    parcel = copy.deepcopy(BASE["fulfillments"][0])
    apply(shop, "fulfillments/update", {**parcel, "shipment_status": "in_transit", "updated_at": at(4)})
    assert Fulfillment.objects.get(shop=shop).delivered_at is None

    apply(shop, "fulfillments/update", {**parcel, "shipment_status": "delivered", "updated_at": at(7)})
    assert Fulfillment.objects.get(shop=shop).delivered_at == T0 + timedelta(minutes=7)  # the status change

    apply(shop, "fulfillments/update", {**parcel, "shipment_status": "delivered", "updated_at": at(30)})
    scan = {"id": 9100000000599100, "fulfillment_id": parcel["id"], "order_id": BASE["id"], "status": "delivered",
            "happened_at": at(6), "message": "", "city": "", "country": ""}
    apply(shop, "fulfillment_events/create", scan)
    apply(shop, "fulfillment_events/create", {**scan, "id": 9100000000599101, "happened_at": at(20)})
    assert Fulfillment.objects.get(shop=shop).delivered_at == T0 + timedelta(minutes=6)  # the carrier's scan


@pytest.mark.django_db
def test_the_story_records_the_delivered_scan_in_any_order():
    shop, other = ShopFactory(), ShopFactory()
    for topic, payload in story():
        apply(shop, topic, payload)
    for topic, payload in reversed(story()):
        apply(other, topic, payload)
    assert [Fulfillment.objects.get(shop=s).delivered_at for s in (shop, other)] == [T0 + timedelta(minutes=6)] * 2
