"""The merchant's own wording of the bot's texts: one body per key and language, replacing the
catalogue's default (``support.rules.reply_texts``). Checked on write by
``support.actions.reply_texts.set_reply_text``; deleting the row brings the default back."""
from django.db import models

from shopapp.models import Agent, Shop


class ReplyText(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="reply_texts")
    key = models.CharField(max_length=64, help_text='a catalogue key, e.g. "hours.greeting"')
    language = models.CharField(max_length=8, help_text="one of the answered languages")
    body = models.TextField(help_text="plain text with the default's {variables}")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["shop", "key", "language"], name="reply_text_once")]

    def __str__(self):
        return f"{self.key} ({self.language}) of shop {self.shop_id}"
