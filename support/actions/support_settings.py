"""Writes of the shop's help-desk settings (retention of conversations, the high-value threshold of
the priority tiers, when follow-ups are due), audited on the shop's log with the fields that changed."""
import logging
from collections.abc import Mapping

from django.db import transaction

from shopapp.models import Agent, Shop
from support.models import AuditEvent, SupportSettings

logger = logging.getLogger(__name__)

SETTINGS_UPDATED = "settings.support.updated"
FIELDS = ("retention_months", "high_value_threshold", "checkin_after_days", "nudge_after_hours", "resolve_after_hours",
          "dispute_deadline_hours")


def support_settings(shop: Shop) -> SupportSettings:
    """The shop's row, or an unsaved one with the defaults."""
    return SupportSettings.objects.filter(shop=shop).first() or SupportSettings(shop=shop)


def update_support_settings(shop: Shop, *, agent: Agent, values: Mapping) -> SupportSettings:
    """``values``: validated fields among ``FIELDS``; the ones left out stay as they are."""
    with transaction.atomic():
        row, _ = SupportSettings.objects.select_for_update().get_or_create(shop=shop)
        changed = sorted(name for name in FIELDS if name in values and getattr(row, name) != values[name])
        if changed:
            for name in changed:
                setattr(row, name, values[name])
            row.save(update_fields=changed)
            AuditEvent.objects.create(shop=shop, action=SETTINGS_UPDATED, actor="agent", agent=agent,
                                      target="support_settings", data={"fields": changed})
    logger.info("support.settings.updated", extra={"shop_id": shop.pk, "agent_id": agent.pk, "fields": changed})
    return row
