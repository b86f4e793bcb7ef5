"""Conversations between a shopper and the shop, and their messages. The chat issue adds
assignment, priority, SLA and realtime fields; these are the parts the mirror and privacy need."""
from django.db import models

from shopapp.models import Agent, Shop

from .customers import Customer


class Channel(models.TextChoices):
    CHAT = "chat", "Chat"
    EMAIL = "email", "Email"


class ConversationStatus(models.TextChoices):
    OPEN = "open", "Open"
    PENDING = "pending", "Pending"
    SNOOZED = "snoozed", "Snoozed"
    RESOLVED = "resolved", "Resolved"
    CLOSED = "closed", "Closed"


class Conversation(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="conversations")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="conversations")
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.CHAT)
    status = models.CharField(max_length=10, choices=ConversationStatus.choices, default=ConversationStatus.OPEN)
    language = models.CharField(max_length=16, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["shop", "-last_activity_at"])]

    def __str__(self):
        return f"conversation {self.pk} of shop {self.shop_id}"


class MessageKind(models.TextChoices):
    SHOPPER = "shopper", "Shopper"
    AGENT = "agent", "Agent"
    NOTE = "note", "Internal note"
    BOT = "bot", "Bot"
    SYSTEM = "system", "System"


class Message(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="messages")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=8, choices=MessageKind.choices)
    agent = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages")
    body = models.TextField()
    client_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    redacted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["conversation", "id"])]

    def __str__(self):
        return f"message {self.pk} of shop {self.shop_id}"
