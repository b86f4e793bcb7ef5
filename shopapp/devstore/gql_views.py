"""Admin API (2026-07) shaped views of the stored records, as plain dicts.

Relations are callables (`lambda args: ...`) so the projector only resolves what a query
selects. Field names follow Shopify's GraphQL Admin API.
"""

from __future__ import annotations

from decimal import Decimal

from .gql_projection import Connection
from .ids import LOCATION_OFFSET, convert, gid, make_id, money, money_v2

NODE = ("Node", "LegacyInteroperability")


def money_bag(amount: str, order: dict) -> dict:
    presentment = convert(amount, order["fx_rate"], order["presentment_currency"])
    return {
        "__typename": "MoneyBag",
        "shopMoney": money_v2(amount, order["currency"]),
        "presentmentMoney": money_v2(presentment, order["presentment_currency"]),
    }


def mailing_address(address: dict | None, phone: str | None, owner_id: int) -> dict | None:
    if address is None:
        return None
    name = f"{address['first_name']} {address['last_name']}".strip()
    return {
        "__typename": "MailingAddress",
        "id": gid("MailingAddress", owner_id) + "?model_name=CustomerAddress",
        "firstName": address["first_name"],
        "lastName": address["last_name"],
        "name": name,
        "address1": address["address1"],
        "address2": None,
        "company": None,
        "city": address["city"],
        "province": address["province"],
        "provinceCode": address["province_code"],
        "zip": address["zip"],
        "country": address["country"],
        "countryCodeV2": address["country_code"],
        "phone": phone,
        "formatted": lambda args: [
            address["address1"],
            f"{address['zip']} {address['city']}",
            address["country"],
        ],
    }


def shop_view(shop: dict) -> dict:
    info = shop["shop"]
    domain = info["myshopify_domain"]
    return {
        "__typename": "Shop",
        "__implements": ("Node",),
        "id": gid("Shop", info["id"]),
        "name": info["name"],
        "email": info["email"],
        "contactEmail": info["email"],
        "myshopifyDomain": domain,
        "url": f"https://{domain}",
        "currencyCode": info["currency"],
        "ianaTimezone": info["iana_timezone"],
        "timezoneAbbreviation": "EST",
        "createdAt": info["created_at"],
        "enabledPresentmentCurrencies": info["enabled_presentment_currencies"],
        "primaryDomain": {
            "__typename": "Domain",
            "id": gid("Domain", info["id"]),
            "url": f"https://{domain}",
            "host": domain,
            "sslEnabled": True,
        },
        "plan": {
            "__typename": "ShopPlan",
            "displayName": info["plan_display_name"],
            "partnerDevelopment": info["partner_development"],
            "shopifyPlus": info["shopify_plus"],
        },
        "billingAddress": {"__typename": "ShopAddress", "countryCodeV2": info["country_code"]},
    }


def customer_view(shop: dict, record: dict) -> dict:
    customer_id = record["id"]
    return {
        "__typename": "Customer",
        "__implements": NODE,
        "id": gid("Customer", customer_id),
        "legacyResourceId": str(customer_id),
        "firstName": record["first_name"],
        "lastName": record["last_name"],
        "displayName": f"{record['first_name']} {record['last_name']}",
        "email": record["email"],
        "phone": record["phone"],
        "locale": record["locale"],
        "note": record["note"],
        "state": record["state"],
        "verifiedEmail": record["verified_email"],
        "taxExempt": False,
        "tags": list(record["tags"]),
        "numberOfOrders": str(record["orders_count"]),
        "amountSpent": money_v2(record["amount_spent"], shop["shop"]["currency"]),
        "createdAt": record["created_at"],
        "updatedAt": record["updated_at"],
        "defaultAddress": mailing_address(record["address"], record["phone"], customer_id),
        "addresses": [mailing_address(record["address"], record["phone"], customer_id)],
        "defaultEmailAddress": {
            "__typename": "CustomerEmailAddress",
            "emailAddress": record["email"],
            "marketingState": "NOT_SUBSCRIBED",
        },
        "defaultPhoneNumber": {
            "__typename": "CustomerPhoneNumber",
            "phoneNumber": record["phone"],
            "marketingState": "NOT_SUBSCRIBED",
        }
        if record["phone"]
        else None,
        **_customer_relations(shop, customer_id),
    }


def _customer_relations(shop: dict, customer_id: int) -> dict:
    return {
        "orders": lambda args: Connection(
            [order_view(shop, o) for o in shop["orders"].values() if o["customer_id"] == customer_id], "Order"
        ),
        "storeCreditAccounts": lambda args: Connection(
            [
                account_view(shop, a)
                for a in shop["credit"]["accounts"].values()
                if a["customer_id"] == customer_id
            ],
            "StoreCreditAccount",
        ),
    }


def order_view(shop: dict, order: dict) -> dict:
    order_id = order["id"]
    customer = shop["customers"].get(str(order["customer_id"]))
    return {
        "__typename": "Order",
        "__implements": NODE,
        "id": gid("Order", order_id),
        "legacyResourceId": str(order_id),
        "name": order["name"],
        "number": order["number"],
        "email": order["email"],
        "phone": order["phone"],
        "customerLocale": order["locale"],
        "createdAt": order["created_at"],
        "updatedAt": order["updated_at"],
        "processedAt": order["processed_at"],
        "cancelledAt": order["cancelled_at"],
        "cancelReason": order["cancel_reason"],
        "closed": order["closed_at"] is not None,
        "closedAt": order["closed_at"],
        "confirmed": True,
        "test": False,
        "currencyCode": order["currency"],
        "presentmentCurrencyCode": order["presentment_currency"],
        "subtotalPriceSet": money_bag(order["subtotal"], order),
        "totalShippingPriceSet": money_bag(order["shipping"], order),
        "totalPriceSet": money_bag(order["total"], order),
        "currentTotalPriceSet": money_bag(order["total"], order),
        "displayFinancialStatus": order["financial_status"],
        "displayFulfillmentStatus": order["fulfillment_status"],
        "tags": list(order["tags"]),
        "note": order["note"],
        "statusPageUrl": f"https://{shop['shop']['myshopify_domain']}/{shop['shop']['id']}/orders/"
        f"{order_id:x}/authenticate",
        "customer": lambda args: customer_view(shop, customer) if customer else None,
        "shippingAddress": mailing_address(order["shipping_address"], order["phone"], order_id),
        "billingAddress": mailing_address(order["shipping_address"], order["phone"], order_id),
        "shippingLine": _shipping_line(order),
        "shippingLines": lambda args: Connection([_shipping_line(order)], "ShippingLine"),
        "lineItems": lambda args: Connection(
            [line_item_view(order, i) for i in order["line_items"]], "LineItem"
        ),
        "fulfillments": lambda args: [fulfillment_view(shop, order, f) for f in order["fulfillments"]],
    }


def _shipping_line(order: dict) -> dict:
    line = order["shipping_line"]
    return {
        "__typename": "ShippingLine",
        "id": gid("ShippingLine", order["id"]),
        "title": line["title"],
        "code": line["code"],
        "carrierIdentifier": line["carrier_identifier"],
        "source": "shopify",
        "originalPriceSet": money_bag(order["shipping"], order),
    }


def line_item_view(order: dict, item: dict) -> dict:
    fulfilled = sum(
        entry["quantity"]
        for f in order["fulfillments"]
        for entry in f["line_items"]
        if entry["line_item_id"] == item["id"]
    )
    cancelled = order["cancelled_at"] is not None
    return {
        "__typename": "LineItem",
        "__implements": ("Node",),
        "id": gid("LineItem", item["id"]),
        "name": item["name"],
        "title": item["title"],
        "sku": item["sku"],
        "vendor": item["vendor"],
        "quantity": item["quantity"],
        "currentQuantity": 0 if cancelled else item["quantity"],
        "unfulfilledQuantity": 0 if cancelled else item["quantity"] - fulfilled,
        "originalUnitPriceSet": money_bag(item["price"], order),
        "discountedUnitPriceSet": money_bag(item["price"], order),
        "originalTotalSet": money_bag(money(Decimal(item["price"]) * item["quantity"]), order),
    }


def fulfillment_view(shop: dict, order: dict, record: dict) -> dict:
    items = {item["id"]: item for item in order["line_items"]}
    return {
        "__typename": "Fulfillment",
        "__implements": NODE,
        "id": gid("Fulfillment", record["id"]),
        "legacyResourceId": str(record["id"]),
        "name": record["name"],
        "status": record["status"],
        "displayStatus": record["display_status"],
        "createdAt": record["created_at"],
        "updatedAt": record["updated_at"],
        "deliveredAt": record["delivered_at"],
        "estimatedDeliveryAt": record["estimated_delivery_at"],
        "inTransitAt": record["in_transit_at"],
        "totalQuantity": sum(entry["quantity"] for entry in record["line_items"]),
        "location": {
            "__typename": "Location",
            "id": gid("Location", make_id(LOCATION_OFFSET, 1 if record["origin"] == "US" else 2)),
            "name": record["location_name"],
        },
        "trackingInfo": [{"__typename": "FulfillmentTrackingInfo", **t} for t in record["tracking"]],
        "events": lambda args: Connection([event_view(e) for e in record["events"]], "FulfillmentEvent"),
        "fulfillmentLineItems": lambda args: Connection(
            [
                {
                    "__typename": "FulfillmentLineItem",
                    "id": gid("FulfillmentLineItem", entry["line_item_id"]),
                    "quantity": entry["quantity"],
                    "lineItem": line_item_view(order, items[entry["line_item_id"]]),
                }
                for entry in record["line_items"]
            ],
            "FulfillmentLineItem",
        ),
        "order": lambda args: order_view(shop, order),
    }


def event_view(event: dict) -> dict:
    return {
        "__typename": "FulfillmentEvent",
        "__implements": ("Node",),
        "id": gid("FulfillmentEvent", event["id"]),
        "status": event["status"],
        "happenedAt": event["happened_at"],
        "createdAt": event["happened_at"],
        "estimatedDeliveryAt": event["estimated_delivery_at"],
        "message": event["message"],
        "city": event["city"],
        "province": event["province"],
        "country": event["country"],
        "zip": event["zip"],
    }


def account_view(shop: dict, account: dict) -> dict:
    transactions = [t for t in shop["credit"]["transactions"].values() if t["account_id"] == account["id"]]
    transactions.sort(key=lambda t: (t["created_at"], t["id"]))
    return {
        "__typename": "StoreCreditAccount",
        "__implements": ("Node",),
        "id": gid("StoreCreditAccount", account["id"]),
        "balance": money_v2(account["balance"], account["currency"]),
        "owner": lambda args: _owner(shop, account),
        "transactions": lambda args: Connection(
            [transaction_view(shop, t) for t in transactions], "StoreCreditAccountTransaction"
        ),
    }


def _owner(shop: dict, account: dict) -> dict | None:
    record = shop["customers"].get(str(account["customer_id"]))
    return customer_view(shop, record) if record else None


def transaction_view(shop: dict, record: dict) -> dict:
    account = shop["credit"]["accounts"][str(record["account_id"])]
    currency = account["currency"]
    typename = (
        "StoreCreditAccountCreditTransaction"
        if record["kind"] == "credit"
        else "StoreCreditAccountDebitTransaction"
    )
    return {
        "__typename": typename,
        "__implements": ("Node", "StoreCreditAccountTransaction"),
        "id": gid(typename, record["id"]),
        "amount": money_v2(record["amount"], currency),
        "balanceAfterTransaction": money_v2(record["balance_after"], currency),
        "remainingAmount": money_v2(record["amount"], currency),
        "createdAt": record["created_at"],
        "expiresAt": record["expires_at"],
        "event": "ADJUSTMENT",
        "origin": None,
        "account": lambda args: account_view(shop, account),
    }


def gift_card_view(shop: dict, record: dict) -> dict:
    customer = shop["customers"].get(str(record["customer_id"])) if record["customer_id"] else None
    currency = record["currency"]
    return {
        "__typename": "GiftCard",
        "__implements": NODE,
        "id": gid("GiftCard", record["id"]),
        "legacyResourceId": str(record["id"]),
        "maskedCode": record["masked_code"],
        "lastCharacters": record["last_characters"],
        "note": record["note"],
        "initialValue": money_v2(record["initial_value"], currency),
        "balance": money_v2(record["balance"], currency),
        "expiresOn": record["expires_on"],
        "createdAt": record["created_at"],
        "updatedAt": record["created_at"],
        "enabled": True,
        "deactivatedAt": None,
        "customer": lambda args: customer_view(shop, customer) if customer else None,
    }
