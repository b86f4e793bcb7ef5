"""Transit times learned from the shop's own deliveries: business days per carrier and destination,
in the shop's time zone, only this shop's recent deliveries, cached in the real Redis."""
import importlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.utils import timezone

from support.models import Fulfillment
from support.selectors import transit
from tests.factories import FulfillmentEventFactory, FulfillmentFactory, OrderFactory, ShopFactory

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2027, 1, 10, 12, tzinfo=BERLIN)


def local(*args):
    return datetime(*args, tzinfo=BERLIN)


def delivery(shop, shipped, delivered, *, carrier="DHL", country="DE", **fields):
    order = OrderFactory(shop=shop, shipping_country_code=country)
    return FulfillmentFactory(order=order, shopify_created_at=shipped, delivered_at=delivered,
                              tracking=[{"company": carrier, "number": "JD1", "url": ""}], **fields)


@pytest.fixture
def shop():
    return ShopFactory(timezone="Europe/Berlin")


@pytest.mark.django_db
def test_samples_are_business_days_of_the_destination_per_carrier_and_country(shop):
    delivery(shop, local(2026, 12, 23, 9), local(2027, 1, 4, 15))  # over Christmas and New Year in Germany: 6
    delivery(shop, local(2026, 12, 7, 10), local(2026, 12, 9, 11), carrier="dhl")  # any case: 2
    # 23:30 UTC on Mon 7 Dec is already Tue 8 Dec in Berlin: shipped Tue, delivered Wed 9: 1
    delivery(shop, datetime(2026, 12, 7, 23, 30, tzinfo=ZoneInfo("UTC")), local(2026, 12, 9, 9))
    delivery(shop, local(2026, 12, 7), local(2026, 12, 8), carrier="UPS")
    delivery(shop, local(2026, 12, 7), local(2026, 12, 8), country="FR")
    delivery(shop, local(2026, 12, 7), None)  # still on its way
    delivery(shop, local(2026, 12, 7), local(2026, 12, 8), status="cancelled")
    delivery(shop, local(2026, 6, 1), local(2026, 6, 3))  # before the lookback
    delivery(ShopFactory(), local(2026, 12, 7), local(2026, 12, 8))  # another shop's

    samples = transit.transit_samples(shop, carrier="DHL", country="de", now=NOW)

    assert sorted(samples) == [1, 2, 6]


@pytest.mark.django_db
def test_learned_transit_needs_enough_history(shop, redis_client):
    for day in (7, 8, 9, 10):
        delivery(shop, local(2026, 12, day, 10), local(2026, 12, day, 10) + timedelta(days=1))

    assert transit.learned_transit(shop, carrier="DHL", country="DE", now=NOW) is None


@pytest.mark.django_db
def test_learned_transit_is_p50_p90_and_cached(shop, redis_client, django_assert_num_queries):
    # Mon 7 Dec + 1, 1, 2, 2, 3 business days
    for days in (1, 1, 2, 2, 3):
        delivery(shop, local(2026, 12, 7, 10), local(2026, 12, 7 + days, 16))

    with django_assert_num_queries(1):
        assert transit.learned_transit(shop, carrier="DHL", country="DE", now=NOW) == (2, 3)
    for _ in range(5):
        delivery(shop, local(2026, 12, 7, 10), local(2026, 12, 11, 16))  # 4 days each: not seen while cached
    with django_assert_num_queries(0):
        assert transit.learned_transit(shop, carrier="dhl ", country="de", now=NOW) == (2, 3)
    redis_client.flushdb()
    assert transit.learned_transit(shop, carrier="DHL", country="DE", now=NOW) == (3, 4)


@pytest.mark.django_db
def test_no_history_is_cached_too_and_routes_are_apart(shop, redis_client, django_assert_num_queries):
    for days in (1, 1, 2, 2, 3):
        delivery(shop, local(2026, 12, 7, 10), local(2026, 12, 7 + days, 16))

    assert transit.learned_transit(shop, carrier="UPS", country="DE", now=NOW) is None
    with django_assert_num_queries(0):
        assert transit.learned_transit(shop, carrier="UPS", country="DE", now=NOW) is None
    assert transit.learned_transit(ShopFactory(), carrier="DHL", country="DE", now=NOW) is None


@pytest.mark.django_db
def test_nothing_to_learn_without_a_carrier_or_a_country(shop, redis_client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert transit.learned_transit(shop, carrier=" ", country="DE") is None
        assert transit.learned_transit(shop, carrier="DHL", country="") is None
    assert redis_client.keys("*") == []


@pytest.mark.django_db
def test_the_tracking_migration_fills_delivered_at_from_scans_else_the_status():
    migration = importlib.import_module("support.migrations.0009_tracking")
    scanned = FulfillmentFactory(shipment_status="delivered", shopify_updated_at=timezone.now())
    FulfillmentEventFactory(fulfillment=scanned, status="delivered", happened_at=local(2026, 12, 9, 11))
    FulfillmentEventFactory(fulfillment=scanned, status="delivered", happened_at=local(2026, 12, 10, 11))
    FulfillmentEventFactory(fulfillment=scanned, status="in_transit", happened_at=local(2026, 12, 8, 11))
    by_status = FulfillmentFactory(shipment_status="delivered", shopify_updated_at=local(2026, 12, 12, 8))
    moving = FulfillmentFactory(shipment_status="in_transit", shopify_updated_at=local(2026, 12, 12, 8))

    migration.fill_delivered_at(apps, None)

    assert [Fulfillment.objects.get(pk=row.pk).delivered_at for row in (scanned, by_status, moving)] == [
        local(2026, 12, 9, 11), local(2026, 12, 12, 8), None]
