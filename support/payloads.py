"""Pure parsing of Shopify data into the mirror's shapes: REST-style webhook payloads and Admin
GraphQL nodes both become the same records, so webhooks and reconciliation share one upsert path.
No ORM here; ids stay Python ints (they exceed 2**53)."""
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.utils.dateparse import parse_datetime


@dataclass(frozen=True)
class Record:
    shopify_id: int
    updated_at: datetime | None
    fields: dict


@dataclass(frozen=True)
class EventRecord:
    shopify_id: int
    fulfillment_id: int
    order_id: int
    fields: dict


@dataclass(frozen=True)
class FulfillmentRecord(Record):
    order_id: int = 0
    events: list = field(default_factory=list)


@dataclass(frozen=True)
class OrderRecord(Record):
    customer: Record | None = None
    fulfillments: list = field(default_factory=list)


class PayloadError(ValueError):
    """The payload lacks what the mirror needs (an id); the delivery fails with this reason."""


def gid_to_int(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value
    text = str(value).rsplit("/", 1)[-1].split("?", 1)[0]
    return int(text) if text.isdigit() else None


def require_id(value, what: str) -> int:
    parsed = gid_to_int(value)
    if parsed is None:
        raise PayloadError(f"{what} has no id")
    return parsed


def when(value) -> datetime | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return parse_datetime(value)
    except ValueError:
        return None


def money(value) -> Decimal | None:
    if isinstance(value, dict):
        value = value.get("amount")
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


def text(value, limit=255) -> str:
    return str(value)[:limit] if value not in (None,) else ""


def tags(value) -> list[str]:
    if isinstance(value, list):
        return [str(tag).strip() for tag in value if str(tag).strip()]
    return [tag.strip() for tag in str(value or "").split(",") if tag.strip()]


def _set_amount(money_set, side="shop_money"):
    return money((money_set or {}).get(side) or (money_set or {}).get(_camel(side)))


def _camel(name):
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


# --- REST webhook payloads -------------------------------------------------------------------

def customer_from_webhook(payload: dict) -> Record:
    """REST customer payloads carry no locale: the shopper's language comes from their orders'
    ``customer_locale`` (and from the chat widget), so the field is left alone here."""
    address = payload.get("default_address") or {}
    return Record(
        shopify_id=require_id(payload.get("id"), "customer"),
        updated_at=when(payload.get("updated_at")),
        fields={
            "first_name": text(payload.get("first_name")),
            "last_name": text(payload.get("last_name")),
            "email": text(payload.get("email"), 254),
            "phone": text(payload.get("phone"), 64),
            "country_code": text(address.get("country_code"), 2),
            "province_code": text(address.get("province_code"), 16),
            "city": text(address.get("city")),
            "tags": tags(payload.get("tags")),
            "currency": text(payload.get("currency"), 3),
            "shopify_created_at": when(payload.get("created_at")),
        },
    )


def fulfillment_from_webhook(payload: dict, order_id: int | None = None) -> FulfillmentRecord:
    numbers = payload.get("tracking_numbers") or [n for n in [payload.get("tracking_number")] if n]
    urls = payload.get("tracking_urls") or [u for u in [payload.get("tracking_url")] if u]
    company = payload.get("tracking_company") or ""
    tracking = [
        {"company": company, "number": str(number), "url": urls[index] if index < len(urls) else ""}
        for index, number in enumerate(numbers)
    ]
    return FulfillmentRecord(
        shopify_id=require_id(payload.get("id"), "fulfillment"),
        updated_at=when(payload.get("updated_at")),
        order_id=require_id(payload.get("order_id") or order_id, "fulfillment's order"),
        fields={
            "name": text(payload.get("name"), 64),
            "status": text(payload.get("status"), 32),
            "shipment_status": text(payload.get("shipment_status"), 32),
            "tracking": tracking,
            "line_items": [_line_item(item) for item in payload.get("line_items") or []],
            "shopify_created_at": when(payload.get("created_at")),
        },
    )


def event_from_webhook(payload: dict) -> EventRecord:
    return EventRecord(
        shopify_id=require_id(payload.get("id"), "fulfillment event"),
        fulfillment_id=require_id(payload.get("fulfillment_id"), "event's fulfillment"),
        order_id=require_id(payload.get("order_id"), "event's order"),
        fields=_event_fields(payload, "happened_at", "estimated_delivery_at"),
    )


def order_from_webhook(payload: dict) -> OrderRecord:
    order_id = require_id(payload.get("id"), "order")
    shipping = payload.get("shipping_address") or {}
    lines = payload.get("shipping_lines") or []
    customer = payload.get("customer")
    return OrderRecord(
        shopify_id=order_id,
        updated_at=when(payload.get("updated_at")),
        customer=customer_from_webhook(customer) if customer and customer.get("id") else None,
        fulfillments=[fulfillment_from_webhook(item, order_id) for item in payload.get("fulfillments") or []],
        fields={
            "customer_shopify_id": gid_to_int((customer or {}).get("id")),
            "name": text(payload.get("name"), 64),
            "email": text(payload.get("email") or payload.get("contact_email"), 254),
            "customer_locale": text(payload.get("customer_locale"), 16),
            "currency": text(payload.get("currency"), 3),
            "presentment_currency": text(payload.get("presentment_currency"), 3),
            "total_price": money(payload.get("total_price")),
            "subtotal_price": money(payload.get("subtotal_price")),
            "total_shipping_price": _set_amount(payload.get("total_shipping_price_set")),
            "presentment_total_price": _set_amount(payload.get("total_price_set"), "presentment_money"),
            "financial_status": text(payload.get("financial_status"), 32),
            "fulfillment_status": text(payload.get("fulfillment_status") or "unfulfilled", 32),
            "line_items": [_line_item(item) for item in payload.get("line_items") or []],
            "shipping_country_code": text(shipping.get("country_code"), 2),
            "shipping_province_code": text(shipping.get("province_code"), 16),
            "shipping_zip": text(shipping.get("zip"), 32),
            "shipping_city": text(shipping.get("city")),
            "shipping_method": text(lines[0].get("title")) if lines else "",
            "shopify_created_at": when(payload.get("created_at")),
            "processed_at": when(payload.get("processed_at")),
            "cancelled_at": when(payload.get("cancelled_at")),
            "cancel_reason": text(payload.get("cancel_reason"), 32),
            "closed_at": when(payload.get("closed_at")),
        },
    )


def _line_item(item: dict) -> dict:
    price = item.get("price")
    if price is None:
        price = _set_amount(item.get("originalUnitPriceSet"))
    amount = money(price)
    return {
        "id": str(gid_to_int(item.get("id")) or ""),
        "name": text(item.get("name") or item.get("title")),
        "sku": text(item.get("sku"), 64),
        "quantity": int(item.get("quantity") or 0),
        "price": str(amount) if amount is not None else None,
    }


def _event_fields(payload: dict, happened_key: str, eta_key: str) -> dict:
    return {
        "status": text(payload.get("status"), 32).lower(),
        "message": text(payload.get("message"), 2000),
        "happened_at": when(payload.get(happened_key)),
        "estimated_delivery_at": when(payload.get(eta_key)),
        "city": text(payload.get("city")),
        "country": text(payload.get("country")),
    }


# --- Admin GraphQL nodes (reconciliation) ------------------------------------------------------

FULFILLMENT_STATUS_NAMES = {"partially_fulfilled": "partial"}


def _enum(value) -> str:
    name = str(value or "").lower()
    return FULFILLMENT_STATUS_NAMES.get(name, name)


def customer_from_graphql(node: dict) -> Record:
    address = node.get("defaultAddress") or {}
    return Record(
        shopify_id=require_id(node.get("legacyResourceId") or node.get("id"), "customer"),
        updated_at=when(node.get("updatedAt")),
        fields={
            "first_name": text(node.get("firstName")),
            "last_name": text(node.get("lastName")),
            "email": text(node.get("email"), 254),
            "phone": text(node.get("phone"), 64),
            "locale": text(node.get("locale"), 16),
            "country_code": text(address.get("countryCodeV2"), 2),
            "province_code": text(address.get("provinceCode"), 16),
            "city": text(address.get("city")),
            "tags": tags(node.get("tags")),
            "currency": text(((node.get("amountSpent") or {}).get("currencyCode")), 3),
            "shopify_created_at": when(node.get("createdAt")),
        },
    )


def fulfillment_from_graphql(node: dict, order_id: int) -> FulfillmentRecord:
    fulfillment_id = require_id(node.get("legacyResourceId") or node.get("id"), "fulfillment")
    events = (node.get("events") or {}).get("nodes") or []
    return FulfillmentRecord(
        shopify_id=fulfillment_id,
        updated_at=when(node.get("updatedAt")),
        order_id=order_id,
        events=[
            EventRecord(
                shopify_id=require_id(event.get("id"), "fulfillment event"),
                fulfillment_id=fulfillment_id,
                order_id=order_id,
                fields=_event_fields(event, "happenedAt", "estimatedDeliveryAt"),
            )
            for event in events
        ],
        fields={
            "name": text(node.get("name"), 64),
            "status": _enum(node.get("status")),
            "shipment_status": _enum(node.get("displayStatus")),
            "tracking": [
                {"company": text(info.get("company")), "number": text(info.get("number")),
                 "url": text(info.get("url"), 2000)}
                for info in node.get("trackingInfo") or []
            ],
            "line_items": [],
            "shopify_created_at": when(node.get("createdAt")),
        },
    )


def order_from_graphql(node: dict) -> OrderRecord:
    order_id = require_id(node.get("legacyResourceId") or node.get("id"), "order")
    shipping = node.get("shippingAddress") or {}
    customer = node.get("customer")
    totals = node.get("totalPriceSet") or {}
    return OrderRecord(
        shopify_id=order_id,
        updated_at=when(node.get("updatedAt")),
        customer=customer_from_graphql(customer) if customer else None,
        fulfillments=[fulfillment_from_graphql(item, order_id) for item in node.get("fulfillments") or []],
        fields={
            "customer_shopify_id": gid_to_int((customer or {}).get("legacyResourceId") or (customer or {}).get("id")),
            "name": text(node.get("name"), 64),
            "email": text(node.get("email"), 254),
            "customer_locale": text(node.get("customerLocale"), 16),
            "currency": text(node.get("currencyCode"), 3),
            "presentment_currency": text(node.get("presentmentCurrencyCode"), 3),
            "total_price": money((totals.get("shopMoney") or {}).get("amount")),
            "subtotal_price": _set_amount(node.get("subtotalPriceSet"), "shopMoney"),
            "total_shipping_price": _set_amount(node.get("totalShippingPriceSet"), "shopMoney"),
            "presentment_total_price": money((totals.get("presentmentMoney") or {}).get("amount")),
            "financial_status": _enum(node.get("displayFinancialStatus")),
            "fulfillment_status": _enum(node.get("displayFulfillmentStatus")) or "unfulfilled",
            "line_items": [_line_item(item) for item in (node.get("lineItems") or {}).get("nodes") or []],
            "shipping_country_code": text(shipping.get("countryCodeV2"), 2),
            "shipping_province_code": text(shipping.get("provinceCode"), 16),
            "shipping_zip": text(shipping.get("zip"), 32),
            "shipping_city": text(shipping.get("city")),
            "shipping_method": text((node.get("shippingLine") or {}).get("title")),
            "shopify_created_at": when(node.get("createdAt")),
            "processed_at": when(node.get("processedAt")),
            "cancelled_at": when(node.get("cancelledAt")),
            "cancel_reason": _enum(node.get("cancelReason")),
            "closed_at": when(node.get("closedAt")),
        },
    )
