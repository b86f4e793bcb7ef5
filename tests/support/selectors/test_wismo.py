"""The "where is my order" answer read from the mirror: the plain view (local dates, parcels, scans,
counts, learned transit) and its cost in queries."""
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from support.rules.wismo import EventView, OrderView, ParcelView
from support.selectors import wismo
from tests.factories import FulfillmentEventFactory, FulfillmentFactory, OrderFactory, ShopFactory

BERLIN = ZoneInfo("Europe/Berlin")


def local(*args):
    return datetime(*args, tzinfo=BERLIN)


@pytest.fixture
def shop():
    return ShopFactory(timezone="Europe/Berlin")


@pytest.mark.django_db
def test_order_view_reads_the_mirror_in_the_shops_dates(shop, redis_client):
    created = datetime(2026, 11, 30, 23, 30, tzinfo=ZoneInfo("UTC"))  # already 1 Dec in Berlin
    order = OrderFactory(shop=shop, name="#1001", shipping_country_code="DE", fulfillment_status="partial",
                         financial_status="paid", shopify_created_at=created,
                         line_items=[{"id": "1", "quantity": 2}, {"id": "2", "quantity": 1}])
    parcel = FulfillmentFactory(
        order=order, shipment_status="in_transit", shopify_created_at=local(2026, 12, 1, 9),
        tracking=[{"company": "DHL", "number": "JD1", "url": "https://dhl.example/JD1"},
                  {"company": "DHL", "number": "JD2", "url": ""}],
        line_items=[{"id": "1", "quantity": 2}])
    FulfillmentEventFactory(fulfillment=parcel, status="in_transit", happened_at=local(2026, 12, 2, 8),
                            estimated_delivery_at=local(2026, 12, 4, 18))
    FulfillmentEventFactory(fulfillment=parcel, status="label_printed", happened_at=local(2026, 12, 1, 9))
    FulfillmentFactory(order=order, status="cancelled", shipment_status="", tracking=[], line_items=[],
                       shopify_created_at=local(2026, 12, 3, 9), delivered_at=local(2026, 12, 5, 9))

    assert wismo.order_view(order) == OrderView(
        name="#1001", created_on=date(2026, 12, 1), cancelled_on=None, financial_status="paid",
        fulfillment_status="partial", item_count=3, country="DE", origin="DE",
        parcels=(
            ParcelView(status="success", shipment_status="in_transit", carrier="DHL", tracking_number="JD1, JD2",
                       tracking_url="https://dhl.example/JD1", shipped_on=date(2026, 12, 1), delivered_on=None,
                       events=(EventView("label_printed", date(2026, 12, 1)),
                               EventView("in_transit", date(2026, 12, 2), date(2026, 12, 4))),
                       item_count=2, transit=None),
            ParcelView(status="cancelled", shipment_status="", carrier="", tracking_number="", tracking_url="",
                       shipped_on=date(2026, 12, 3), delivered_on=date(2026, 12, 5), item_count=None),
        ),
    )


@pytest.mark.django_db
def test_the_answer_uses_the_shops_learned_transit(shop, redis_client):
    shipped = timezone.now() - timedelta(days=30)
    for days in (1, 1, 2, 2, 3):
        done = OrderFactory(shop=shop, shipping_country_code="DE")
        FulfillmentFactory(order=done, shipment_status="delivered", shopify_created_at=shipped,
                           delivered_at=shipped + timedelta(days=days), tracking=[{"company": "DHL", "number": "1"}])
    order = OrderFactory(shop=shop, name="#2001", shipping_country_code="DE", customer_locale="fr")
    FulfillmentFactory(order=order, shipment_status="in_transit", shopify_created_at=timezone.now(),
                       tracking=[{"company": "DHL", "number": "JD9", "url": ""}])

    answer = wismo.wismo_answer(order)

    assert answer.data["language"] == "fr"
    assert answer.data["parcels"][0]["window"]["source"] == "history"
    assert answer.text.split("\n")[0] == "La commande #2001 a été expédiée."


@pytest.mark.django_db
def test_the_answer_costs_two_queries_once_the_route_is_cached(shop, redis_client, django_assert_num_queries):
    order = OrderFactory(shop=shop, shipping_country_code="DE")
    for number in range(3):
        parcel = FulfillmentFactory(order=order, shipment_status="in_transit", shopify_created_at=timezone.now(),
                                    tracking=[{"company": "DHL", "number": f"JD{number}", "url": ""}])
        FulfillmentEventFactory(fulfillment=parcel, status="in_transit")

    with django_assert_num_queries(3):  # parcels, scans, the route's history (then cached)
        wismo.wismo_answer(order, language="en")
    with django_assert_num_queries(2):
        answer = wismo.wismo_answer(order, language="en")
    assert [parcel["state"] for parcel in answer.data["parcels"]] == ["in_transit"] * 3


@pytest.mark.django_db
def test_delivery_window_of_an_order_from_the_mirror(shop, redis_client):
    order = OrderFactory(shop=shop, shipping_country_code="DE")
    FulfillmentFactory(order=order, shipment_status="in_transit", shopify_created_at=local(2026, 12, 23, 10),
                       tracking=[{"company": "DHL", "number": "JD1", "url": ""}])

    # Berlin's shop ships within Germany: 2 to 5 business days over Christmas (see test_eta)
    assert wismo.delivery_window(order, today=date(2026, 12, 23)) == wismo.eta.Window(
        date(2026, 12, 28), date(2026, 12, 31), "default")
    assert wismo.delivery_window(OrderFactory(shop=shop), today=date(2026, 12, 23)) is None
