"""The WSGI front door (``shopapp.wsgi.application``): webhook deliveries answered before Django,
with the same answers as the Django views; everything else reaches Django unchanged. Called as
gunicorn calls it, in this process, on the test database."""
import io
import json
import logging
import uuid

import pytest
from django.conf import settings

from shopapp.wsgi import application
from tests.webhooks.test_views import post_webhook, sign
from webhooks.models import DeliveryStatus, WebhookDelivery

SHOP = "shop-a.myshopify.com"


def call(path, body=b"", *, method="POST", host="testserver", headers=None, length=None):
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "SERVER_NAME": "testserver", "SERVER_PORT": "80",
        "HTTP_HOST": host, "wsgi.input": io.BytesIO(body), "wsgi.url_scheme": "http", "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)) if length is None else length,
        "wsgi.errors": io.StringIO(), "wsgi.multithread": False, "wsgi.multiprocess": True, "wsgi.run_once": False,
    }
    environ.update(headers or {})
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(response_headers)

    chunks = application(environ, start_response)
    content = b"".join(chunks)
    getattr(chunks, "close", lambda: None)()
    return answer["status"], answer["headers"], content


def delivery(payload, *, topic="orders/updated", webhook_id=None, secret=None):
    body = json.dumps(payload).encode()
    return body, {
        "HTTP_X_SHOPIFY_TOPIC": topic, "HTTP_X_SHOPIFY_HMAC_SHA256": sign(body, secret or settings.SHOPIFY_API_SECRET),
        "HTTP_X_SHOPIFY_SHOP_DOMAIN": SHOP, "HTTP_X_SHOPIFY_WEBHOOK_ID": webhook_id or str(uuid.uuid4()),
        "HTTP_X_SHOPIFY_EVENT_ID": "event-1", "HTTP_X_SHOPIFY_API_VERSION": "2026-07",
        "HTTP_X_SHOPIFY_TRIGGERED_AT": "2026-11-22T10:00:00.000Z",
    }


@pytest.mark.django_db
def test_a_delivery_is_recorded_once_and_answered_like_the_django_view(client):
    body, headers = delivery({"id": 9100000000000123, "updated_at": "2026-11-22T10:00:00Z"}, webhook_id="w-1")
    first = call("/webhooks/shopify", body, headers=headers)
    again = call("/webhooks/shopify", body, headers=headers)  # Shopify retried: a duplicate

    assert first == again == ("200 OK", {"Content-Type": "application/json", "Content-Length": "12",
                                         "X-Content-Type-Options": "nosniff"}, b'{"ok": true}')
    (row,) = WebhookDelivery.objects.all()
    assert (row.webhook_id, row.topic, row.shop_domain, row.event_id, row.api_version, row.status, row.attempts) == (
        "w-1", "orders/updated", SHOP, "event-1", "2026-07", DeliveryStatus.RECEIVED, 0)
    assert row.payload == {"id": 9100000000000123, "updated_at": "2026-11-22T10:00:00Z"}
    assert row.triggered_at.isoformat() == "2026-11-22T10:00:00+00:00"

    through_django = post_webhook(client, "orders/updated", {"id": 1}, shop=SHOP)
    assert (through_django.status_code, through_django.content) == (200, b'{"ok": true}')


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "change", "status", "code"), [
    ("/webhooks/shopify", {"HTTP_X_SHOPIFY_HMAC_SHA256": sign(b"something else", "x")}, "401 Unauthorized",
     "invalid_hmac"),
    ("/webhooks/shopify", {"HTTP_X_SHOPIFY_HMAC_SHA256": ""}, "401 Unauthorized", "missing_hmac_header"),
    ("/webhooks/shopify", {"HTTP_X_SHOPIFY_TOPIC": ""}, "400 Bad Request", "missing_headers"),
    ("/webhooks/shopify", {"HTTP_X_SHOPIFY_SHOP_DOMAIN": "evil.example.com"}, "400 Bad Request",
     "invalid_shop_domain"),
    ("/webhooks/compliance", {}, "400 Bad Request", "wrong_endpoint_for_topic"),
    ("/webhooks/shopify", {"HTTP_HOST": "attacker.example"}, "400 Bad Request", "disallowed_host"),
])
def test_refusals_store_nothing_and_are_logged_once(path, change, status, code, caplog):
    body, headers = delivery({"id": 1})
    with caplog.at_level(logging.INFO):
        answer = call(path, body, headers={**headers, **change}, host=change.get("HTTP_HOST", "testserver"))

    assert (answer[0], json.loads(answer[2])) == (status, {"detail": "webhook refused", "code": code})
    assert not WebhookDelivery.objects.exists()
    assert [(r.getMessage(), r.reason) for r in caplog.records if r.name == "webhooks.ingest"] == [
        ("webhooks.delivery.refused", code)]


@pytest.mark.django_db
def test_a_body_over_the_limit_is_refused_unread(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    body, headers = delivery({"id": 1, "note": "x" * 200})
    status, _, content = call("/webhooks/shopify", body, headers=headers)

    assert (status, json.loads(content)) == ("413 Content Too Large", {"detail": "webhook refused",
                                                                       "code": "payload_too_large"})
    assert not WebhookDelivery.objects.exists()
    bad_length = call("/webhooks/shopify", body, headers=headers, length="ten")
    assert (bad_length[0], json.loads(bad_length[2])["code"]) == ("400 Bad Request", "invalid_content_length")
    assert not WebhookDelivery.objects.exists()


@pytest.mark.django_db(transaction=True)  # Django's request signals close the connection: no test transaction
def test_other_requests_reach_django():
    status, _, content = call("/healthz", method="GET")
    assert status == "200 OK" and json.loads(content)["database"] == "ok"
    not_post = call("/webhooks/shopify", method="GET")
    assert not_post[0] == "405 Method Not Allowed"  # Django's require_POST
    assert call("/webhooks/shopify/", b"{}")[0] == "404 Not Found"  # not a webhook path: Django's 404
    assert not WebhookDelivery.objects.exists()
