"""The merchant's FAQ: questions (the ways shoppers ask them) and the answer the bot gives when a
shopper's message matches one confidently (``support.rules.faq``)."""
from django.db import models

from shopapp.models import Shop


class FaqEntry(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="faq_entries")
    language = models.CharField(max_length=8, blank=True, help_text="one of the answered languages; blank: any")
    questions = models.JSONField(default=list, help_text="variants of the question, as shoppers ask it")
    answer = models.TextField(help_text="plain text, sent as written")
    enabled = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["shop", "enabled", "language"], name="faq_entry_shop_lookup")]

    def __str__(self):
        return f"faq entry {self.pk} of shop {self.shop_id}"
