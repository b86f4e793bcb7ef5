"""SLA deadlines over plain values (no ORM): the targets per priority tier, working time in a shop's
business hours, the warning point and the escalation ladder.

Targets are minutes of *working time*: with ``business_hours`` only the open time of the shop's
``Schedule`` counts (split shifts, weekends, public holidays, the merchant's closed dates, and the
real length of daylight-saving days: an hour lived twice counts twice, a skipped hour not at all);
without it, calendar time. The walk goes open interval by open interval, never minute by minute.
Every datetime returned is aware and in UTC.

The escalation ladder after a missed response target, as data: ``LADDER[i]`` is taken at
``LADDER_AFTER[i]`` of the target's working time after the deadline: notify the assignee at the
breach, the supervisors at +25%, reassign to an online agent at +50%, raise the priority at +100%
(a 1 h target: at the breach, +15 min, +30 min, +1 h). Each step gives the one before it time to work,
and the last one comes when the shopper has waited twice the target."""
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from support.rules.hours import END_OF_DAY, Schedule, is_closed_day

FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION = "first_response", "next_response", "resolution"
RESPONSE_TARGETS = (FIRST_RESPONSE, NEXT_RESPONSE)
TARGETS = (*RESPONSE_TARGETS, RESOLUTION)
PRIORITIES = ("A", "B", "C")  # most urgent first

WARNING_SHARE = 0.75  # the warning comes when three quarters of the target's working time are used
LADDER = ("notify_assignee", "notify_supervisors", "reassign_online", "raise_priority")
LADDER_AFTER = (0.0, 0.25, 0.5, 1.0)  # share of the target's working time after the breach, per step
MAX_TARGET_MINUTES = 60 * 24 * 60  # 60 days
WALK_DAYS = 5 * 366  # a schedule open nowhere for this long counts in calendar time


@dataclass(frozen=True)
class Targets:
    """One tier's targets in minutes, and whether they count business hours or calendar hours."""

    first_response: int
    next_response: int
    resolution: int
    business_hours: bool = True

    def minutes(self, target: str) -> int:
        if target not in TARGETS:
            raise ValueError(f"unknown SLA target {target!r}")
        return getattr(self, target)


DEFAULT_TARGETS = {
    "A": Targets(first_response=60, next_response=120, resolution=1440),
    "B": Targets(first_response=120, next_response=240, resolution=2880),
    "C": Targets(first_response=1440, next_response=1440, resolution=4320),
}


def raised(priority: str) -> str:
    """One tier more urgent (A stays A)."""
    return PRIORITIES[max(PRIORITIES.index(priority) - 1, 0)]


def add_working_time(start: datetime, minutes: float | timedelta, schedule: Schedule, *,
                     business_hours: bool) -> datetime:
    """The moment ``minutes`` of working time after ``start`` (before it when negative). Reaching the
    amount exactly at a closing time gives the closing time, not the next opening."""
    amount = minutes if isinstance(minutes, timedelta) else timedelta(minutes=minutes)
    start = _utc(start)
    if not amount or not business_hours or not _has_hours(schedule):
        return start + amount
    walk = _walk_forward(start, amount, schedule) if amount > timedelta(0) else _walk_back(start, -amount, schedule)
    return start + amount if walk is None else walk  # open nowhere for years: calendar time


def working_time_between(a: datetime, b: datetime, schedule: Schedule, business_hours: bool) -> timedelta:
    """The working time from ``a`` to ``b`` (negative when ``b`` is before ``a``)."""
    a, b = _utc(a), _utc(b)
    if b < a:
        return -working_time_between(b, a, schedule, business_hours)
    if not business_hours or not _has_hours(schedule):
        return b - a
    zone = ZoneInfo(schedule.timezone)
    days = (b.astimezone(zone).date() - a.astimezone(zone).date()).days + 1
    total = timedelta(0)
    for low, high in _open_intervals(schedule, a, step=1, days=days):
        if low >= b:
            break
        total += max(min(high, b) - max(low, a), timedelta(0))
    return total


def warning_at(start: datetime, due: datetime, schedule: Schedule, business_hours: bool) -> datetime:
    """The point at ``WARNING_SHARE`` of the working time from ``start`` to ``due``."""
    used = working_time_between(start, due, schedule, business_hours) * WARNING_SHARE
    return add_working_time(start, used, schedule, business_hours=business_hours)


def ladder_gap(minutes: int, level: int) -> float:
    """Minutes of working time from step ``level - 1`` (the breach, for level 1) to step ``level``
    (1-based) of the ladder, for a target of ``minutes``."""
    previous = LADDER_AFTER[level - 2] if level > 1 else 0.0
    return minutes * (LADDER_AFTER[level - 1] - previous)


def escalation_at(due: datetime, minutes: int, level: int, schedule: Schedule, business_hours: bool) -> datetime:
    """When step ``level`` (1-based) of the ladder is taken, for a target of ``minutes`` missed at ``due``
    with no pause since (each step is scheduled ``ladder_gap`` after the one before)."""
    return add_working_time(due, minutes * LADDER_AFTER[level - 1], schedule, business_hours=business_hours)


# --- the walk ------------------------------------------------------------------------------------

def _utc(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("SLA deadlines need an aware datetime")
    return at.astimezone(UTC)


def _has_hours(schedule: Schedule) -> bool:
    return any(schedule.weekly.values())


def _walk_forward(start: datetime, amount: timedelta, schedule: Schedule) -> datetime | None:
    for low, high in _open_intervals(schedule, start, step=1, days=WALK_DAYS):
        if high <= start:
            continue
        low = max(low, start)
        if amount <= high - low:
            return low + amount
        amount -= high - low
    return None


def _walk_back(start: datetime, amount: timedelta, schedule: Schedule) -> datetime | None:
    for low, high in _open_intervals(schedule, start, step=-1, days=WALK_DAYS):
        if low >= start:
            continue
        high = min(high, start)
        if amount <= high - low:
            return high - amount
        amount -= high - low
    return None


def _open_intervals(schedule: Schedule, start: datetime, *, step: int,
                    days: int) -> Iterator[tuple[datetime, datetime]]:
    """The open intervals ``[low, high)`` in UTC, in time order (reversed when ``step`` is -1), of
    ``days`` local days from the one holding ``start``."""
    zone = ZoneInfo(schedule.timezone)
    day = start.astimezone(zone).date()
    for _ in range(days):
        intervals = _day_intervals(schedule, zone, day)
        yield from (intervals if step > 0 else reversed(intervals))
        day += timedelta(days=step)


def _day_intervals(schedule: Schedule, zone: ZoneInfo, day: date) -> list[tuple[datetime, datetime]]:
    """One local day's open time in UTC. The day is cut where its UTC offset changes; in each piece
    the wall clock is UTC plus one offset, so a wall-clock interval is one UTC interval there."""
    wall = schedule.weekly.get(day.weekday(), ())
    if not wall or is_closed_day(schedule, day):
        return []
    following = day + timedelta(days=1)
    intervals = []
    for low, high, offset in _pieces(zone, day):
        for opens, closes in wall:
            start = datetime.combine(day, opens) - offset
            end = (datetime.combine(following, time(0, 0)) if closes == END_OF_DAY
                   else datetime.combine(day, closes)) - offset
            start, end = max(start.replace(tzinfo=UTC), low), min(end.replace(tzinfo=UTC), high)
            if start < end:
                intervals.append((start, end))
    return sorted(intervals)


def _pieces(zone: ZoneInfo, day: date) -> list[tuple[datetime, datetime, timedelta]]:
    """The local day as UTC pieces of one offset each (two on a daylight-saving day)."""
    low, high = _day_start(zone, day), _day_start(zone, day + timedelta(days=1))
    before, after = low.astimezone(zone).utcoffset(), high.astimezone(zone).utcoffset()
    if before == after:
        return [(low, high, before)]
    change = _offset_change(zone, low, high, after)
    return [(low, change, before), (change, high, after)]


def _day_start(zone: ZoneInfo, day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=zone).astimezone(UTC)


def _offset_change(zone: ZoneInfo, low: datetime, high: datetime, after: timedelta) -> datetime:
    """The first whole second in ``(low, high]`` with the offset ``after`` (zones change on seconds)."""
    first, last = int(low.timestamp()), int(high.timestamp())
    while last - first > 1:
        middle = (first + last) // 2
        if datetime.fromtimestamp(middle, zone).utcoffset() == after:
            last = middle
        else:
            first = middle
    return datetime.fromtimestamp(last, UTC)
