"""A shop's machine-translation settings: which provider, its API key (encrypted at rest) and the
language its agents read. No key, no provider or switched off: the feature is off."""
from django.db import models

from shopapp.crypto import EncryptedTextField
from shopapp.models import Shop


class TranslationProvider(models.TextChoices):
    NONE = "", "None"
    DEEPL = "deepl", "DeepL"
    GOOGLE = "google", "Google Cloud Translation"


class TranslationSettings(models.Model):
    shop = models.OneToOneField(Shop, on_delete=models.CASCADE, related_name="translation_settings")
    provider = models.CharField(max_length=8, choices=TranslationProvider.choices, blank=True, default="")
    api_key = EncryptedTextField(blank=True, default="", help_text="write-only: never returned by the API")
    enabled = models.BooleanField(default=True, help_text="the merchant's switch; a provider and a key are needed too")
    agent_language = models.CharField(max_length=16, default="en")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"translation settings of shop {self.shop_id}"
