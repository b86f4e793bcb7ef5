"""Files a shopper or an agent attached to a message: images and PDFs, their type decided by their
content (never by their name), stored under ``ATTACHMENTS_DIR`` (outside the web root) and served
only to the conversation's parties."""
from django.db import models

from shopapp.models import Agent, Shop

from .conversations import Conversation, Message


class Attachment(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments",
        help_text="null until the upload is sent with a message",
    )
    uploaded_by = models.CharField(max_length=8, help_text="shopper or agent")
    agent = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    filename = models.CharField(max_length=255, help_text="display name only, never a path")
    content_type = models.CharField(max_length=64, help_text="sniffed from the bytes")
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    storage_name = models.CharField(max_length=80, unique=True, help_text="random name under ATTACHMENTS_DIR")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["conversation", "message"])]

    def __str__(self):
        return f"attachment {self.pk} of shop {self.shop_id}"
