"""Staff members of a shop who use the embedded admin (agents), with their role."""
from django.db import models

from .shops import Shop


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    ADMIN = "admin", "Admin"
    SUPERVISOR = "supervisor", "Supervisor"
    AGENT = "agent", "Agent"


ROLE_RANK = {Role.AGENT: 1, Role.SUPERVISOR: 2, Role.ADMIN: 3, Role.OWNER: 4}


class Agent(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="agents")
    shopify_user_id = models.CharField(max_length=32, help_text="the session token's sub")
    name = models.CharField(max_length=255, blank=True)
    email = models.EmailField(blank=True)
    locale = models.CharField(max_length=16, blank=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.AGENT)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["shop", "shopify_user_id"], name="agent_unique_per_shop"),
        ]

    def __str__(self):
        return f"agent {self.pk} of shop {self.shop_id}"

    # DRF treats the authenticated principal as request.user.
    is_authenticated = True
    is_anonymous = False

    def has_role(self, minimum: str) -> bool:
        return ROLE_RANK[Role(self.role)] >= ROLE_RANK[Role(minimum)]
