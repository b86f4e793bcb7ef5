"""Personal data in stored webhook payloads: what the scrub matches, what it keeps, and the
compliance topics processed the way the webhook task processes them."""
import json
from pathlib import Path

import pytest

from support.models import Customer, DataExport
from tests.factories import CustomerFactory, ShopTokenFactory, WebhookDeliveryFactory
from webhooks.actions import process_next
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.privacy import delete_shop_deliveries, redacted_payload, scrub_customer_deliveries

pytestmark = pytest.mark.django_db

DOMAIN = "shop-a.myshopify.com"
CUSTOMER_ID = 9100000000188001
EMAIL = "ana.souza@example.com.br"
PHONE = "+5511987654321"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "webhooks"


def payload_of(delivery):
    return WebhookDelivery.objects.get(pk=delivery.pk).payload


def test_redacted_payload_keeps_only_the_top_level_id():
    assert redacted_payload({"id": 9100000000288001, "email": EMAIL}) == {"redacted": True, "id": 9100000000288001}
    assert redacted_payload({"shop_id": 1, "customer": {"id": CUSTOMER_ID}}) == {"redacted": True}
    assert redacted_payload([1, 2]) == {"redacted": True}


def test_scrub_matches_the_id_anywhere_the_email_in_any_case_and_the_phone():
    by_id = WebhookDeliveryFactory(shop_domain=DOMAIN, payload={"id": 1, "order": {"customer": {"id": CUSTOMER_ID}}})
    by_gid = WebhookDeliveryFactory(shop_domain=DOMAIN, payload={"id": 2, "owner": f"gid://shopify/Customer/{CUSTOMER_ID}"})
    by_email = WebhookDeliveryFactory(shop_domain=DOMAIN, payload={"id": 3, "contact_email": EMAIL.upper()})
    by_phone = WebhookDeliveryFactory(shop_domain=DOMAIN, payload={"billing_address": {"phone": PHONE}})
    longer_id = WebhookDeliveryFactory(shop_domain=DOMAIN, payload={"id": 4, "line_item": int(f"{CUSTOMER_ID}7")})
    unrelated = WebhookDeliveryFactory(shop_domain=DOMAIN, payload={"id": 5, "email": "someone@else.com"})
    other_shop = WebhookDeliveryFactory(shop_domain="shop-b.myshopify.com", payload={"id": CUSTOMER_ID, "email": EMAIL})

    assert scrub_customer_deliveries(DOMAIN, CUSTOMER_ID, EMAIL, PHONE) == 4

    assert [payload_of(d) for d in (by_id, by_gid, by_email, by_phone)] == [
        {"redacted": True, "id": 1}, {"redacted": True, "id": 2}, {"redacted": True, "id": 3}, {"redacted": True}
    ]
    assert payload_of(longer_id) == {"id": 4, "line_item": int(f"{CUSTOMER_ID}7")}
    assert payload_of(unrelated) == {"id": 5, "email": "someone@else.com"}
    assert payload_of(other_shop) == {"id": CUSTOMER_ID, "email": EMAIL}


def test_scrub_twice_counts_nothing_the_second_time():
    delivery = WebhookDeliveryFactory(shop_domain=DOMAIN, payload={"id": CUSTOMER_ID, "email": EMAIL})
    assert scrub_customer_deliveries(DOMAIN, CUSTOMER_ID, EMAIL, PHONE) == 1
    assert scrub_customer_deliveries(DOMAIN, CUSTOMER_ID, EMAIL, PHONE) == 0
    assert payload_of(delivery) == {"redacted": True, "id": CUSTOMER_ID}


def test_scrub_with_nothing_safe_to_match_changes_nothing():
    delivery = WebhookDeliveryFactory(shop_domain=DOMAIN, payload={"id": 7, "phone": "12", "email": ""})
    assert scrub_customer_deliveries(DOMAIN, None, "", "12") == 0
    assert scrub_customer_deliveries(DOMAIN, None, "not-an-email", "") == 0
    assert payload_of(delivery) == {"id": 7, "phone": "12", "email": ""}


def test_delete_shop_deliveries_deletes_only_that_domain():
    WebhookDeliveryFactory.create_batch(3, shop_domain=DOMAIN)
    kept = WebhookDeliveryFactory(shop_domain="shop-b.myshopify.com")
    assert delete_shop_deliveries(DOMAIN) == 3
    assert list(WebhookDelivery.objects.values_list("pk", flat=True)) == [kept.pk]


# --- the compliance topics through the queue, as the drain task runs them ---------------------------

def recorded(name, domain):
    payload = json.loads((FIXTURES / name).read_text())
    return {**payload, "shop_domain": domain}


def test_recorded_data_request_then_redact_through_the_webhook_task():
    shop = ShopTokenFactory(shop__domain="demo-store.myshopify.com").shop
    request = recorded("customers_data_request.json", shop.domain)
    customer = request["customer"]
    CustomerFactory(shop=shop, shopify_id=customer["id"], email=customer["email"], phone=customer["phone"])
    asked = WebhookDeliveryFactory(shop_domain=shop.domain, topic="customers/data_request", payload=request,
                                   status=DeliveryStatus.RECEIVED)
    assert process_next() == asked.pk
    assert DataExport.objects.get().content["customer"]["email"] == customer["email"]

    redact = WebhookDeliveryFactory(shop_domain=shop.domain, topic="customers/redact",
                                    payload=recorded("customers_redact.json", shop.domain),
                                    status=DeliveryStatus.RECEIVED)
    assert process_next() == redact.pk

    assert DataExport.objects.count() == 0
    assert Customer.objects.get().email == ""
    assert list(WebhookDelivery.objects.order_by("pk").values_list("topic", "status", "payload")) == [
        ("customers/data_request", DeliveryStatus.PROCESSED, {"redacted": True}),
        ("customers/redact", DeliveryStatus.PROCESSED, {"redacted": True}),
    ]


def test_recorded_shop_redact_through_the_webhook_task():
    shop = ShopTokenFactory(shop__domain="demo-store.myshopify.com").shop
    delivery = WebhookDeliveryFactory(shop_domain=shop.domain, topic="shop/redact",
                                      payload=recorded("shop_redact.json", shop.domain),
                                      status=DeliveryStatus.RECEIVED)
    assert process_next() == delivery.pk
    assert process_next() is None
    assert WebhookDelivery.objects.count() == 0
    assert not type(shop).objects.filter(pk=shop.pk).exists()
