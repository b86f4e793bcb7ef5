"""Writes to the store mirror. Every upsert is idempotent and out-of-order safe: a record older than
(or as old as) what is stored changes nothing, children arriving before their parents create
placeholders, and redacted customers and orders never get their personal data back.

Webhook handlers and the reconciliation task both call ``apply_order`` & co. with records from
``support.payloads``."""
import logging

from django.db import transaction
from django.db.models import Q

from shopapp.models import Shop
from support.models import Customer, Fulfillment, FulfillmentEvent, Order
from support.payloads import EventRecord, FulfillmentRecord, OrderRecord, Record

logger = logging.getLogger(__name__)

CUSTOMER_PERSONAL_FIELDS = {"first_name", "last_name", "email", "phone", "city", "province_code", "tags"}
ORDER_PERSONAL_FIELDS = {"email", "shipping_zip", "shipping_city"}


def _is_newer(record: Record, stored_updated_at) -> bool:
    """Pure rule: apply only what is strictly newer than what we hold (or what we have never held)."""
    if stored_updated_at is None:
        return True
    return record.updated_at is not None and record.updated_at > stored_updated_at


def _write(row, record: Record, personal: set[str], also: tuple[str, ...] = ()) -> bool:
    """Apply a newer record to the row in one UPDATE (with the fields in ``also`` the caller set)."""
    if not _is_newer(record, row.shopify_updated_at):
        return False
    redacted = getattr(row, "redacted_at", None) is not None
    fields = {k: v for k, v in record.fields.items() if not (redacted and k in personal)}
    for name, value in fields.items():
        setattr(row, name, value)
    row.shopify_updated_at = record.updated_at
    row.save(update_fields=[*fields, *also, "shopify_updated_at", "updated_at"])
    return True


# The mirror's writes nest (an order writes its customer and its fulfillments) and always run
# inside the caller's transaction or their own: ``savepoint=False`` spares a SAVEPOINT/RELEASE
# round trip per level, as a failure anywhere fails the whole write anyway.


def _locked(model, shop: Shop, shopify_id: int, fields: dict):
    """The row of (shop, shopify_id), locked for the rest of the transaction. A row not there yet is
    inserted with ``fields`` first, by ``INSERT ... ON CONFLICT DO NOTHING``: a concurrent insert of
    the same row wins without an error (and without a savepoint), and either way it is read back."""
    row = model.objects.select_for_update().filter(shop=shop, shopify_id=shopify_id).first()
    if row is None:
        model.objects.bulk_create([model(shop=shop, shopify_id=shopify_id, **fields)], ignore_conflicts=True)
        row = model.objects.select_for_update().get(shop=shop, shopify_id=shopify_id)
    return row


def _new_fields(record: Record) -> dict:
    return {**record.fields, "shopify_updated_at": record.updated_at}


def apply_customer(shop: Shop, record: Record) -> Customer:
    with transaction.atomic(savepoint=False):
        row = _locked(Customer, shop, record.shopify_id, _new_fields(record))
        if row.redacted_at is None:
            _write(row, record, CUSTOMER_PERSONAL_FIELDS)
        return row


def _order_row(shop: Shop, order_id: int) -> Order:
    return _locked(Order, shop, order_id, {})


def apply_order(shop: Shop, record: OrderRecord) -> Order:
    with transaction.atomic(savepoint=False):
        customer = apply_customer(shop, record.customer) if record.customer else None
        row = _locked(Order, shop, record.shopify_id, {**_new_fields(record), "customer": customer})
        # The order's customer follows the newest record, and fills in a missing link from any.
        relink = (
            customer is not None
            and row.customer_id != customer.pk
            and (row.customer_id is None or _is_newer(record, row.shopify_updated_at))
        )
        if relink:
            row.customer = customer
        if not _write(row, record, ORDER_PERSONAL_FIELDS, also=("customer",) if relink else ()) and relink:
            row.save(update_fields=["customer", "updated_at"])
        if customer is not None and row.customer_id == customer.pk:
            row.customer = customer  # the caller reads it: no query to fetch it again
        for fulfillment in record.fulfillments:
            apply_fulfillment(shop, fulfillment)
        if relink and row.fulfillments.exclude(delivered_at=None).exists():
            # A delivery that arrived before its order had no customer to ask; now there is one.
            from support.actions.followup_kinds.delivery_checkin import schedule_checkin  # the kinds import this

            schedule_checkin(row.pk)
        return row


def apply_fulfillment(shop: Shop, record: FulfillmentRecord) -> Fulfillment:
    with transaction.atomic(savepoint=False):
        order = _order_row(shop, record.order_id)
        row = _locked(Fulfillment, shop, record.shopify_id, {**_new_fields(record), "order": order})
        _write(row, record, set())
        if record.fields.get("shipment_status") == "delivered" and record.updated_at is not None:
            _mark_delivered(row, record.updated_at)
        for event in record.events:
            apply_fulfillment_event(shop, event)
        return row


def apply_fulfillment_event(shop: Shop, record: EventRecord) -> FulfillmentEvent:
    with transaction.atomic(savepoint=False):
        order = _order_row(shop, record.order_id)
        fulfillment, _ = Fulfillment.objects.get_or_create(
            shop=shop, shopify_id=record.fulfillment_id, defaults={"order": order}
        )
        event, created = FulfillmentEvent.objects.get_or_create(
            shop=shop, shopify_id=record.shopify_id, defaults={"fulfillment": fulfillment, **record.fields}
        )
        if created and event.status == "delivered" and event.happened_at is not None:
            _mark_delivered(fulfillment, event.happened_at)
        return event


def _mark_delivered(fulfillment: Fulfillment, moment) -> None:
    """``delivered_at`` keeps the earliest evidence of delivery (a carrier's delivered scan is earlier
    than, and wins over, the moment Shopify recorded the delivered status), in one UPDATE."""
    if fulfillment.delivered_at is not None and fulfillment.delivered_at <= moment:
        return
    Fulfillment.objects.filter(pk=fulfillment.pk).filter(
        Q(delivered_at__isnull=True) | Q(delivered_at__gt=moment)
    ).update(delivered_at=moment)
    fulfillment.delivered_at = moment
    from support.actions.followup_kinds.delivery_checkin import schedule_checkin  # the kinds import the actions

    schedule_checkin(fulfillment.order_id)  # ask how it went once the order's last parcel is there


def delete_customer(shop: Shop, customer_id: int) -> int:
    """``customers/delete``: drop the mirror row of a shopper deleted in Shopify, unless they have
    conversations with the shop (those stay until retention or a redact request) or the row is a
    redaction tombstone. Returns the number of rows deleted."""
    deleted, _ = Customer.objects.filter(
        shop=shop, shopify_id=customer_id, conversations__isnull=True, redacted_at__isnull=True
    ).delete()
    logger.info("mirror.customer_deleted", extra={"shop_id": shop.pk, "deleted": deleted})
    return deleted
