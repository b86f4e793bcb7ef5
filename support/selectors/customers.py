"""The customer card beside a conversation, read from the mirror (never from Shopify): the customer,
their totals, and their recent orders with each parcel's tracking, last scan and delivery window (the
same window the bot tells the shopper, ``selectors.wismo.parcel_windows``). Its queries do not grow with
the orders or parcels (the learned transit of a route is a Redis read once cached)."""
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, Sum

from support.models import Conversation, Fulfillment, FulfillmentEvent, Order
from support.rules import eta
from support.selectors.wismo import parcel_windows, shop_today

RECENT_ORDERS = 5


def lifetime_value(customer) -> Decimal:
    """What the customer has spent in the shop: the sum of their orders that were not cancelled."""
    spent = Order.objects.filter(shop_id=customer.shop_id, customer=customer, cancelled_at__isnull=True).aggregate(
        spent=Sum("total_price"))["spent"]
    return spent or Decimal("0.00")


def customer_card(conversation: Conversation, *, today: date | None = None) -> dict:
    """``today``: the shop's local date (default: now), which the delivery windows are computed for."""
    customer = conversation.customer
    shop = conversation.shop
    orders = Order.objects.filter(shop_id=conversation.shop_id, customer=customer)
    totals = orders.aggregate(
        spent=Sum("total_price", filter=Q(cancelled_at__isnull=True)), count=Count("pk"),
    )
    events = FulfillmentEvent.objects.order_by("-happened_at", "-pk")
    recent = list(
        orders.order_by("-shopify_created_at", "-pk")
        .prefetch_related(Prefetch("fulfillments", queryset=Fulfillment.objects.order_by("pk").prefetch_related(
            Prefetch("events", queryset=events))))[:RECENT_ORDERS]
    )
    today = today or shop_today(shop)
    return {
        "id": str(customer.pk),
        "shopify_id": str(customer.shopify_id) if customer.shopify_id else None,
        "name": customer.name,
        "email": customer.email,
        "phone": customer.phone,
        "locale": customer.locale,
        "country_code": customer.country_code,
        "lifetime_value": str(totals["spent"] or Decimal("0.00")),
        "currency": shop.currency,
        "orders_count": totals["count"],
        "recent_orders": [_order(order, shop, today) for order in recent],
    }


def _order(order: Order, shop, today: date) -> dict:
    order.shop = shop  # the windows read the shop's time zone: no query per order
    parcels = list(order.fulfillments.all())
    # the card's scans are newest first (its last event); the windows read them oldest first
    windows = parcel_windows(order, [(parcel, list(reversed(parcel.events.all()))) for parcel in parcels],
                             today=today)
    return {
        "id": str(order.shopify_id),
        "name": order.name,
        "total_price": str(order.total_price) if order.total_price is not None else None,
        "currency": order.currency,
        "financial_status": order.financial_status,
        "fulfillment_status": order.fulfillment_status,
        "created_at": order.shopify_created_at.isoformat() if order.shopify_created_at else None,
        "cancelled": order.cancelled_at is not None,
        "parcels": [
            {
                "id": str(parcel.shopify_id),
                "shipment_status": parcel.shipment_status,
                "tracking": parcel.tracking,
                "last_event": _event(next(iter(parcel.events.all()), None)),
                "eta": _eta(window, today),
            }
            for parcel, window in zip(parcels, windows, strict=True)
        ],
    }


def _event(event):
    if event is None:
        return None
    return {"status": event.status, "message": event.message,
            "happened_at": event.happened_at.isoformat() if event.happened_at else None,
            "estimated_delivery_at": event.estimated_delivery_at.isoformat() if event.estimated_delivery_at else None}


def _eta(window: eta.Window | None, today: date):
    """A parcel's delivery window: ``source`` is ``carrier`` (the carrier's estimate), ``history`` (the
    shop's deliveries on the route) or ``default``; ``late`` once the last day has passed."""
    if window is None:
        return None
    return {"earliest": window.earliest.isoformat(), "latest": window.latest.isoformat(), "source": window.source,
            "late": eta.is_late(window, today)}
