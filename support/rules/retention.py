"""How long conversations are kept: calendar arithmetic only (no ORM)."""
import calendar
from datetime import datetime


def retention_cutoff(now: datetime, months: int) -> datetime:
    """``now`` minus ``months`` calendar months, same time of day. A day that does not exist in the
    target month becomes that month's last day (2026-08-31 minus 6 months is 2026-02-28)."""
    if months < 0:
        raise ValueError("months must not be negative")
    index = now.year * 12 + (now.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    day = min(now.day, calendar.monthrange(year, month)[1])
    return now.replace(year=year, month=month, day=day)
