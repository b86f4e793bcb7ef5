"""Webhooks: which payload a topic gets (see webhook_payloads.py) and the signed envelope
(headers, HMAC) a delivery is sent with."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from .ids import gid
from .webhook_payloads import (
    compliance_payload,
    customer_payload,
    fulfillment_event_payload,
    fulfillment_payload,
    order_payload,
    shop_payload,
)

API_VERSION = "2026-07"
COMPLIANCE_TOPICS = ("customers/data_request", "customers/redact", "shop/redact")
ORDER_TOPICS = ("orders/create", "orders/updated", "orders/cancelled", "orders/fulfilled", "orders/paid")
FULFILLMENT_TOPICS = ("fulfillments/create", "fulfillments/update")
CUSTOMER_TOPICS = ("customers/create", "customers/update")
TOPICS = (
    *ORDER_TOPICS,
    *FULFILLMENT_TOPICS,
    "fulfillment_events/create",
    *CUSTOMER_TOPICS,
    "customers/delete",
    "app/uninstalled",
    *COMPLIANCE_TOPICS,
)


class WebhookTargetError(LookupError):
    """The topic is unknown or the object it names does not exist."""


@dataclass
class Delivery:
    topic: str
    shop: str
    path: str  # "/webhooks/shopify" or "/webhooks/compliance"
    body: bytes
    webhook_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    event_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    triggered_at: str = ""


def sign(body: bytes, secret: str) -> str:
    """Base64 HMAC-SHA256 of the raw body, as in X-Shopify-Hmac-Sha256."""
    return base64.b64encode(hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()).decode("ascii")


def build_delivery(topic: str, shop: dict, object_id: object, triggered_at: datetime) -> Delivery:
    payload = build_payload(topic, shop, object_id)
    path = "/webhooks/compliance" if topic in COMPLIANCE_TOPICS else "/webhooks/shopify"
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    stamp = triggered_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return Delivery(
        topic=topic, shop=shop["shop"]["myshopify_domain"], path=path, body=body, triggered_at=stamp
    )


def delivery_headers(delivery: Delivery, secret: str) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "User-Agent": "Shopify-Captain-Hook",
        "X-Shopify-Topic": delivery.topic,
        "X-Shopify-Hmac-Sha256": sign(delivery.body, secret),
        "X-Shopify-Shop-Domain": delivery.shop,
        "X-Shopify-API-Version": API_VERSION,
        "X-Shopify-Webhook-Id": delivery.webhook_id,
        "X-Shopify-Event-Id": delivery.event_id,
        "X-Shopify-Triggered-At": delivery.triggered_at,
    }


def build_payload(topic: str, shop: dict, object_id: object) -> dict:
    if topic not in TOPICS:
        raise WebhookTargetError(f"unknown topic {topic!r}")
    if topic in ("app/uninstalled",):
        return shop_payload(shop)
    if topic == "shop/redact":
        return {"shop_id": shop["shop"]["id"], "shop_domain": shop["shop"]["myshopify_domain"]}
    if topic in ORDER_TOPICS:
        return order_payload(shop, _record(shop, "orders", object_id))
    if topic in FULFILLMENT_TOPICS:
        order, fulfillment = _fulfillment(shop, object_id)
        return fulfillment_payload(shop, order, fulfillment)
    if topic == "fulfillment_events/create":
        return fulfillment_event_payload(shop, *_event(shop, object_id))
    customer = _record(shop, "customers", object_id)
    if topic in CUSTOMER_TOPICS:
        return customer_payload(shop, customer)
    if topic == "customers/delete":
        return {
            "id": customer["id"],
            "phone": None,
            "addresses": [],
            "tax_exemptions": [],
            "email_marketing_consent": None,
            "sms_marketing_consent": None,
            "admin_graphql_api_id": gid("Customer", customer["id"]),
        }
    return compliance_payload(topic, shop, customer)


def _numeric(object_id: object) -> str:
    text = str(object_id).rsplit("/", 1)[-1]
    if not text.isdigit():
        raise WebhookTargetError("id must be a numeric id or a GID")
    return text


def _record(shop: dict, collection: str, object_id: object) -> dict:
    record = shop[collection].get(_numeric(object_id))
    if record is None:
        raise WebhookTargetError(f"no {collection[:-1]} with that id")
    return record


def _fulfillment(shop: dict, object_id: object) -> tuple[dict, dict]:
    wanted = int(_numeric(object_id))
    for order in shop["orders"].values():
        for fulfillment in order["fulfillments"]:
            if fulfillment["id"] == wanted:
                return order, fulfillment
    raise WebhookTargetError("no fulfillment with that id")


def _event(shop: dict, object_id: object) -> tuple[dict, dict, dict]:
    wanted = int(_numeric(object_id))
    for order in shop["orders"].values():
        for fulfillment in order["fulfillments"]:
            for event in fulfillment["events"]:
                if event["id"] == wanted:
                    return order, fulfillment, event
    raise WebhookTargetError("no fulfillment event with that id")
