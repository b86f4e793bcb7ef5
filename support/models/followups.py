"""Timed work: follow-ups with their due time in the database, and the SLA engine's policies and events.

A ``FollowUp`` is one thing to do at ``due_at`` (ask for a rating, tell a shopper about a delay, nudge,
wake a snoozed conversation, send a scheduled reply, remind about a dispute deadline, warn about an
SLA). The beat sweep claims due rows with ``FOR UPDATE SKIP LOCKED`` and enqueues one short task
each; the row's status is the truth, so Redis may be flushed and workers killed without losing a
follow-up or doing one twice (``support/actions/followups.py``)."""
from django.db import models

from shopapp.models import Agent, Shop

from .conversations import Conversation
from .customers import Customer
from .orders import Order


class FollowUpStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    QUEUED = "queued", "Queued for a worker"
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped (no longer needed)"
    CANCELLED = "cancelled", "Cancelled"
    FAILED = "failed", "Failed"


class FollowUp(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="followups")
    kind = models.CharField(max_length=32)
    key = models.CharField(max_length=160, help_text="idempotency key: one follow-up per key and shop")
    status = models.CharField(max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.SCHEDULED)
    due_at = models.DateTimeField()
    conversation = models.ForeignKey(Conversation, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="followups")
    order = models.ForeignKey(Order, null=True, blank=True, on_delete=models.CASCADE, related_name="followups")
    customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.CASCADE, related_name="followups")
    agent = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    data = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    queued_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["shop", "key"], name="followup_once_per_key")]
        indexes = [
            models.Index(fields=["due_at"], name="followup_due", condition=models.Q(status="scheduled")),
            models.Index(fields=["queued_at"], name="followup_queued", condition=models.Q(status="queued")),
            models.Index(fields=["conversation", "kind"]),
        ]

    def __str__(self):
        return f"follow-up {self.pk} ({self.kind}) of shop {self.shop_id}"


class SlaPolicy(models.Model):
    """Targets for one priority tier of a shop; a tier without a row uses the defaults in
    ``support/rules/sla.py``."""

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="sla_policies")
    priority = models.CharField(max_length=1)
    first_response_minutes = models.PositiveIntegerField()
    next_response_minutes = models.PositiveIntegerField()
    resolution_minutes = models.PositiveIntegerField()
    business_hours = models.BooleanField(default=True, help_text="count business hours, else calendar hours")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["shop", "priority"], name="sla_policy_per_tier")]

    def __str__(self):
        return f"SLA {self.priority} of shop {self.shop_id}"


class SlaEvent(models.Model):
    """A target met or missed, a warning, an escalation step: kept for reports."""

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="sla_events")
    kind = models.CharField(max_length=16, help_text="hit, warning, breach, escalated")
    target = models.CharField(max_length=16, help_text="first_response, next_response, resolution")
    priority = models.CharField(max_length=1)
    due_at = models.DateTimeField()
    agent = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["shop", "created_at"]), models.Index(fields=["conversation", "id"])]

    def __str__(self):
        return f"SLA {self.kind} ({self.target}) of conversation {self.conversation_id}"
