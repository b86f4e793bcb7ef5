"""Privacy: exports answering ``customers/data_request``, and the shop's retention setting."""
from django.db import models

from shopapp.models import Shop


class DataExport(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="data_exports")
    customer_shopify_id = models.BigIntegerField()
    data_request_id = models.BigIntegerField(null=True, blank=True)
    content = models.JSONField(default=dict)
    requested_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["shop", "data_request_id"], condition=models.Q(data_request_id__isnull=False),
                name="data_export_once_per_request",
            )
        ]

    def __str__(self):
        return f"data export {self.pk} of shop {self.shop_id}"


class SupportSettings(models.Model):
    """Per-shop settings of the help desk (more arrive with business hours, SLA and policy)."""

    shop = models.OneToOneField(Shop, on_delete=models.CASCADE, related_name="support_settings")
    retention_months = models.PositiveSmallIntegerField(default=18)
    mirror_synced_at = models.DateTimeField(null=True, blank=True, help_text="last reconciliation with Shopify")
    # Follow-ups (support/actions/followup_handlers.py): when each one is due.
    checkin_after_days = models.PositiveSmallIntegerField(default=2, help_text="delivery check-in and rating")
    nudge_after_hours = models.PositiveSmallIntegerField(default=24, help_text="awaiting the shopper: nudge")
    resolve_after_hours = models.PositiveSmallIntegerField(default=72, help_text="awaiting the shopper: resolve")
    dispute_deadline_hours = models.PositiveSmallIntegerField(default=72, help_text="evidence deadline of a dispute")
    high_value_threshold = models.DecimalField(
        max_digits=14, decimal_places=2, null=True, blank=True,
        help_text="customers who have spent at least this much move up a priority tier",
    )

    def __str__(self):
        return f"settings of shop {self.shop_id}"
