"""Writes of the shop's SLA policies (one ``SlaPolicy`` row per priority tier), audited on the shop's
log with the tiers that changed. A tier set to ``None`` goes back to the defaults (its row deleted).
New targets apply to the clocks that start after the change; running deadlines keep theirs."""
import logging
from collections.abc import Mapping

from django.db import transaction

from shopapp.models import Agent, Shop
from support.models import AuditEvent, SlaPolicy
from support.rules.sla import PRIORITIES

logger = logging.getLogger(__name__)

SETTINGS_UPDATED = "settings.sla.updated"
FIELDS = ("first_response_minutes", "next_response_minutes", "resolution_minutes", "business_hours")


def update_sla_policies(shop: Shop, *, agent: Agent, tiers: Mapping[str, Mapping | None]) -> list[str]:
    """``tiers``: validated ``{tier: {FIELDS...} or None}``; the tiers left out stay as they are.
    Returns the tiers that changed."""
    changed = []
    with transaction.atomic():
        rows = {row.priority: row for row in SlaPolicy.objects.select_for_update().filter(shop=shop)}
        for tier in PRIORITIES:
            if tier not in tiers:
                continue
            values, row = tiers[tier], rows.get(tier)
            if values is None:
                if row is not None:
                    row.delete()
                    changed.append(tier)
            elif row is None:
                SlaPolicy.objects.create(shop=shop, priority=tier, **{name: values[name] for name in FIELDS})
                changed.append(tier)
            elif any(getattr(row, name) != values[name] for name in FIELDS):
                for name in FIELDS:
                    setattr(row, name, values[name])
                row.save(update_fields=list(FIELDS))
                changed.append(tier)
        if changed:
            AuditEvent.objects.create(shop=shop, action=SETTINGS_UPDATED, actor="agent", agent=agent,
                                      target="sla_policies", data={"tiers": changed})
    logger.info("sla.settings.updated", extra={"shop_id": shop.pk, "agent_id": agent.pk, "tiers": changed})
    return changed
