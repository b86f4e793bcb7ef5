"""Writes for webhook ingestion: record a verified delivery, then process it by topic."""
import logging
from contextlib import nullcontext

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
    # Outside any transaction (a request) the INSERT commits on its own: one round trip to
    # PostgreSQL instead of BEGIN, INSERT, COMMIT, and on_commit runs at once, after it. Inside a
    # caller's transaction a savepoint keeps a duplicate from breaking that transaction.
    connection = transaction.get_connection()
    own_commit = connection.get_autocommit() and not connection.in_atomic_block
    try:
        with nullcontext() if own_commit else transaction.atomic():
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
        if handler is None:
            logger.info("webhooks.delivery.unknown_topic", extra={"delivery_id": delivery.pk, "topic": delivery.topic})
            status = DeliveryStatus.IGNORED
        else:
            handler(delivery)
            status = DeliveryStatus.PROCESSED
        # An update, not a save: the handler may have deleted this very row (shop/redact).
        WebhookDelivery.objects.filter(pk=delivery.pk).update(
            status=status, attempts=delivery.attempts + 1, processed_at=timezone.now()
        )


def mark_failed(delivery_id: int, error: str) -> None:
    WebhookDelivery.objects.filter(pk=delivery_id).update(
        status=DeliveryStatus.FAILED, last_error=error[:2000], processed_at=timezone.now()
    )


def replay_delivery(delivery: WebhookDelivery) -> WebhookDelivery:
    """A failed delivery goes back to the queue (the merchant's "replay"); only failed ones can."""
    from .tasks import process_delivery_task

    with transaction.atomic():
        updated = WebhookDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.FAILED).update(
            status=DeliveryStatus.RECEIVED, last_error="", processed_at=None
        )
        if updated:
            transaction.on_commit(lambda: _enqueue(process_delivery_task, delivery.pk))
    logger.info("webhooks.delivery.replayed", extra={"delivery_id": delivery.pk, "replayed": bool(updated)})
    delivery.refresh_from_db()
    return delivery


def purge_old_deliveries(*, now, keep_days: int = 30) -> int:
    """Raw payloads hold personal data: processed and ignored deliveries go after ``keep_days``,
    failed ones after three times that (time to replay them)."""
    cutoff = now - timezone.timedelta(days=keep_days)
    done = WebhookDelivery.objects.filter(
        status__in=[DeliveryStatus.PROCESSED, DeliveryStatus.IGNORED], received_at__lt=cutoff
    ).delete()[0]
    failed = WebhookDelivery.objects.filter(
        status=DeliveryStatus.FAILED, received_at__lt=now - timezone.timedelta(days=3 * keep_days)
    ).delete()[0]
    logger.info("webhooks.delivery.purged", extra={"count": done + failed})
    return done + failed
