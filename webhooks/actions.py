"""Writes for webhook ingestion: record a verified delivery, then process it by topic."""
import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .handlers import HANDLERS
from .models import DeliveryStatus, WebhookDelivery

logger = logging.getLogger(__name__)


def record_delivery(*, webhook_id, topic, shop_domain, payload, event_id="", api_version="", triggered_at=""):
    """Insert the delivery once and enqueue its processing after commit. Returns the new row, or
    None for a duplicate delivery (same webhook id), which does nothing else."""
    from .tasks import process_delivery_task

    try:
        triggered = parse_datetime(triggered_at) if triggered_at else None
    except ValueError:
        triggered = None
    try:
        with transaction.atomic():
            delivery = WebhookDelivery.objects.create(
                webhook_id=webhook_id,
                event_id=event_id,
                topic=topic,
                shop_domain=shop_domain,
                api_version=api_version,
                triggered_at=triggered,
                payload=payload,
            )
            transaction.on_commit(lambda: _enqueue(process_delivery_task, delivery.pk))
    except IntegrityError:
        logger.info("webhooks.delivery.duplicate", extra={"topic": topic})
        return None
    logger.info("webhooks.delivery.recorded", extra={"topic": topic, "delivery_id": delivery.pk})
    return delivery


def _enqueue(task, delivery_id):
    try:
        task.delay(delivery_id)
    except Exception:  # noqa: BLE001 - broker down: the sweep re-enqueues recorded deliveries
        logger.warning("webhooks.delivery.enqueue_failed", extra={"delivery_id": delivery_id})


def process_delivery(delivery_id: int) -> None:
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != DeliveryStatus.RECEIVED:
            return
        handler = HANDLERS.get(delivery.topic)
        delivery.attempts += 1
        if handler is None:
            logger.info("webhooks.delivery.unknown_topic", extra={"delivery_id": delivery.pk, "topic": delivery.topic})
            delivery.status = DeliveryStatus.IGNORED
        else:
            handler(delivery)
            delivery.status = DeliveryStatus.PROCESSED
        delivery.processed_at = timezone.now()
        delivery.save(update_fields=["status", "attempts", "processed_at"])


def mark_failed(delivery_id: int, error: str) -> None:
    WebhookDelivery.objects.filter(pk=delivery_id).update(
        status=DeliveryStatus.FAILED, last_error=error[:2000], processed_at=timezone.now()
    )
