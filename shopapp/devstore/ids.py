"""Identifiers, global ids, money strings and timestamps shared by the dev store.

Every numeric id lives above 2**53 so that clients which parse JSON numbers as
doubles lose precision visibly in tests instead of silently in production.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

ID_BASE = 9_100_000_000_000_000

# Offsets per kind of object, so ids are deterministic and never collide.
SHOP_OFFSET = 900_000
CUSTOMER_OFFSET = 100_000
ORDER_OFFSET = 200_000
LINE_ITEM_OFFSET = 300_000
FULFILLMENT_OFFSET = 400_000
EVENT_OFFSET = 500_000
PRODUCT_OFFSET = 600_000
VARIANT_OFFSET = 700_000
LOCATION_OFFSET = 800_000
STAFF_OFFSET = 0  # the owner is 9100000000000001
DYNAMIC_OFFSET = 1_000_000

_GID_RE = re.compile(r"^gid://shopify/(?P<type>[A-Za-z]+)/(?P<id>\d+)(?:\?.*)?$")
_CENT = Decimal("0.01")


def make_id(offset: int, n: int) -> int:
    return ID_BASE + offset + n


def gid(type_name: str, numeric_id: int | str) -> str:
    return f"gid://shopify/{type_name}/{numeric_id}"


def parse_gid(value: object) -> tuple[str, int] | None:
    """Return (type, numeric id) for a Shopify GID, or None when it is not one."""
    if not isinstance(value, str):
        return None
    match = _GID_RE.match(value)
    if match is None:
        return None
    return match.group("type"), int(match.group("id"))


def money(value: Decimal | str | int | float) -> str:
    """Format an amount as a decimal string with two places ("12.50")."""
    return str(Decimal(str(value)).quantize(_CENT, rounding=ROUND_HALF_UP))


def convert(amount: Decimal | str, rate: Decimal | str, currency: str) -> str:
    """Convert a shop-money amount to a presentment amount; yen has no minor unit."""
    converted = Decimal(str(amount)) * Decimal(str(rate))
    if currency in ("JPY", "KRW"):
        converted = converted.quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return money(converted)


def money_v2(amount: Decimal | str, currency: str) -> dict:
    return {"__typename": "MoneyV2", "amount": money(amount), "currencyCode": currency}


def iso(moment: datetime | float | int) -> str:
    """ISO 8601 UTC timestamp with a Z suffix and second precision, like Shopify."""
    if not isinstance(moment, datetime):
        moment = datetime.fromtimestamp(moment, UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(value: str) -> datetime:
    """Parse an ISO 8601 date or datetime; naive values are taken as UTC."""
    text = value.strip().replace("Z", "+00:00")
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def normalise_shop(value: object) -> str | None:
    """Return `name.myshopify.com` for a shop domain or bare name, else None."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower().removeprefix("https://").removeprefix("http://").rstrip("/")
    if not text.endswith(".myshopify.com"):
        text = f"{text}.myshopify.com"
    name = text[: -len(".myshopify.com")]
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        return None
    return text
