"""The shop-level audit log (privacy requests, settings, installs). Conversation-level actions are
recorded on the conversation's own timeline."""
from django.db import models

from shopapp.models import Agent, Shop


class AuditEvent(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="audit_events")
    action = models.CharField(max_length=64, help_text='dotted, e.g. "privacy.data_request.completed"')
    actor = models.CharField(max_length=16, help_text="shopify, agent or system")
    agent = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    target = models.CharField(max_length=64, blank=True, help_text='e.g. "customer:9100000000100001"')
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["shop", "-created_at"])]

    def __str__(self):
        return f"{self.action} at shop {self.shop_id}"
