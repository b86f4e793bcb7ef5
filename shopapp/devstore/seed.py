"""Deterministic seed data: a believable cross-border store.

`build_shop(domain, seed=1, customers=50, orders=200, today=date)` is pure: the same
arguments give the same dict (ids included). Dates are anchored to the start of `today`
(UTC), so a demo seeded today looks current.
"""

from __future__ import annotations

import random
import threading
import unicodedata
import zlib
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache

from faker import Faker

from . import ids as idgen
from .ids import iso, make_id, money
from .seed_catalog import (
    MARKETS,
    PRODUCTS,
    SHIP_FEES,
    SHIPPING_STATES,
    SHOP_CURRENCY,
    SHOP_TIMEZONE,
    STAFF_FAKER,
    STAFF_LOCALES,
    STATE_AGE_DAYS,
    STATE_WEIGHTS,
    Market,
)
from .seed_shipping import build_fulfillments
from .state import new_credit_book

_OFFSETS = {
    "line_item": idgen.LINE_ITEM_OFFSET,
    "fulfillment": idgen.FULFILLMENT_OFFSET,
    "event": idgen.EVENT_OFFSET,
}


_FAKER_LOCK = threading.Lock()  # seeded Faker instances are shared; seed one shop at a time


@lru_cache(maxsize=32)
def _faker(locale: str) -> Faker:
    return Faker(locale)


def _seeded_faker(locale: str, *parts: object) -> Faker:
    fake = _faker(locale)
    fake.seed_instance(zlib.crc32(repr(parts).encode("utf-8")))
    return fake


def shop_name_from_domain(domain: str) -> str:
    return domain.removesuffix(".myshopify.com").replace("-", " ").title()


def build_shop(
    domain: str, *, seed: int = 1, customers: int = 50, orders: int = 200, today: date | None = None
) -> dict:
    """The whole seeded state of one shop (see state.py for where it lives)."""
    with _FAKER_LOCK:
        return _build_shop(domain, seed, customers, orders, today)


def _build_shop(domain: str, seed: int, customers: int, orders: int, today: date | None) -> dict:
    day = today or datetime.now(UTC).date()
    anchor = datetime.combine(day, time.min, tzinfo=UTC)
    rng = random.Random(f"{seed}:{domain}:{day.isoformat()}")  # noqa: S311 (seed data, not secrets)
    customer_records = [_customer(rng, seed, index, anchor) for index in range(1, max(customers, 1) + 1)]
    order_records = _orders(rng, customer_records, max(orders, 0), anchor)
    _apply_order_totals(customer_records, order_records)
    return {
        "shop": _shop_info(domain, anchor),
        "staff": _staff(seed, domain),
        "customers": {str(c["id"]): c for c in customer_records},
        "orders": {str(o["id"]): o for o in order_records},
        "credit": new_credit_book(),
        "installed": False,
        "seed": {"seed": seed, "customers": customers, "orders": orders, "today": day.isoformat()},
    }


def _shop_info(domain: str, anchor: datetime) -> dict:
    name = shop_name_from_domain(domain)
    return {
        "id": make_id(idgen.SHOP_OFFSET, 0),
        "name": name,
        "email": f"owner@{domain.removesuffix('.myshopify.com')}.example",
        "myshopify_domain": domain,
        "currency": SHOP_CURRENCY,
        "iana_timezone": SHOP_TIMEZONE,
        "country_code": "US",
        "plan_display_name": "Development",
        "partner_development": True,
        "shopify_plus": False,
        "enabled_presentment_currencies": sorted({m.currency for m in MARKETS}),
        "created_at": iso(anchor - timedelta(days=420)),
        "primary_locale": "en",
    }


def _staff(seed: int, domain: str) -> list[dict]:
    members = []
    shop_handle = domain.removesuffix(".myshopify.com")
    for index, locale in enumerate(("en", *STAFF_LOCALES)):
        fake = _seeded_faker(STAFF_FAKER[locale], seed, domain, "staff", index)
        first, last = fake.first_name(), fake.last_name()
        members.append(
            {
                "id": make_id(idgen.STAFF_OFFSET, index + 1),
                "first_name": first,
                "last_name": last,
                "email": f"{_ascii_handle(fake, first, last)}@{shop_handle}.example",
                "locale": locale,
                "account_owner": index == 0,
                "collaborator": False,
                "email_verified": True,
            }
        )
    return members


def _pick_market(rng: random.Random, index: int) -> Market:
    if index <= len(MARKETS):  # every market gets at least one customer
        return MARKETS[index - 1]
    return rng.choices(MARKETS, weights=[m.weight for m in MARKETS])[0]


def _customer(rng: random.Random, seed: int, index: int, anchor: datetime) -> dict:
    market = _pick_market(rng, index)
    locale, faker_locale = rng.choice(market.locales)
    fake = _seeded_faker(faker_locale, seed, "customer", index)
    first, last = fake.first_name(), fake.last_name()
    city, province, province_code, zip_code = rng.choice(market.cities)
    created = anchor - timedelta(days=rng.randint(61, 420), seconds=rng.randint(0, 86_399))
    return {
        "id": make_id(idgen.CUSTOMER_OFFSET, index),
        "first_name": first,
        "last_name": last,
        "email": f"{_ascii_handle(fake, first, last)}{rng.randint(1, 99)}@{fake.free_email_domain()}",
        "phone": _e164(rng, market, fake.phone_number()),
        "locale": locale,
        "currency": market.currency,
        "tags": sorted(
            rng.sample(["vip", "wholesale", "newsletter", "returning", "gift-buyer"], rng.randint(0, 2))
        ),
        "note": None,
        "verified_email": True,
        "state": "ENABLED",
        "created_at": iso(created),
        "updated_at": iso(created),
        "address": {
            "address1": fake.street_address().replace("\n", ", "),
            "city": city,
            "province": province,
            "province_code": province_code,
            "zip": zip_code,
            "country": market.country,
            "country_code": market.country_code,
            "first_name": first,
            "last_name": last,
        },
        "orders_count": 0,
        "amount_spent": "0.00",
    }


def _ascii_handle(fake: Faker, first: str, last: str) -> str:
    romanized = (getattr(fake, "first_romanized_name", None), getattr(fake, "last_romanized_name", None))
    text = f"{first}.{last}"
    if not _to_ascii(text).replace(".", "").isalpha() and all(romanized):
        text = f"{romanized[0]()}.{romanized[1]()}"
    handle = "".join(ch for ch in _to_ascii(text).lower() if ch.isalnum() or ch == ".").strip(".")
    return handle if len(handle) >= 3 else fake.user_name().encode("ascii", "ignore").decode() or "customer"


def _to_ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _e164(rng: random.Random, market: Market, faker_phone: str) -> str:
    digits = "".join(ch for ch in faker_phone.split("x")[0] if ch.isdigit())
    digits = digits.removeprefix(market.calling_code) if len(digits) > market.national_digits else digits
    digits = digits.lstrip("0")
    while len(digits) < market.national_digits:
        digits += str(rng.randint(0, 9))
    return f"+{market.calling_code}{digits[-market.national_digits :]}"


def _shipping_states(rng: random.Random, count: int) -> list[str]:
    states = list(SHIPPING_STATES[:count])
    states += rng.choices(SHIPPING_STATES, weights=STATE_WEIGHTS, k=max(count - len(states), 0))
    rng.shuffle(states)
    return states


def _orders(rng: random.Random, customers: list[dict], count: int, anchor: datetime) -> list[dict]:
    drafts = []
    for state in _shipping_states(rng, count):
        low, high = STATE_AGE_DAYS[state]
        created = anchor - timedelta(days=rng.randint(low, high), seconds=rng.randint(0, 86_399))
        drafts.append((created, state, rng.choice(customers)))
    drafts.sort(key=lambda draft: draft[0])
    counters = dict.fromkeys(_OFFSETS, 0)

    def next_id(kind: str) -> int:
        counters[kind] += 1
        return make_id(_OFFSETS[kind], counters[kind])

    return [_order(rng, n, draft, anchor, next_id) for n, draft in enumerate(drafts, start=1)]


def _order(rng: random.Random, n: int, draft: tuple, anchor: datetime, next_id) -> dict:
    created, state, customer = draft
    market = next(m for m in MARKETS if m.country_code == customer["address"]["country_code"])
    items = _line_items(rng, state, market, next_id)
    subtotal = sum((Decimal(i["price"]) * i["quantity"] for i in items), Decimal(0))
    shipping = Decimal(SHIP_FEES["domestic" if market.country_code == "US" else "international"])
    order = {
        "id": make_id(idgen.ORDER_OFFSET, n),
        "number": 1000 + n,
        "name": f"#{1000 + n}",
        "customer_id": customer["id"],
        "email": customer["email"],
        "phone": customer["phone"],
        "locale": customer["locale"],
        "created_at": iso(created),
        "processed_at": iso(created),
        "cancelled_at": None,
        "cancel_reason": None,
        "closed_at": None,
        "currency": SHOP_CURRENCY,
        "presentment_currency": market.currency,
        "fx_rate": market.fx_rate,
        "subtotal": money(subtotal),
        "shipping": money(shipping),
        "total": money(subtotal + shipping),
        "shipping_line": {
            "title": "Standard International" if market.country_code != "US" else "Standard Shipping",
            "carrier_identifier": None,
            "code": "STANDARD",
        },
        "shipping_address": dict(customer["address"]),
        "line_items": items,
        "tags": [],
        "note": None,
        "shipping_state": state,
    }
    order["fulfillments"] = build_fulfillments(rng, state=state, order=order, anchor=anchor, ids=next_id)
    _set_statuses(rng, order, created, anchor)
    return order


def _line_items(rng: random.Random, state: str, market: Market, next_id) -> list[dict]:
    count = rng.randint(3, 4) if state == "partially_fulfilled" else rng.randint(1, 4)
    products = rng.sample(PRODUCTS, count)
    if state == "partially_fulfilled":
        products.sort(key=lambda product: product.origin != "US")
    return [
        {
            "id": next_id("line_item"),
            "product_index": PRODUCTS.index(product),
            "title": product.title,
            "name": product.title,
            "sku": product.sku,
            "vendor": product.vendor,
            "quantity": rng.choice((1, 1, 1, 2, 3)),
            "price": product.price,
            "origin": product.origin,
        }
        for product in products
    ]


def _set_statuses(rng: random.Random, order: dict, created: datetime, anchor: datetime) -> None:
    state = order["shipping_state"]
    financial = "PAID"
    fulfillment = {
        "unfulfilled": "UNFULFILLED",
        "cancelled": "UNFULFILLED",
        "partially_fulfilled": "PARTIALLY_FULFILLED",
    }.get(state, "FULFILLED")
    updated = max([created] + [_at(e["happened_at"]) for f in order["fulfillments"] for e in f["events"]])
    if state == "cancelled":
        cancelled = created + (anchor - created) * rng.uniform(0.02, 0.3)
        order["cancelled_at"] = order["closed_at"] = iso(cancelled)
        order["cancel_reason"] = rng.choice(("CUSTOMER", "INVENTORY", "DECLINED", "FRAUD"))
        financial = "VOIDED" if order["cancel_reason"] == "DECLINED" else "REFUNDED"
        updated = cancelled
    elif state == "unfulfilled" and rng.random() < 0.25:
        financial = "PENDING"
    elif state == "delivered" and rng.random() < 0.08:
        financial = "PARTIALLY_REFUNDED"
    if state == "delivered" and financial == "PAID":
        order["closed_at"] = iso(updated)
    order["financial_status"] = financial
    order["fulfillment_status"] = fulfillment
    order["updated_at"] = iso(updated)


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _apply_order_totals(customers: list[dict], orders: list[dict]) -> None:
    by_id = {customer["id"]: customer for customer in customers}
    for order in orders:
        customer = by_id[order["customer_id"]]
        customer["orders_count"] += 1
        if order["cancelled_at"] is None:
            customer["amount_spent"] = money(Decimal(customer["amount_spent"]) + Decimal(order["total"]))
        customer["updated_at"] = max(customer["updated_at"], order["created_at"])


def summarise(shop_state: dict) -> dict:
    """Counts for the control API and the dev landing page."""
    orders = list(shop_state["orders"].values())
    customers = list(shop_state["customers"].values())
    per_state = {state: 0 for state in SHIPPING_STATES}
    for order in orders:
        per_state[order["shipping_state"]] = per_state.get(order["shipping_state"], 0) + 1
    countries: dict[str, int] = {}
    for customer in customers:
        code = customer["address"]["country_code"]
        countries[code] = countries.get(code, 0) + 1
    staff = [
        {
            "id": str(m["id"]),
            "name": _staff_name(m),
            "email": m["email"],
            "locale": m["locale"],
            "account_owner": m["account_owner"],
        }
        for m in shop_state["staff"]
    ]
    return {
        "shop": shop_state["shop"]["myshopify_domain"],
        "name": shop_state["shop"]["name"],
        "installed": shop_state["installed"],
        "seed": shop_state["seed"],
        "customers": len(customers),
        "orders": len(orders),
        "orders_by_shipping_state": per_state,
        "countries": dict(sorted(countries.items())),
        "staff": staff,
    }


def _staff_name(member: dict) -> str:
    """As the Shopify admin writes it: Chinese and Japanese names family name first, no space."""
    if member["locale"].split("-")[0] in ("zh", "ja"):
        return f"{member['last_name']}{member['first_name']}"
    return f"{member['first_name']} {member['last_name']}"
