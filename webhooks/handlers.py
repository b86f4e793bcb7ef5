"""Topic -> handler. A handler takes the delivery and calls one action; nothing else.

Personal data is not kept where it is not needed: a delivery for a shop we do not know (never
installed, or redacted) and a delivery about a shopper who was redacted keep only their ids.

A drain runs a batch of deliveries in one transaction (``actions.process_batch``): inside
``batch_shops()`` each shop is looked up once per batch, and the topics in ``ALONE`` (they change
what other deliveries read: the shop row, other deliveries' payloads) get a batch of their own."""
import logging
from contextlib import contextmanager
from contextvars import ContextVar

from shopapp.actions.shops import deactivate_shop
from shopapp.models import Shop
from support import payloads
from support.actions import mirror, privacy

from .privacy import scrub_delivery

logger = logging.getLogger(__name__)


_batch_shops: ContextVar[dict | None] = ContextVar("webhook_batch_shops", default=None)


@contextmanager
def batch_shops():
    """Within this block (one transaction) a shop found, or not found, is looked up once."""
    token = _batch_shops.set({})
    try:
        yield
    finally:
        _batch_shops.reset(token)


def _shop(delivery):
    known = _batch_shops.get()
    if known is not None and delivery.shop_domain in known:
        shop = known[delivery.shop_domain]
    else:
        shop = Shop.objects.filter(domain=delivery.shop_domain).first()
        if known is not None:
            known[delivery.shop_domain] = shop
    if shop is None:
        logger.info("webhooks.delivery.unknown_shop", extra={"delivery_id": delivery.pk, "topic": delivery.topic})
        scrub_delivery(delivery)
    return shop


def _scrub_if_redacted(delivery, customer):
    if customer is not None and customer.redacted_at is not None:
        scrub_delivery(delivery)


def order(delivery):
    if shop := _shop(delivery):
        row = mirror.apply_order(shop, payloads.order_from_webhook(delivery.payload))
        _scrub_if_redacted(delivery, row.customer)
        if row.redacted_at is not None:
            scrub_delivery(delivery)


def fulfillment(delivery):
    if shop := _shop(delivery):
        mirror.apply_fulfillment(shop, payloads.fulfillment_from_webhook(delivery.payload))


def fulfillment_event(delivery):
    if shop := _shop(delivery):
        mirror.apply_fulfillment_event(shop, payloads.event_from_webhook(delivery.payload))


def customer(delivery):
    if shop := _shop(delivery):
        _scrub_if_redacted(delivery, mirror.apply_customer(shop, payloads.customer_from_webhook(delivery.payload)))


def customer_deleted(delivery):
    if shop := _shop(delivery):
        mirror.delete_customer(shop, payloads.require_id(delivery.payload.get("id"), "customer"))


def app_uninstalled(delivery):
    deactivate_shop(delivery.shop_domain)


def data_request(delivery):
    privacy.export_customer_data(delivery.shop_domain, delivery.payload)


def customer_redact(delivery):
    privacy.redact_customer(delivery.shop_domain, delivery.payload)


def shop_redact(delivery):
    privacy.redact_shop(delivery.shop_domain, delivery.payload)


HANDLERS = {
    "orders/create": order,
    "orders/updated": order,
    "orders/cancelled": order,
    "orders/fulfilled": order,
    "orders/paid": order,
    "fulfillments/create": fulfillment,
    "fulfillments/update": fulfillment,
    "fulfillment_events/create": fulfillment_event,
    "customers/create": customer,
    "customers/update": customer,
    "customers/delete": customer_deleted,
    "app/uninstalled": app_uninstalled,
    "customers/data_request": data_request,
    "customers/redact": customer_redact,
    "shop/redact": shop_redact,
}

ALONE = {"app/uninstalled", "customers/data_request", "customers/redact", "shop/redact"}
