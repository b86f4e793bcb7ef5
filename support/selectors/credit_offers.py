"""Reads for the app's late-order credit offers: which orders may be late and get an offer, and the
conversation an offer goes to.

Candidates are found from the other end than "every order in transit": the open conversations of
shops with offers on (index ``(shop, status, -last_activity_at)``), their customers' orders (the
``customer`` foreign key's index) of the last ``LOOKBACK``, not cancelled, with a parcel not yet
delivered, and no late-delivery grant yet. So one run reads a small set however large the mirror is,
in pages by primary key."""
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q

from support.models import Conversation, ConversationStatus, CreditGrant, CreditReason, Fulfillment, Order

LOOKBACK = timedelta(days=90)  # an order older than this is past offering credit for
OPEN_STATUSES = (ConversationStatus.OPEN, ConversationStatus.PENDING, ConversationStatus.SNOOZED)
VOID_PARCELS = ("cancelled", "canceled", "error", "failure")  # fulfillment statuses of a parcel not on its way


def parcels_on_their_way():
    """Parcels not delivered and not void (also the late-order scan's and the delivery check-in's test)."""
    void = Q()
    for status in VOID_PARCELS:  # any case: REST webhooks write "cancelled", GraphQL "CANCELLED"
        void |= Q(status__iexact=status)
    return Fulfillment.objects.filter(delivered_at__isnull=True).exclude(void)


def late_offer_candidates(*, now: datetime, after_id: int = 0, limit: int = 200) -> list[int]:
    """Ids of orders that may be late and have no late-delivery grant, above ``after_id``, in order."""
    open_customers = Conversation.objects.filter(
        shop__is_active=True, shop__credit_policy__offer_late_orders=True, status__in=OPEN_STATUSES,
    ).values("customer_id")
    on_its_way = parcels_on_their_way().filter(order=OuterRef("pk"))
    offered = CreditGrant.objects.filter(order=OuterRef("pk"), reason=CreditReason.LATE_DELIVERY)
    return list(
        Order.objects.filter(customer_id__in=open_customers, shopify_created_at__gte=now - LOOKBACK,
                             cancelled_at__isnull=True, redacted_at__isnull=True, pk__gt=after_id)
        .filter(Exists(on_its_way)).exclude(Exists(offered))
        .order_by("pk").values_list("pk", flat=True)[:limit]
    )


def open_conversation(order: Order) -> Conversation | None:
    """The customer's most recently active open conversation with the order's shop."""
    if order.customer_id is None:
        return None
    return (Conversation.objects.filter(shop_id=order.shop_id, customer_id=order.customer_id,
                                        status__in=OPEN_STATUSES)
            .order_by("-last_activity_at", "-pk").first())


def late_grant_exists(order: Order) -> bool:
    return CreditGrant.objects.filter(shop_id=order.shop_id, order=order, reason=CreditReason.LATE_DELIVERY).exists()
