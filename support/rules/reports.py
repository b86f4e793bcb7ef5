"""The support report's period and figures over plain values (no ORM): the days asked for, the
buckets they are grouped in, and the ratios and durations as the report shows them.

A period is ``[first, end)`` in days of the shop's time zone: ``first`` is included, ``end`` is not
(``from=2026-03-01&to=2026-04-01`` is March). Buckets are labelled by their first day, as PostgreSQL's
``date_trunc`` cuts them: a week starts on Monday, a month on its first day; the first and last
buckets of a period that does not start or end on a boundary are partial."""
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from shopapp.refusals import Refused

GROUPS = ("day", "week", "month")
MAX_DAYS = 400
DEFAULT_DAYS = 30
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # ISO order: 1 = Monday
# The figures of the whole period and of each bucket, in the order the CSV export lists them.
FIGURES = (
    "conversations", "resolved", "resolution_rate",
    "first_responses", "first_response_median_seconds", "first_response_p90_seconds",
    "resolution_median_seconds", "resolution_p90_seconds", "bot_contained", "containment_rate",
    "csat_asked", "csat_rated", "csat_response_rate", "csat_score", "csat_mean",
    "sla_hits", "sla_breaches", "sla_compliance",
)


class ReportRefused(Refused):
    pass


@dataclass(frozen=True)
class Period:
    first: date  # included
    end: date  # excluded
    group: str = "day"

    def buckets(self) -> list[date]:
        """The first day of every bucket that meets the period, in order."""
        found, day = [], truncate(self.first, self.group)
        while day < self.end:
            found.append(day)
            day = _next_bucket(day, self.group)
        return found


def truncate(day: date, group: str) -> date:
    if group == "week":
        return day - timedelta(days=day.weekday())
    if group == "month":
        return day.replace(day=1)
    return day


def _next_bucket(day: date, group: str) -> date:
    if group == "week":
        return day + timedelta(days=7)
    if group == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return day + timedelta(days=1)


def parse_day(text: str) -> date:
    """``"2026-03-01"`` -> that day; ``ReportRefused("bad_date")`` for anything else."""
    if not isinstance(text, str) or len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise ReportRefused("bad_date")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ReportRefused("bad_date") from None
    if not 2000 <= day.year <= 2999:
        raise ReportRefused("bad_date")
    return day


def report_period(*, first: str | None, end: str | None, group: str | None, today: date) -> Period:
    """The period asked for; by default the ``DEFAULT_DAYS`` days up to and including ``today``.
    Refusals: ``bad_date``, ``bad_group``, ``bad_range`` (empty or backwards), ``range_too_long``."""
    group = group or "day"
    if group not in GROUPS:
        raise ReportRefused("bad_group")
    stop = parse_day(end) if end else today + timedelta(days=1)
    start = parse_day(first) if first else stop - timedelta(days=DEFAULT_DAYS)
    if start >= stop:
        raise ReportRefused("bad_range")
    if (stop - start).days > MAX_DAYS:
        raise ReportRefused("range_too_long")
    return Period(start, stop, group)


def ratio(part: int, whole: int) -> float | None:
    """``part / whole`` to four places; None when there is nothing to divide by."""
    return round(part / whole, 4) if whole else None


def seconds(value) -> float | None:
    """A duration in seconds to one decimal place (a median may fall between two values)."""
    return None if value is None else round(float(value), 1)


def mean(value) -> float | None:
    """An average rating to two places, half up."""
    return None if value is None else float(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
