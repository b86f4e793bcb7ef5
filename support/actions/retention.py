"""Retention: conversations (and their messages) idle for longer than the shop keeps them are
deleted. The shop sets ``SupportSettings.retention_months``; without a settings row it is 18."""
import logging

from django.db import transaction

from shopapp.models import Shop
from support.models import Conversation, SupportSettings
from support.rules.retention import retention_cutoff

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_MONTHS = 18
BATCH_SIZE = 500


def retention_months(shop: Shop) -> int:
    months = SupportSettings.objects.filter(shop=shop).values_list("retention_months", flat=True).first()
    return DEFAULT_RETENTION_MONTHS if months is None else months


def purge_expired_conversations(shop: Shop, now) -> int:
    """Delete the shop's conversations whose last activity is before ``now`` minus the retention
    period, in batches of short transactions. A retention of 0 months means keep forever (never
    "delete everything"). Returns how many conversations were deleted."""
    months = retention_months(shop)
    if months < 1:
        logger.info("retention.disabled", extra={"shop_id": shop.pk})
        return 0
    expired = Conversation.objects.filter(shop=shop, last_activity_at__lt=retention_cutoff(now, months))
    deleted = 0
    while True:
        with transaction.atomic():
            batch = list(expired.order_by("pk").values_list("pk", flat=True)[:BATCH_SIZE])
            if not batch:
                break
            Conversation.objects.filter(shop=shop, pk__in=batch).delete()
        deleted += len(batch)
    logger.info("retention.conversations_purged", extra={"shop_id": shop.pk, "months": months, "deleted": deleted})
    return deleted
