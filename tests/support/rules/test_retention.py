"""Calendar arithmetic of the retention cutoff: pure, no database."""
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support.rules.retention import retention_cutoff


def test_end_of_month_clamps_to_the_shorter_month():
    assert retention_cutoff(datetime(2026, 8, 31, 12, 30, tzinfo=UTC), 6) == datetime(2026, 2, 28, 12, 30, tzinfo=UTC)


def test_leap_february_keeps_the_29th():
    assert retention_cutoff(datetime(2028, 8, 31, tzinfo=UTC), 6) == datetime(2028, 2, 29, tzinfo=UTC)


def test_crosses_year_boundaries():
    assert retention_cutoff(datetime(2026, 3, 15, 8, 0, tzinfo=UTC), 18) == datetime(2024, 9, 15, 8, 0, tzinfo=UTC)
    assert retention_cutoff(datetime(2026, 1, 31, tzinfo=UTC), 1) == datetime(2025, 12, 31, tzinfo=UTC)
    assert retention_cutoff(datetime(2026, 12, 1, tzinfo=UTC), 12) == datetime(2025, 12, 1, tzinfo=UTC)


def test_zero_months_is_now_and_negative_is_refused():
    now = datetime(2026, 5, 20, 9, 45, 1, 123, tzinfo=UTC)
    assert retention_cutoff(now, 0) == now
    with pytest.raises(ValueError):
        retention_cutoff(now, -1)


@given(st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2099, 12, 31)), st.integers(0, 240))
def test_cutoff_is_that_many_months_back_and_never_later_than_the_same_day(now, months):
    cutoff = retention_cutoff(now, months)
    assert (now.year * 12 + now.month) - (cutoff.year * 12 + cutoff.month) == months
    assert cutoff.day <= now.day
    assert cutoff.time() == now.time()
