"""The late-order offer: the policy's share of the order's total, rounded down, capped by the grant
maximum (in the shop's currency, converted at the order's rate) and never over either cap."""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support.rules.credit_offers import offer_amount
from support.rules.credit_policy import PolicyView, check_request, in_shop_currency, order_share_cap

D = Decimal


@pytest.mark.parametrize(("policy", "total", "shop_total", "expected"), [
    (PolicyView(), D("42.50"), None, D("6.37")),  # 15 % of 42.50 = 6.375, rounded down
    (PolicyView(max_order_share=D("0.1")), D("42.50"), D("42.50"), D("4.25")),
    (PolicyView(max_per_grant=D("20.00")), D("200.00"), None, D("20.00")),
    (PolicyView(max_per_grant=D("50.00")), D("200.00"), None, D("30.00")),  # the share is lower
    (PolicyView(max_per_grant=D("10.00")), D("100.00"), D("110.00"), D("9.09")),  # EUR order, USD cap
    (PolicyView(max_per_grant=D("10.00")), D("10000.00"), D("70.00"), D("1428.57")),  # JPY order: 15 % = 1500
])
def test_offer_is_the_share_capped_by_the_grant_maximum(policy, total, shop_total, expected):
    assert offer_amount(policy, order_total=total, order_shop_total=shop_total) == expected


@pytest.mark.parametrize(("policy", "total"), [
    (PolicyView(), None),
    (PolicyView(), D("0.00")),
    (PolicyView(), D("0.06")),  # 15 % rounds down to nothing
    (PolicyView(max_per_grant=D("0.00")), D("100.00")),
])
def test_nothing_to_offer(policy, total):
    assert offer_amount(policy, order_total=total, order_shop_total=total) is None


cents = st.integers(min_value=1, max_value=10_000_000).map(lambda n: D(n) / 100)


@given(total=cents, shop_total=cents, cap=st.one_of(st.none(), cents),
       share=st.integers(min_value=1, max_value=10_000).map(lambda n: D(n) / 10_000))
def test_an_offer_never_fails_the_grant_cap_or_the_order_share(total, shop_total, cap, share):
    policy = PolicyView(max_order_share=share, max_per_grant=cap, auto_approve_below=D("0.01"))
    amount = offer_amount(policy, order_total=total, order_shop_total=shop_total)
    if amount is None:
        return
    assert amount > 0 and amount == amount.quantize(D("0.01"))
    assert amount <= order_share_cap(policy, total)
    if cap is not None:
        assert in_shop_currency(amount, order_total=total, order_shop_total=shop_total) <= cap
    decision = check_request(policy, amount=amount, currency="EUR", reason="late_delivery", order_total=total,
                             order_currency="EUR", granted_on_order=D(0), granted_to_customer_30d=D(0),
                             requester_role=None,
                             shop_amount=in_shop_currency(amount, order_total=total, order_shop_total=shop_total))
    assert (decision.ok, decision.refusal_reason) == (True, None)


def test_an_offer_in_yen_is_whole_yen():
    from support.rules.credit_policy import PolicyView

    assert offer_amount(PolicyView(), order_total="12345", currency="JPY") == Decimal("1851")
    assert offer_amount(PolicyView(), order_total="123.45", currency="EUR") == Decimal("18.51")
