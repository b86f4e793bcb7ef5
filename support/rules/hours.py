"""A shop's business hours over plain values (no ORM): is a person there at a moment, and when is
the next moment one will be.

A ``Schedule`` is wall-clock time in the shop's time zone: per weekday (0 = Monday) a few
half-open intervals ``[start, end)``, split shifts allowed (09:00-12:00 and 14:00-18:00); an end of
"24:00" (``END_OF_DAY``) runs to midnight. Public holidays of the listed countries (the ``holidays``
package; the subdivision, such as "BY", applies to the first country) and the merchant's own closed
dates are whole closed days in the shop's time zone. Daylight-saving changes follow zoneinfo: the
shop is open when its wall clock reads an open time, so a shift inside a skipped hour starts when the
clock jumps, and an hour lived twice is open both times.

A shop that never set its hours counts as always open (``ALWAYS_OPEN``): better no out-of-hours
reply than one promising a person "on Monday" to a shopper whose merchant answers all weekend."""
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo, available_timezones

import holidays

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
END_OF_DAY = time.max  # written "24:00": the interval runs to midnight
SEARCH_DAYS = 366
MAX_INTERVALS_PER_DAY = 6
MAX_COUNTRIES = 5
MAX_CLOSED_DATES = 400

Interval = tuple[time, time]

_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ScheduleError(ValueError):
    """Bad business-hours input: ``code`` is the API's reason code, ``message`` says it to a person."""

    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")


@dataclass(frozen=True)
class Schedule:
    timezone: str
    weekly: dict[int, tuple[Interval, ...]] = field(hash=False)
    holiday_countries: tuple[str, ...] = ()
    holiday_subdivision: str | None = None
    closed_dates: frozenset[date] = frozenset()


# Read-only: one shared value (a mapping proxy compares equal to the dict ``parse_schedule`` builds).
ALWAYS_OPEN = Schedule(
    timezone="UTC", weekly=MappingProxyType({day: ((time(0, 0), END_OF_DAY),) for day in range(7)})
)


# --- parsing -------------------------------------------------------------------------------------

def parse_schedule(data: Mapping) -> Schedule:
    """The schedule described by ``data`` (the API's shape: ``{"timezone": "Europe/Berlin",
    "weekly": {"mon": [["09:00", "12:00"], ...], ...}, "holiday_countries": ["DE"],
    "holiday_subdivision": "BY", "closed_dates": ["2026-12-24"]}``; a weekday left out is closed).
    Raises ``ScheduleError`` for anything else."""
    if not isinstance(data, Mapping):
        raise ScheduleError("invalid_schedule", "business hours must be an object")
    countries = _countries(data.get("holiday_countries"))
    return Schedule(
        timezone=_timezone(data.get("timezone")),
        weekly=_weekly(data.get("weekly")),
        holiday_countries=countries,
        holiday_subdivision=_subdivision(data.get("holiday_subdivision"), countries),
        closed_dates=_closed_dates(data.get("closed_dates")),
    )


def dump_schedule(schedule: Schedule) -> dict:
    """The API's shape of a schedule (``parse_schedule`` reads it back to an equal schedule)."""
    return {
        "timezone": schedule.timezone,
        "weekly": {
            name: [[_hhmm(start), _hhmm(end)] for start, end in schedule.weekly.get(index, ())]
            for index, name in enumerate(DAYS)
        },
        "holiday_countries": list(schedule.holiday_countries),
        "holiday_subdivision": schedule.holiday_subdivision,
        "closed_dates": sorted(day.isoformat() for day in schedule.closed_dates),
    }


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_time_zone(name) -> bool:
    """An IANA zone name zoneinfo knows ("Europe/Berlin"); anything else (paths included) is not."""
    return isinstance(name, str) and name in _time_zones()


def _timezone(value) -> str:
    if not is_time_zone(value):
        raise ScheduleError("invalid_timezone", "timezone must be an IANA time zone such as Europe/Berlin")
    return value


def _weekly(value) -> dict[int, tuple[Interval, ...]]:
    if not isinstance(value, Mapping):
        raise ScheduleError("invalid_weekly", 'weekly must map weekdays ("mon".."sun") to lists of intervals')
    weekly = {}
    for name, intervals in value.items():
        if name not in DAYS:
            raise ScheduleError("invalid_weekday", 'weekdays are "mon", "tue", "wed", "thu", "fri", "sat", "sun"')
        if not isinstance(intervals, list | tuple) or len(intervals) > MAX_INTERVALS_PER_DAY:
            raise ScheduleError("invalid_weekly", f"each weekday holds at most {MAX_INTERVALS_PER_DAY} intervals")
        parsed = sorted(_interval(item) for item in intervals)
        for (_, previous_end), (start, _) in zip(parsed, parsed[1:], strict=False):
            if start < previous_end:
                raise ScheduleError("overlapping_intervals", f"intervals of {name} overlap")
        if parsed:
            weekly[DAYS.index(name)] = tuple(parsed)
    return weekly


def _interval(item) -> Interval:
    if not isinstance(item, list | tuple) or len(item) != 2:
        raise ScheduleError("invalid_interval", 'an interval is a pair ["HH:MM", "HH:MM"]')
    start, end = _parse_time(item[0], end=False), _parse_time(item[1], end=True)
    if start >= end:
        raise ScheduleError("reversed_interval", "an interval must end after it starts (use 24:00 for midnight)")
    return start, end


def _parse_time(value, *, end: bool) -> time:
    match = _TIME.match(value) if isinstance(value, str) else None
    if match is None:
        raise ScheduleError("invalid_time", 'times are written "HH:MM"')
    hour, minute = int(match[1]), int(match[2])
    if end and (hour, minute) == (24, 0):
        return END_OF_DAY
    if hour > 23 or minute > 59:
        raise ScheduleError("invalid_time", 'times run from "00:00" to "23:59" ("24:00" ends a day)')
    return time(hour, minute)


def _hhmm(moment: time) -> str:
    return "24:00" if moment == END_OF_DAY else moment.strftime("%H:%M")


def _countries(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple) or len(value) > MAX_COUNTRIES:
        raise ScheduleError("invalid_countries", f"holiday_countries is a list of at most {MAX_COUNTRIES} codes")
    supported = holidays.list_supported_countries()
    codes = []
    for code in value:
        code = code.strip().upper() if isinstance(code, str) else ""
        if code not in supported:
            raise ScheduleError("unknown_country", "holiday_countries holds a country without a holiday calendar")
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def _subdivision(value, countries: tuple[str, ...]) -> str | None:
    if value is None or value == "":
        return None
    known = holidays.list_supported_countries()[countries[0]] if countries else []
    wanted = value.strip().upper() if isinstance(value, str) else None
    for subdivision in known:
        if subdivision.upper() == wanted:
            return subdivision
    raise ScheduleError("unknown_subdivision", "holiday_subdivision is not a region of the first holiday country")


def _closed_dates(value) -> frozenset[date]:
    if value is None:
        return frozenset()
    if not isinstance(value, list | tuple) or len(value) > MAX_CLOSED_DATES:
        raise ScheduleError("invalid_dates", f"closed_dates is a list of at most {MAX_CLOSED_DATES} dates")
    days = set()
    for item in value:
        try:
            days.add(date.fromisoformat(item if isinstance(item, str) and _DATE.match(item) else ""))
        except ValueError:
            raise ScheduleError("invalid_date", 'closed dates are written "YYYY-MM-DD"') from None
    return frozenset(days)


# --- open or closed ------------------------------------------------------------------------------

@lru_cache(maxsize=1024)
def _holidays(countries: tuple[str, ...], subdivision: str | None, year: int) -> frozenset[date]:
    days = set()
    for index, code in enumerate(countries):
        calendar = holidays.country_holidays(code, subdiv=subdivision if index == 0 else None, years=year)
        days.update(calendar.keys())
    return frozenset(days)


def is_closed_day(schedule: Schedule, day: date) -> bool:
    """A public holiday of one of the shop's countries, or a date the merchant closed."""
    if day in schedule.closed_dates:
        return True
    return bool(schedule.holiday_countries) and day in _holidays(
        schedule.holiday_countries, schedule.holiday_subdivision, day.year
    )


def is_open(schedule: Schedule, at: datetime) -> bool:
    """Whether a person answers at the moment ``at`` (an aware datetime)."""
    local = _aware(at).astimezone(ZoneInfo(schedule.timezone))
    day, moment = local.date(), local.time()
    return any(
        start <= moment and (moment < end or end == END_OF_DAY) for start, end in schedule.weekly.get(day.weekday(), ())
    ) and not is_closed_day(schedule, day)


def next_opening(schedule: Schedule, at: datetime) -> datetime | None:
    """The first moment from ``at`` on when a person answers, aware in the shop's time zone: ``at``
    itself when open now; None when the shop opens nowhere in the next ``SEARCH_DAYS`` days.
    Compare or subtract it in UTC: Python does same-zone arithmetic on the wall clock, and an
    instant in an hour lived twice (``fold=1``) never equals one of another zone."""
    zone = ZoneInfo(schedule.timezone)
    at = _aware(at).astimezone(UTC)
    if is_open(schedule, at):
        return at.astimezone(zone)
    if not any(schedule.weekly.values()):
        return None
    first = at.astimezone(zone).date() - timedelta(days=1)
    limit = at + timedelta(days=SEARCH_DAYS)
    # A short look first; a candidate of a later day can be earlier than its own day's start by at
    # most a day's offset change, so only candidates before the look's last two days are final.
    for days, final_before in ((9, _day_start(zone, first + timedelta(days=7))), (SEARCH_DAYS + 3, limit)):
        for candidate in sorted(moment for moment in _candidates(schedule, zone, first, days) if at < moment <= limit):
            if candidate > final_before:
                break
            if is_open(schedule, candidate):
                return candidate.astimezone(zone)
    return None


def _aware(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("business hours need an aware datetime")
    return at


def _day_start(zone: ZoneInfo, day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=zone).astimezone(UTC)


def _candidates(schedule: Schedule, zone: ZoneInfo, first: date, days: int) -> Iterator[datetime]:
    """Every moment (UTC) at which the shop may go from closed to open in ``days`` local days from
    ``first``: each interval start (both readings of an hour lived twice) and each change of the
    zone's offset (the clock jumping into an open time)."""
    start_of_day = _day_start(zone, first)
    for offset in range(days):
        day = first + timedelta(days=offset)
        start_of_next = _day_start(zone, day + timedelta(days=1))
        if not is_closed_day(schedule, day):
            for start, _ in schedule.weekly.get(day.weekday(), ()):
                naive = datetime.combine(day, start)
                yield naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
                yield naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
        if start_of_day.astimezone(zone).utcoffset() != start_of_next.astimezone(zone).utcoffset():
            yield _transition(zone, start_of_day, start_of_next)
        start_of_day = start_of_next


def _transition(zone: ZoneInfo, before: datetime, after: datetime) -> datetime:
    """The first whole second in ``(before, after]`` with ``after``'s UTC offset (one change between)."""
    low, high = int(before.timestamp()), int(after.timestamp())
    wanted = after.astimezone(zone).utcoffset()
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, zone).utcoffset() == wanted:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)
