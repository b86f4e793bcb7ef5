"""Celery tasks of the help desk. Tasks take ids, re-fetch, return early with a log line when the
object is gone, and call one action. Beat tasks fan out one short task per shop."""
import logging

from celery import shared_task
from django.utils import timezone

from shopapp.models import Shop

from .actions.retention import purge_expired_conversations

logger = logging.getLogger(__name__)


@shared_task
def purge_expired_conversations_task() -> int:
    """Daily beat task: one ``purge_shop_conversations_task`` per active shop. Returns the fan-out."""
    shop_ids = list(Shop.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True))
    for shop_id in shop_ids:
        purge_shop_conversations_task.delay(shop_id)
    logger.info("retention.sweep.enqueued", extra={"shops": len(shop_ids)})
    return len(shop_ids)


@shared_task
def purge_shop_conversations_task(shop_id: int) -> int:
    shop = Shop.objects.filter(pk=shop_id).first()
    if shop is None:
        logger.info("retention.shop_gone", extra={"shop_id": shop_id})
        return 0
    return purge_expired_conversations(shop, timezone.now())
