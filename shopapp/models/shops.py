"""A shop that installed the app, and its offline Admin API token (encrypted at rest)."""
from django.db import models

from shopapp.crypto import EncryptedTextField


class Shop(models.Model):
    domain = models.CharField(max_length=255, unique=True, help_text="name.myshopify.com")
    name = models.CharField(max_length=255, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    timezone = models.CharField(max_length=64, blank=True)
    is_active = models.BooleanField(default=False)
    installed_at = models.DateTimeField(null=True, blank=True)
    uninstalled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["is_active"])]

    def __str__(self):
        return self.domain

    @property
    def handle(self):
        """The shop's subdomain, as the shopifyapp package names shops (``demo-store``)."""
        return self.domain.removesuffix(".myshopify.com")


class ShopToken(models.Model):
    """The shop's offline access token. Expiring tokens carry a refresh token; both are encrypted."""

    shop = models.OneToOneField(Shop, on_delete=models.CASCADE, related_name="token")
    access_token = EncryptedTextField()
    refresh_token = EncryptedTextField(blank=True, default="")
    scope = models.TextField(blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    refresh_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"token for {self.shop_id}"
