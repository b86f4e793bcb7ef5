"""The store-credit policy over plain values: every refusal in its order, the caps at their edges,
money in cents (never a float), the approval threshold, roles, the merchant's policy validation, and
a property: whatever the requests, the accepted ones never add up past a cap."""
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.models import CreditPolicy
from support.rules.credit_policy import (
    Decision,
    PolicyInvalid,
    PolicyView,
    check_request,
    in_shop_currency,
    may_approve,
    money,
    order_share_cap,
    validate_policy,
)
from support.selectors.credit import policy_view

D = Decimal
POLICY = PolicyView(max_per_grant=D("40.00"), max_per_customer_30d=D("60.00"))


def ask(policy=POLICY, **overrides):
    values = {"amount": "5.00", "currency": "EUR", "reason": "late_delivery", "order_total": "100.00",
              "order_currency": "EUR", "granted_on_order": D("0"), "granted_to_customer_30d": D("0"),
              "requester_role": "agent", **overrides}
    return check_request(policy, **values)


def test_the_views_defaults_are_the_models():
    assert policy_view(CreditPolicy()) == PolicyView()
    assert PolicyView().reasons == ("late_delivery", "damaged_item", "wrong_item", "goodwill_feedback",
                                    "service_recovery")


def test_a_small_request_within_every_cap_is_granted_without_approval():
    decision = ask()
    assert (decision.ok, decision.refusal_reason, decision.needs_approval) == (True, None, False)


@pytest.mark.parametrize("overrides, reason", [
    ({"requester_role": "agent", "policy": PolicyView(request_role="supervisor")}, "role_may_not_request"),
    ({"requester_role": "intern"}, "role_may_not_request"),
    ({"requester_role": "agent", "amount": "0", "policy": PolicyView(request_role="supervisor")},
     "role_may_not_request"),  # the role comes first: nothing else is said to someone who may not ask
    ({"amount": "0"}, "amount_not_positive"),
    ({"amount": "-5.00"}, "amount_not_positive"),
    ({"amount": "0.004"}, "amount_not_positive"),  # rounds to 0.00
    ({"amount": 5.0}, "amount_not_positive"),  # a float is not money
    ({"amount": "NaN"}, "amount_not_positive"),
    ({"amount": "Infinity"}, "amount_not_positive"),
    ({"amount": None}, "amount_not_positive"),
    ({"amount": "five"}, "amount_not_positive"),
    ({"order_total": None}, "order_not_creditable"),
    ({"order_total": "0.00"}, "order_not_creditable"),
    ({"order_cancelled": True}, "order_not_creditable"),
    ({"reason": "bribe"}, "reason_not_allowed"),
    ({"reason": "late_delivery", "policy": PolicyView(reasons=("damaged_item",))}, "reason_not_allowed"),
    ({"currency": "USD"}, "currency_mismatch"),
    ({"currency": ""}, "currency_mismatch"),
    ({"amount": "40.01"}, "over_grant_max"),
    ({"amount": "10.00", "granted_on_order": D("5.01")}, "over_order_share"),
    ({"amount": "5.00", "granted_to_customer_30d": D("55.01")}, "over_customer_30d"),
])
def test_each_refusal(overrides, reason):
    policy = overrides.pop("policy", POLICY)
    decision = ask(policy, **overrides)
    assert (decision.ok, decision.refusal_reason, decision.needs_approval) == (False, reason, False)


def test_the_currency_is_compared_without_case():
    assert ask(currency="eur").ok


def test_the_order_share_counts_every_grant_on_the_order_up_to_the_cent():
    assert ask(amount="5.00", granted_on_order=D("10.00")).ok  # 15.00 of 100.00: exactly the share
    assert ask(amount="5.01", granted_on_order=D("10.00")).refusal_reason == "over_order_share"
    assert ask(amount="15.01").refusal_reason == "over_order_share"


def test_the_share_is_rounded_down_to_the_cent():
    assert order_share_cap(PolicyView(), D("42.50")) == D("6.37")  # 15% is 6.375
    assert ask(order_total="42.50", amount="6.37").ok
    assert ask(order_total="42.50", amount="6.38").refusal_reason == "over_order_share"


def test_the_customer_cap_counts_the_last_30_days_up_to_the_cent():
    assert ask(amount="5.00", granted_to_customer_30d=D("55.00")).ok
    assert ask(amount="5.01", granted_to_customer_30d=D("55.00")).refusal_reason == "over_customer_30d"


def test_no_money_cap_when_the_policy_has_none():
    decision = ask(PolicyView(), amount="15.00", granted_to_customer_30d=D("100000.00"))
    assert (decision.ok, decision.needs_approval) == (True, True)


def test_approval_is_needed_from_the_threshold_on():
    assert ask(amount="9.99").needs_approval is False
    assert ask(amount="10.00").needs_approval is True
    assert ask(PolicyView(auto_approve_below=D("0.00")), amount="0.01").needs_approval is True


def test_amounts_are_rounded_half_up_to_cents():
    assert money("9.994") == D("9.99")
    assert money("9.995") == D("10.00")
    assert money(7) == D("7.00")
    assert money(" 3.5 ") == D("3.50")
    assert (money(0.1), money(True), money(None), money("1e999999999")) == (None, None, None, None)
    assert ask(amount="9.995").needs_approval is True  # 10.00 once rounded
    assert ask(amount="15.004").ok and ask(amount="15.005").refusal_reason == "over_order_share"


def test_money_caps_use_the_value_in_the_shops_currency():
    # A yen order of a shop in euros: the share is of the yen total, the caps are in euros.
    yen = {"currency": "JPY", "order_currency": "JPY", "order_total": "20000", "amount": "2000"}
    assert ask(**yen, shop_amount=D("12.10")).needs_approval is True
    assert ask(**yen, shop_amount=D("9.90")).needs_approval is False
    assert ask(**yen, shop_amount=D("40.01")).refusal_reason == "over_grant_max"
    assert ask(**yen, shop_amount=D("12.10"), granted_to_customer_30d=D("48.00")).refusal_reason == "over_customer_30d"
    assert ask(**{**yen, "amount": "3001"}, shop_amount=D("1.00")).refusal_reason == "over_order_share"


def test_the_shop_value_is_at_the_orders_rate_rounded_up():
    assert in_shop_currency(D("1000.00"), order_total=D("16000.00"), order_shop_total=D("100.00")) == D("6.25")
    assert in_shop_currency(D("10.00"), order_total=D("30.00"), order_shop_total=D("10.00")) == D("3.34")
    assert in_shop_currency(D("10.00"), order_total=None, order_shop_total=D("10.00")) == D("10.00")
    assert in_shop_currency(D("10.00"), order_total=D("0.00"), order_shop_total=D("10.00")) == D("10.00")


def test_the_app_may_always_ask():
    assert ask(PolicyView(request_role="owner"), requester_role=None).ok


@pytest.mark.parametrize("approve_role, role, allowed", [
    ("supervisor", "agent", False), ("supervisor", "supervisor", True), ("supervisor", "owner", True),
    ("admin", "supervisor", False), ("admin", "admin", True), ("owner", "admin", False), ("owner", "owner", True),
    ("supervisor", None, False), ("supervisor", "intern", False),
])
def test_may_approve(approve_role, role, allowed):
    assert may_approve(PolicyView(approve_role=approve_role), role) is allowed


# --- validation of the merchant's policy -----------------------------------------------------------

def test_a_valid_policy_is_returned_in_the_stored_shape():
    assert validate_policy({
        "max_order_share": "0.2", "max_per_grant": 25, "max_per_customer_30d": 60.5, "auto_approve_below": "0",
        "reasons": ["service_recovery", "late_delivery", "late_delivery"], "expiry_days": 90,
        "request_role": "agent", "approve_role": "admin", "instrument": "gift_card", "offer_late_orders": True,
        "feedback_first": False,
    }) == {
        "max_order_share": D("0.2000"), "max_per_grant": D("25.00"), "max_per_customer_30d": D("60.50"),
        "auto_approve_below": D("0.00"), "reasons": ["late_delivery", "service_recovery"], "expiry_days": 90,
        "request_role": "agent", "approve_role": "admin", "instrument": "gift_card", "offer_late_orders": True,
        "feedback_first": False,
    }
    assert validate_policy({"max_per_grant": None, "expiry_days": None, "max_order_share": 1}) == {
        "max_per_grant": None, "expiry_days": None, "max_order_share": D("1.0000")}
    assert validate_policy({}) == {}


@pytest.mark.parametrize("field, value, code", [
    ("max_order_share", "0", "invalid_share"),
    ("max_order_share", "1.0001", "invalid_share"),
    ("max_order_share", "0.12345", "invalid_share"),
    ("max_order_share", "-0.1", "invalid_share"),
    ("max_order_share", None, "invalid_share"),
    ("max_order_share", True, "invalid_share"),
    ("max_order_share", "lots", "invalid_share"),
    ("max_order_share", "1e30", "invalid_share"),
    ("max_per_grant", "-1", "invalid_amount"),
    ("max_per_grant", "1.001", "invalid_amount"),
    ("max_per_grant", "NaN", "invalid_amount"),
    ("max_per_grant", "10000000000", "invalid_amount"),
    ("max_per_grant", [1], "invalid_amount"),
    ("max_per_customer_30d", "x", "invalid_amount"),
    ("auto_approve_below", None, "invalid_amount"),
    ("auto_approve_below", False, "invalid_amount"),
    ("reasons", [], "invalid_reasons"),
    ("reasons", ["late_delivery", "bribe"], "invalid_reasons"),
    ("reasons", "late_delivery", "invalid_reasons"),
    ("reasons", [1], "invalid_reasons"),
    ("expiry_days", 0, "invalid_expiry"),
    ("expiry_days", 3651, "invalid_expiry"),
    ("expiry_days", "30", "invalid_expiry"),
    ("expiry_days", True, "invalid_expiry"),
    ("request_role", "intern", "invalid_role"),
    ("approve_role", None, "invalid_role"),
    ("instrument", "cash", "invalid_instrument"),
    ("offer_late_orders", "yes", "invalid_switch"),
    ("feedback_first", 1, "invalid_switch"),
    ("max_refund", 5, "unknown_field"),
])
def test_each_invalid_field(field, value, code):
    with pytest.raises(PolicyInvalid) as refused:
        validate_policy({field: value})
    assert (refused.value.reason, refused.value.fields) == (code, {field: code})


def test_every_field_at_fault_is_named():
    with pytest.raises(PolicyInvalid) as refused:
        validate_policy({"max_order_share": "2", "auto_approve_below": "5", "approve_role": "boss"})
    assert refused.value.fields == {"max_order_share": "invalid_share", "approve_role": "invalid_role"}
    assert refused.value.reason == "invalid_share"


def test_a_body_that_is_not_an_object_is_refused():
    with pytest.raises(PolicyInvalid) as refused:
        validate_policy(["max_per_grant"])
    assert refused.value.fields == {"policy": "invalid_policy"}


# --- the property: no sequence of requests passes a cap --------------------------------------------

cents = st.integers(min_value=1, max_value=5000).map(lambda n: D(n) / 100)


@settings(max_examples=300, deadline=None)
@given(
    share=st.integers(min_value=1, max_value=10000).map(lambda n: D(n) / 10000),
    max_per_grant=st.none() | cents,
    customer_cap=st.none() | cents,
    totals=st.lists(st.integers(min_value=0, max_value=20000).map(lambda n: D(n) / 100), min_size=1, max_size=3),
    requests=st.lists(st.tuples(st.integers(min_value=0, max_value=2), cents), max_size=40),
)
def test_accepted_requests_never_add_up_past_a_cap(share, max_per_grant, customer_cap, totals, requests):
    policy = PolicyView(max_order_share=share, max_per_grant=max_per_grant, max_per_customer_30d=customer_cap)
    on_order, to_customer = [D("0.00")] * len(totals), D("0.00")
    for index, amount in requests:
        index %= len(totals)
        decision = ask(policy, amount=amount, order_total=totals[index], granted_on_order=on_order[index],
                       granted_to_customer_30d=to_customer)
        if decision.ok:
            assert max_per_grant is None or amount <= max_per_grant
            on_order[index] += amount
            to_customer += amount
    for index, total in enumerate(totals):
        assert on_order[index] <= share * total
    assert customer_cap is None or to_customer <= customer_cap


def test_an_amount_must_be_whole_units_of_its_currency():
    from support.rules.credit_policy import currency_unit

    assert (currency_unit("EUR"), currency_unit("jpy"), currency_unit("KWD")) == (
        Decimal("0.01"), Decimal("1"), Decimal("0.001"))
    policy = PolicyView()
    common = {"reason": "late_delivery", "order_total": "20000", "granted_on_order": 0,
              "granted_to_customer_30d": 0, "requester_role": "agent"}
    assert check_request(policy, amount="7.50", currency="JPY", order_currency="JPY", **common) == Decision(
        False, "amount_not_in_currency_units")
    assert check_request(policy, amount="700", currency="JPY", order_currency="JPY", **common).ok
