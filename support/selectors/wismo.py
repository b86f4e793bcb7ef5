"""The "where is my order" answer from the mirror: the order, its parcels and their carrier scans
(two queries), the learned transit time of each parcel still on its way (a Redis read, see
``selectors.transit``), as plain views for ``rules.wismo``. Dates are the shop's local dates."""
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from shopapp.models import Shop
from support.models import Fulfillment, FulfillmentEvent, Order
from support.rules import eta, texts, wismo
from support.selectors.transit import learned_transit, shop_zone


def _quantity(line_items) -> int | None:
    if not line_items:
        return None
    return sum(int(item.get("quantity") or 0) for item in line_items if isinstance(item, dict))


def _parcel(parcel: Fulfillment, order: Order, zone, events=None) -> wismo.ParcelView:
    """``events``: the parcel's scans oldest first (default: its prefetched ``events``, in that order)."""
    def day(moment):
        return moment.astimezone(zone).date() if moment else None

    tracking = [entry for entry in parcel.tracking or [] if isinstance(entry, dict)]
    carrier = next((str(entry.get("company") or "") for entry in tracking if entry.get("company")), "")
    transit = None
    if parcel.delivered_at is None and carrier and order.shipping_country_code:
        transit = learned_transit(order.shop, carrier=carrier, country=order.shipping_country_code)
    return wismo.ParcelView(
        status=parcel.status, shipment_status=parcel.shipment_status, carrier=carrier,
        tracking_number=", ".join(str(entry["number"]) for entry in tracking if entry.get("number")),
        tracking_url=next((str(entry["url"]) for entry in tracking if entry.get("url")), ""),
        shipped_on=day(parcel.shopify_created_at), delivered_on=day(parcel.delivered_at),
        events=tuple(wismo.EventView(event.status, day(event.happened_at), day(event.estimated_delivery_at))
                     for event in (parcel.events.all() if events is None else events)),
        item_count=_quantity(parcel.line_items), transit=transit,
    )


def order_view(order: Order) -> wismo.OrderView:
    zone = shop_zone(order.shop)
    events = FulfillmentEvent.objects.order_by("happened_at", "pk")
    parcels = order.fulfillments.order_by("shopify_created_at", "pk").prefetch_related(Prefetch("events", events))
    return _order_view(order, tuple(_parcel(parcel, order, zone) for parcel in parcels), zone)


def _order_view(order: Order, parcels: tuple[wismo.ParcelView, ...], zone) -> wismo.OrderView:
    return wismo.OrderView(
        name=order.name,
        created_on=order.shopify_created_at.astimezone(zone).date() if order.shopify_created_at else None,
        cancelled_on=order.cancelled_at.astimezone(zone).date() if order.cancelled_at else None,
        financial_status=order.financial_status, fulfillment_status=order.fulfillment_status,
        item_count=_quantity(order.line_items), parcels=parcels,
        country=order.shipping_country_code, origin=eta.origin_country(order.shop.timezone),
    )


def shop_today(shop: Shop) -> date:
    return timezone.now().astimezone(shop_zone(shop)).date()


def wismo_answer(order: Order, *, language: str | None = None, today: date | None = None,
                 overrides=None) -> wismo.WismoAnswer:
    """The answer about ``order`` in ``language`` (else the order's own locale)."""
    return wismo.answer(order_view(order), language=texts.pick_language(language or order.customer_locale),
                        today=today or shop_today(order.shop), overrides=overrides)


def parcel_windows(order: Order, parcels, *, today: date) -> list[eta.Window | None]:
    """The delivery window of each of ``parcels`` (fulfillments of ``order``, each given with its scans
    oldest first, as ``(parcel, events)``), as the answer computes it: None for a parcel not on its
    way. No query of its own (a Redis read per parcel on its way, see ``selectors.transit``; the
    learned transit's query on a cache miss); ``order.shop`` is read, so set it beforehand."""
    zone = shop_zone(order.shop)
    views = tuple(_parcel(parcel, order, zone, events=events) for parcel, events in parcels)
    view = _order_view(order, views, zone)
    return [wismo.parcel_window(view, parcel, today=today) for parcel in views]


def delivery_window(order: Order, *, today: date | None = None) -> eta.Window | None:
    """The order's delivery window (its parcels on their way), e.g. for the ``order.eta_window`` template
    variable; None when nothing is on its way."""
    return wismo.delivery_window(order_view(order), today=today or shop_today(order.shop))
