"""Business hours: split shifts, holidays, closed dates, weekends, daylight-saving changes, and the
next moment a person answers."""
import functools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.rules.hours import (
    ALWAYS_OPEN,
    DAYS,
    END_OF_DAY,
    SEARCH_DAYS,
    Schedule,
    ScheduleError,
    dump_schedule,
    is_open,
    next_opening,
    parse_schedule,
)

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
SPLIT = [["09:00", "12:00"], ["14:00", "18:00"]]


def schedule(weekly=None, **extra) -> Schedule:
    weekly = {day: SPLIT for day in WEEKDAYS} if weekly is None else weekly
    return parse_schedule({"timezone": "Europe/Berlin", "weekly": weekly, **extra})


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(("moment", "expected"), [
    (time(8, 59, 59), False), (time(9, 0), True), (time(11, 59, 59), True), (time(12, 0), False),
    (time(13, 59), False), (time(14, 0), True), (time(17, 59, 59, 999999), True), (time(18, 0), False),
])
def test_split_shifts_are_open_inside_each_shift_only(moment, expected):
    monday = datetime.combine(date(2026, 3, 9), moment, tzinfo=BERLIN)
    assert is_open(schedule(), monday) is expected


def test_the_lunch_break_waits_for_the_afternoon_shift():
    assert next_opening(schedule(), berlin(2026, 3, 9, 12, 0)) == berlin(2026, 3, 9, 14, 0)
    assert next_opening(schedule(), berlin(2026, 3, 9, 18, 0)) == berlin(2026, 3, 10, 9, 0)


def test_open_now_returns_the_moment_itself_in_the_shops_zone():
    at = utc(2026, 3, 9, 10, 17, 3)  # 11:17:03 in Berlin
    opening = next_opening(schedule(), at)
    assert opening == at
    assert opening.tzinfo == BERLIN
    assert opening.isoformat() == "2026-03-09T11:17:03+01:00"


def test_moments_are_judged_in_the_shops_zone():
    new_york = ZoneInfo("America/New_York")
    assert is_open(schedule(), datetime(2026, 3, 9, 3, 30, tzinfo=new_york)) is False  # 08:30 in Berlin
    assert is_open(schedule(), datetime(2026, 3, 9, 4, 0, tzinfo=new_york)) is True  # 09:00 in Berlin


def test_a_german_public_holiday_is_closed_all_day():
    hours = schedule(holiday_countries=["DE"])
    assert is_open(hours, berlin(2026, 5, 14, 10, 0)) is False  # Ascension Day, a Thursday
    assert is_open(schedule(), berlin(2026, 5, 14, 10, 0)) is True
    assert next_opening(hours, berlin(2026, 5, 13, 18, 30)) == berlin(2026, 5, 15, 9, 0)


def test_a_regional_holiday_needs_the_subdivision():
    epiphany = berlin(2026, 1, 6, 10, 0)  # a Tuesday; a holiday in Bavaria, not in Berlin
    assert is_open(schedule(holiday_countries=["DE"]), epiphany) is True
    assert is_open(schedule(holiday_countries=["DE"], holiday_subdivision="BY"), epiphany) is False


def test_a_merchant_closed_day_is_closed_all_day():
    hours = schedule(closed_dates=["2026-03-11"])  # a Wednesday
    assert is_open(hours, berlin(2026, 3, 11, 10, 0)) is False
    assert is_open(hours, berlin(2026, 3, 12, 10, 0)) is True
    assert next_opening(hours, berlin(2026, 3, 10, 18, 0)) == berlin(2026, 3, 12, 9, 0)


def test_the_weekend_is_closed_until_monday():
    assert is_open(schedule(), berlin(2026, 3, 14, 12, 0)) is False  # Saturday
    assert next_opening(schedule(), berlin(2026, 3, 13, 18, 0)) == berlin(2026, 3, 16, 9, 0)


def test_next_opening_across_the_long_easter_weekend():
    # 2026: Good Friday 3 April and Easter Monday 6 April are public holidays in all of Germany, so
    # a shop closing Thursday evening answers next on Tuesday 7 April at 09:00 (CEST, UTC+2).
    opening = next_opening(schedule(holiday_countries=["DE"]), berlin(2026, 4, 2, 18, 0))
    assert opening.isoformat() == "2026-04-07T09:00:00+02:00"
    assert opening.astimezone(UTC) == utc(2026, 4, 7, 7, 0)


def test_the_spring_change_makes_the_weekend_an_hour_shorter():
    # Berlin moves from UTC+1 to UTC+2 on Sunday 29 March 2026 at 02:00.
    friday_close = berlin(2026, 3, 27, 18, 0)
    opening = next_opening(schedule(), friday_close)
    assert opening.isoformat() == "2026-03-30T09:00:00+02:00"
    # Same-zone datetime arithmetic is wall-clock arithmetic in Python: the real gap is measured in UTC.
    assert opening.astimezone(UTC) - friday_close.astimezone(UTC) == timedelta(hours=62)


def test_a_shift_starting_in_the_skipped_hour_opens_when_the_clock_jumps():
    hours = schedule({"sun": [["02:30", "04:00"]]})
    opening = next_opening(hours, berlin(2026, 3, 28, 12, 0))
    assert opening.astimezone(UTC) == utc(2026, 3, 29, 1, 0)  # 02:00 CET is 03:00 CEST
    assert opening.isoformat() == "2026-03-29T03:00:00+02:00"
    assert is_open(hours, utc(2026, 3, 29, 0, 59, 59)) is False


def test_the_hour_lived_twice_in_autumn_is_open_both_times():
    # Berlin moves from UTC+2 back to UTC+1 on Sunday 25 October 2026 at 03:00: 02:00-03:00 twice.
    hours = schedule({"sun": [["02:00", "02:45"]]})
    assert is_open(hours, utc(2026, 10, 25, 0, 30)) is True  # 02:30 CEST
    assert is_open(hours, utc(2026, 10, 25, 0, 50)) is False  # 02:50 CEST
    assert is_open(hours, utc(2026, 10, 25, 1, 10)) is True  # 02:10 CET
    opening = next_opening(hours, utc(2026, 10, 25, 0, 50))
    assert opening.astimezone(UTC) == utc(2026, 10, 25, 1, 0)
    assert opening.isoformat() == "2026-10-25T02:00:00+01:00"


def test_the_clock_falling_back_into_a_shift_reopens_it():
    hours = schedule({"sun": [["01:30", "02:45"]]})
    # 02:50 CEST is past the shift; ten minutes later the clock reads 02:00 CET, inside it again.
    opening = next_opening(hours, utc(2026, 10, 25, 0, 50))
    assert opening.astimezone(UTC) == utc(2026, 10, 25, 1, 0)
    assert (opening.isoformat(), opening.fold) == ("2026-10-25T02:00:00+01:00", 1)


def test_a_shift_ending_at_24_00_runs_to_midnight():
    hours = schedule({"fri": [["20:00", "24:00"]], "sat": [["00:00", "02:00"]]})
    assert hours.weekly[4] == ((time(20, 0), END_OF_DAY),)
    assert is_open(hours, berlin(2026, 3, 13, 23, 59, 59, 999999)) is True
    assert is_open(hours, berlin(2026, 3, 14, 0, 0)) is True
    assert is_open(hours, berlin(2026, 3, 14, 2, 0)) is False
    closed_saturday = schedule({"fri": [["20:00", "24:00"]], "sat": [["00:00", "02:00"]]},
                               closed_dates=["2026-03-14"])
    assert is_open(closed_saturday, berlin(2026, 3, 14, 0, 0)) is False
    assert next_opening(closed_saturday, berlin(2026, 3, 14, 0, 0)) == berlin(2026, 3, 20, 20, 0)


def test_always_open_is_open_at_any_moment():
    for at in (utc(2026, 1, 1, 0, 0), utc(2026, 3, 29, 1, 30), utc(2026, 12, 25, 23, 59, 59)):
        assert is_open(ALWAYS_OPEN, at) is True
        assert next_opening(ALWAYS_OPEN, at) == at


def test_a_schedule_without_open_times_never_opens():
    assert next_opening(schedule({}), berlin(2026, 3, 9, 10, 0)) is None


def test_the_search_stops_after_a_year():
    start = date(2026, 3, 2)  # a Monday
    mondays = [(start + timedelta(weeks=week)).isoformat() for week in range(53)]
    hours = schedule({"mon": [["09:00", "17:00"]]}, closed_dates=mondays)
    # Every Monday closed up to 2027-03-01: the next open one, 2027-03-08, is past the search.
    assert mondays[-1] == "2027-03-01"
    assert (date(2027, 3, 8) - date(2026, 3, 1)).days > SEARCH_DAYS
    assert next_opening(hours, berlin(2026, 3, 1, 12, 0)) is None
    hours = schedule({"mon": [["09:00", "17:00"]]}, closed_dates=mondays[:-1])
    assert next_opening(hours, berlin(2026, 3, 1, 12, 0)) == berlin(2027, 3, 1, 9, 0)


def test_a_naive_moment_is_refused():
    with pytest.raises(ValueError, match="aware"):
        is_open(schedule(), datetime(2026, 3, 9, 10, 0))
    with pytest.raises(ValueError, match="aware"):
        next_opening(schedule(), datetime(2026, 3, 9, 10, 0))


# --- parsing -------------------------------------------------------------------------------------

def test_parse_normalizes_and_dump_reads_back():
    hours = parse_schedule({
        "timezone": "Europe/Berlin",
        "weekly": {"mon": [["14:00", "18:00"], ["9:00", "12:00"]], "sat": [], "fri": [["12:00", "24:00"]]},
        "holiday_countries": ["de", "AT", "DE"],
        "holiday_subdivision": "by",
        "closed_dates": ["2026-12-31", "2026-12-24"],
    })
    assert hours == Schedule(
        timezone="Europe/Berlin",
        weekly={0: ((time(9, 0), time(12, 0)), (time(14, 0), time(18, 0))), 4: ((time(12, 0), END_OF_DAY),)},
        holiday_countries=("DE", "AT"),
        holiday_subdivision="BY",
        closed_dates=frozenset({date(2026, 12, 24), date(2026, 12, 31)}),
    )
    assert dump_schedule(hours) == {
        "timezone": "Europe/Berlin",
        "weekly": {"mon": [["09:00", "12:00"], ["14:00", "18:00"]], "tue": [], "wed": [], "thu": [],
                   "fri": [["12:00", "24:00"]], "sat": [], "sun": []},
        "holiday_countries": ["DE", "AT"],
        "holiday_subdivision": "BY",
        "closed_dates": ["2026-12-24", "2026-12-31"],
    }
    assert parse_schedule(dump_schedule(hours)) == hours


def test_touching_shifts_are_allowed():
    hours = schedule({"mon": [["12:00", "14:00"], ["09:00", "12:00"]]})
    assert hours.weekly == {0: ((time(9, 0), time(12, 0)), (time(12, 0), time(14, 0)))}
    assert is_open(hours, berlin(2026, 3, 9, 12, 0)) is True


def test_always_open_round_trips():
    assert parse_schedule(dump_schedule(ALWAYS_OPEN)) == ALWAYS_OPEN
    assert dump_schedule(ALWAYS_OPEN)["weekly"]["sun"] == [["00:00", "24:00"]]


VALID = {"timezone": "Europe/Berlin", "weekly": {"mon": [["09:00", "17:00"]]}}


@pytest.mark.parametrize(("data", "code"), [
    (["not", "an", "object"], "invalid_schedule"),
    ({**VALID, "timezone": "Mars/Olympus_Mons"}, "invalid_timezone"),
    ({**VALID, "timezone": "../../etc/passwd"}, "invalid_timezone"),
    ({**VALID, "timezone": None}, "invalid_timezone"),
    ({"timezone": "Europe/Berlin"}, "invalid_weekly"),
    ({**VALID, "weekly": [["09:00", "17:00"]]}, "invalid_weekly"),
    ({**VALID, "weekly": {"mon": "09:00-17:00"}}, "invalid_weekly"),
    ({**VALID, "weekly": {"mon": [["09:00", "10:00"]] * 7}}, "invalid_weekly"),
    ({**VALID, "weekly": {"monday": [["09:00", "17:00"]]}}, "invalid_weekday"),
    ({**VALID, "weekly": {"mon": [["09:00"]]}}, "invalid_interval"),
    ({**VALID, "weekly": {"mon": ["09:00", "17:00"]}}, "invalid_interval"),
    ({**VALID, "weekly": {"mon": [["9am", "17:00"]]}}, "invalid_time"),
    ({**VALID, "weekly": {"mon": [["09:00", "12:60"]]}}, "invalid_time"),
    ({**VALID, "weekly": {"mon": [["09:00", "24:30"]]}}, "invalid_time"),
    ({**VALID, "weekly": {"mon": [["24:00", "24:00"]]}}, "invalid_time"),
    ({**VALID, "weekly": {"mon": [["09:00", 17]]}}, "invalid_time"),
    ({**VALID, "weekly": {"mon": [["17:00", "09:00"]]}}, "reversed_interval"),
    ({**VALID, "weekly": {"mon": [["09:00", "09:00"]]}}, "reversed_interval"),
    ({**VALID, "weekly": {"mon": [["09:00", "12:00"], ["11:30", "18:00"]]}}, "overlapping_intervals"),
    ({**VALID, "holiday_countries": "DE"}, "invalid_countries"),
    ({**VALID, "holiday_countries": ["XX"]}, "unknown_country"),
    ({**VALID, "holiday_countries": [49]}, "unknown_country"),
    ({**VALID, "holiday_countries": ["DE"], "holiday_subdivision": "ZZ"}, "unknown_subdivision"),
    ({**VALID, "holiday_subdivision": "BY"}, "unknown_subdivision"),
    ({**VALID, "holiday_countries": ["AT", "DE"], "holiday_subdivision": "BY"}, "unknown_subdivision"),
    ({**VALID, "closed_dates": "2026-12-24"}, "invalid_dates"),
    ({**VALID, "closed_dates": ["2026-02-30"]}, "invalid_date"),
    ({**VALID, "closed_dates": ["24.12.2026"]}, "invalid_date"),
    ({**VALID, "closed_dates": ["20261224"]}, "invalid_date"),
    ({**VALID, "closed_dates": [None]}, "invalid_date"),
])
def test_bad_input_is_refused_with_a_reason(data, code):
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(data)
    assert caught.value.code == code
    assert caught.value.message


# --- property: the answer is open, and nothing before it is ----------------------------------------

FIRST, LAST = datetime(2011, 6, 1), datetime(2027, 12, 31)
ZONES = ("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago",
         "Pacific/Apia")


@st.composite
def day_intervals(draw):
    """0 to 2 shifts on half-hour boundaries (48 is 24:00), often in the night when clocks change."""
    bounds = sorted(draw(st.sets(st.integers(0, 48) | st.integers(0, 10), max_size=4)))
    if len(bounds) % 2:
        bounds = bounds[:-1]
    return [[_half_hours(bounds[i]), _half_hours(bounds[i + 1])] for i in range(0, len(bounds), 2)]


def _half_hours(count: int) -> str:
    return f"{count // 2:02d}:{30 * (count % 2):02d}"


@functools.cache
def offset_changes(zone: str, year: int) -> tuple[datetime, ...]:
    """The moments (UTC, to the minute) the zone's offset changed in a year, found by scanning."""
    tz = ZoneInfo(zone)
    days = [datetime(year, 1, 1, tzinfo=UTC) + timedelta(days=count) for count in range(366)]
    return tuple(
        _bisect(tz, day, day + timedelta(days=1)) for day in days
        if day.astimezone(tz).utcoffset() != (day + timedelta(days=1)).astimezone(tz).utcoffset()
    )


def _bisect(tz: ZoneInfo, low: datetime, high: datetime) -> datetime:
    while high - low > timedelta(minutes=1):
        middle = low + (high - low) / 2
        if middle.astimezone(tz).utcoffset() == low.astimezone(tz).utcoffset():
            low = middle
        else:
            high = middle
    return high


@st.composite
def cases(draw):
    """A schedule and a moment: anywhere, or within three hours of one of the zone's clock changes."""
    zone = draw(st.sampled_from(ZONES))
    hours = parse_schedule({
        "timezone": zone,
        "weekly": draw(st.fixed_dictionaries({day: day_intervals() for day in DAYS})),
        "holiday_countries": draw(st.sampled_from([[], ["DE"], ["US", "GB"], ["CL"]])),
        "closed_dates": [day.isoformat() for day in draw(st.lists(st.dates(FIRST.date(), LAST.date()), max_size=5))],
    })
    changes = offset_changes(zone, draw(st.integers(FIRST.year, LAST.year)))
    if changes and draw(st.booleans()):
        return hours, draw(st.sampled_from(changes)) + timedelta(seconds=draw(st.integers(-3 * 3600, 3 * 3600)))
    return hours, draw(st.datetimes(FIRST, LAST, timezones=st.just(UTC)))

CHECKED_MINUTES = 3 * 24 * 60


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases())
def test_next_opening_is_open_and_nothing_before_it_is(case):
    hours, at = case
    opening = next_opening(hours, at)  # compared in UTC: an instant in a repeated hour has fold=1
    if opening is None:
        assert not any(is_open(hours, at + timedelta(minutes=step)) for step in range(CHECKED_MINUTES))
        return
    assert opening.tzinfo == ZoneInfo(hours.timezone)
    opening = opening.astimezone(UTC)
    assert opening >= at
    assert is_open(hours, opening) is True
    assert (opening == at) is is_open(hours, at)
    before = opening - timedelta(microseconds=1)
    assert before < at or is_open(hours, before) is False
    steps = min(CHECKED_MINUTES, int((opening - at) / timedelta(minutes=1)) + 1)
    for step in range(steps):
        moment = at + timedelta(minutes=step)
        assert moment >= opening or is_open(hours, moment) is False
