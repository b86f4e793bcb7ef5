"""The mirror of Shopify orders, their fulfillments (parcels) and fulfillment events.

Rows may be created as placeholders when a child arrives before its parent (webhooks are
unordered): ``shopify_updated_at`` is then null until the parent's own delivery fills it."""
from django.db import models

from shopapp.models import Shop

from .customers import Customer


class Order(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="orders")
    shopify_id = models.BigIntegerField()
    customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="orders")
    customer_shopify_id = models.BigIntegerField(null=True, blank=True)
    name = models.CharField(max_length=64, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    customer_locale = models.CharField(max_length=16, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    presentment_currency = models.CharField(max_length=3, blank=True)
    total_price = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    subtotal_price = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    total_shipping_price = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    presentment_total_price = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    financial_status = models.CharField(max_length=32, blank=True)
    fulfillment_status = models.CharField(max_length=32, blank=True)
    line_items = models.JSONField(default=list, blank=True)
    shipping_country_code = models.CharField(max_length=2, blank=True)
    shipping_province_code = models.CharField(max_length=16, blank=True)
    shipping_zip = models.CharField(max_length=32, blank=True)
    shipping_city = models.CharField(max_length=255, blank=True)
    shipping_method = models.CharField(max_length=255, blank=True)
    shopify_created_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(max_length=32, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    shopify_updated_at = models.DateTimeField(null=True, blank=True)
    redacted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["shop", "shopify_id"], name="order_unique_per_shop")]
        indexes = [
            models.Index(fields=["shop", "name"]),
            models.Index(fields=["shop", "customer_shopify_id"]),
            models.Index(fields=["shop", "-shopify_created_at"]),
        ]

    def __str__(self):
        return f"order {self.pk} of shop {self.shop_id}"


class Fulfillment(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="fulfillments")
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="fulfillments")
    shopify_id = models.BigIntegerField()
    name = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=32, blank=True)
    shipment_status = models.CharField(max_length=32, blank=True)
    tracking = models.JSONField(default=list, blank=True, help_text="[{company, number, url}] per parcel")
    line_items = models.JSONField(default=list, blank=True)
    shopify_created_at = models.DateTimeField(null=True, blank=True)
    shopify_updated_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(
        null=True, blank=True, help_text="the earliest evidence of delivery: a delivered event, else the status change"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["shop", "shopify_id"], name="fulfillment_unique_per_shop")]
        indexes = [  # learned transit times read the shop's recent deliveries
            models.Index(fields=["shop", "-delivered_at"], name="fulfillment_delivered",
                         condition=models.Q(delivered_at__isnull=False)),
        ]

    def __str__(self):
        return f"fulfillment {self.pk} of shop {self.shop_id}"


class FulfillmentEvent(models.Model):
    """Carrier scans; immutable once recorded (an event id is only ever inserted once)."""

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="fulfillment_events")
    fulfillment = models.ForeignKey(Fulfillment, on_delete=models.CASCADE, related_name="events")
    shopify_id = models.BigIntegerField()
    status = models.CharField(max_length=32)
    message = models.TextField(blank=True)
    happened_at = models.DateTimeField(null=True, blank=True)
    estimated_delivery_at = models.DateTimeField(null=True, blank=True)
    city = models.CharField(max_length=255, blank=True)
    country = models.CharField(max_length=255, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["shop", "shopify_id"], name="fulfillment_event_unique")]
        indexes = [models.Index(fields=["fulfillment", "happened_at"])]

    def __str__(self):
        return f"fulfillment event {self.pk} of shop {self.shop_id}"
