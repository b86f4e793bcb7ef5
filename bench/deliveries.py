"""Realistic ``orders/updated`` deliveries for the load generator: orders of a seeded cross-border
store from the dev store simulator (ids above 2**53, money as strings, shop-local timestamps),
serialised the way the simulator sends them, kept to the ~3-5 KB of a typical order.

Each body is a template: the load generator gives every request its own order id and
``updated_at`` and signs the result, so every delivery is a distinct, newer order update."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime
from pathlib import Path

SHOP = "bench-store.myshopify.com"
TOPIC = "orders/updated"
ORDER_ID = "__BENCH_ORDER_ID__"
UPDATED_AT = "__BENCH_UPDATED_AT__"
FIRST_ORDER_ID = 9_300_000_000_000_000  # above 2**53, above the seeded store's ids


def sign(body: bytes, secret: str) -> str:
    """X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body with the app's secret."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode("ascii")


def order_templates(*, count: int = 32, min_bytes: int = 3000, max_bytes: int = 5600, seed: int = 11) -> list[bytes]:
    from shopapp.devstore.seed import build_shop
    from shopapp.devstore.webhooks import build_payload

    shop = build_shop(SHOP, seed=seed, customers=40, orders=240)
    templates = []
    for order_id in shop["orders"]:
        payload = build_payload(TOPIC, shop, order_id)
        payload["id"] = ORDER_ID
        payload["admin_graphql_api_id"] = f"gid://shopify/Order/{ORDER_ID}"
        payload["updated_at"] = UPDATED_AT
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        body = body.replace(f'"{ORDER_ID}"'.encode(), ORDER_ID.encode())  # a JSON number once filled
        if min_bytes <= len(body) <= max_bytes:
            templates.append(body)
        if len(templates) == count:
            break
    if not templates:
        raise RuntimeError("the seeded store has no order of the wanted size")
    return templates


def fill(template: bytes, order_id: int, updated_at: datetime | None = None) -> bytes:
    stamp = (updated_at or datetime.now(UTC)).isoformat(timespec="seconds")
    return template.replace(ORDER_ID.encode(), str(order_id).encode()).replace(UPDATED_AT.encode(), stamp.encode())


def write_templates(path: Path) -> dict:
    """Write the templates for the load generator; returns a size summary."""
    templates = order_templates()
    path.write_text(json.dumps([t.decode("utf-8") for t in templates]))
    sizes = sorted(len(fill(t, FIRST_ORDER_ID)) for t in templates)
    return {"count": len(sizes), "min_bytes": sizes[0], "median_bytes": sizes[len(sizes) // 2], "max_bytes": sizes[-1]}


def read_templates(path: Path) -> list[bytes]:
    return [item.encode("utf-8") for item in json.loads(path.read_text())]
