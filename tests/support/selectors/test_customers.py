"""The customer card: each parcel's delivery window, the one the bot would tell the shopper."""
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from support.selectors.customers import customer_card
from support.selectors.wismo import wismo_answer
from tests.factories import (
    ConversationFactory,
    CustomerFactory,
    FulfillmentEventFactory,
    FulfillmentFactory,
    OrderFactory,
    ShopFactory,
)

BERLIN = ZoneInfo("Europe/Berlin")


def local(*args):
    return datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def shop():
    return ShopFactory(timezone="Europe/Berlin", currency="EUR")


@pytest.fixture
def customer(shop):
    return CustomerFactory(shop=shop)


def parcels_of(card):
    return {parcel["tracking"][0]["number"]: parcel["eta"] for order in card["recent_orders"]
            for parcel in order["parcels"]}


@pytest.mark.django_db
def test_each_parcel_has_its_delivery_window(shop, customer, redis_client):
    order = OrderFactory(shop=shop, customer=customer, shipping_country_code="DE",
                         shopify_created_at=local(2026, 12, 20, 9))
    FulfillmentFactory(order=order, shipment_status="in_transit", shopify_created_at=local(2026, 12, 23, 10),
                       tracking=[{"company": "DHL", "number": "DEFAULT", "url": ""}])
    by_carrier = FulfillmentFactory(order=order, shipment_status="in_transit", shopify_created_at=local(2026, 12, 22),
                                    tracking=[{"company": "DHL", "number": "CARRIER", "url": ""}])
    FulfillmentEventFactory(fulfillment=by_carrier, status="label_printed", happened_at=local(2026, 12, 22, 9),
                            estimated_delivery_at=local(2026, 12, 24, 18))
    FulfillmentEventFactory(fulfillment=by_carrier, status="in_transit", happened_at=local(2026, 12, 23, 9),
                            estimated_delivery_at=local(2026, 12, 29, 18))  # the newest estimate counts
    FulfillmentFactory(order=order, shipment_status="delivered", shopify_created_at=local(2026, 12, 21),
                       delivered_at=local(2026, 12, 22, 15), tracking=[{"company": "DHL", "number": "DONE", "url": ""}])
    FulfillmentFactory(order=order, status="cancelled", shipment_status="", shopify_created_at=local(2026, 12, 21),
                       tracking=[{"company": "DHL", "number": "VOID", "url": ""}])
    conversation = ConversationFactory(shop=shop, customer=customer)

    card = customer_card(conversation, today=date(2026, 12, 23))

    # within Germany, 2 to 5 business days over Christmas (see test_eta)
    assert parcels_of(card) == {
        "DEFAULT": {"earliest": "2026-12-28", "latest": "2026-12-31", "source": "default", "late": False},
        "CARRIER": {"earliest": "2026-12-29", "latest": "2026-12-29", "source": "carrier", "late": False},
        "DONE": None,
        "VOID": None,
    }
    assert card["recent_orders"][0]["parcels"][1]["last_event"]["status"] == "in_transit"


@pytest.mark.django_db
def test_a_parcel_past_its_window_is_late(shop, customer, redis_client):
    order = OrderFactory(shop=shop, customer=customer, shipping_country_code="DE")
    FulfillmentFactory(order=order, shipment_status="in_transit", shopify_created_at=local(2026, 12, 23, 10),
                       tracking=[{"company": "DHL", "number": "LATE", "url": ""}])

    card = customer_card(ConversationFactory(shop=shop, customer=customer), today=date(2027, 1, 4))

    assert parcels_of(card) == {
        "LATE": {"earliest": "2026-12-28", "latest": "2026-12-31", "source": "default", "late": True}}


@pytest.mark.django_db
def test_the_window_is_the_one_the_bot_tells_from_the_shops_history(shop, customer, redis_client):
    shipped = timezone.now() - timedelta(days=30)
    for days in (1, 1, 2, 2, 3):
        done = OrderFactory(shop=shop, shipping_country_code="DE")
        FulfillmentFactory(order=done, shipment_status="delivered", shopify_created_at=shipped,
                           delivered_at=shipped + timedelta(days=days), tracking=[{"company": "DHL", "number": "1"}])
    order = OrderFactory(shop=shop, customer=customer, shipping_country_code="DE")
    FulfillmentFactory(order=order, shipment_status="in_transit", shopify_created_at=timezone.now(),
                       tracking=[{"company": "DHL", "number": "ON-ITS-WAY", "url": ""}])

    card = customer_card(ConversationFactory(shop=shop, customer=customer))

    told = wismo_answer(order, language="en").data["parcels"][0]["window"]
    assert parcels_of(card)["ON-ITS-WAY"] == {"earliest": told["earliest"], "latest": told["latest"],
                                              "source": "history", "late": False}
