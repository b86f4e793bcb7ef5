"""The grant's marker on Shopify and how reconciliation recognises it (pure, no database)."""
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from support.rules.credit_marker import (
    NO_EXPIRY_DAY,
    SeenCredit,
    code_digest,
    covers_window,
    expiry_day,
    find_credit,
    gift_card_code,
    iso_z,
    marker_expiry,
    shown_expiry,
)

STARTED = datetime(2026, 11, 3, 14, 0, tzinfo=UTC)
MARKER = datetime(2026, 12, 3, 4, 57, 53, tzinfo=UTC)


def credit(transaction_id="gid://shopify/StoreCreditAccountCreditTransaction/1", amount="7.50", currency="EUR",
           created_at=STARTED + timedelta(seconds=2), expires_at=MARKER):
    return SeenCredit(transaction_id, Decimal(amount), currency, created_at, expires_at)


def test_marker_is_the_expiry_day_at_23_59_less_the_grant_id_mod_3600_in_the_shop_zone():
    assert marker_expiry(67, day=date(2026, 12, 2), zone="America/New_York") == MARKER  # 23:57:53 EST
    assert marker_expiry(3600 + 67, day=date(2026, 12, 2), zone="America/New_York") == MARKER
    assert marker_expiry(0, day=date(2026, 7, 1), zone="Europe/Berlin") == datetime(2026, 7, 1, 21, 59, tzinfo=UTC)
    assert marker_expiry(1, day=date(2026, 7, 1), zone="") == datetime(2026, 7, 1, 23, 58, 59, tzinfo=UTC)
    assert marker_expiry(1, day=date(2026, 7, 1), zone="Mars/Olympus") == datetime(2026, 7, 1, 23, 58, 59, tzinfo=UTC)
    assert iso_z(MARKER) == "2026-12-03T04:57:53Z"


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=3599))
def test_grants_less_than_an_hour_of_ids_apart_never_share_a_marker(grant_id, gap):
    day = date(2027, 3, 14)  # the day the US clocks move
    first = marker_expiry(grant_id, day=day, zone="America/New_York")
    assert first != marker_expiry(grant_id + gap, day=day, zone="America/New_York")
    assert first.microsecond == 0 and first.date() in (day, day + timedelta(days=1))


def test_expiry_day_from_the_policy_or_never():
    assert expiry_day(today=date(2026, 11, 3), expiry_days=30) == date(2026, 12, 3)
    assert expiry_day(today=date(2026, 11, 3), expiry_days=0) == date(2026, 11, 4)  # never already past
    assert expiry_day(today=date(2026, 11, 3), expiry_days=None) == NO_EXPIRY_DAY
    assert shown_expiry(MARKER) == MARKER
    assert shown_expiry(marker_expiry(5, day=NO_EXPIRY_DAY, zone="UTC")) is None
    assert shown_expiry(None) is None


def test_find_credit_needs_the_same_amount_currency_and_exact_expiry_after_the_start():
    ours = credit()
    others = [
        credit("t-amount", amount="7.51"), credit("t-currency", currency="USD"),
        credit("t-second", expires_at=MARKER + timedelta(seconds=1)), credit("t-none", expires_at=None),
        credit("t-old", created_at=STARTED - timedelta(minutes=11)),
    ]
    assert find_credit(others + [ours], amount=Decimal("7.5"), currency="EUR", expires_at=MARKER,
                       since=STARTED) == ours
    assert find_credit(others, amount=Decimal("7.5"), currency="EUR", expires_at=MARKER, since=STARTED) is None
    skewed = credit("t-skew", created_at=STARTED - timedelta(minutes=9))
    assert find_credit([skewed], amount=Decimal("7.50"), currency="EUR", expires_at=MARKER, since=STARTED) == skewed


def test_find_credit_never_returns_a_transaction_another_grant_claimed():
    claimed, free = credit("t-1", created_at=STARTED), credit("t-2", created_at=STARTED + timedelta(minutes=1))
    found = find_credit([free, claimed], amount=Decimal("7.50"), currency="EUR", expires_at=MARKER, since=STARTED,
                        claimed=frozenset({"t-1"}))
    assert found == free
    assert find_credit([free, claimed], amount=Decimal("7.50"), currency="EUR", expires_at=MARKER,
                       since=STARTED) == claimed  # the oldest first


def test_a_full_page_inside_the_window_proves_nothing():
    inside = [credit(f"t-{n}", created_at=STARTED + timedelta(seconds=n)) for n in range(3)]
    assert covers_window(inside, complete=True, since=STARTED) is True
    assert covers_window(inside, complete=False, since=STARTED) is False
    older = inside + [credit("t-old", created_at=STARTED - timedelta(hours=1))]
    assert covers_window(older, complete=False, since=STARTED) is True
    assert covers_window([], complete=True, since=STARTED) is True


def test_gift_card_code_is_stable_per_grant_and_valid_for_shopify():
    code = gift_card_code("secret", shop_domain="a.myshopify.com", grant_id=7, request_key="k")
    assert code == gift_card_code("secret", shop_domain="a.myshopify.com", grant_id=7, request_key="k")
    assert len(code) == 20 and code.isalnum() and code == code.lower()
    assert code != gift_card_code("secret", shop_domain="a.myshopify.com", grant_id=8, request_key="k")
    assert code != gift_card_code("other", shop_domain="a.myshopify.com", grant_id=7, request_key="k")
    assert code != gift_card_code("secret", shop_domain="b.myshopify.com", grant_id=7, request_key="k")
    assert len(code_digest(code)) == 16 and code not in code_digest(code)
