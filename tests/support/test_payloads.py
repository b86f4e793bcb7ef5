"""Pure parsing of recorded Shopify payloads (shaped like the published 2026-07 examples)."""
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from support import payloads

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "webhooks"


def recorded(name):
    return json.loads((FIXTURES / name).read_text())


def test_order_with_two_parcels():
    raw = recorded("orders_updated_multi_parcel.json")
    record = payloads.order_from_webhook(raw)
    assert record.shopify_id == raw["id"] > 2**53
    assert record.updated_at == datetime.fromisoformat(raw["updated_at"])
    fields = record.fields
    assert fields["name"] == raw["name"]
    assert fields["presentment_currency"] == "JPY" and fields["currency"] == "USD"
    assert fields["total_price"] == Decimal(raw["total_price"])
    assert fields["presentment_total_price"] == Decimal(raw["total_price_set"]["presentment_money"]["amount"])
    assert fields["fulfillment_status"] == "partial"
    assert fields["shipping_country_code"] == "JP"
    assert [item["id"] for item in fields["line_items"]] == [str(item["id"]) for item in raw["line_items"]]
    assert record.customer.shopify_id == raw["customer"]["id"]
    assert [(f.shopify_id, f.fields["shipment_status"]) for f in record.fulfillments] == [
        (item["id"], item["shipment_status"]) for item in raw["fulfillments"]
    ]
    first = record.fulfillments[0]
    assert first.fields["tracking"] == [
        {"company": raw["fulfillments"][0]["tracking_company"], "number": raw["fulfillments"][0]["tracking_number"],
         "url": raw["fulfillments"][0]["tracking_url"]}
    ]


def test_unfulfilled_order_has_no_parcels():
    record = payloads.order_from_webhook(recorded("orders_create_unfulfilled.json"))
    assert record.fields["fulfillment_status"] == "unfulfilled"
    assert record.fulfillments == []


def test_customer_fulfillment_and_event():
    customer = payloads.customer_from_webhook(recorded("customers_update.json"))
    assert customer.fields["country_code"] == "JP"
    assert "locale" not in customer.fields  # REST customer payloads carry none; orders do
    order = payloads.order_from_webhook(recorded("orders_updated_multi_parcel.json"))
    assert order.fields["customer_locale"] == "ja"
    fulfillment = payloads.fulfillment_from_webhook(recorded("fulfillments_update.json"))
    raw_event = recorded("fulfillment_events_create.json")
    event = payloads.event_from_webhook(raw_event)
    assert (event.fulfillment_id, event.order_id) == (fulfillment.shopify_id, fulfillment.order_id)
    assert event.fields["status"] == raw_event["status"]
    assert event.fields["happened_at"] == datetime.fromisoformat(raw_event["happened_at"])


@pytest.mark.parametrize(
    "value, expected",
    [("gid://shopify/Order/9100000000200001", 9100000000200001), (9100000000200001, 9100000000200001),
     ("9100000000200001", 9100000000200001), ("gid://shopify/Order/abc", None), (None, None), ("", None)],
)
def test_gid_to_int(value, expected):
    assert payloads.gid_to_int(value) == expected


def test_money_and_times_tolerate_garbage():
    assert payloads.money("12.5") == Decimal("12.50")
    assert payloads.money({"amount": "3"}) == Decimal("3.00")
    assert payloads.money("n/a") is None and payloads.money(None) is None
    assert payloads.when("2026-11-20T12:00:00Z") == datetime(2026, 11, 20, 12, tzinfo=UTC)
    assert payloads.when("yesterday") is None and payloads.when(5) is None
    assert payloads.tags("a, b,,c") == ["a", "b", "c"]


def test_payload_without_id_is_refused():
    with pytest.raises(payloads.PayloadError, match="order has no id"):
        payloads.order_from_webhook({"name": "#1"})
    with pytest.raises(payloads.PayloadError, match="fulfillment's order has no id"):
        payloads.fulfillment_from_webhook({"id": 5})
