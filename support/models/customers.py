"""Shoppers: the mirror of Shopify customers, and (later) anonymous chat visitors. A redacted
customer keeps its row as a tombstone so a late webhook cannot bring its personal data back."""
from django.db import models

from shopapp.models import Shop


class Customer(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="customers")
    shopify_id = models.BigIntegerField(null=True, blank=True)
    visitor_id = models.CharField(max_length=64, blank=True, help_text="anonymous chat visitor (widget)")
    first_name = models.CharField(max_length=255, blank=True)
    last_name = models.CharField(max_length=255, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=64, blank=True)
    locale = models.CharField(max_length=16, blank=True)
    country_code = models.CharField(max_length=2, blank=True)
    time_zone = models.CharField(max_length=64, blank=True,
                                 help_text="IANA zone from the browser (widget); else derived from the address")
    province_code = models.CharField(max_length=16, blank=True)
    city = models.CharField(max_length=255, blank=True)
    tags = models.JSONField(default=list, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    shopify_created_at = models.DateTimeField(null=True, blank=True)
    shopify_updated_at = models.DateTimeField(null=True, blank=True)
    redacted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["shop", "shopify_id"], condition=models.Q(shopify_id__isnull=False),
                name="customer_unique_shopify_id_per_shop",
            ),
            models.UniqueConstraint(
                fields=["shop", "visitor_id"], condition=~models.Q(visitor_id=""),
                name="customer_unique_visitor_per_shop",
            ),
        ]
        indexes = [models.Index(fields=["shop", "email"])]

    def __str__(self):
        return f"customer {self.pk} of shop {self.shop_id}"

    @property
    def name(self):
        return " ".join(part for part in (self.first_name, self.last_name) if part)
