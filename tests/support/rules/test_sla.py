"""SLA deadlines: working time across weekends, public holidays, split shifts and daylight-saving
days, calendar time, the warning point and the escalation ladder's times (all computed by hand)."""
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.rules.hours import ALWAYS_OPEN, parse_schedule
from support.rules.sla import (
    DEFAULT_TARGETS,
    LADDER,
    LADDER_AFTER,
    Targets,
    add_working_time,
    escalation_at,
    ladder_gap,
    raised,
    warning_at,
    working_time_between,
)

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
OFFICE = parse_schedule({"timezone": "Europe/Berlin", "weekly": {day: [["09:00", "17:00"]] for day in WEEKDAYS},
                         "holiday_countries": ["DE"]})
SPLIT = parse_schedule({"timezone": "Europe/Berlin",
                        "weekly": {day: [["09:00", "12:00"], ["14:00", "18:00"]] for day in WEEKDAYS}})
NIGHT_SUNDAY = parse_schedule({"timezone": "Europe/Berlin", "weekly": {"sun": [["00:00", "04:00"]]}})


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


def add(start, minutes, schedule=OFFICE, business_hours=True):
    return add_working_time(start, minutes, schedule, business_hours=business_hours)


def test_the_default_targets_are_the_issues_table():
    assert DEFAULT_TARGETS == {"A": Targets(60, 120, 1440), "B": Targets(120, 240, 2880),
                               "C": Targets(1440, 1440, 4320)}
    targets = ("first_response", "next_response", "resolution")
    assert [DEFAULT_TARGETS["B"].minutes(target) for target in targets] == [120, 240, 2880]
    with pytest.raises(ValueError):
        DEFAULT_TARGETS["A"].minutes("lunch")


def test_a_friday_afternoon_message_is_due_on_monday_morning():
    due = add(berlin(2026, 3, 6, 16, 30), 60)  # 30 min on Friday, 30 min on Monday
    assert due == berlin(2026, 3, 9, 9, 30)
    assert due.tzinfo == UTC


def test_inside_one_day_and_to_the_closing_minute():
    assert add(berlin(2026, 3, 9, 10, 0), 120) == berlin(2026, 3, 9, 12, 0)
    assert add(berlin(2026, 3, 9, 16, 0), 60) == berlin(2026, 3, 9, 17, 0)  # the closing time, not Tuesday 9:00
    assert add(berlin(2026, 3, 9, 16, 0), 61) == berlin(2026, 3, 10, 9, 1)


def test_a_message_out_of_hours_starts_counting_at_the_opening():
    assert add(berlin(2026, 3, 7, 11, 0), 60) == berlin(2026, 3, 9, 10, 0)  # Saturday
    assert add(berlin(2026, 3, 9, 6, 0), 60) == berlin(2026, 3, 9, 10, 0)  # before opening
    assert add(berlin(2026, 3, 9, 20, 0), 30) == berlin(2026, 3, 10, 9, 30)


def test_easter_holidays_and_the_weekend_are_skipped():
    # Thursday 2 April 2026, then Good Friday, the weekend and Easter Monday are closed.
    assert add(berlin(2026, 4, 2, 16, 30), 60) == berlin(2026, 4, 7, 9, 30)


def test_christmas_and_new_year_are_skipped():
    # 24 Dec (Thu) is a working day in Germany; 25 (Fri) and 26 (Sat) are holidays, then Sunday.
    assert add(berlin(2026, 12, 24, 16, 30), 60) == berlin(2026, 12, 28, 9, 30)
    # 31 Dec (Thu) works; New Year's Day is a Friday, then the weekend.
    assert add(berlin(2026, 12, 31, 16, 0), 120) == berlin(2027, 1, 4, 10, 0)
    # The B resolution target: 48 business hours = six working days of eight hours (28-31 Dec, 4-5 Jan).
    assert add(berlin(2026, 12, 28, 9, 0), 2880) == berlin(2027, 1, 5, 17, 0)


def test_the_merchants_closed_dates_are_skipped():
    closed = parse_schedule({"timezone": "Europe/Berlin", "weekly": {day: [["09:00", "17:00"]] for day in WEEKDAYS},
                             "closed_dates": ["2026-03-09"]})
    assert add(berlin(2026, 3, 6, 16, 30), 60, closed) == berlin(2026, 3, 10, 9, 30)


def test_split_shifts_skip_the_lunch_break():
    assert add(berlin(2026, 3, 9, 11, 30), 60, SPLIT) == berlin(2026, 3, 9, 14, 30)
    assert add(berlin(2026, 3, 9, 12, 30), 60, SPLIT) == berlin(2026, 3, 9, 15, 0)
    assert add(berlin(2026, 3, 9, 17, 0), 4 * 60, SPLIT) == berlin(2026, 3, 10, 12, 0)  # 1 h Mon + 3 h Tue
    assert working_time_between(berlin(2026, 3, 9, 8, 0), berlin(2026, 3, 10, 8, 0), SPLIT, True) == timedelta(hours=7)


def test_calendar_time_is_plain_addition_in_utc():
    start = berlin(2026, 3, 6, 16, 30)
    assert add(start, 60, business_hours=False) == berlin(2026, 3, 6, 17, 30)
    # Across the spring change 24 calendar hours are 24 real hours: 25 hours on the wall clock.
    assert add(berlin(2026, 3, 28, 12, 0), 24 * 60, business_hours=False) == berlin(2026, 3, 29, 13, 0)
    assert working_time_between(start, start + timedelta(days=3), OFFICE, False) == timedelta(days=3)


def test_a_shop_without_hours_and_always_open_count_calendar_time():
    never = parse_schedule({"timezone": "Europe/Berlin", "weekly": {}})
    start = berlin(2026, 3, 6, 16, 30)
    assert add(start, 90, never) == start + timedelta(minutes=90)
    assert add(start, 3 * 24 * 60, ALWAYS_OPEN) == start + timedelta(days=3)


def test_across_the_weekend_of_the_spring_change_the_offset_follows():
    # Friday 27 March 2026 is CET (+1), Monday 30 March CEST (+2).
    due = add(berlin(2026, 3, 27, 16, 0), 120)
    assert due == berlin(2026, 3, 30, 10, 0)
    assert due == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)


def test_daylight_saving_days_count_their_real_length():
    # Open Sunday 00:00-04:00 on the wall clock: 3 real hours on 29 March 2026 (02:00-03:00 skipped),
    # 5 on 25 October 2026 (02:00-03:00 lived twice).
    week = (berlin(2026, 3, 23), berlin(2026, 3, 30))
    assert working_time_between(*week, NIGHT_SUNDAY, True) == timedelta(hours=3)
    autumn = (berlin(2026, 10, 19), berlin(2026, 10, 26))
    assert working_time_between(*autumn, NIGHT_SUNDAY, True) == timedelta(hours=5)
    assert add(berlin(2026, 3, 28), 150, NIGHT_SUNDAY) == berlin(2026, 3, 29, 3, 30)  # 1 h CET + 1.5 h CEST
    assert add(berlin(2026, 10, 24), 150, NIGHT_SUNDAY) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # first 02:30
    assert add(berlin(2026, 10, 24), 270, NIGHT_SUNDAY) == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)  # 03:30 CET


def test_working_time_between_counts_open_time_and_is_signed():
    friday, monday = berlin(2026, 3, 6, 16, 30), berlin(2026, 3, 9, 9, 30)
    assert working_time_between(friday, monday, OFFICE, True) == timedelta(hours=1)
    assert working_time_between(monday, friday, OFFICE, True) == -timedelta(hours=1)
    assert working_time_between(berlin(2026, 3, 7), berlin(2026, 3, 8, 23), OFFICE, True) == timedelta(0)
    assert working_time_between(berlin(2026, 3, 2), berlin(2026, 3, 30), OFFICE, True) == timedelta(hours=20 * 8)


def test_negative_minutes_walk_back():
    assert add(berlin(2026, 3, 9, 9, 30), -60) == berlin(2026, 3, 6, 16, 30)
    assert add(berlin(2026, 3, 9, 9, 30), -30) == berlin(2026, 3, 9, 9, 0)  # the opening, not Friday 17:00
    assert add(berlin(2026, 4, 7, 9, 30), -60) == berlin(2026, 4, 2, 16, 30)
    assert add(berlin(2026, 3, 9, 9, 30), -60, business_hours=False) == berlin(2026, 3, 9, 8, 30)


def test_the_warning_comes_at_three_quarters_of_the_working_time():
    start = berlin(2026, 3, 6, 16, 30)
    due = add(start, 60)
    assert warning_at(start, due, OFFICE, True) == berlin(2026, 3, 9, 9, 15)
    assert warning_at(start, due, OFFICE, False) == berlin(2026, 3, 8, 17, 15)  # 3/4 of 65 calendar hours


def test_the_ladder_steps_at_the_breach_then_a_quarter_half_and_whole_target_later():
    assert LADDER == ("notify_assignee", "notify_supervisors", "reassign_online", "raise_priority")
    assert LADDER_AFTER == (0.0, 0.25, 0.5, 1.0)
    due = berlin(2026, 3, 6, 16, 30)
    times = [escalation_at(due, 60, level, OFFICE, True) for level in (1, 2, 3, 4)]
    assert times == [due, berlin(2026, 3, 6, 16, 45), berlin(2026, 3, 6, 17, 0), berlin(2026, 3, 9, 9, 30)]
    assert [ladder_gap(60, level) for level in (1, 2, 3, 4)] == [0, 15, 15, 30]
    chained = [due]
    for level in (2, 3, 4):  # each step one gap after the one before: the same times
        chained.append(add(chained[-1], ladder_gap(60, level)))
    assert chained == times


def test_raising_the_priority_goes_one_tier_up_and_stops_at_a():
    assert [raised(p) for p in "CBA"] == ["B", "A", "A"]


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        add(datetime(2026, 3, 9, 9, 0), 60)


starts = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC))
schedules = st.sampled_from([OFFICE, SPLIT, NIGHT_SUNDAY, ALWAYS_OPEN])


@settings(max_examples=200, deadline=None)
@given(start=starts, minutes=st.integers(min_value=0, max_value=5000), schedule=schedules,
       business_hours=st.booleans())
def test_the_working_time_to_a_deadline_is_the_target(start, minutes, schedule, business_hours):
    due = add_working_time(start, minutes, schedule, business_hours=business_hours)
    assert due >= start
    assert working_time_between(start, due, schedule, business_hours) == timedelta(minutes=minutes)


@settings(max_examples=100, deadline=None)
@given(start=starts, minutes=st.integers(min_value=1, max_value=5000), schedule=schedules)
def test_walking_back_the_same_working_time_lands_where_it_counts_it(start, minutes, schedule):
    earlier = add_working_time(start, -minutes, schedule, business_hours=True)
    assert earlier <= start
    assert working_time_between(earlier, start, schedule, True) == timedelta(minutes=minutes)
