"""What a store-credit request may ask for right now, over plain values (no ORM): the most one request
on an order would be granted, and up to where it is granted without a supervisor.

The answer is the request check's own (``credit_policy.check_request``) read backwards, so the admin
never offers an amount a request would refuse:

- the order's share left: ``max_order_share`` x the order's total (rounded down) less its counted grants;
- the per-grant cap and the customer's 30-day cap left, which are in the shop's currency: the largest
  amount in the order's currency whose value at the order's rate (``in_shop_currency``, rounded up)
  stays within them;
- the smallest of those, in whole units of the order's currency (no cents for yen);
- ``auto_approve_up_to``: the largest amount whose value stays below ``auto_approve_below`` (None:
  every request waits for a supervisor).

When even the smallest amount would be refused (the requester's role, a cancelled order, nothing left
under a cap), ``refusal`` names the check's reason and ``max_amount`` is zero."""
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from .credit_policy import (
    CENT,
    MAX_AMOUNT,
    Decision,
    PolicyView,
    check_request,
    currency_unit,
    in_shop_currency,
    money,
    order_share_cap,
)

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Allowance:
    max_amount: Decimal  # in the order's currency; zero when nothing may be requested
    auto_approve_up_to: Decimal | None  # in the order's currency; None: every request waits for approval
    order_share_left: Decimal  # what the order's share still leaves, in the order's currency
    per_grant: Decimal | None  # the per-grant cap in the order's currency; None: no cap
    customer_30d_left: Decimal | None  # what the customer's 30-day cap still leaves; None: no cap
    refusal: str | None  # why nothing may be requested now (``check_request``'s reason), else None


@dataclass(frozen=True)
class OrderTerms:
    """The order as the policy counts it (see ``selectors.credit.order_credit_terms``)."""

    total: Decimal | None  # in the credit's currency
    currency: str  # the credit's currency
    shop_total: Decimal | None = None  # the total in the shop's currency; None: the same currency
    cancelled: bool = False


def _unit(currency: str) -> Decimal:
    return max(currency_unit(currency), CENT)


def _floor(amount: Decimal, unit: Decimal) -> Decimal:
    return max((amount / unit).to_integral_value(rounding=ROUND_DOWN) * unit, Decimal(0)).quantize(CENT)


def _shop_value(amount: Decimal, terms: OrderTerms) -> Decimal:
    return in_shop_currency(amount, order_total=terms.total, order_shop_total=terms.shop_total)


def largest_within(cap: Decimal, terms: OrderTerms) -> Decimal:
    """The largest amount in the order's currency (whole units) whose value in the shop's currency is at
    most ``cap`` (in the shop's currency)."""
    unit = _unit(terms.currency)
    if cap < 0:
        return ZERO
    raw = cap
    if terms.shop_total is not None and terms.total and terms.total > 0:
        if terms.shop_total <= 0:  # worth nothing in the shop's currency: no cap of the shop's binds
            return _floor(MAX_AMOUNT, unit)
        raw = cap * terms.total / terms.shop_total
    amount = _floor(raw, unit)
    while amount > 0 and _shop_value(amount, terms) > cap:  # the rate's rounding up: never over the cap
        amount -= unit
    return amount


def _verdict(policy: PolicyView, amount: Decimal, terms: OrderTerms, *, granted_on_order, granted_to_customer_30d,
             requester_role: str | None) -> Decision:
    return check_request(
        policy, amount=amount, currency=terms.currency, reason=policy.reasons[0] if policy.reasons else "",
        order_total=terms.total, order_currency=terms.currency, order_cancelled=terms.cancelled,
        shop_amount=_shop_value(amount, terms) if terms.shop_total is not None else None,
        granted_on_order=granted_on_order, granted_to_customer_30d=granted_to_customer_30d,
        requester_role=requester_role,
    )


def largest_accepted(verdict, low: Decimal, high: Decimal, unit: Decimal) -> Decimal:
    """The largest amount in [low, high) (whole units) the check accepts, ``low`` being accepted: a
    binary search, the check being monotone in the amount."""
    low_units, high_units = int(low / unit), int(high / unit)
    while high_units - low_units > 1:
        middle = (low_units + high_units) // 2
        if verdict((unit * middle).quantize(CENT)).ok:
            low_units = middle
        else:
            high_units = middle
    return (unit * low_units).quantize(CENT)


def allowance(policy: PolicyView, terms: OrderTerms, *, granted_on_order, granted_to_customer_30d,
              requester_role: str | None) -> Allowance:
    """What ``requester_role`` may request on the order now. ``granted_on_order`` is in the order's
    currency, ``granted_to_customer_30d`` in the shop's (as ``check_request`` takes them)."""
    unit = _unit(terms.currency)
    total = money(terms.total) if terms.total is not None else None
    on_order, to_customer = money(granted_on_order) or ZERO, money(granted_to_customer_30d) or ZERO
    share_left = _floor(order_share_cap(policy, total) - on_order, unit) if total and total > 0 else ZERO
    per_grant = largest_within(policy.max_per_grant, terms) if policy.max_per_grant is not None else None
    customer_left = (largest_within(policy.max_per_customer_30d - to_customer, terms)
                     if policy.max_per_customer_30d is not None else None)
    below = policy.auto_approve_below - CENT
    auto = largest_within(below, terms) if below >= 0 else None

    def verdict(amount: Decimal) -> Decision:  # the check a request of ``amount`` would get
        return _verdict(policy, amount, terms, granted_on_order=on_order, granted_to_customer_30d=to_customer,
                        requester_role=requester_role)

    highest = min(limit for limit in (share_left, per_grant, customer_left) if limit is not None)
    refusal = verdict(unit).refusal_reason
    if refusal is None and not verdict(highest).ok:  # belt and braces: never offer what the check refuses
        highest = largest_accepted(verdict, unit, highest, unit)
    return Allowance(
        max_amount=ZERO if refusal else highest, auto_approve_up_to=auto if auto else None,
        order_share_left=share_left, per_grant=per_grant, customer_30d_left=customer_left, refusal=refusal,
    )
