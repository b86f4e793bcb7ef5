"""What a store-credit request may ask for: exact figures, and never an amount the request check refuses."""
from dataclasses import replace
from decimal import Decimal

import pytest

from support.rules.credit_allowance import Allowance, OrderTerms, allowance, largest_accepted, largest_within
from support.rules.credit_policy import Decision, PolicyView, check_request, in_shop_currency

D = Decimal
USD_100 = OrderTerms(total=D("100.00"), currency="USD")
DEFAULTS = PolicyView()


def shop_value(amount, terms):
    if terms.shop_total is None:
        return None
    return in_shop_currency(amount, order_total=terms.total, order_shop_total=terms.shop_total)


def allowed(policy=DEFAULTS, terms=USD_100, *, on_order="0", to_customer="0", role="agent"):
    return allowance(policy, terms, granted_on_order=D(on_order), granted_to_customer_30d=D(to_customer),
                     requester_role=role)


def test_the_defaults_allow_the_orders_share_and_auto_approve_below_ten():
    assert allowed() == Allowance(max_amount=D("15.00"), auto_approve_up_to=D("9.99"), order_share_left=D("15.00"),
                                  per_grant=None, customer_30d_left=None, refusal=None)


def test_the_smallest_limit_wins():
    assert allowed(on_order="12.00").max_amount == D("3.00")
    policy = PolicyView(max_per_grant=D("8.00"), max_per_customer_30d=D("20.00"))
    assert allowed(policy) == Allowance(max_amount=D("8.00"), auto_approve_up_to=D("9.99"),
                                        order_share_left=D("15.00"), per_grant=D("8.00"),
                                        customer_30d_left=D("20.00"), refusal=None)
    assert allowed(policy, to_customer="15.50") == Allowance(
        max_amount=D("4.50"), auto_approve_up_to=D("9.99"), order_share_left=D("15.00"), per_grant=D("8.00"),
        customer_30d_left=D("4.50"), refusal=None)


def test_caps_in_the_shops_currency_are_converted_at_the_orders_rate_never_crossing_them():
    # 333.33 EUR paid, 100.00 USD to the shop: 33.34 EUR would be worth 10.01 USD (rounded up)
    terms = OrderTerms(total=D("333.33"), currency="EUR", shop_total=D("100.00"))
    assert largest_within(D("10.00"), terms) == D("33.33")
    assert in_shop_currency(D("33.33"), order_total=terms.total, order_shop_total=terms.shop_total) == D("10.00")
    result = allowed(PolicyView(max_per_grant=D("10.00")), terms)
    assert (result.max_amount, result.per_grant, result.order_share_left, result.auto_approve_up_to) == (
        D("33.33"), D("33.33"), D("49.99"), D("33.29"))


def test_an_order_worth_nothing_in_the_shops_currency_is_bounded_by_its_share_only():
    terms = OrderTerms(total=D("50.00"), currency="EUR", shop_total=D("0.00"))
    result = allowed(PolicyView(max_per_grant=D("10.00")), terms)
    assert (result.max_amount, result.refusal) == (D("7.50"), None)


def test_amounts_are_whole_units_of_the_orders_currency():
    terms = OrderTerms(total=D("9999"), currency="JPY")
    result = allowed(PolicyView(auto_approve_below=D("1000.00")), terms)
    assert (result.max_amount, result.order_share_left, result.auto_approve_up_to) == (
        D("1499.00"), D("1499.00"), D("999.00"))


def test_the_largest_accepted_amount_is_found_by_the_check_itself():
    def verdict(amount):
        return Decision(amount <= D("7.37"))

    assert largest_accepted(verdict, D("0.01"), D("100.00"), D("0.01")) == D("7.37")
    assert largest_accepted(verdict, D("1"), D("9000"), D("1")) == D("7.00")


def test_a_zero_threshold_means_every_request_waits():
    assert allowed(PolicyView(auto_approve_below=D("0.00"))).auto_approve_up_to is None


@pytest.mark.parametrize(("policy", "terms", "on_order", "role", "reason"), [
    (PolicyView(request_role="supervisor"), USD_100, "0", "agent", "role_may_not_request"),
    (PolicyView(), OrderTerms(total=D("100.00"), currency="USD", cancelled=True), "0", "agent",
     "order_not_creditable"),
    (PolicyView(), OrderTerms(total=None, currency="USD"), "0", "agent", "order_not_creditable"),
    (PolicyView(), USD_100, "15.00", "agent", "over_order_share"),
])
def test_nothing_is_offered_when_even_the_smallest_request_is_refused(policy, terms, on_order, role, reason):
    result = allowed(policy, terms, on_order=on_order, role=role)
    assert (result.max_amount, result.refusal) == (D("0.00"), reason)


@pytest.mark.parametrize("terms", [
    USD_100, OrderTerms(total=D("87.13"), currency="EUR", shop_total=D("93.41")),
    OrderTerms(total=D("1234.56"), currency="CAD", shop_total=D("901.23")),
    OrderTerms(total=D("15321"), currency="JPY", shop_total=D("101.17")),
])
@pytest.mark.parametrize("policy", [
    PolicyView(), PolicyView(max_per_grant=D("7.77")), PolicyView(max_per_customer_30d=D("25.00")),
    PolicyView(max_order_share=D("0.3333"), auto_approve_below=D("4.44"), max_per_grant=D("50.00")),
])
@pytest.mark.parametrize("to_customer", ["0", "3.17"])
def test_the_offer_is_exactly_the_edge_of_what_a_request_is_granted(terms, policy, to_customer):
    result = allowed(policy, terms, on_order="1.00", to_customer=to_customer)
    unit = D("1.00") if terms.currency == "JPY" else D("0.01")

    def verdict(amount):
        return check_request(policy, amount=amount, currency=terms.currency, reason="late_delivery",
                             order_total=terms.total, order_currency=terms.currency, granted_on_order=D("1.00"),
                             granted_to_customer_30d=D(to_customer), requester_role="agent",
                             shop_amount=shop_value(amount, terms))

    assert result.refusal is None and result.max_amount > 0
    assert verdict(result.max_amount).ok and not verdict(result.max_amount + unit).ok
    # the threshold alone (no cap in the way): up to it at once, one unit more waits for a supervisor
    uncapped = replace(policy, max_order_share=D("1"), max_per_grant=None, max_per_customer_30d=None)
    at, above = (check_request(uncapped, amount=amount, currency=terms.currency, reason="late_delivery",
                               order_total=terms.total, order_currency=terms.currency, granted_on_order=0,
                               granted_to_customer_30d=0, requester_role="agent",
                               shop_amount=shop_value(amount, terms))
                 for amount in (result.auto_approve_up_to, result.auto_approve_up_to + unit))
    assert (at.ok, at.needs_approval, above.ok, above.needs_approval) == (True, False, True, True)
