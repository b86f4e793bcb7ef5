"""Webhooks: payloads, signatures, delivery with retries, duplicate and reordered deliveries."""

import base64
import hashlib
import hmac
import json

import pytest

API_SECRET = "devstore-test-api-secret-0123456789abcdef"  # as in conftest.py


def _send(api, shop, topic, object_id=None):
    response = api.control.post(f"/_devstore/shops/{shop}/webhooks", json={"topic": topic, "id": object_id})
    assert response.status_code == 202, response.text
    return response.json()


def _wait(api):
    return api.control.get("/_devstore/webhooks", params={"wait": 5}).json()


def _raw(api, shop, collection):
    return api.control.get(f"/_devstore/shops/{shop}/{collection}").json()[collection]


def test_order_webhook_is_signed_and_carries_shopify_headers(api, shop, receiver):
    order = _raw(api, shop, "orders")[0]

    sent = _send(api, shop, "orders/updated", str(order["id"]))
    deliveries = _wait(api)

    assert deliveries["idle"] is True
    [received] = receiver.deliveries
    headers = received["headers"]
    expected_hmac = base64.b64encode(hmac.new(API_SECRET.encode(), received["body"], hashlib.sha256).digest()).decode()
    assert received["path"] == "/webhooks/shopify"
    assert headers["X-Shopify-Hmac-Sha256"] == expected_hmac
    assert headers["X-Shopify-Topic"] == "orders/updated"
    assert headers["X-Shopify-Shop-Domain"] == shop
    assert headers["X-Shopify-API-Version"] == "2026-07"
    assert headers["X-Shopify-Webhook-Id"] == sent["webhook_id"]
    assert headers["X-Shopify-Event-Id"] == sent["event_id"]
    assert headers["X-Shopify-Triggered-At"].endswith("Z")
    payload = json.loads(received["body"])
    assert payload["id"] == order["id"]
    assert payload["id"] > 2**53
    assert f'"id":{order["id"]},' in received["body"].decode()
    assert payload["admin_graphql_api_id"] == f"gid://shopify/Order/{order['id']}"
    assert payload["name"] == order["name"]
    assert payload["total_price_set"]["shop_money"] == {"amount": order["total"], "currency_code": "USD"}
    assert [d["status"] for d in deliveries["deliveries"]] == [200]


def test_shopify_app_package_verifies_the_webhook(api, shop, receiver):
    from shopify_app.verify.webhook import verify_webhook_req

    customer = _raw(api, shop, "customers")[0]
    _send(api, shop, "customers/update", customer["id"])
    _wait(api)
    [received] = receiver.deliveries

    result = verify_webhook_req(
        {"method": "POST", "headers": received["headers"], "body": received["body"].decode()},
        {"client_id": "devstore-test-api-key", "client_secret": API_SECRET},
    )

    assert result.ok is True


@pytest.mark.parametrize(
    ("topic", "collection", "path", "keys"),
    [
        (
            "orders/create",
            "orders",
            "/webhooks/shopify",
            {"id", "name", "line_items", "fulfillments", "customer"},
        ),
        ("orders/cancelled", "orders", "/webhooks/shopify", {"cancelled_at", "cancel_reason"}),
        ("orders/fulfilled", "orders", "/webhooks/shopify", {"fulfillment_status"}),
        ("orders/paid", "orders", "/webhooks/shopify", {"financial_status"}),
        (
            "customers/create",
            "customers",
            "/webhooks/shopify",
            {"id", "email", "default_address", "addresses"},
        ),
        ("customers/delete", "customers", "/webhooks/shopify", {"id", "admin_graphql_api_id"}),
        (
            "customers/data_request",
            "customers",
            "/webhooks/compliance",
            {"shop_id", "shop_domain", "customer", "orders_requested", "data_request"},
        ),
        (
            "customers/redact",
            "customers",
            "/webhooks/compliance",
            {"shop_id", "shop_domain", "customer", "orders_to_redact"},
        ),
    ],
)
def test_topics_have_their_payloads_and_paths(api, shop, receiver, topic, collection, path, keys):
    record = _raw(api, shop, collection)[1]

    _send(api, shop, topic, f"gid://shopify/{'Order' if collection == 'orders' else 'Customer'}/{record['id']}")
    _wait(api)

    [received] = receiver.deliveries
    assert received["path"] == path
    assert keys <= set(json.loads(received["body"]))


def test_fulfillment_and_event_webhooks(api, shop, receiver):
    order = next(o for o in _raw(api, shop, "orders") if o["fulfillments"])
    fulfillment = order["fulfillments"][0]
    event = fulfillment["events"][-1]

    _send(api, shop, "fulfillments/update", fulfillment["id"])
    _send(api, shop, "fulfillment_events/create", event["id"])
    _wait(api)

    update, created = (json.loads(d["body"]) for d in receiver.deliveries)
    assert update["id"] == fulfillment["id"]
    assert update["order_id"] == order["id"]
    assert update["tracking_number"] == fulfillment["tracking"][0]["number"]
    assert update["shipment_status"] == fulfillment["display_status"].lower()
    assert created["id"] == event["id"]
    assert created["fulfillment_id"] == fulfillment["id"]
    assert created["status"] == event["status"].lower()


def test_shop_redact_payload(api, shop, receiver):
    _send(api, shop, "shop/redact")
    _wait(api)

    [received] = receiver.deliveries
    assert json.loads(received["body"]) == {"shop_id": 9100000000900000, "shop_domain": shop}


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"topic": "products/create", "id": "1"}, 400, "unknown topic 'products/create'"),
        ({"topic": "orders/updated", "id": "1"}, 404, "no order with that id"),
        ({"topic": "orders/updated"}, 400, "id must be a numeric id or a GID"),
    ],
)
def test_bad_webhook_requests_send_nothing(api, shop, receiver, body, status, error):
    response = api.control.post(f"/_devstore/shops/{shop}/webhooks", json=body)

    assert response.status_code == status
    assert response.json() == {"error": error}
    assert _wait(api)["deliveries"] == []


def test_failed_deliveries_are_retried_with_the_same_webhook_id(api, shop, receiver):
    receiver.statuses.extend([500, 503])
    order = _raw(api, shop, "orders")[0]

    _send(api, shop, "orders/updated", order["id"])
    deliveries = _wait(api)["deliveries"]

    assert [d["status"] for d in receiver.deliveries] == [500, 503, 200]
    assert len({d["headers"]["X-Shopify-Webhook-Id"] for d in receiver.deliveries}) == 1
    assert [(d["attempts"], d["delivered"]) for d in deliveries] == [([500, 503, 200], True)]


def test_deliveries_give_up_after_the_last_attempt(api, shop, receiver):
    receiver.statuses.extend([500, 500, 500])

    _send(api, shop, "shop/redact")
    deliveries = _wait(api)["deliveries"]

    assert [(d["attempts"], d["delivered"], d["status"]) for d in deliveries] == [([500, 500, 500], False, 500)]
    assert [e["status"] for e in api.log(kind="webhook")] == [500]


def test_duplicate_webhook_fault_delivers_the_same_webhook_twice(api, shop, receiver):
    api.control.post("/_devstore/faults", json={"kind": "duplicate_webhook"})

    _send(api, shop, "shop/redact")
    _wait(api)

    ids = [d["headers"]["X-Shopify-Webhook-Id"] for d in receiver.deliveries]
    assert len(ids) == 2
    assert ids[0] == ids[1]
    assert receiver.deliveries[0]["body"] == receiver.deliveries[1]["body"]


def test_reorder_fault_delivers_the_next_webhooks_in_reverse(api, shop, receiver):
    orders = _raw(api, shop, "orders")[:3]
    api.control.post("/_devstore/faults", json={"kind": "reorder_webhooks", "count": 3})

    sent = [_send(api, shop, "orders/updated", order["id"])["webhook_id"] for order in orders]
    _wait(api)

    assert [d["headers"]["X-Shopify-Webhook-Id"] for d in receiver.deliveries] == sent[::-1]


def test_clearing_faults_releases_held_webhooks(api, shop, receiver):
    api.control.post("/_devstore/faults", json={"kind": "reorder_webhooks", "count": 5})
    _send(api, shop, "shop/redact")
    assert _wait(api)["deliveries"] == []

    api.control.delete("/_devstore/faults")

    assert [d["topic"] for d in _wait(api)["deliveries"]] == ["shop/redact"]


def test_uninstall_revokes_every_token_and_sends_app_uninstalled(api, shop, receiver):
    issued = api.exchange(shop).json()
    other = api.exchange(shop, expiring=0).json()

    response = api.control.post(f"/_devstore/shops/{shop}/uninstall")
    _wait(api)

    assert response.json()["revoked"] == 3  # two access tokens and one refresh token
    for access in (issued["access_token"], other["access_token"]):
        assert api.graphql(shop, access, "{ shop { name } }").status_code == 401
    refresh = {
        "client_id": api.key,
        "client_secret": api.secret,
        "grant_type": "refresh_token",
        "refresh_token": issued["refresh_token"],
    }
    assert api.token_request(shop, refresh).json()["error"] == "invalid_grant"
    assert api.state(shop)["shops"][shop]["installed"] is False
    [received] = receiver.deliveries
    assert received["headers"]["X-Shopify-Topic"] == "app/uninstalled"
    assert received["headers"]["X-Shopify-Webhook-Id"] == response.json()["webhook_id"]
    payload = json.loads(received["body"])
    assert payload["myshopify_domain"] == shop
    assert payload["id"] == 9100000000900000
