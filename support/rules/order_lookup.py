"""How an anonymous shopper proves an order is theirs, over plain values (no ORM): the order's name
as people type it, and the email or postcode on the order. Comparisons take the same time whether
the order exists or not (the caller compares against ``""`` when there is no order)."""
import hmac
import re

MAX_NAME_LENGTH = 64
_NOT_ALPHANUMERIC = re.compile(r"[^0-9A-Z]")


def name_candidates(typed: str | None) -> list[str]:
    """The order names a shopper may mean: ``"1001"``, ``"#1001"`` and ``" #1001 "`` all mean
    ``"#1001"`` (Shopify's default); a shop's own prefix (``"EU1001"``) is tried as typed too."""
    core = (typed or "").strip().lstrip("#").strip()
    if not core or len(core) >= MAX_NAME_LENGTH:
        return []
    return [f"#{core}", core]


def normalize_email(value: str | None) -> str:
    return (value or "").strip().casefold()


def normalize_postcode(value: str | None) -> str:
    """``"k1a 0b1"``, ``"K1A-0B1"`` and ``"K1A0B1"`` are the same postcode."""
    return _NOT_ALPHANUMERIC.sub("", (value or "").upper())


def _same(stored: str, given: str) -> bool:
    """Equal and not empty, in time independent of where the strings differ."""
    return hmac.compare_digest(stored.encode(), given.encode()) and bool(given)


def contact_matches(*, order_email: str, order_postcode: str, email: str | None, postcode: str | None) -> bool:
    """The shopper named the order's email (any case) or its postcode (any spacing); blanks never match."""
    by_email = _same(normalize_email(order_email), normalize_email(email))
    by_postcode = _same(normalize_postcode(order_postcode), normalize_postcode(postcode))
    return by_email or by_postcode
