"""Delivery windows over plain dates (no ORM): business days, transit statistics, the window a
parcel should arrive in, the window an unshipped order should leave in, and their wording.

Business days skip the weekend and the public holidays of a country (the ``holidays`` package;
a country it does not know counts Saturday and Sunday only). Transit is counted in business days
of the destination country; handling (order placed -> shipped) in those of the shop's country.

Where a window comes from, best first:
- ``carrier``: the carrier's own estimate, as Shopify reports it (a single day);
- ``history``: the shop's delivered parcels for the same carrier and destination country, from the
  median (p50) to the 90th percentile (p90) of their business days in transit;
- ``default``: before there is history, ``DOMESTIC_DAYS`` within a country and
  ``INTERNATIONAL_DAYS`` across a border (or when the shop's country is unknown).

A window never promises more than that: its earliest day is no earlier than the next business
day from today, and a parcel still on its way after the window's last day is late."""
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays
from babel.core import get_global
from babel.dates import format_date

from .texts import pick_language

DEFAULT_WEEKEND = frozenset({5, 6})  # Saturday, Sunday
DOMESTIC_DAYS = (2, 5)  # business days in transit within one country, before there is history
INTERNATIONAL_DAYS = (5, 12)  # across a border (customs, hand-over between carriers)
HANDLING_DAYS = (1, 3)  # business days from the order to the parcel leaving the warehouse
MIN_SAMPLES = 5  # fewer delivered parcels than this are anecdotes, not history
MAX_TRANSIT_DAYS = 60  # a longer sample is a lost or re-shipped parcel, not transit time

SOURCES = ("carrier", "history", "default")


@dataclass(frozen=True)
class Window:
    earliest: date
    latest: date
    source: str  # one of SOURCES


@lru_cache(maxsize=512)
def _calendar(country: str):
    """The public holidays of a country (ISO 3166 alpha-2), or None for one the package lacks."""
    try:
        return holidays.country_holidays((country or "").upper())
    except NotImplementedError:
        return None


def is_business_day(day: date, country: str) -> bool:
    calendar = _calendar(country)
    if calendar is None:
        return day.weekday() not in DEFAULT_WEEKEND
    return day.weekday() not in calendar.weekend and day not in calendar


def next_business_day(day: date, country: str) -> date:
    """``day`` itself when it is a business day, else the first one after it."""
    while not is_business_day(day, country):
        day += timedelta(days=1)
    return day


def add_business_days(start: date, days: int, country: str) -> date:
    """The ``days``-th business day after ``start`` (``start`` itself for 0)."""
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if is_business_day(day, country):
            counted += 1
    return day


def business_days_between(start: date, end: date, country: str) -> int:
    """Business days after ``start`` up to and including ``end`` (0 when ``end`` is not later)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_business_day(day, country):
            count += 1
    return count


def _percentile(ordered: Sequence[int], fraction: float) -> float:
    """Linear interpolation between the closest ranks, as PostgreSQL's ``percentile_cont``."""
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def transit_stats(samples: Sequence[int]) -> tuple[int, int] | None:
    """``(p50, p90)`` business days of delivered parcels, rounded outwards (p50 down, p90 up: a
    window a day wider beats a wrong one); None for fewer than ``MIN_SAMPLES`` plausible samples."""
    plausible = sorted(sample for sample in samples if 0 <= sample <= MAX_TRANSIT_DAYS)
    if len(plausible) < MIN_SAMPLES:
        return None
    # rounded to a millionth first: 38.00000000000001 (float noise) is 38 days, not 39
    return math.floor(round(_percentile(plausible, 0.5), 6)), math.ceil(round(_percentile(plausible, 0.9), 6))


def default_transit(origin: str, country: str) -> tuple[int, int]:
    domestic = bool(origin) and origin.upper() == (country or "").upper()
    return DOMESTIC_DAYS if domestic else INTERNATIONAL_DAYS


def origin_country(timezone_name: str) -> str:
    """The shop's country as its IANA time zone tells it (``"Europe/Berlin"`` -> ``"DE"``), or ``""``."""
    return get_global("zone_territories").get(timezone_name or "", "")


def _not_before_today(earliest: date, latest: date, today: date, country: str) -> date:
    """A window already under way starts at the next business day from today (never in the past)."""
    if earliest >= today or today > latest:
        return earliest
    return min(next_business_day(today, country), latest)


def eta_window(*, shipped_at: date, carrier_estimate: date | None, stats: tuple[int, int] | None,
               country: str, today: date, origin: str = "") -> Window:
    """When a parcel shipped on ``shipped_at`` (a local date) to ``country`` should arrive."""
    if carrier_estimate is not None:
        return Window(carrier_estimate, carrier_estimate, "carrier")
    source = "history" if stats is not None else "default"
    low, high = stats if stats is not None else default_transit(origin, country)
    earliest = add_business_days(shipped_at, low, country)
    latest = add_business_days(shipped_at, max(low, high), country)
    return Window(_not_before_today(earliest, latest, today, country), latest, source)


def expected_ship_window(order_created: date, handling_days: tuple[int, int] = HANDLING_DAYS, *,
                         origin: str = "", today: date) -> Window:
    """When an order placed on ``order_created`` should leave the shop's warehouse."""
    low, high = handling_days
    earliest = add_business_days(order_created, low, origin)
    latest = add_business_days(order_created, max(low, high), origin)
    return Window(_not_before_today(earliest, latest, today, origin), latest, "default")


def is_late(window: Window, today: date) -> bool:
    """Still not there after the window's last day."""
    return today > window.latest


# (start of a one-month window, its end, a full day, the separator), as Babel date patterns.
_PATTERNS = {
    "en": ("EEE d", "EEE d MMM", "EEE d MMM", " – "),
    "es": ("EEE d", "EEE d MMM", "EEE d MMM", " – "),
    "fr": ("EEE d", "EEE d MMM", "EEE d MMM", " – "),
    "de": ("EEE, d.", "EEE, d. MMM", "EEE, d. MMM", " – "),
    "pt": ("EEE, d", "EEE, d 'de' MMM", "EEE, d 'de' MMM", " – "),
    "it": ("EEE d", "EEE d MMM", "EEE d MMM", " – "),
    "nl": ("EEE d", "EEE d MMM", "EEE d MMM", " – "),
    "zh": ("M月d日EEE", "d日EEE", "M月d日EEE", "至"),
}


def format_day(day: date, language: str) -> str:
    """One day, short: ``"Thu 5 Dec"``."""
    language = pick_language(language)
    return format_date(day, _PATTERNS[language][2], locale=language)


def format_window(window: Window, language: str) -> str:
    """``"Thu 5 Dec"``, ``"Tue 3 – Thu 5 Dec"`` or ``"Mon 30 Nov – Wed 2 Dec"`` in the shopper's language."""
    language = pick_language(language)
    start, end, full, separator = _PATTERNS[language]
    first, last = window.earliest, window.latest
    if first == last:
        return format_date(first, full, locale=language)
    if (first.year, first.month) == (last.year, last.month):
        return format_date(first, start, locale=language) + separator + format_date(last, end, locale=language)
    return format_date(first, full, locale=language) + separator + format_date(last, full, locale=language)
