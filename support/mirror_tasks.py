"""Mirror tasks: reconciliation per shop (backfill on the first run), fanned out by beat."""
import logging

import redis
from celery import shared_task

from shopapp.models import Shop
from shopapp.redis_client import redis_client
from shopapp.shopify.errors import ShopifyError
from support.actions.sync import sync_orders

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=5)
def sync_mirror_task(self, shop_id: int):
    shop = Shop.objects.filter(pk=shop_id, is_active=True).first()
    if shop is None:
        logger.info("mirror.sync.skipped", extra={"shop_id": shop_id})
        return 0
    lock = redis_client().lock(f"mirror-sync:{shop_id}", timeout=900, blocking=False)
    if not lock.acquire():
        logger.info("mirror.sync.already_running", extra={"shop_id": shop_id})
        return 0
    try:
        return sync_orders(shop)
    except ShopifyError as error:
        if not error.retryable:
            logger.warning("mirror.sync.failed", extra={"shop_id": shop_id, "code": error.code})
            return 0
        raise self.retry(exc=error, countdown=min(300, 30 * 2**self.request.retries)) from error
    finally:
        try:
            lock.release()
        except redis.exceptions.LockError:  # expired or flushed meanwhile: nothing to release
            pass


@shared_task
def sync_all_mirrors_task():
    shop_ids = list(Shop.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True))
    for shop_id in shop_ids:
        sync_mirror_task.delay(shop_id)
    return len(shop_ids)
