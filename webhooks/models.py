"""Every webhook delivery Shopify made to us, recorded before it is answered. Rows in ``received``
are also the processing queue (``webhooks.actions``)."""
from django.db import models


class JSONTextField(models.JSONField):
    """JSON kept as the text it came in: PostgreSQL's ``json`` type rather than ``jsonb``.

    A delivery is written once and read a few times, whole; ``jsonb`` would parse every 3-6 KB body
    into its binary form on insert, which is most of what PostgreSQL does for a delivery. ``json``
    still checks the syntax (an INSERT of malformed JSON fails) and costs about what text does.
    Containment and key lookups need ``jsonb``: cast first (``Cast(field, JSONField())``).
    On PostgreSQL psycopg hands back the value already parsed; other databases give the text."""

    def db_type(self, connection):
        return "json" if connection.vendor == "postgresql" else super().db_type(connection)

    def from_db_value(self, value, expression, connection):
        if connection.vendor == "postgresql":
            return value
        return super().from_db_value(value, expression, connection)


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
    payload = JSONTextField()
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
