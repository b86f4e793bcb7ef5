"""Webhook tasks take ids. Processing retries with backoff, then marks the delivery failed."""
import logging
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from support.payloads import PayloadError

from . import actions
from .models import DeliveryStatus, WebhookDelivery

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


@shared_task(bind=True, max_retries=MAX_ATTEMPTS - 1)
def process_delivery_task(self, delivery_id: int):
    try:
        actions.process_delivery(delivery_id)
    except PayloadError as error:  # the payload itself is wrong: retrying cannot help
        logger.warning("webhooks.delivery.bad_payload", extra={"delivery_id": delivery_id})
        actions.mark_failed(delivery_id, f"PayloadError: {error}")
    except Exception as error:
        if self.request.retries >= self.max_retries:
            logger.exception("webhooks.delivery.failed", extra={"delivery_id": delivery_id})
            actions.mark_failed(delivery_id, f"{type(error).__name__}: {error}")
            return
        raise self.retry(exc=error, countdown=min(300, 5 * 2**self.request.retries)) from error


@shared_task
def sweep_deliveries_task(older_than_seconds: int = 60):
    """Re-enqueue deliveries recorded but never processed (e.g. the broker was down)."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    ids = list(
        WebhookDelivery.objects.filter(status=DeliveryStatus.RECEIVED, received_at__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)[:1000]
    )
    for delivery_id in ids:
        process_delivery_task.delay(delivery_id)
    if ids:
        logger.info("webhooks.sweep.requeued", extra={"count": len(ids)})
    return len(ids)


@shared_task
def purge_old_deliveries_task():
    return actions.purge_old_deliveries(now=timezone.now())
