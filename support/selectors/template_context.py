"""The values a template's variables take in one conversation, read from the mirror: the shopper,
their latest order and its parcel's tracking, the shop and the sending agent. A value the mirror does
not have is left out (never ""), so the template asks the agent for it or is not offered."""
from shopapp.models import Agent
from support.models import Conversation, Fulfillment, Order
from support.rules import templates as rules
from support.selectors.wismo import delivery_window


def template_values(conversation: Conversation, agent: Agent) -> dict:
    values = {
        "customer.first_name": conversation.customer.first_name,
        "agent.name": agent.name,
        "shop.name": conversation.shop.name,
    }
    order = _latest_order(conversation)
    if order is not None:
        parcels = list(order.fulfillments.order_by("-shopify_created_at", "-pk"))
        values["order.name"] = order.name
        values["order.status"] = rules.order_status(
            cancelled=order.cancelled_at is not None, financial_status=order.financial_status,
            fulfillment_status=order.fulfillment_status, shipment_statuses=[p.shipment_status for p in parcels],
        )
        values.update(_tracking(parcels))
        values["order.eta_window"] = _eta_window(order)
    values["credit.offered"] = _credit_offered(conversation)
    return {name: value for name, value in values.items() if value not in (None, "")}


def _latest_order(conversation: Conversation) -> Order | None:
    """The most relevant order: the shopper's latest in the mirror."""
    if conversation.customer.redacted_at is not None:
        return None
    return (
        Order.objects.filter(shop_id=conversation.shop_id, customer_id=conversation.customer_id)
        .order_by("-shopify_created_at", "-pk").first()
    )


def _tracking(parcels: list[Fulfillment]) -> dict:
    """Tracking of the newest parcel that has a tracking number."""
    for parcel in parcels:
        for entry in parcel.tracking or []:
            if isinstance(entry, dict) and (entry.get("number") or "").strip():
                return {"tracking.number": entry.get("number"), "tracking.carrier": entry.get("company"),
                        "tracking.url": entry.get("url")}
    return {}


def _eta_window(order: Order) -> rules.DateWindow | None:
    """The delivery window of the order's parcels on their way (the ETA engine: the carrier's estimate,
    else the shop's learned transit times, else defaults). None when nothing is on its way, so a
    template naming ``{{order.eta_window}}`` asks the agent for it."""
    window = delivery_window(order)
    return rules.DateWindow(window.earliest, window.latest) if window else None


def _credit_offered(conversation: Conversation) -> rules.Money | None:
    """Hook for the store-credit issue: the credit offered in this conversation as
    ``rules.Money(amount, currency)``. None for now, so the agent types the amount."""
    return None
