"""Writes of shoppers as the chat widget sees them: a logged-in Shopify customer (verified through
the app proxy) or an anonymous visitor (signed visitor token), with what the pre-chat form gave."""
from django.db import transaction

from shopapp.models import Shop
from support.models import Customer


def shopper_for(shop: Shop, *, shopify_customer_id: int | None, visitor_id: str | None, name: str = "",
                email: str = "", locale: str = "", time_zone: str = "") -> Customer:
    """The shopper's row, with what the pre-chat form and the browser gave; the browser's time zone
    (checked by the caller) replaces an older one: it is where the shopper is now."""
    with transaction.atomic():
        if shopify_customer_id is not None:
            customer, _ = Customer.objects.select_for_update().get_or_create(shop=shop, shopify_id=shopify_customer_id)
        else:
            customer, _ = Customer.objects.select_for_update().get_or_create(shop=shop, visitor_id=visitor_id)
        if customer.redacted_at is None:
            changed = []
            if name and not customer.first_name:
                customer.first_name, _, customer.last_name = name.strip()[:255].partition(" ")
                changed += ["first_name", "last_name"]
            if email and not customer.email:
                customer.email = email[:254]
                changed.append("email")
            if locale and not customer.locale:
                customer.locale = locale[:16]
                changed.append("locale")
            if time_zone and customer.time_zone != time_zone:
                customer.time_zone = time_zone[:64]
                changed.append("time_zone")
            if changed:
                customer.save(update_fields=[*changed, "updated_at"])
        return customer
