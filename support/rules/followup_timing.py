"""When the follow-ups are due, and the revised delivery window of a late order. Pure: plain values in,
no ORM.

- A delivery check-in is due ``checkin_after_days`` after the last parcel of the order was delivered;
  one whose due time is more than ``CHECKIN_STALE`` in the past is not scheduled (the first mirror
  sync brings 60 days of delivered orders: nobody is asked about those).
- A late order's new window starts on the next business day of the destination and ends
  ``LATE_EXTENSION`` business days after today (a parcel past its window is usually days, not weeks,
  behind; a carrier's fresh estimate moves the window and gives a new notice).
- A reply scheduled for "the shopper's morning" goes at the next ``MORNING`` (09:00) in their zone.
- A dispute tagged at ``t`` has its evidence deadline at ``t + dispute_deadline_hours``; the agents are
  reminded ``DISPUTE_REMINDER_HOURS`` before it (a reminder that would fall before the tag is left out)."""
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from . import eta

CHECKIN_STALE = timedelta(days=1)
LATE_EXTENSION = 3  # business days after today: the end of a late order's new window
MORNING = time(9, 0)
DISPUTE_TAGS = frozenset({"chargeback", "dispute", "payment-dispute"})
DISPUTE_REMINDER_HOURS = (24, 4)


def checkin_due(delivered_at: datetime, days: int) -> datetime:
    return delivered_at + timedelta(days=days)


def checkin_is_stale(due_at: datetime, now: datetime) -> bool:
    """Too long ago to ask about (a backfilled or very late delivery record)."""
    return due_at < now - CHECKIN_STALE


def revised_window(today: date, country: str) -> eta.Window:
    """The new window of an order already past its own: the next business day to ``LATE_EXTENSION``
    business days after ``today`` (local dates of the shop, business days of ``country``)."""
    return eta.Window(eta.add_business_days(today, 1, country), eta.add_business_days(today, LATE_EXTENSION, country),
                      "default")


def next_morning(now: datetime, zone: ZoneInfo) -> datetime:
    """The next ``MORNING`` in ``zone`` strictly after ``now``: today's when it is still ahead, else
    tomorrow's."""
    local = now.astimezone(zone)
    day = local.date() if local.time() < MORNING else local.date() + timedelta(days=1)
    return datetime.combine(day, MORNING, tzinfo=zone)


def dispute_reminders(tagged_at: datetime, deadline_hours: int) -> list[tuple[int, datetime, datetime]]:
    """``[(hours before the deadline, due time, deadline)]`` for a dispute tagged at ``tagged_at``."""
    deadline = tagged_at + timedelta(hours=deadline_hours)
    return [(hours, deadline - timedelta(hours=hours), deadline) for hours in DISPUTE_REMINDER_HOURS
            if deadline - timedelta(hours=hours) > tagged_at]
