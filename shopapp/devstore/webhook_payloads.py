"""REST-style (snake_case) webhook payloads shaped like Shopify's 2026-07 examples.

Numeric `id`s are JSON numbers (above 2**53), timestamps are in the shop's time zone,
money is a decimal string.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .ids import LOCATION_OFFSET, convert, gid, make_id, money

DATA_REQUEST_OFFSET = 7_000_000


def local_time(value: str | None, shop: dict) -> str | None:
    """A stored UTC timestamp in the shop's time zone (e.g. 2026-01-03T11:01:49-05:00)."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    try:
        moment = moment.astimezone(ZoneInfo(shop["shop"]["iana_timezone"]))
    except ZoneInfoNotFoundError:
        pass
    return moment.isoformat(timespec="seconds")


def _price_set(amount: str, order: dict) -> dict:
    return {
        "shop_money": {"amount": money(amount), "currency_code": order["currency"]},
        "presentment_money": {
            "amount": convert(amount, order["fx_rate"], order["presentment_currency"]),
            "currency_code": order["presentment_currency"],
        },
    }


def address_payload(address: dict, phone: str | None, **extra: object) -> dict:
    return {
        "first_name": address["first_name"],
        "last_name": address["last_name"],
        "name": f"{address['first_name']} {address['last_name']}",
        "company": None,
        "address1": address["address1"],
        "address2": None,
        "city": address["city"],
        "province": address["province"],
        "province_code": address["province_code"],
        "country": address["country"],
        "country_code": address["country_code"],
        "zip": address["zip"],
        "phone": phone,
        "latitude": None,
        "longitude": None,
        **extra,
    }


def customer_payload(shop: dict, customer: dict) -> dict:
    address = address_payload(
        customer["address"],
        customer["phone"],
        id=customer["id"],
        customer_id=customer["id"],
        country_name=customer["address"]["country"],
        default=True,
    )
    consent = {"state": "not_subscribed", "opt_in_level": "single_opt_in", "consent_updated_at": None}
    return {
        "id": customer["id"],
        "email": customer["email"],
        "created_at": local_time(customer["created_at"], shop),
        "updated_at": local_time(customer["updated_at"], shop),
        "first_name": customer["first_name"],
        "last_name": customer["last_name"],
        "state": customer["state"].lower(),
        "note": customer["note"],
        "verified_email": customer["verified_email"],
        "multipass_identifier": None,
        "tax_exempt": False,
        "phone": customer["phone"],
        "currency": shop["shop"]["currency"],
        "tags": ", ".join(customer["tags"]),
        "addresses": [address],
        "tax_exemptions": [],
        "default_address": address,
        "email_marketing_consent": {**consent, "consent_collected_from": "OTHER"},
        "sms_marketing_consent": {**consent, "consent_collected_from": "OTHER"},
        "admin_graphql_api_id": gid("Customer", customer["id"]),
    }


def line_item_payload(order: dict, item: dict, fulfilled: int) -> dict:
    return {
        "id": item["id"],
        "admin_graphql_api_id": gid("LineItem", item["id"]),
        "name": item["name"],
        "title": item["title"],
        "sku": item["sku"],
        "vendor": item["vendor"],
        "quantity": item["quantity"],
        "current_quantity": 0 if order["cancelled_at"] else item["quantity"],
        "fulfillable_quantity": 0 if order["cancelled_at"] else item["quantity"] - fulfilled,
        "fulfillment_status": None
        if fulfilled == 0
        else "fulfilled"
        if fulfilled >= item["quantity"]
        else "partial",
        "fulfillment_service": "manual",
        "gift_card": False,
        "requires_shipping": True,
        "taxable": True,
        "price": item["price"],
        "price_set": _price_set(item["price"], order),
        "total_discount": "0.00",
        "product_exists": True,
        "properties": [],
        "tax_lines": [],
        "discount_allocations": [],
        "duties": [],
    }


def _fulfilled(order: dict, line_item_id: int) -> int:
    return sum(
        entry["quantity"]
        for f in order["fulfillments"]
        for entry in f["line_items"]
        if entry["line_item_id"] == line_item_id
    )


def fulfillment_payload(shop: dict, order: dict, fulfillment: dict) -> dict:
    items = {item["id"]: item for item in order["line_items"]}
    tracking = fulfillment["tracking"]
    return {
        "id": fulfillment["id"],
        "admin_graphql_api_id": gid("Fulfillment", fulfillment["id"]),
        "order_id": order["id"],
        "name": fulfillment["name"],
        "status": fulfillment["status"].lower(),
        "shipment_status": fulfillment["display_status"].lower(),
        "service": "manual",
        "created_at": local_time(fulfillment["created_at"], shop),
        "updated_at": local_time(fulfillment["updated_at"], shop),
        "email": order["email"],
        "location_id": make_id(LOCATION_OFFSET, 1 if fulfillment["origin"] == "US" else 2),
        "origin_address": None,
        "destination": address_payload(order["shipping_address"], order["phone"]),
        "tracking_company": tracking[0]["company"] if tracking else None,
        "tracking_number": tracking[0]["number"] if tracking else None,
        "tracking_numbers": [t["number"] for t in tracking],
        "tracking_url": tracking[0]["url"] if tracking else None,
        "tracking_urls": [t["url"] for t in tracking],
        "receipt": {},
        "line_items": [
            line_item_payload(order, items[e["line_item_id"]], _fulfilled(order, e["line_item_id"]))
            for e in fulfillment["line_items"]
        ],
    }


def fulfillment_event_payload(shop: dict, order: dict, fulfillment: dict, event: dict) -> dict:
    return {
        "id": event["id"],
        "admin_graphql_api_id": gid("FulfillmentEvent", event["id"]),
        "fulfillment_id": fulfillment["id"],
        "order_id": order["id"],
        "shop_id": shop["shop"]["id"],
        "status": event["status"].lower(),
        "message": event["message"],
        "happened_at": local_time(event["happened_at"], shop),
        "city": event["city"],
        "province": event["province"],
        "country": event["country"],
        "zip": event["zip"],
        "address1": None,
        "latitude": None,
        "longitude": None,
        "estimated_delivery_at": local_time(event["estimated_delivery_at"], shop),
        "created_at": local_time(event["happened_at"], shop),
        "updated_at": local_time(event["happened_at"], shop),
    }


_REST_FULFILLMENT = {"UNFULFILLED": None, "FULFILLED": "fulfilled", "PARTIALLY_FULFILLED": "partial"}


def order_payload(shop: dict, order: dict) -> dict:
    customer = shop["customers"].get(str(order["customer_id"]))
    return {
        "id": order["id"],
        "admin_graphql_api_id": gid("Order", order["id"]),
        "app_id": None,
        "name": order["name"],
        "number": order["number"] - 1000,
        "order_number": order["number"],
        "confirmation_number": f"{order['id'] % 36**9:X}"[-9:],
        "confirmed": True,
        "test": False,
        "email": order["email"],
        "contact_email": order["email"],
        "phone": order["phone"],
        "customer_locale": order["locale"],
        "buyer_accepts_marketing": False,
        "browser_ip": None,
        "created_at": local_time(order["created_at"], shop),
        "updated_at": local_time(order["updated_at"], shop),
        "processed_at": local_time(order["processed_at"], shop),
        "closed_at": local_time(order["closed_at"], shop),
        "cancelled_at": local_time(order["cancelled_at"], shop),
        "cancel_reason": order["cancel_reason"].lower() if order["cancel_reason"] else None,
        **_order_money(order),
        "source_name": "web",
        "tags": ", ".join(order["tags"]),
        "note": order["note"],
        "order_status_url": f"https://{shop['shop']['myshopify_domain']}/"
        f"{shop['shop']['id']}/orders/{order['id']:x}/authenticate",
        "customer": _order_customer(shop, customer),
        "billing_address": address_payload(order["shipping_address"], order["phone"]),
        "shipping_address": address_payload(order["shipping_address"], order["phone"]),
        "line_items": [
            line_item_payload(order, item, _fulfilled(order, item["id"])) for item in order["line_items"]
        ],
        "fulfillments": [fulfillment_payload(shop, order, f) for f in order["fulfillments"]],
        "shipping_lines": [_shipping_line(order)],
        "refunds": [],
        "discount_codes": [],
        "note_attributes": [],
    }


def _order_money(order: dict) -> dict:
    return {
        "currency": order["currency"],
        "presentment_currency": order["presentment_currency"],
        "financial_status": order["financial_status"].lower(),
        "fulfillment_status": _REST_FULFILLMENT[order["fulfillment_status"]],
        "subtotal_price": order["subtotal"],
        "subtotal_price_set": _price_set(order["subtotal"], order),
        "current_subtotal_price": order["subtotal"],
        "current_subtotal_price_set": _price_set(order["subtotal"], order),
        "total_price": order["total"],
        "total_price_set": _price_set(order["total"], order),
        "current_total_price": order["total"],
        "current_total_price_set": _price_set(order["total"], order),
        "total_shipping_price_set": _price_set(order["shipping"], order),
        "total_tax": "0.00",
        "total_discounts": "0.00",
        "taxes_included": False,
    }


def _order_customer(shop: dict, customer: dict | None) -> dict | None:
    if customer is None:
        return None
    full = customer_payload(shop, customer)
    return {
        key: full[key]
        for key in (
            "id",
            "email",
            "created_at",
            "updated_at",
            "first_name",
            "last_name",
            "state",
            "note",
            "verified_email",
            "phone",
            "currency",
            "tags",
            "default_address",
            "admin_graphql_api_id",
        )
    }


def _shipping_line(order: dict) -> dict:
    line = order["shipping_line"]
    return {
        "id": order["id"],
        "title": line["title"],
        "code": line["code"],
        "source": "shopify",
        "carrier_identifier": line["carrier_identifier"],
        "price": order["shipping"],
        "price_set": _price_set(order["shipping"], order),
        "discounted_price": order["shipping"],
        "tax_lines": [],
        "discount_allocations": [],
    }


def shop_payload(shop: dict) -> dict:
    info = shop["shop"]
    owner = shop["staff"][0]
    return {
        "id": info["id"],
        "name": info["name"],
        "email": info["email"],
        "customer_email": info["email"],
        "domain": info["myshopify_domain"],
        "myshopify_domain": info["myshopify_domain"],
        "country": info["country_code"],
        "country_code": info["country_code"],
        "country_name": "United States",
        "currency": info["currency"],
        "iana_timezone": info["iana_timezone"],
        "timezone": "(GMT-05:00) America/New_York",
        "primary_locale": info["primary_locale"],
        "shop_owner": f"{owner['first_name']} {owner['last_name']}",
        "plan_display_name": info["plan_display_name"],
        "plan_name": "partner_test",
        "money_format": "${{amount}}",
        "money_with_currency_format": "${{amount}} USD",
        "weight_unit": "lb",
        "has_gift_cards": True,
        "multi_location_enabled": True,
        "password_enabled": True,
        "enabled_presentment_currencies": info["enabled_presentment_currencies"],
        "created_at": local_time(info["created_at"], shop),
        "updated_at": local_time(info["created_at"], shop),
    }


def compliance_payload(topic: str, shop: dict, customer: dict) -> dict:
    orders = [o["id"] for o in shop["orders"].values() if o["customer_id"] == customer["id"]]
    payload = {
        "shop_id": shop["shop"]["id"],
        "shop_domain": shop["shop"]["myshopify_domain"],
        "customer": {"id": customer["id"], "email": customer["email"], "phone": customer["phone"]},
    }
    if topic == "customers/data_request":
        return {
            **payload,
            "orders_requested": orders,
            "data_request": {"id": make_id(DATA_REQUEST_OFFSET, customer["id"] % 1_000_000)},
        }
    return {**payload, "orders_to_redact": orders}
