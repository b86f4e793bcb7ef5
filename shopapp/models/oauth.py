"""Nonces for the legacy authorization-code grant (non-embedded installs)."""
from django.db import models


class OAuthState(models.Model):
    nonce = models.CharField(max_length=64, unique=True)
    shop_domain = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"oauth state for {self.shop_domain}"
