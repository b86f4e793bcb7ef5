"""Writes to the store mirror. Every upsert is idempotent and out-of-order safe: a record older than
(or as old as) what is stored changes nothing, children arriving before their parents create
placeholders, and redacted customers and orders never get their personal data back.

Webhook handlers and the reconciliation task both call ``apply_order`` & co. with records from
``support.payloads``.

On PostgreSQL the common writes are one statement each (``mirror_sql``: a new or strictly newer row
is one ``INSERT ... ON CONFLICT DO UPDATE ... WHERE``); what that statement holds back (not newer,
redacted, an order whose customer changes) is decided here, by the same rules as the ORM path that
other databases take."""
import logging

from django.db import transaction
from django.db.models import Q

from shopapp.models import Shop
from support.models import Customer, Fulfillment, FulfillmentEvent, Order
from support.payloads import EventRecord, FulfillmentRecord, OrderRecord, Record

from . import mirror_sql

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


# The statements' guards hold back exactly what the Python rules below would not write in full.
_CUSTOMERS = mirror_sql.Table(Customer, returning=("shopify_updated_at", "redacted_at"),
                              guard=f"t.redacted_at IS NULL AND {mirror_sql.NEWER}",
                              conflict_where=" WHERE shopify_id IS NOT NULL")
_ORDERS = mirror_sql.Table(Order, returning=("customer_id", "shopify_updated_at", "redacted_at"),
                           guard=f"t.redacted_at IS NULL AND {mirror_sql.NEWER}"
                                 " AND (excluded.customer_id IS NULL OR t.customer_id = excluded.customer_id)")
_FULFILLMENTS = mirror_sql.Table(Fulfillment, returning=("order_id", "shopify_updated_at", "delivered_at"),
                                 guard=mirror_sql.NEWER)
_EVENTS = mirror_sql.Table(FulfillmentEvent, returning=("fulfillment_id",))


def apply_customer(shop: Shop, record: Record) -> Customer:
    with transaction.atomic(savepoint=False):
        if mirror_sql.enabled():
            # Many orders share a customer: the row is locked only when it is written, so that two
            # drainers' transactions never wait on each other for a customer neither changes.
            return _CUSTOMERS.read_or_write(
                shop.pk, record.shopify_id, record.fields, record.updated_at,
                applies=lambda row: row.redacted_at is None and _is_newer(record, row.shopify_updated_at),
            )
        row = _locked(Customer, shop, record.shopify_id, _new_fields(record))
        if row.redacted_at is None:
            _write(row, record, CUSTOMER_PERSONAL_FIELDS)
        return row


def _order_row(shop: Shop, order_id: int) -> Order:
    if mirror_sql.enabled():
        return _ORDERS.locked(shop.pk, order_id)
    return _locked(Order, shop, order_id, {})


def _relinks(row: Order, record: OrderRecord, customer: Customer | None) -> bool:
    """The order's customer follows the newest record, and fills in a missing link from any."""
    return (
        customer is not None
        and row.customer_id != customer.pk
        and (row.customer_id is None or _is_newer(record, row.shopify_updated_at))
    )


def _write_order(shop: Shop, record: OrderRecord, customer: Customer | None) -> tuple[Order, bool]:
    """The order row written (locked), and whether its customer link changed."""
    if mirror_sql.enabled():
        customer_id = customer.pk if customer is not None else None
        row = _ORDERS.upsert(shop.pk, record.shopify_id, record.fields, record.updated_at, customer_id=customer_id)
        if row is not None:
            return row, False  # new, or newer with the same customer and not redacted
        row = _ORDERS.read(shop.pk, record.shopify_id)
        if not _is_newer(record, row.shopify_updated_at) and not _relinks(row, record, customer):
            return row, False  # an old or repeated version: nothing changes
    row = _locked(Order, shop, record.shopify_id, {**_new_fields(record), "customer": customer})
    relink = _relinks(row, record, customer)
    if relink:
        row.customer = customer
    if not _write(row, record, ORDER_PERSONAL_FIELDS, also=("customer",) if relink else ()) and relink:
        row.save(update_fields=["customer", "updated_at"])
    return row, relink


def apply_order(shop: Shop, record: OrderRecord) -> Order:
    with transaction.atomic(savepoint=False):
        customer = apply_customer(shop, record.customer) if record.customer else None
        row, relink = _write_order(shop, record, customer)
        if customer is not None and row.customer_id == customer.pk:
            row.customer = customer  # the caller reads it: no query to fetch it again
        for fulfillment in record.fulfillments:
            apply_fulfillment(shop, fulfillment, order=row)
        if relink and row.fulfillments.exclude(delivered_at=None).exists():
            # A delivery that arrived before its order had no customer to ask; now there is one.
            from support.actions.followup_kinds.delivery_checkin import schedule_checkin  # the kinds import this

            schedule_checkin(row.pk)
        return row


def apply_fulfillment(shop: Shop, record: FulfillmentRecord, *, order: Order | None = None) -> Fulfillment:
    """``order``: the order row the caller holds locked, used when it is the record's order."""
    with transaction.atomic(savepoint=False):
        if order is None or order.shopify_id != record.order_id:
            order = _order_row(shop, record.order_id)
        if mirror_sql.enabled():
            # Held back means not newer: a fulfillment has nothing else to decide.
            row = (_FULFILLMENTS.upsert(shop.pk, record.shopify_id, record.fields, record.updated_at,
                                        order_id=order.pk)
                   or _FULFILLMENTS.read(shop.pk, record.shopify_id))
        else:
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
        if mirror_sql.enabled():
            fulfillment, _ = _FULFILLMENTS.existing_or_new(shop.pk, record.fulfillment_id, order_id=order.pk)
            event, created = _EVENTS.existing_or_new(shop.pk, record.shopify_id, fulfillment_id=fulfillment.pk,
                                                     **record.fields)
            status, happened_at = record.fields.get("status"), record.fields.get("happened_at")
        else:
            fulfillment, _ = Fulfillment.objects.get_or_create(
                shop=shop, shopify_id=record.fulfillment_id, defaults={"order": order}
            )
            event, created = FulfillmentEvent.objects.get_or_create(
                shop=shop, shopify_id=record.shopify_id, defaults={"fulfillment": fulfillment, **record.fields}
            )
            status, happened_at = event.status, event.happened_at
        if created and status == "delivered" and happened_at is not None:
            _mark_delivered(fulfillment, happened_at)
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
