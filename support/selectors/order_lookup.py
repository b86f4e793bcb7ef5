"""Reads behind "which order does this shopper mean": always one shop's orders, one indexed query.

- a logged-in customer's own orders use the index on ``(shop, customer_shopify_id)``;
- an order by its name uses ``support_order_name_upper`` (``(shop_id, UPPER(name))``, migration 0005),
  which is what ``name__iexact`` compiles to on PostgreSQL.

Redacted orders are never found (their contact data is gone, and so is the shopper's claim)."""
from django.db.models import Q

from shopapp.models import Shop
from support.models import Order

MAX_NAMED = 5  # names are unique per shop in Shopify; a few rows bound a shop's oddities


def _orders(shop: Shop):
    return Order.objects.filter(shop=shop, redacted_at__isnull=True)


def _named(names: list[str]) -> Q:
    query = Q(pk__in=[])
    for name in names:
        query |= Q(name__iexact=name)
    return query


def customer_order(shop: Shop, customer_shopify_id: int, names: list[str] | None = None) -> Order | None:
    """The customer's most recent order, or the one with one of ``names`` if it is theirs."""
    orders = _orders(shop).filter(customer_shopify_id=customer_shopify_id)
    if names:
        orders = orders.filter(_named(names))
    order = orders.order_by("-shopify_created_at", "-pk").first()
    if order is not None:
        order.shop = shop  # the caller reads it; no query to fetch it again
    return order


def orders_named(shop: Shop, names: list[str]) -> list[Order]:
    """The shop's orders with one of ``names`` (any case); the caller checks the shopper's proof."""
    if not names:
        return []
    orders = list(_orders(shop).filter(_named(names)).order_by("pk")[:MAX_NAMED])
    for order in orders:
        order.shop = shop
    return orders
