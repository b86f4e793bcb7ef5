"""Every webhook delivery Shopify made to us, recorded before it is answered. Rows in ``received``
are also the processing queue (``webhooks.actions``)."""
from django.db import models


class DeliveryStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    PROCESSED = "processed", "Processed"
    IGNORED = "ignored", "Ignored"
    FAILED = "failed", "Failed"


class WebhookDelivery(models.Model):
    # Unique through the constraint below rather than ``unique=True``, which would also build a
    # ``LIKE`` index nothing uses (one index less to update per delivery).
    webhook_id = models.CharField(max_length=64)
    event_id = models.CharField(max_length=64, blank=True)
    topic = models.CharField(max_length=64)
    shop_domain = models.CharField(max_length=255)
    api_version = models.CharField(max_length=16, blank=True)
    triggered_at = models.DateTimeField(null=True, blank=True)
    payload = models.JSONField()
    status = models.CharField(max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.RECEIVED)
    attempts = models.PositiveIntegerField(default=0)
    retry_at = models.DateTimeField(null=True, blank=True)  # after a failed attempt: not before then
    last_error = models.TextField(blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["webhook_id"], name="webhook_delivery_unique_id")]
        indexes = [
            models.Index(fields=["status", "received_at"]),
            models.Index(fields=["shop_domain", "topic"]),
            # The queue: only waiting rows, in arrival order (what the drainer scans).
            models.Index(fields=["id"], name="webhook_delivery_queue", condition=models.Q(status="received")),
        ]

    def __str__(self):
        return f"{self.topic} {self.webhook_id}"
