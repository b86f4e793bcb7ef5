"""The bot's answer to "where is my order?": find the shopper's order safely (``order_lookup``, which
counts anonymous tries against the rate limits) and describe it from the mirror (``selectors.wismo``)."""
from dataclasses import dataclass

from shopapp.models import Shop
from support.actions.order_lookup import LIMITED, find_order_for_shopper
from support.rules import wismo
from support.rules.order_lookup import name_candidates
from support.selectors.wismo import wismo_answer


@dataclass(frozen=True)
class OrderAnswer:
    lookup: str  # "found", "not_found", "no_details" or "limited" (``rules.autoresponder.OrderLookup``)
    text: str | None = None
    answer: wismo.WismoAnswer | None = None


def order_answer(shop: Shop, *, customer_shopify_id: int | None = None, order_name: str | None = None,
                 email: str | None = None, postcode: str | None = None, client_key: str,
                 language: str | None = None, overrides=None) -> OrderAnswer:
    """The bot's order lookup: an anonymous shopper who has not yet given an order name and an email or
    postcode gets ``no_details`` (nothing counted); otherwise the lookup's outcome and the answer, in
    the shop's wording where it has one (``overrides``, see ``selectors.reply_texts``)."""
    if customer_shopify_id is None and not (
            name_candidates(order_name) and ((email or "").strip() or (postcode or "").strip())):
        return OrderAnswer("no_details")
    order = find_order_for_shopper(shop, customer_shopify_id=customer_shopify_id, order_name=order_name,
                                   email=email, postcode=postcode, client_key=client_key)
    if order is LIMITED:
        return OrderAnswer("limited")
    if order is None:
        return OrderAnswer("not_found")
    answer = wismo_answer(order, language=language, overrides=overrides)
    return OrderAnswer("found", answer.text, answer)
