"""When the follow-ups are due, the revised window of a late order, the shopper's next morning and the
dispute reminders: pure functions over plain values."""
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from support.rules import eta
from support.rules.followup_timing import (
    checkin_due,
    checkin_is_stale,
    dispute_reminders,
    next_morning,
    revised_window,
)

TORONTO = ZoneInfo("America/Toronto")
BERLIN = ZoneInfo("Europe/Berlin")


def test_the_checkin_is_due_days_after_the_delivery_and_stale_a_day_after_that():
    delivered = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
    due = checkin_due(delivered, 2)
    assert due == datetime(2026, 11, 22, 15, 30, tzinfo=UTC)
    assert checkin_is_stale(due, due + timedelta(days=1)) is False
    assert checkin_is_stale(due, due + timedelta(days=1, seconds=1)) is True
    assert checkin_is_stale(due, due - timedelta(days=5)) is False


def test_a_late_orders_new_window_runs_over_the_next_three_business_days():
    wednesday = date(2026, 12, 2)
    assert revised_window(wednesday, "CA") == eta.Window(date(2026, 12, 3), date(2026, 12, 7), "default")
    friday = date(2026, 12, 4)  # the weekend is skipped
    assert revised_window(friday, "CA") == eta.Window(date(2026, 12, 7), date(2026, 12, 9), "default")


def test_the_revised_window_skips_the_destinations_public_holidays():
    before_christmas = date(2026, 12, 23)  # Wednesday; 25 and 26 December are holidays in Germany
    assert revised_window(before_christmas, "DE") == eta.Window(date(2026, 12, 24), date(2026, 12, 29), "default")


def test_the_next_morning_is_todays_nine_oclock_before_it_and_tomorrows_after_it():
    early = datetime(2026, 12, 2, 7, 15, tzinfo=TORONTO)
    assert next_morning(early, TORONTO) == datetime(2026, 12, 2, 9, 0, tzinfo=TORONTO)
    nine = datetime(2026, 12, 2, 9, 0, tzinfo=TORONTO)
    assert next_morning(nine, TORONTO) == datetime(2026, 12, 3, 9, 0, tzinfo=TORONTO)
    evening_utc = datetime(2026, 12, 2, 22, 0, tzinfo=UTC)  # 17:00 in Toronto, 23:00 in Berlin
    assert next_morning(evening_utc, TORONTO) == datetime(2026, 12, 3, 9, 0, tzinfo=TORONTO)
    assert next_morning(evening_utc, BERLIN) == datetime(2026, 12, 3, 9, 0, tzinfo=BERLIN)
    assert next_morning(evening_utc, BERLIN).astimezone(UTC) == datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


def test_the_next_morning_keeps_nine_oclock_on_the_wall_clock_across_a_clock_change():
    saturday_night = datetime(2026, 3, 28, 22, 0, tzinfo=BERLIN)  # clocks go forward that night
    morning = next_morning(saturday_night, BERLIN)
    assert morning == datetime(2026, 3, 29, 9, 0, tzinfo=BERLIN)
    assert morning.astimezone(UTC) == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)


def test_dispute_reminders_fall_24_and_4_hours_before_the_deadline():
    tagged = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    deadline = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    assert dispute_reminders(tagged, 72) == [(24, datetime(2026, 12, 3, 10, 0, tzinfo=UTC), deadline),
                                             (4, datetime(2026, 12, 4, 6, 0, tzinfo=UTC), deadline)]


def test_a_reminder_that_would_come_before_the_tag_is_left_out():
    tagged = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert dispute_reminders(tagged, 12) == [(4, datetime(2026, 12, 1, 18, 0, tzinfo=UTC),
                                              datetime(2026, 12, 1, 22, 0, tzinfo=UTC))]
    assert dispute_reminders(tagged, 24) == [(4, datetime(2026, 12, 2, 6, 0, tzinfo=UTC),
                                              datetime(2026, 12, 2, 10, 0, tzinfo=UTC))]
    assert dispute_reminders(tagged, 4) == []
