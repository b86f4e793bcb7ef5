"""Reads of the SLA policies, scoped by shop: a tier's targets (the shop's ``SlaPolicy`` row, else the
defaults of ``support/rules/sla.py``) and all three tiers as the admin sees them."""
from shopapp.models import Shop
from support.models import SlaPolicy
from support.rules.sla import DEFAULT_TARGETS, PRIORITIES, Targets


def _targets(row: SlaPolicy) -> Targets:
    return Targets(first_response=row.first_response_minutes, next_response=row.next_response_minutes,
                   resolution=row.resolution_minutes, business_hours=row.business_hours)


def targets_for(shop: Shop | int, priority: str) -> Targets:
    """The targets of one tier of the shop (the lowest tier's defaults for an unknown tier)."""
    row = SlaPolicy.objects.filter(shop_id=getattr(shop, "pk", shop), priority=priority).first()
    if row is not None:
        return _targets(row)
    return DEFAULT_TARGETS.get(priority, DEFAULT_TARGETS[PRIORITIES[-1]])


def sla_settings(shop: Shop | int) -> dict[str, tuple[Targets, bool]]:
    """``{tier: (targets, is_default)}`` for the three tiers, in one query."""
    rows = {row.priority: row for row in SlaPolicy.objects.filter(shop_id=getattr(shop, "pk", shop))}
    return {tier: (_targets(rows[tier]), False) if tier in rows else (DEFAULT_TARGETS[tier], True)
            for tier in PRIORITIES}
