"""Writes to staff members (agents)."""
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from shopapp.models import Agent, Role, Shop
from shopapp.shopify.staff import StaffProfile

logger = logging.getLogger(__name__)


def provision_agent(shop: Shop, shopify_user_id: str, profile_source=None) -> Agent:
    """The staff member behind a valid session token; created on first sight with their profile
    (``profile_source()`` returns a ``StaffProfile`` or None). The shop's first staff member, and
    the store's account owner, get the owner role. Concurrent first requests create one row."""
    agent = Agent.objects.filter(shop=shop, shopify_user_id=shopify_user_id).first()
    if agent is not None:
        return agent
    profile = (profile_source() if profile_source else None) or StaffProfile(
        name=f"Staff {shopify_user_id}", email="", locale="", account_owner=False
    )
    try:
        with transaction.atomic():
            Shop.objects.select_for_update().filter(pk=shop.pk).first()  # serialize "first staff member"
            is_first = not Agent.objects.filter(shop=shop).exists()
            agent = Agent.objects.create(
                shop=shop,
                shopify_user_id=shopify_user_id,
                name=profile.name[:255],
                email=profile.email[:254],
                locale=profile.locale[:16],
                role=Role.OWNER if is_first or profile.account_owner else Role.AGENT,
                last_seen_at=timezone.now(),
            )
    except IntegrityError:
        return Agent.objects.get(shop=shop, shopify_user_id=shopify_user_id)
    logger.info("staff.provisioned", extra={"shop_id": shop.pk, "agent_id": agent.pk, "role": agent.role})
    return agent
