"""Which order a shopper may see, safely.

A logged-in customer (verified by the app proxy's signature) sees only their own orders: the most
recent one, or the one they name if it is theirs. An anonymous shopper must name the order and give
the email or the postcode on it. A wrong pair answers exactly like an order that does not exist
(same result, same queries), and every anonymous try counts against two limits in Redis
(``ORDER_LOOKUPS_PER_CLIENT``, ``ORDER_LOOKUPS_PER_ORDER``); once over either, the answer is
``LIMITED`` and the database is not read at all."""
import enum
import logging

from shopapp.models import Shop
from support import ratelimits
from support.models import Order
from support.rules.order_lookup import contact_matches, name_candidates
from support.selectors import order_lookup as selectors

logger = logging.getLogger(__name__)


class Lookup(enum.Enum):
    LIMITED = "limited"


LIMITED = Lookup.LIMITED


def find_order_for_shopper(shop: Shop, *, customer_shopify_id: int | None = None, order_name: str | None = None,
                           email: str | None = None, postcode: str | None = None,
                           client_key: str) -> Order | None | Lookup:
    """The order the shopper may see, None (no such order, or not theirs), or ``LIMITED``."""
    if customer_shopify_id is not None:
        names = name_candidates(order_name) if order_name and order_name.strip() else None
        if names == []:
            return None
        return selectors.customer_order(shop, customer_shopify_id, names)
    names = name_candidates(order_name)
    if not names or not ((email or "").strip() or (postcode or "").strip()):
        return None
    if not (ratelimits.allow(ratelimits.ORDER_LOOKUPS_PER_CLIENT, client_key)
            and ratelimits.allow(ratelimits.ORDER_LOOKUPS_PER_ORDER, f"{shop.pk}:{names[0].upper()}")):
        logger.info("order_lookup.limited", extra={"shop_id": shop.pk})
        return LIMITED
    found = None
    for order in selectors.orders_named(shop, names) or [Order(email="", shipping_zip="")]:
        # every candidate is compared (and a stand-in when there is none): one path, one time shape
        if contact_matches(order_email=order.email, order_postcode=order.shipping_zip, email=email,
                           postcode=postcode) and found is None and order.pk is not None:
            found = order
    logger.info("order_lookup.anonymous", extra={"shop_id": shop.pk, "found": found is not None})
    return found
