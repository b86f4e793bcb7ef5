"""Writes to staff members (agents)."""
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from shopapp.models import Agent, Role, Shop

logger = logging.getLogger(__name__)


def provision_agent(shop: Shop, shopify_user_id: str) -> Agent:
    """The staff member behind a valid session token; created on first sight. The shop's first
    staff member is its owner. Concurrent first requests create exactly one row."""
    agent = Agent.objects.filter(shop=shop, shopify_user_id=shopify_user_id).first()
    if agent is not None:
        return agent
    try:
        with transaction.atomic():
            Shop.objects.select_for_update().filter(pk=shop.pk).first()  # serialize "first staff member"
            is_first = not Agent.objects.filter(shop=shop).exists()
            agent = Agent.objects.create(
                shop=shop,
                shopify_user_id=shopify_user_id,
                name=f"Staff {shopify_user_id}",
                role=Role.OWNER if is_first else Role.AGENT,
                last_seen_at=timezone.now(),
            )
    except IntegrityError:
        return Agent.objects.get(shop=shop, shopify_user_id=shopify_user_id)
    logger.info("staff.provisioned", extra={"shop_id": shop.pk, "agent_id": agent.pk, "role": agent.role})
    return agent
