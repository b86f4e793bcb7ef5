"""How one grant's credit is recognised on Shopify again (no ORM: plain values in, plain values out).

``storeCreditAccountCredit`` has no idempotency key, so each grant's credit carries a marker: an
``expiresAt`` at a grant-specific second. The day is the policy's expiry day (in the shop's zone), the
time 23:59:00 minus ``grant id mod 3600`` seconds, so the shopper keeps the whole day less at most an
hour. A policy without expiry uses ``NO_EXPIRY_DAY`` at the same grant-specific second: the credit
effectively never expires, and ``shown_expiry`` hides that date from shoppers. Reconciliation looks
for a credit with the same amount, currency and exact ``expiresAt``, created after the first attempt
started minus ``RECONCILE_MARGIN`` (clock skew), and not already claimed by another grant.

Gift cards (the fallback) have no ``expiresAt`` to the second; their code is the marker instead: an
HMAC of the grant under the app's secret, so a repeated ``giftCardCreate`` meets ``TAKEN`` rather than
making a second card."""
import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MARKER_SPREAD_SECONDS = 3600
MARKER_TIME = time(23, 59)
NO_EXPIRY_DAY = date(2099, 12, 31)
RECONCILE_MARGIN = timedelta(minutes=10)
GIFT_CARD_CODE_LENGTH = 20  # Shopify accepts 8 to 20 letters or digits


@dataclass(frozen=True)
class SeenCredit:
    """A credit transaction read from the customer's store credit account."""

    transaction_id: str
    amount: Decimal
    currency: str
    created_at: datetime
    expires_at: datetime | None


def shop_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name) if name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def expiry_day(*, today: date, expiry_days: int | None) -> date:
    """The day the credit expires: ``expiry_days`` after today (at least one), or never."""
    if expiry_days is None:
        return NO_EXPIRY_DAY
    return today + timedelta(days=max(int(expiry_days), 1))


def marker_expiry(grant_id: int, *, day: date, zone: str) -> datetime:
    """The grant's ``expiresAt``: ``day`` at 23:59:00 in the shop's zone minus ``grant_id mod 3600``
    seconds, in UTC, to the second (Shopify keeps seconds)."""
    local = datetime.combine(day, MARKER_TIME, tzinfo=shop_zone(zone))
    return (local - timedelta(seconds=grant_id % MARKER_SPREAD_SECONDS)).astimezone(UTC)


def shown_expiry(expires_at: datetime | None) -> datetime | None:
    """What to tell a shopper: None when the credit does not really expire."""
    if expires_at is None or expires_at.year >= NO_EXPIRY_DAY.year:
        return None
    return expires_at


def iso_z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def find_credit(seen: list[SeenCredit], *, amount: Decimal, currency: str, expires_at: datetime,
                since: datetime, claimed: frozenset[str] = frozenset()) -> SeenCredit | None:
    """The grant's credit among ``seen``, the oldest match first; None when it is not there."""
    cutoff = since - RECONCILE_MARGIN
    matches = [
        credit for credit in seen
        if credit.amount == amount and credit.currency == currency and credit.expires_at == expires_at
        and credit.created_at >= cutoff and credit.transaction_id not in claimed
    ]
    return min(matches, key=lambda credit: credit.created_at) if matches else None


def covers_window(seen: list[SeenCredit], *, complete: bool, since: datetime) -> bool:
    """Whether a newest-first page of transactions reaches back past the reconciliation window, so a
    missing credit really is missing (a full page that is still inside the window proves nothing)."""
    if complete:
        return True
    cutoff = since - RECONCILE_MARGIN
    return any(credit.created_at < cutoff for credit in seen)


def gift_card_code(secret: str, *, shop_domain: str, grant_id: int, request_key: str) -> str:
    """The grant's gift card code: 20 lower-case hex characters of an HMAC (80 bits)."""
    message = f"credit-gift-card:{shop_domain}:{grant_id}:{request_key}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:GIFT_CARD_CODE_LENGTH]


def code_digest(code: str) -> str:
    """A short digest of a gift card code for the ledger (the code itself is never stored)."""
    return hashlib.sha256(code.encode()).hexdigest()[:16]
