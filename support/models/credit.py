"""Store credit: the shop's policy, each grant (a state machine that only moves forward) and its ledger.

One grant is one credit on the customer's Shopify account (or one gift card, where the shop's plan or
currency has no store credit). Its ``request_key`` is the business key: a request repeated with the
same key (a double click, 50 concurrent retries) finds the grant already there. The ledger keeps
every step with who did it and why, and is never updated or deleted (only a shop's erasure removes it)."""
from decimal import Decimal

from django.db import models

from shopapp.models import Agent, Shop

from .conversations import Conversation
from .customers import Customer
from .orders import Order


class CreditReason(models.TextChoices):
    LATE_DELIVERY = "late_delivery", "Late delivery"
    DAMAGED_ITEM = "damaged_item", "Damaged item"
    WRONG_ITEM = "wrong_item", "Wrong item"
    GOODWILL_FEEDBACK = "goodwill_feedback", "Goodwill after feedback"
    SERVICE_RECOVERY = "service_recovery", "Service recovery"


class CreditInstrument(models.TextChoices):
    STORE_CREDIT = "store_credit", "Store credit (storeCreditAccountCredit)"
    GIFT_CARD = "gift_card", "Gift card (giftCardCreate)"


def default_reasons() -> list[str]:
    return [reason.value for reason in CreditReason]


class CreditPolicy(models.Model):
    """Per shop, editable in the admin; a shop without a row uses these defaults."""

    shop = models.OneToOneField(Shop, on_delete=models.CASCADE, related_name="credit_policy")
    max_order_share = models.DecimalField(max_digits=5, decimal_places=4, default=Decimal("0.15"),
                                          help_text="at most this share of the order's total, all grants together")
    max_per_grant = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    max_per_customer_30d = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    auto_approve_below = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("10.00"),
                                             help_text="below this amount a requester may issue without approval")
    reasons = models.JSONField(default=default_reasons, help_text="the reason codes agents may choose")
    expiry_days = models.PositiveIntegerField(null=True, blank=True, help_text="empty: the credit never expires")
    request_role = models.CharField(max_length=16, default="agent", help_text="lowest role that may request")
    approve_role = models.CharField(max_length=16, default="supervisor", help_text="lowest role that may approve")
    instrument = models.CharField(max_length=16, choices=CreditInstrument.choices,
                                  default=CreditInstrument.STORE_CREDIT)
    offer_late_orders = models.BooleanField(default=False, help_text="the app offers credit for late orders")
    feedback_first = models.BooleanField(default=False,
                                         help_text="ask for feedback on the order; issue when it arrives")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"credit policy of shop {self.shop_id}"


class GrantState(models.TextChoices):
    PENDING_APPROVAL = "pending_approval", "Waiting for a supervisor"
    AWAITING_FEEDBACK = "awaiting_feedback", "Waiting for the shopper's feedback"
    APPROVED = "approved", "Approved, to be issued"
    REJECTED = "rejected", "Rejected"
    ISSUING = "issuing", "Being issued"
    UNCERTAIN = "uncertain", "Outcome unknown: reconciling with Shopify"
    ISSUED = "issued", "Issued"
    FAILED = "failed", "Failed"


class CreditGrant(models.Model):
    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="credit_grants")
    customer = models.ForeignKey(Customer, on_delete=models.RESTRICT, related_name="credit_grants")
    order = models.ForeignKey(Order, on_delete=models.RESTRICT, related_name="credit_grants")
    conversation = models.ForeignKey(Conversation, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="credit_grants")
    request_key = models.CharField(max_length=128, help_text="the business key: one grant per key and shop")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    reason = models.CharField(max_length=32, choices=CreditReason.choices)
    note = models.TextField(blank=True)
    instrument = models.CharField(max_length=16, choices=CreditInstrument.choices)
    state = models.CharField(max_length=20, choices=GrantState.choices)
    requested_by = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                     help_text="empty when the app offered it (a late order, feedback first)")
    decided_by = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decision_note = models.TextField(blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="sent to Shopify; also marks the credit")
    attempts = models.PositiveSmallIntegerField(default=0)
    shopify_transaction_id = models.CharField(max_length=128, blank=True)
    shopify_gift_card_id = models.CharField(max_length=128, blank=True)
    error_code = models.CharField(max_length=64, blank=True)
    error_message = models.TextField(blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    issuing_started_at = models.DateTimeField(null=True, blank=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["shop", "request_key"], name="credit_grant_once_per_key"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="credit_grant_amount_positive"),
        ]
        indexes = [
            models.Index(fields=["shop", "state", "requested_at"]),
            models.Index(fields=["customer", "requested_at"]),
            models.Index(fields=["order"]),
        ]

    def __str__(self):
        return f"credit grant {self.pk} of shop {self.shop_id}"


class CreditLedgerEntry(models.Model):
    """One step of a grant: requested, approved, rejected, issuing, issued, failed, uncertain, reconciled,
    notified. Append-only."""

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="+")
    grant = models.ForeignKey(CreditGrant, on_delete=models.CASCADE, related_name="ledger")
    kind = models.CharField(max_length=32)
    actor = models.CharField(max_length=8, help_text="agent, system or shopper")
    agent = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["grant", "id"])]

    def __str__(self):
        return f"{self.kind} of grant {self.grant_id}"
