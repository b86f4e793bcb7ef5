"""Writes of business hours: the merchant setting the shop's hours and auto-reply switches, audited
on the shop's log (which fields changed; hours hold no personal data)."""
import logging
from collections.abc import Mapping

from django.db import transaction

from shopapp.models import Agent, Shop
from support.models import AuditEvent, BusinessHours
from support.rules.hours import ScheduleError, dump_schedule, parse_schedule

logger = logging.getLogger(__name__)

HOURS_UPDATED = "settings.hours.updated"
SWITCHES = ("greeting_enabled", "out_of_hours_enabled")
FIELDS = ("timezone", "weekly", "holiday_countries", "holiday_subdivision", "closed_dates", *SWITCHES)


def set_business_hours(shop: Shop, *, agent: Agent, data: Mapping) -> BusinessHours:
    """Replace the shop's hours with ``data`` (``parse_schedule``'s shape, plus the optional
    switches ``greeting_enabled`` / ``out_of_hours_enabled``: left out, they stay as they are).
    Raises ``ScheduleError`` before writing anything. Audited only when something changed."""
    values = _values(data)
    with transaction.atomic():
        row, created = BusinessHours.objects.select_for_update().get_or_create(shop=shop, defaults=values)
        changed = set(FIELDS) if created else {name for name, value in values.items() if getattr(row, name) != value}
        if changed and not created:
            for name in changed:
                setattr(row, name, values[name])
            row.save(update_fields=[*sorted(changed), "updated_at"])
        if changed:
            AuditEvent.objects.create(
                shop=shop, action=HOURS_UPDATED, actor="agent", agent=agent, target="business_hours",
                data={"fields": sorted(changed)},
            )
    logger.info("hours.settings.updated", extra={"shop_id": shop.pk, "agent_id": agent.pk, "fields": sorted(changed)})
    return row


def _values(data: Mapping) -> dict:
    """The row's fields for ``data``, in the stored (canonical) shape."""
    stored = dump_schedule(parse_schedule(data))
    stored["holiday_subdivision"] = stored["holiday_subdivision"] or ""
    for name in SWITCHES:
        if name in data:
            if not isinstance(data[name], bool):
                raise ScheduleError("invalid_switch", f"{name} must be true or false")
            stored[name] = data[name]
    return stored
