"""Seeding for the "where is my order" benchmark (``python -m bench.seed_wismo`` with the benchmark's
environment): one shop with 100,000 orders in the mirror, their parcels and carrier scans, and the
conversations of the shoppers who will ask.

Orders are spread over 120 days to 14 destination countries. Orders of the last two days are not
shipped yet; the rest have a parcel (a tenth have two) with a carrier, tracking number and link;
parcels older than about two weeks are delivered (so transit times can be learned per carrier and
country), newer ones are on their way with one or two scans. Rows go in with ``INSERT ... SELECT``
over ``generate_series`` (``bench.seed.insert_select``: every other column gets its model default)."""
from __future__ import annotations

import argparse
import json
import sys
import time

import django

from bench.seed import FIRST_NAMES, LAST_NAMES, insert_select, make_shop, pick

COUNTRIES = ["FR", "DE", "ES", "IT", "NL", "BE", "PT", "US", "CA", "GB", "JP", "AU", "BR", "CN"]
CARRIERS = ["DHL Express", "La Poste", "UPS", "FedEx", "GLS", "PostNL"]
LOCALES = ["en", "fr", "de", "es", "it", "nl", "pt-BR", "zh-CN"]


def seed(args) -> dict:
    from django.db import connection

    from support.models import Customer, Fulfillment, FulfillmentEvent, Order

    started = time.monotonic()
    shop, _ = make_shop(args.shop, 3, 9100000000000001)
    customers, orders, base = int(args.orders * 0.6), args.orders, 9300000000000000
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SELECT setseed(0.17)")
        insert_select(cursor, Customer, {
            "shop_id": str(shop.pk), "shopify_id": f"{base} + g", "first_name": pick(FIRST_NAMES),
            "last_name": pick(LAST_NAMES), "email": "'shopper' || g || '@example.com'", "locale": pick(LOCALES),
        }, f"generate_series(1, {customers}) g")
        cursor.execute("SELECT min(id) FROM support_customer WHERE shop_id = %s", [shop.pk])
        first_customer = cursor.fetchone()[0]
        insert_select(cursor, Order, {
            "shop_id": str(shop.pk), "shopify_id": f"{base + 10**11} + g",
            "customer_id": f"{first_customer} + mod(g - 1, {customers})",
            "customer_shopify_id": f"{base} + 1 + mod(g - 1, {customers})",
            "name": "'#' || (1000 + g)", "email": f"'shopper' || (1 + mod(g - 1, {customers})) || '@example.com'",
            "customer_locale": pick(LOCALES), "currency": "'EUR'",
            "total_price": "round((20 + random() * 300)::numeric, 2)",
            "financial_status": "'paid'", "shipping_country_code": pick(COUNTRIES),
            "shipping_zip": "lpad((mod(g * 7919, 99999))::text, 5, '0')",
            "fulfillment_status": "CASE WHEN at > now() - interval '2 days' THEN 'unfulfilled' ELSE 'fulfilled' END",
            "shopify_created_at": "at", "shopify_updated_at": "at",
        }, f"(SELECT g, now() - random() * interval '120 days' AS at FROM generate_series(1, {orders}) g) s")
        parcels = _parcels(cursor, shop.pk, Fulfillment, base)
        events = _scans(cursor, shop.pk, FulfillmentEvent, base)
        seeded = time.monotonic()
        for table in ("support_customer", "support_order", "support_fulfillment", "support_fulfillmentevent"):
            cursor.execute(f"VACUUM (ANALYZE) {table}")
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    askers = _askers(shop, args.askers)
    return {"shop": args.shop, "shop_id": shop.pk, "customers": customers, "orders": orders, "parcels": parcels,
            "scans": events, "askers": askers, "seed_seconds": round(seeded - started, 1),
            "vacuum_seconds": round(time.monotonic() - seeded, 1), "database_bytes": size}


def _parcels(cursor, shop_id: int, model, base: int) -> int:
    """One parcel per shipped order, a second for a tenth of them; delivered when old enough."""
    shipped = "o.shopify_created_at + interval '1 day' + random() * interval '2 days'"
    insert_select(cursor, model, {
        "shop_id": str(shop_id), "order_id": "o.id", "shopify_id": f"{base + 2 * 10**11} + o.id * 2 + n",
        "name": "o.name || '.' || (n + 1)", "status": "'success'",
        "shipment_status": "CASE WHEN o.shopify_created_at < now() - interval '16 days' THEN 'delivered'"
                           " ELSE (ARRAY['label_printed','in_transit','in_transit','out_for_delivery'])"
                           "[1 + floor(random() * 4)::int] END",
        "tracking": "jsonb_build_array(jsonb_build_object('company', c.carrier, 'number', 'TRK' || o.id || n,"
                    " 'url', 'https://track.example/TRK' || o.id || n))",
        "shopify_created_at": shipped, "shopify_updated_at": shipped,
    }, f"support_order o CROSS JOIN LATERAL (SELECT {pick(CARRIERS)} AS carrier) c"
       f" CROSS JOIN generate_series(0, 1) n WHERE o.shop_id = {shop_id} AND o.fulfillment_status = 'fulfilled'"
       " AND (n = 0 OR mod(o.id, 10) = 0)")
    # Delivered parcels: 2 to 12 days in transit (a long tail for the far countries).
    cursor.execute("UPDATE support_fulfillment SET delivered_at = shopify_created_at"
                   " + (2 + floor(random() * random() * 11)) * interval '1 day'"
                   " WHERE shop_id = %s AND shipment_status = 'delivered'", [shop_id])
    return cursor.rowcount + _count(cursor, "support_fulfillment", shop_id, "delivered_at IS NULL")


def _scans(cursor, shop_id: int, model, base: int) -> int:
    insert_select(cursor, model, {
        "shop_id": str(shop_id), "fulfillment_id": "f.id", "shopify_id": f"{base + 3 * 10**11} + f.id * 2",
        "status": "'in_transit'", "message": "'Departed facility'",
        "happened_at": "f.shopify_created_at + interval '20 hours'",
    }, f"support_fulfillment f WHERE f.shop_id = {shop_id} AND f.shipment_status <> 'label_printed'")
    insert_select(cursor, model, {
        "shop_id": str(shop_id), "fulfillment_id": "f.id", "shopify_id": f"{base + 3 * 10**11} + f.id * 2 + 1",
        "status": "'delivered'", "message": "'Delivered'", "happened_at": "f.delivered_at",
    }, f"support_fulfillment f WHERE f.shop_id = {shop_id} AND f.delivered_at IS NOT NULL")
    return _count(cursor, "support_fulfillmentevent", shop_id, "true")


def _count(cursor, table: str, shop_id: int, condition: str) -> int:
    cursor.execute(f"SELECT count(*) FROM {table} WHERE shop_id = %s AND {condition}", [shop_id])  # noqa: S608
    return cursor.fetchone()[0]


def _askers(shop, count: int) -> list[dict]:
    """Shoppers who will ask: two thirds logged in (their latest order), a third anonymous (an order
    name and its email in the message), each with an open chat conversation."""
    from django.utils import timezone

    from support.models import Conversation, Customer, Order

    orders = list(Order.objects.filter(shop=shop).order_by("?").values("name", "email", "customer_id")[:count])
    askers = []
    for i, order in enumerate(orders):
        if i % 3 == 2:
            customer = Customer.objects.create(shop=shop, visitor_id=f"v_bench_{i:05d}", locale="en")
            question = f"Hi, where is my order {order['name']}? My email is {order['email']}"
        else:
            customer = Customer.objects.get(pk=order["customer_id"])
            question = "Hi, where is my order?"
        conversation = Conversation.objects.create(shop=shop, customer=customer, language="en",
                                                   last_activity_at=timezone.now())
        askers.append({"conversation_id": conversation.pk, "question": question,
                       "logged_in": customer.shopify_id is not None, "order": order["name"]})
    return askers


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.seed_wismo", description=__doc__)
    parser.add_argument("--shop", required=True)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--askers", type=int, default=300)
    args = parser.parse_args(argv)
    django.setup()
    json.dump(seed(args), sys.stdout, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
