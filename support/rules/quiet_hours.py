"""Quiet hours, no ORM: nothing automatic reaches a shopper between 21:00 and 09:00 on the shopper's own
clock; it waits for the morning.

The shopper's zone (``shopper_zone``), first that answers:
1. the browser's zone (the widget reports ``Intl.DateTimeFormat().resolvedOptions().timeZone``) when it
   is a zone this system knows; a bare UTC is ignored (privacy modes such as Firefox's
   ``resistFingerprinting`` and Tor report UTC wherever the shopper is);
2. the address (the order's shipping address, else the customer's): ``zones.zone_for_address``;
3. the shop's own zone, and UTC when even that is missing or unknown.

``quiet_until`` is DST-safe: the morning is 09:00 on the shopper's wall clock of the next morning, so
a quiet night is 12 hours long, 11 or 13 across a clock change."""
from datetime import datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from .zones import zone_for_address

QUIET_START = time(21, 0)
QUIET_END = time(9, 0)
_UNINFORMATIVE = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu",
                            "GMT", "Etc/GMT", "Etc/GMT+0", "Etc/GMT-0", "Etc/GMT0", "GMT+0", "GMT-0", "GMT0",
                            "Etc/Greenwich", "Greenwich"})


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_zone(name: str | None) -> bool:
    return bool(name) and name in _known_zones()


def shopper_zone(*, browser_zone: str | None, country_code: str | None, province_code: str | None,
                 fallback: str | None) -> str:
    """The IANA zone to count the shopper's night in (see the module's docstring for the order)."""
    if is_zone(browser_zone) and browser_zone not in _UNINFORMATIVE:
        return browser_zone
    from_address = zone_for_address(country_code, province_code)
    if from_address:
        return from_address
    return fallback if is_zone(fallback) else "UTC"


def quiet_until(now: datetime, zone: str, start: time = QUIET_START, end: time = QUIET_END) -> datetime | None:
    """None when ``now`` is outside the quiet hours in ``zone``; else the moment they end (the next
    ``end`` on the zone's wall clock), as an aware datetime in ``zone``."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if start == end:
        return None
    tz = ZoneInfo(zone)
    local = now.astimezone(tz)
    clock = local.time()
    wraps = start > end  # 21:00 -> 09:00 spans midnight
    quiet = (clock >= start or clock < end) if wraps else (start <= clock < end)
    if not quiet:
        return None
    day = local.date() + timedelta(days=1) if wraps and clock >= start else local.date()
    return _wall_clock(datetime.combine(day, end), tz)


def _wall_clock(naive: datetime, tz: ZoneInfo) -> datetime:
    """``naive`` read on ``tz``'s wall clock; a time skipped by a clock change moves forward by the
    gap (02:30 on a spring-forward night is 03:30), a time lived twice is its first occurrence."""
    first = naive.replace(tzinfo=tz, fold=0)
    return datetime.fromtimestamp(first.timestamp(), tz)
