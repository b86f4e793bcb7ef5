import base64
import hashlib
import hmac
import json
import uuid

import pytest
from django.conf import settings
from django.db import connection

from shopapp.models import Shop, ShopToken
from tests.factories import ShopTokenFactory
from webhooks.models import DeliveryStatus, WebhookDelivery


def sign(body: bytes, secret: str) -> str:
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def post_webhook(client, topic, payload, *, shop="shop-a.myshopify.com", secret=None, webhook_id=None,
                 path="/webhooks/shopify", headers=None):
    body = json.dumps(payload).encode()
    base = {
        "HTTP_X_SHOPIFY_TOPIC": topic,
        "HTTP_X_SHOPIFY_HMAC_SHA256": sign(body, secret or settings.SHOPIFY_API_SECRET),
        "HTTP_X_SHOPIFY_SHOP_DOMAIN": shop,
        "HTTP_X_SHOPIFY_WEBHOOK_ID": webhook_id or str(uuid.uuid4()),
        "HTTP_X_SHOPIFY_API_VERSION": "2026-07",
        "HTTP_X_SHOPIFY_TRIGGERED_AT": "2026-11-22T10:00:00.000Z",
    }
    base.update(headers or {})
    return client.post(path, data=body, content_type="application/json", **base)


UNINSTALL_PAYLOAD = {"id": 9100000000000777, "name": "Shop A", "domain": "shop-a.myshopify.com"}


@pytest.mark.django_db(transaction=True)
def test_app_uninstalled_deactivates_shop_and_deletes_token(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    from shopapp.celery import app as celery_app

    celery_app.conf.task_always_eager = True
    try:
        token = ShopTokenFactory(shop__domain="shop-a.myshopify.com")
        response = post_webhook(client, "app/uninstalled", UNINSTALL_PAYLOAD)
    finally:
        celery_app.conf.task_always_eager = False
    assert response.status_code == 200
    shop = Shop.objects.get(pk=token.shop_id)
    assert shop.is_active is False
    assert shop.uninstalled_at is not None
    assert not ShopToken.objects.filter(shop=shop).exists()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.topic, delivery.status, delivery.attempts) == ("app/uninstalled", DeliveryStatus.PROCESSED, 1)
    assert delivery.payload["id"] == 9100000000000777  # above 2**53, stored exactly


@pytest.mark.django_db
def test_forged_hmac_is_401_and_stores_nothing(client, caplog):
    token = ShopTokenFactory(shop__domain="shop-a.myshopify.com")
    caplog.clear()
    response = post_webhook(client, "app/uninstalled", UNINSTALL_PAYLOAD, secret="forged-secret")
    assert response.status_code == 401
    assert [(r.getMessage(), r.reason) for r in caplog.records] == [("webhooks.delivery.refused", "invalid_hmac")]
    assert response.json()["code"] == "invalid_hmac"
    assert WebhookDelivery.objects.count() == 0
    assert Shop.objects.get(pk=token.shop_id).is_active is True


@pytest.mark.django_db
def test_missing_hmac_is_401_and_stores_nothing(client):
    response = post_webhook(client, "app/uninstalled", UNINSTALL_PAYLOAD, headers={"HTTP_X_SHOPIFY_HMAC_SHA256": ""})
    assert response.status_code == 401
    assert WebhookDelivery.objects.count() == 0


@pytest.mark.django_db
def test_duplicate_delivery_is_recorded_once(client, django_capture_on_commit_callbacks):
    webhook_id = str(uuid.uuid4())
    with django_capture_on_commit_callbacks() as callbacks:
        first = post_webhook(client, "orders/updated", {"id": 1}, webhook_id=webhook_id)
        second = post_webhook(client, "orders/updated", {"id": 1}, webhook_id=webhook_id)
    assert (first.status_code, second.status_code) == (200, 200)
    assert WebhookDelivery.objects.filter(webhook_id=webhook_id).count() == 1
    assert len(callbacks) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers, code",
    [
        ({"HTTP_X_SHOPIFY_TOPIC": ""}, "missing_headers"),
        ({"HTTP_X_SHOPIFY_WEBHOOK_ID": ""}, "missing_headers"),
        ({"HTTP_X_SHOPIFY_SHOP_DOMAIN": "evil.com"}, "invalid_shop_domain"),
        ({"HTTP_X_SHOPIFY_TOPIC": "shop/redact"}, "wrong_endpoint_for_topic"),
    ],
)
def test_bad_headers_are_400_with_reason(client, headers, code, caplog):
    response = post_webhook(client, "app/uninstalled", UNINSTALL_PAYLOAD, headers=headers)
    assert response.status_code == 400
    assert [(r.getMessage(), r.reason) for r in caplog.records] == [("webhooks.delivery.refused", code)]
    assert response.json()["code"] == code
    assert WebhookDelivery.objects.count() == 0


@pytest.mark.django_db
def test_malformed_json_is_400(client):
    body = b"{not json"
    response = client.post(
        "/webhooks/shopify", data=body, content_type="application/json",
        HTTP_X_SHOPIFY_TOPIC="orders/create", HTTP_X_SHOPIFY_HMAC_SHA256=sign(body, settings.SHOPIFY_API_SECRET),
        HTTP_X_SHOPIFY_SHOP_DOMAIN="shop-a.myshopify.com", HTTP_X_SHOPIFY_WEBHOOK_ID=str(uuid.uuid4()),
    )
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_json"
    assert WebhookDelivery.objects.count() == 0


@pytest.mark.django_db
def test_payload_the_database_cannot_hold_is_400_and_stores_nothing(client, caplog):
    response = post_webhook(client, "orders/updated", {"id": 1, "note": "nul \u0000 here"})
    assert response.status_code == 400
    assert response.json()["code"] == "payload_not_storable"
    assert not WebhookDelivery.objects.exists()
    assert [r.getMessage() for r in caplog.records if r.name == "webhooks.ingest"] == ["webhooks.delivery.refused"]


def post_raw(client, body: bytes, topic="orders/updated"):
    return client.post(
        "/webhooks/shopify", data=body, content_type="application/json",
        HTTP_X_SHOPIFY_TOPIC=topic, HTTP_X_SHOPIFY_HMAC_SHA256=sign(body, settings.SHOPIFY_API_SECRET),
        HTTP_X_SHOPIFY_SHOP_DOMAIN="shop-a.myshopify.com", HTTP_X_SHOPIFY_WEBHOOK_ID=str(uuid.uuid4()),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body, code",
    [
        (b'{"id": 1,}', "malformed_json"),
        (b'{"id": 1, "total": NaN}', "malformed_json"),
        (b'{"id": 1, "note": "\\ud800 alone", "bad": }', "malformed_json"),  # escape and bad syntax
        (b'\xff{"id": 1}', "malformed_json"),  # not UTF-8
        (b'{"id": 1, "note": "\\ud800 alone"}', "payload_not_storable"),  # unpaired surrogate
        (b'{"id": 1, "note": "\\udc00"}', "payload_not_storable"),
        (b'{"id": 1, "note": "a \\u0000 b"}', "payload_not_storable"),
    ],
)
def test_a_body_the_database_refuses_is_400_with_its_reason_and_stores_nothing(client, body, code, caplog):
    response = post_raw(client, body)
    assert (response.status_code, response.json()["code"]) == (400, code)
    assert not WebhookDelivery.objects.exists()
    assert [r.getMessage() for r in caplog.records if r.name == "webhooks.ingest"] == ["webhooks.delivery.refused"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body, payload",
    [
        (b'{"id": 2, "note": "\\u0026 caf\xc3\xa9 \\u003cb\\u003e"}', {"id": 2, "note": "& café <b>"}),
        (b'{"id": 3, "note": "\\ud83d\\ude00", "n": 9100000000000000001}', {"id": 3, "note": "\U0001F600",
                                                                         "n": 9100000000000000001}),
    ],
)
def test_an_accepted_body_is_stored_and_read_back_as_the_same_json(client, body, payload):
    assert post_raw(client, body).status_code == 200
    assert WebhookDelivery.objects.get().payload == payload


@pytest.mark.django_db
def test_an_ordinary_body_is_stored_as_the_text_that_came(client):
    body = b'{"id":4,  "note":"\\u0026 kept as sent", "total": "10.00"}'
    assert post_raw(client, body).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT payload::text, pg_typeof(payload)::text FROM webhooks_webhookdelivery")
        assert cursor.fetchone() == (body.decode(), "json")


@pytest.mark.django_db
def test_lowercase_shopify_headers_accepted(client, django_capture_on_commit_callbacks):
    body = json.dumps({"id": 5}).encode()
    with django_capture_on_commit_callbacks():
        response = client.post(
            "/webhooks/shopify", data=body, content_type="application/json",
            HTTP_SHOPIFY_TOPIC="orders/create", HTTP_SHOPIFY_HMAC_SHA256=sign(body, settings.SHOPIFY_API_SECRET),
            HTTP_SHOPIFY_SHOP_DOMAIN="shop-a.myshopify.com", HTTP_SHOPIFY_WEBHOOK_ID="abc-1",
        )
    assert response.status_code == 200
    assert WebhookDelivery.objects.get().topic == "orders/create"


@pytest.mark.django_db
def test_get_is_not_allowed(client):
    assert client.get("/webhooks/shopify").status_code == 405
