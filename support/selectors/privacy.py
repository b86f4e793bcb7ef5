"""Reads for privacy requests, always scoped by shop: everything the app holds on one shopper (the
export answering ``customers/data_request``) and the shop's exports for the admin.

A shopper is the mirror row with their Shopify id, plus chat visitors without a Shopify id who gave
the same email; their orders are the ones linked to those rows, the ones Shopify names in the
request, and any order placed with that email. ``support.actions.privacy`` redacts the same scope."""
from django.db.models import Prefetch, Q
from django.http import Http404

from shopapp.models import Shop
from support.models import (
    Attachment,
    Conversation,
    CreditGrant,
    CreditLedgerEntry,
    Customer,
    DataExport,
    Fulfillment,
    FulfillmentEvent,
    Message,
    Order,
)

EXPORT_FORMAT = 1


def customer_scope(customer_id: int, email: str = "", *, prefix: str = "") -> Q:
    """The ``Customer`` rows that are this shopper (``prefix`` reaches them through a relation)."""
    scope = Q(**{f"{prefix}shopify_id": customer_id})
    if email:
        scope |= Q(**{f"{prefix}shopify_id__isnull": True, f"{prefix}email__iexact": email})
    return scope


def order_scope(customer_id: int, email: str = "", order_ids=()) -> Q:
    scope = Q(customer_shopify_id=customer_id) | customer_scope(customer_id, email, prefix="customer__")
    if order_ids:
        scope |= Q(shopify_id__in=list(order_ids))
    if email:
        scope |= Q(email__iexact=email)
    return scope


def customer_export(shop: Shop, customer_id: int, *, email: str = "", order_ids=()) -> dict:
    """A JSON-serialisable copy of what the app holds on the shopper; ids are strings. At most nine
    queries, however many orders, parcels, messages, files and credits there are."""
    customer = Customer.objects.filter(shop=shop, shopify_id=customer_id).first()
    events = FulfillmentEvent.objects.filter(shop=shop).order_by("happened_at", "pk")
    fulfillments = Fulfillment.objects.filter(shop=shop).order_by("pk").prefetch_related(Prefetch("events", events))
    orders = (
        Order.objects.filter(shop=shop).filter(order_scope(customer_id, email, order_ids))
        .order_by("shopify_created_at", "pk").prefetch_related(Prefetch("fulfillments", fulfillments))
    )
    files = Attachment.objects.filter(shop=shop).order_by("pk").only(
        "message_id", "filename", "content_type", "size", "created_at"
    )
    messages = Message.objects.filter(shop=shop).order_by("created_at", "pk").only(
        "conversation_id", "kind", "body", "created_at"
    ).prefetch_related(Prefetch("attachments", files))
    conversations = (
        Conversation.objects.filter(shop=shop).filter(customer_scope(customer_id, email, prefix="customer__"))
        .order_by("created_at", "pk").prefetch_related(Prefetch("messages", messages))
    )
    ledger = CreditLedgerEntry.objects.order_by("pk").only("grant_id", "kind", "created_at")
    grants = (
        CreditGrant.objects.filter(shop=shop).filter(customer_scope(customer_id, email, prefix="customer__"))
        .select_related("order").order_by("requested_at", "pk").prefetch_related(Prefetch("ledger", ledger))
    )
    conversations = [_conversation(conversation) for conversation in conversations]
    return {
        "format": EXPORT_FORMAT,
        "shop": shop.domain,
        "customer_id": str(customer_id),
        "customer": _customer(customer) if customer else None,
        "orders": [_order(order) for order in orders],
        "conversations": conversations,
        "store_credits": [_grant(grant) for grant in grants],
        "csat": [{"conversation_id": c["id"], "rating": c["rating"], "comment": c["rating_comment"]}
                 for c in conversations if c["rating"] is not None],
        "attachments": [{"conversation_id": c["id"], **f} for c in conversations for m in c["messages"]
                        for f in m["attachments"]],
    }


def _grant(grant: CreditGrant) -> dict:
    return {
        "order": grant.order.name, "amount": _money(grant.amount), "currency": grant.currency,
        "reason": grant.reason, "instrument": grant.instrument, "state": grant.state, "note": grant.note,
        "requested_at": _when(grant.requested_at), "issued_at": _when(grant.issued_at),
        "expires_at": _when(grant.expires_at),
        "steps": [{"kind": entry.kind, "at": _when(entry.created_at)} for entry in grant.ledger.all()],
    }


def _when(value):
    return value.isoformat() if value else None


def _money(value):
    return str(value) if value is not None else None


def _ids_as_strings(value):
    """Ids inside stored JSON (line items) as strings: they exceed 2**53."""
    if isinstance(value, list):
        return [_ids_as_strings(item) for item in value]
    if isinstance(value, dict):
        return {
            key: str(item) if (key == "id" or key.endswith("_id")) and isinstance(item, int) else _ids_as_strings(item)
            for key, item in value.items()
        }
    return value


def _customer(customer: Customer) -> dict:
    return {
        "id": str(customer.shopify_id),
        "first_name": customer.first_name,
        "last_name": customer.last_name,
        "email": customer.email,
        "phone": customer.phone,
        "locale": customer.locale,
        "country_code": customer.country_code,
        "province_code": customer.province_code,
        "city": customer.city,
        "tags": list(customer.tags or []),
        "currency": customer.currency,
        "created_at": _when(customer.shopify_created_at),
        "redacted_at": _when(customer.redacted_at),
    }


def _order(order: Order) -> dict:
    return {
        "id": str(order.shopify_id),
        "name": order.name,
        "email": order.email,
        "customer_locale": order.customer_locale,
        "currency": order.currency,
        "presentment_currency": order.presentment_currency,
        "total_price": _money(order.total_price),
        "subtotal_price": _money(order.subtotal_price),
        "total_shipping_price": _money(order.total_shipping_price),
        "presentment_total_price": _money(order.presentment_total_price),
        "financial_status": order.financial_status,
        "fulfillment_status": order.fulfillment_status,
        "line_items": _ids_as_strings(order.line_items),
        "shipping": {
            "country_code": order.shipping_country_code,
            "province_code": order.shipping_province_code,
            "zip": order.shipping_zip,
            "city": order.shipping_city,
            "method": order.shipping_method,
        },
        "created_at": _when(order.shopify_created_at),
        "processed_at": _when(order.processed_at),
        "cancelled_at": _when(order.cancelled_at),
        "cancel_reason": order.cancel_reason,
        "closed_at": _when(order.closed_at),
        "fulfillments": [_fulfillment(fulfillment) for fulfillment in order.fulfillments.all()],
    }


def _fulfillment(fulfillment: Fulfillment) -> dict:
    return {
        "id": str(fulfillment.shopify_id),
        "name": fulfillment.name,
        "status": fulfillment.status,
        "shipment_status": fulfillment.shipment_status,
        "tracking": _ids_as_strings(fulfillment.tracking),
        "line_items": _ids_as_strings(fulfillment.line_items),
        "created_at": _when(fulfillment.shopify_created_at),
        "events": [
            {
                "id": str(event.shopify_id),
                "status": event.status,
                "message": event.message,
                "happened_at": _when(event.happened_at),
                "estimated_delivery_at": _when(event.estimated_delivery_at),
                "city": event.city,
                "country": event.country,
            }
            for event in fulfillment.events.all()
        ],
    }


def _conversation(conversation: Conversation) -> dict:
    return {
        "id": str(conversation.pk),
        "channel": conversation.channel,
        "status": conversation.status,
        "language": conversation.language,
        "created_at": _when(conversation.created_at),
        "last_activity_at": _when(conversation.last_activity_at),
        "rating": conversation.rating,
        "rating_comment": conversation.rating_comment,
        "messages": [
            {
                "kind": message.kind, "body": message.body, "created_at": _when(message.created_at),
                "attachments": [
                    {"filename": f.filename, "content_type": f.content_type, "size": f.size}
                    for f in message.attachments.all()
                ],
            }
            for message in conversation.messages.all()
        ],
    }


def data_exports(shop: Shop):
    """The shop's exports, newest first, without their content (one query)."""
    return (
        DataExport.objects.filter(shop=shop)
        .only("pk", "customer_shopify_id", "requested_at", "completed_at")
        .order_by("-requested_at", "-pk")
    )


def data_export(shop: Shop, export_id: int) -> DataExport:
    """One export of the shop; another shop's id (or an unknown one) is a 404."""
    export = DataExport.objects.filter(shop=shop, pk=export_id).first()
    if export is None:
        raise Http404("no such export")
    return export
