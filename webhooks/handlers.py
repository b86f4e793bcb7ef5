"""Topic -> handler. A handler takes the delivery and calls one action; nothing else. A handler
for a shop we do not know (never installed, or redacted) returns without doing anything."""
import logging

from shopapp.actions.shops import deactivate_shop
from shopapp.models import Shop
from support import payloads
from support.actions import mirror

logger = logging.getLogger(__name__)


def _shop(delivery):
    shop = Shop.objects.filter(domain=delivery.shop_domain).first()
    if shop is None:
        logger.info("webhooks.delivery.unknown_shop", extra={"delivery_id": delivery.pk, "topic": delivery.topic})
    return shop


def order(delivery):
    if shop := _shop(delivery):
        mirror.apply_order(shop, payloads.order_from_webhook(delivery.payload))


def fulfillment(delivery):
    if shop := _shop(delivery):
        mirror.apply_fulfillment(shop, payloads.fulfillment_from_webhook(delivery.payload))


def fulfillment_event(delivery):
    if shop := _shop(delivery):
        mirror.apply_fulfillment_event(shop, payloads.event_from_webhook(delivery.payload))


def customer(delivery):
    if shop := _shop(delivery):
        mirror.apply_customer(shop, payloads.customer_from_webhook(delivery.payload))


def customer_deleted(delivery):
    if shop := _shop(delivery):
        mirror.delete_customer(shop, payloads.require_id(delivery.payload.get("id"), "customer"))


def app_uninstalled(delivery):
    deactivate_shop(delivery.shop_domain)


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
}
