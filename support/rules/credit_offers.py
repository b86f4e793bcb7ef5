"""How much store credit the app offers for a late order. Pure: plain values in, no ORM.

The offer is the policy's share of the order's total (rounded down to cents), capped by the policy's
``max_per_grant``. The order's total is in the order's currency (the grant's); ``max_per_grant`` is in
the shop's, so the cap is converted at the order's own rate, rounded down: its value in the shop's
currency (``credit_policy.in_shop_currency``, rounded up) is then within the cap, and the request
never fails the cap by a rounding cent. The other caps (what the order and the customer were
already granted) are the request's check, not the offer's: an offer they refuse is only logged."""
from decimal import ROUND_DOWN, Decimal

from .credit_policy import CENT, PolicyView, currency_unit, money, order_share_cap


def offer_amount(policy: PolicyView, *, order_total: Decimal | None,
                 order_shop_total: Decimal | None = None, currency: str = "") -> Decimal | None:
    """The amount to offer in the order's currency (rounded down to its units: whole yen), or None when
    there is nothing to offer (no total, a share that rounds to zero, a cap of zero).
    ``order_shop_total``: the same total in the shop's currency (None when the order is in the shop's
    currency). Totals may be numeric strings."""
    order_total, order_shop_total = money(order_total), money(order_shop_total)
    if order_total is None or order_total <= 0:
        return None
    amount = order_share_cap(policy, order_total)
    if policy.max_per_grant is not None:
        amount = min(amount, _grant_cap(policy.max_per_grant, order_total=order_total,
                                        order_shop_total=order_shop_total))
    amount = amount.quantize(currency_unit(currency), rounding=ROUND_DOWN)  # whole yen, cents of euros
    return amount if amount > 0 else None


def _grant_cap(cap: Decimal, *, order_total: Decimal, order_shop_total: Decimal | None) -> Decimal:
    """The most that is worth at most ``cap`` in the shop's currency, in the order's currency: rounded
    down, so converted back at the same rate and rounded up to cents it is still within ``cap``."""
    if not order_shop_total or order_shop_total <= 0:
        return cap
    return (cap * order_total / order_shop_total).quantize(CENT, rounding=ROUND_DOWN)
