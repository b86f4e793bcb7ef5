"""Reads of business hours, scoped by shop: the stored row, the ``Schedule`` the auto-replies go by
(``ALWAYS_OPEN`` for a shop that never set hours), and the settings as the admin shows them."""
import logging
from datetime import datetime

from shopapp.models import Shop
from support.models import BusinessHours
from support.rules.hours import (
    ALWAYS_OPEN,
    Schedule,
    ScheduleError,
    dump_schedule,
    is_open,
    is_time_zone,
    next_opening,
    parse_schedule,
)

logger = logging.getLogger(__name__)


def business_hours(shop: Shop | int) -> BusinessHours | None:
    """The shop's row (its greeting and out-of-hours switches), None when never set."""
    return BusinessHours.objects.filter(shop_id=getattr(shop, "pk", shop)).first()


def schedule_for(shop: Shop | int) -> Schedule:
    """The shop's schedule; ``ALWAYS_OPEN`` when it has none, and (logged) when the stored hours no
    longer parse, e.g. a country the ``holidays`` package dropped: no out-of-hours reply then."""
    return _schedule(business_hours(shop))


def hours_settings(shop: Shop, *, now: datetime) -> dict:
    """The admin's view: the schedule in the API's shape, the switches, and whether a person is
    there at ``now`` and from when. A shop without hours shows every day open 00:00-24:00 in the
    shop's own time zone."""
    row = business_hours(shop)
    schedule = _schedule(row)
    if row is None and is_time_zone(shop.timezone):
        schedule = parse_schedule({**dump_schedule(ALWAYS_OPEN), "timezone": shop.timezone})
    opening = next_opening(schedule, now)
    return {
        **dump_schedule(schedule),
        "greeting_enabled": row.greeting_enabled if row else True,
        "out_of_hours_enabled": row.out_of_hours_enabled if row else True,
        "open_now": is_open(schedule, now),
        "next_opening": opening.isoformat() if opening else None,
    }


def _schedule(row: BusinessHours | None) -> Schedule:
    if row is None:
        return ALWAYS_OPEN
    try:
        return row.schedule()
    except ScheduleError as error:
        logger.warning("hours.schedule.unreadable", extra={"shop_id": row.shop_id, "reason": error.code})
        return ALWAYS_OPEN
