"""The store-credit policy over plain values (no ORM): may this request be granted, does it need a
supervisor, may this role approve, and is a policy the merchant typed valid. Money is ``Decimal``
quantized to cents, never a float.

Currencies: a grant is in its order's currency (the shopper's, where they can spend it). The order
share is a share of that order's total, so it needs no conversion. The money caps of the policy
(``max_per_grant``, ``max_per_customer_30d``, ``auto_approve_below``) are in the shop's currency: the
caller passes the request's value in the shop's currency (``shop_amount``, see ``in_shop_currency``:
the order's own exchange rate, rounded up so a cap is never crossed by rounding) and the customer's
30-day sum in the shop's currency too.

``check_request`` refuses with one reason code, checked in this order:

- ``role_may_not_request``: the requester's role is below the policy's ``request_role`` (the app,
  role ``None``, may always ask: whether it offers credit at all is its own switch);
- ``amount_not_positive``: zero or less after rounding to cents, or not a number;
- ``order_not_creditable``: the order is cancelled or has no total;
- ``reason_not_allowed``: not one of the policy's reasons;
- ``currency_mismatch``: the credit is not in the order's currency;
- ``over_grant_max``: above ``max_per_grant``;
- ``over_order_share``: this grant and every grant on the order that is not rejected or failed
  (pending ones hold their share) above ``max_order_share`` x the order total (rounded down);
- ``over_customer_30d``: the same over the customer's last 30 days above ``max_per_customer_30d``.

An accepted request needs approval when its value is ``auto_approve_below`` or more."""
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, InvalidOperation

from babel.numbers import get_currency_precision

from shopapp.models.staff import ROLE_RANK, Role
from shopapp.refusals import Refused
from support.models.credit import CreditInstrument, CreditReason

CENT = Decimal("0.01")
SHARE_STEP = Decimal("0.0001")
MAX_AMOUNT = Decimal("9999999999.99")  # the columns' 12 digits
MAX_EXPIRY_DAYS = 3650
REASONS = tuple(reason.value for reason in CreditReason)
ROLES = tuple(role.value for role in Role)
INSTRUMENTS = tuple(instrument.value for instrument in CreditInstrument)
COUNTED_DAYS = 30


@dataclass(frozen=True)
class PolicyView:
    """A shop's policy as plain values; the defaults are the model's (a shop without a row)."""

    max_order_share: Decimal = Decimal("0.15")
    max_per_grant: Decimal | None = None
    max_per_customer_30d: Decimal | None = None
    auto_approve_below: Decimal = Decimal("10.00")
    reasons: tuple[str, ...] = REASONS
    expiry_days: int | None = None
    request_role: str = Role.AGENT.value
    approve_role: str = Role.SUPERVISOR.value
    instrument: str = CreditInstrument.STORE_CREDIT.value
    offer_late_orders: bool = False
    feedback_first: bool = False


@dataclass(frozen=True)
class Decision:
    ok: bool
    refusal_reason: str | None = None
    needs_approval: bool = False


def currency_unit(currency: str) -> Decimal:
    """The smallest amount of ``currency`` (ISO 4217 minor units, from Babel): 0.01 for EUR, 1 for JPY."""
    return Decimal(1).scaleb(-get_currency_precision(currency.upper())) if currency else CENT


def money(value) -> Decimal | None:
    """``value`` (Decimal, int or numeric string) rounded half up to cents; None when it is not a
    finite number. A float is refused: money never passes through binary floating point."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        return None
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
        return amount.quantize(CENT, rounding=ROUND_HALF_UP) if amount.is_finite() else None
    except (InvalidOperation, TypeError, ValueError):  # not a number, or too many digits for cents
        return None


def in_shop_currency(amount: Decimal, *, order_total: Decimal | None, order_shop_total: Decimal | None) -> Decimal:
    """``amount`` (in the order's currency) in the shop's, at the order's own rate, rounded up to cents.
    Without both totals the order is taken to be in the shop's currency."""
    if not order_total or order_shop_total is None or order_total <= 0:
        return amount
    return (amount * order_shop_total / order_total).quantize(CENT, rounding=ROUND_UP)


def order_share_cap(policy: PolicyView, order_total: Decimal) -> Decimal:
    """The most all grants on one order may add up to (rounded down: never above the share)."""
    return (policy.max_order_share * order_total).quantize(CENT, rounding=ROUND_DOWN)


def role_at_least(role: str | None, minimum: str) -> bool:
    return role in ROLE_RANK and ROLE_RANK[Role(role)] >= ROLE_RANK[Role(minimum)]


def may_approve(policy: PolicyView, role: str | None) -> bool:
    return role_at_least(role, policy.approve_role)


def customer_refusal(*, shopify_id, erased: bool) -> str | None:
    """Why no credit can go to a customer at all (no Shopify account to credit, or erased), else None."""
    return "customer_has_no_account" if shopify_id is None or erased else None


def check_request(policy: PolicyView, *, amount, currency: str, reason: str, order_total, order_currency: str,
                  granted_on_order, granted_to_customer_30d, requester_role: str | None,
                  order_cancelled: bool = False, shop_amount=None) -> Decision:
    """Whether this request may become a grant (see the module's docstring for the order of refusals).
    ``granted_on_order`` is in the order's currency, ``granted_to_customer_30d`` and ``shop_amount``
    (None: the order is in the shop's currency) in the shop's."""
    amount, order_total = money(amount), money(order_total)
    refusal = _refusal(policy, amount=amount, currency=currency, reason=reason, order_total=order_total,
                       order_currency=order_currency, requester_role=requester_role, order_cancelled=order_cancelled)
    if refusal:
        return Decision(False, refusal)
    value = money(shop_amount) if shop_amount is not None else amount
    if policy.max_per_grant is not None and value > policy.max_per_grant:
        return Decision(False, "over_grant_max")
    if (money(granted_on_order) or 0) + amount > order_share_cap(policy, order_total):
        return Decision(False, "over_order_share")
    customer_cap = policy.max_per_customer_30d
    if customer_cap is not None and (money(granted_to_customer_30d) or 0) + value > customer_cap:
        return Decision(False, "over_customer_30d")
    return Decision(True, None, needs_approval=value >= policy.auto_approve_below)


def _refusal(policy: PolicyView, *, amount, currency, reason, order_total, order_currency, requester_role,
             order_cancelled) -> str | None:
    if requester_role is not None and not role_at_least(requester_role, policy.request_role):
        return "role_may_not_request"
    if amount is None or amount <= 0:
        return "amount_not_positive"
    if order_cancelled or order_total is None or order_total <= 0:
        return "order_not_creditable"
    if reason not in policy.reasons:
        return "reason_not_allowed"
    if not currency or not order_currency or currency.upper() != order_currency.upper():
        return "currency_mismatch"
    if amount != amount.quantize(currency_unit(currency)):  # e.g. 7.50 JPY: yen have no cents
        return "amount_not_in_currency_units"
    return None


# --- the merchant's policy ------------------------------------------------------------------------

class PolicyInvalid(Refused):
    """A policy that may not be stored; ``fields`` names the reason code of each field at fault."""

    def __init__(self, fields: Mapping[str, str]):
        super().__init__(next(iter(fields.values())))
        self.fields = dict(fields)


def validate_policy(data: Mapping) -> dict:
    """The fields of ``data`` in the stored shape; fields left out are not returned (they keep their
    value). Raises ``PolicyInvalid`` naming every field at fault (``unknown_field``, ``invalid_share``:
    0 < share <= 1 in steps of 0.0001, ``invalid_amount``: 0 or more in whole cents, ``invalid_reasons``: a
    non-empty list of known reasons, ``invalid_role``, ``invalid_expiry``: whole days 1-3650 or null,
    ``invalid_instrument``, ``invalid_switch``: true or false)."""
    if not isinstance(data, Mapping):
        raise PolicyInvalid({"policy": "invalid_policy"})
    values, errors = {}, {}
    for name, value in data.items():
        check = _CHECKS.get(name)
        if check is None:
            errors[name] = "unknown_field"
            continue
        ok, clean, code = check(value)
        if ok:
            values[name] = clean
        else:
            errors[name] = code
    if errors:
        raise PolicyInvalid(errors)
    return values


def _amount(value, *, nullable: bool):
    if value is None:
        return nullable, None, "invalid_amount"
    if isinstance(value, float):  # a JSON number: its shortest decimal spelling
        value = repr(value)
    parsed = money(value)
    exact = parsed is not None and Decimal(str(value).strip()) == parsed
    return (exact and Decimal(0) <= parsed <= MAX_AMOUNT), parsed, "invalid_amount"


def _share(value):
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float | str):
        return False, None, "invalid_share"
    try:
        share = Decimal(repr(value) if isinstance(value, float) else str(value).strip())
    except InvalidOperation:
        return False, None, "invalid_share"
    ok = share.is_finite() and Decimal(0) < share <= 1 and share == share.quantize(SHARE_STEP)
    return ok, share.quantize(SHARE_STEP) if ok else None, "invalid_share"


def _reasons(value):
    if not isinstance(value, list | tuple) or not value or not all(isinstance(code, str) for code in value):
        return False, None, "invalid_reasons"
    if not set(value) <= set(REASONS):
        return False, None, "invalid_reasons"
    return True, [code for code in REASONS if code in value], "invalid_reasons"


def _expiry(value):
    if value is None:
        return True, None, "invalid_expiry"
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_EXPIRY_DAYS
    return ok, value, "invalid_expiry"


def _choice(choices, code):
    return lambda value: (isinstance(value, str) and value in choices, value, code)


def _switch(value):
    return isinstance(value, bool), value, "invalid_switch"


_CHECKS = {
    "max_order_share": _share,
    "max_per_grant": lambda value: _amount(value, nullable=True),
    "max_per_customer_30d": lambda value: _amount(value, nullable=True),
    "auto_approve_below": lambda value: _amount(value, nullable=False),
    "reasons": _reasons,
    "expiry_days": _expiry,
    "request_role": _choice(ROLES, "invalid_role"),
    "approve_role": _choice(ROLES, "invalid_role"),
    "instrument": _choice(INSTRUMENTS, "invalid_instrument"),
    "offer_late_orders": _switch,
    "feedback_first": _switch,
}
FIELDS = tuple(_CHECKS)
