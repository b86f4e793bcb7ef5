"""Conversations between a shopper and the shop, their messages, tags and timeline.

The timeline doubles as the conversation's audit log: every change (who did what, when) is one
``TimelineEvent``. Message ids are assigned by the server and increase: they give the order."""
from django.db import models
from django.utils import timezone

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


class Priority(models.TextChoices):
    A = "A", "A (urgent)"
    B = "B", "B"
    C = "C", "C (general)"


class Conversation(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="conversations")
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="conversations")
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.CHAT)
    status = models.CharField(max_length=10, choices=ConversationStatus.choices, default=ConversationStatus.OPEN)
    priority = models.CharField(max_length=1, choices=Priority.choices, default=Priority.C)
    assignee = models.ForeignKey(
        Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_conversations"
    )
    language = models.CharField(max_length=16, blank=True)
    waiting_since = models.DateTimeField(null=True, blank=True, help_text="the shopper waits for the shop")
    first_response_at = models.DateTimeField(null=True, blank=True)
    snoozed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(db_index=True)
    # Read state per side: the highest message id each side has seen.
    shopper_read_id = models.BigIntegerField(default=0)
    agent_read_id = models.BigIntegerField(default=0)
    # The shopper's rating of the conversation (1-5), once, with an optional comment.
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    rating_comment = models.TextField(blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    # Email channel: the random part of this conversation's reply-to address (reply+<token>@...).
    email_token = models.CharField(max_length=32, null=True, blank=True, unique=True)
    # The bot: messages in a row it could not answer, the last automatic reply it sent (never the
    # same one twice in a row), and when and why it handed the conversation to a person.
    bot_failures = models.PositiveSmallIntegerField(default=0)
    last_bot_key = models.CharField(max_length=48, blank=True)
    handed_off_at = models.DateTimeField(null=True, blank=True)
    handoff_reason = models.CharField(max_length=32, blank=True)
    intent = models.CharField(max_length=24, blank=True, help_text="the first intent the bot recognised")
    bot_pending_message_id = models.BigIntegerField(
        null=True, blank=True, help_text="the shopper's latest chat message whose bot turn has not run yet")
    # SLA (support/actions/sla.py): the deadline of the answer the shopper waits for (first or next
    # response), of the resolution, when the clock stopped (pending or snoozed time does not count),
    # and how far up the escalation ladder the conversation is.
    response_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    response_target = models.CharField(max_length=16, blank=True, help_text="first_response or next_response")
    resolution_due_at = models.DateTimeField(null=True, blank=True)
    sla_paused_at = models.DateTimeField(null=True, blank=True)
    sla_level = models.PositiveSmallIntegerField(default=0, help_text="escalation steps taken")

    class Meta:
        indexes = [
            models.Index(fields=["shop", "-last_activity_at", "-id"]),
            models.Index(fields=["shop", "status", "-last_activity_at"]),
            models.Index(fields=["shop", "assignee", "-last_activity_at"]),
            # The sweep of lost bot turns reads only the few conversations that owe one.
            models.Index(fields=["bot_pending_message_id"], condition=models.Q(bot_pending_message_id__isnull=False),
                         name="conversation_bot_pending"),
        ]

    def __str__(self):
        return f"conversation {self.pk} of shop {self.shop_id}"


class ConversationTag(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conversation", "name"], name="conversation_tag_once")]
        indexes = [models.Index(fields=["shop", "name"])]

    def __str__(self):
        return self.name


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
    created_at = models.DateTimeField(default=timezone.now)
    redacted_at = models.DateTimeField(null=True, blank=True)
    # Email channel: the RFC 5322 Message-ID this message was sent or received with (threading and
    # deduplication of inbound mail), and when it was emailed to the shopper.
    email_message_id = models.CharField(max_length=255, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # Machine translation (support/actions/translation.py): the language the text is in (detected for
    # a shopper's message); for agents, a shopper's message in their language
    # ({"language", "text", "provider"}); a reply sent translated keeps the agent's own words.
    language = models.CharField(max_length=16, blank=True)
    translation = models.JSONField(default=dict, blank=True)
    original_body = models.TextField(blank=True)
    machine_translated = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["conversation", "id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "client_id"], condition=~models.Q(client_id=""),
                name="message_client_id_once_per_conversation",
            ),
            models.UniqueConstraint(
                fields=["shop", "email_message_id"], condition=~models.Q(email_message_id=""),
                name="message_email_id_once_per_shop",
            ),
        ]

    def __str__(self):
        return f"message {self.pk} of shop {self.shop_id}"


class TimelineEvent(models.Model):
    """One change to a conversation: also its audit log."""

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(max_length=48, help_text='dotted, e.g. "conversation.assigned"')
    actor = models.CharField(max_length=8, help_text="shopper, agent, bot or system")
    agent = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["conversation", "id"])]

    def __str__(self):
        return f"{self.kind} on conversation {self.conversation_id}"
