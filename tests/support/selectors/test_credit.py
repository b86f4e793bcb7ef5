"""Reads of store credit: the policy (row or defaults), a grant across shops, and the sums the policy
check adds up in SQL (which grants count, the 30-day window, the shopper's currency at the order's rate)."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.http import Http404
from django.utils import timezone

from support.models import CreditGrant, GrantState
from support.rules.credit_policy import PolicyView
from support.selectors.credit import (
    access_grant,
    granted_on_order,
    granted_to_customer,
    order_credit_terms,
    policy_for,
)
from tests.factories import AgentFactory, CreditGrantFactory, CreditPolicyFactory, CustomerFactory, OrderFactory

pytestmark = pytest.mark.django_db

D = Decimal


def test_the_policy_is_the_shops_row_or_the_defaults():
    customer = CustomerFactory()
    assert policy_for(customer.shop) == PolicyView()
    CreditPolicyFactory(shop=customer.shop, max_per_grant="20.00", reasons=["wrong_item"], expiry_days=30)
    assert policy_for(customer.shop_id) == PolicyView(max_per_grant=D("20.00"), reasons=("wrong_item",),
                                                      expiry_days=30)


def test_a_grant_of_another_shop_is_not_found():
    grant = CreditGrantFactory()
    assert access_grant(AgentFactory(shop=grant.shop), str(grant.pk)) == grant
    for agent, grant_id in ((AgentFactory(), grant.pk), (AgentFactory(shop=grant.shop), "x")):
        with pytest.raises(Http404):
            access_grant(agent, grant_id)


def test_the_order_terms_are_the_shoppers_money_when_known():
    paid_in_euros = OrderFactory(currency="USD", total_price="100.00", presentment_currency="EUR",
                                 presentment_total_price="90.00")
    paid_in_euros.refresh_from_db()
    assert order_credit_terms(paid_in_euros) == {"currency": "EUR", "total": D("90.00"), "shop_total": D("100.00"),
                                                 "cancelled": False}
    assert order_credit_terms(paid_in_euros, "gift_card")["currency"] == "USD"
    assert order_credit_terms(OrderFactory(currency="USD", total_price="42.50"))["currency"] == "USD"


def test_the_sums_count_live_grants_of_the_window_in_the_shops_currency():
    customer = CustomerFactory()
    shop = customer.shop
    usd = OrderFactory(shop=shop, customer=customer, currency="USD", total_price="100.00")
    eur = OrderFactory(shop=shop, customer=customer, currency="USD", total_price="100.00",
                       presentment_currency="EUR", presentment_total_price="90.00")
    counted = [CreditGrantFactory(shop=shop, customer=customer, order=usd, amount="4.00", currency="USD",
                                  state=state) for state in (GrantState.PENDING_APPROVAL, GrantState.ISSUED)]
    for state in (GrantState.REJECTED, GrantState.FAILED):
        CreditGrantFactory(shop=shop, customer=customer, order=usd, amount="50.00", currency="USD", state=state)
    old = CreditGrantFactory(shop=shop, customer=customer, order=usd, amount="50.00", currency="USD")
    now = timezone.now()
    CreditGrant.objects.filter(pk=old.pk).update(requested_at=now - timedelta(days=31))
    CreditGrantFactory(shop=shop, customer=customer, order=eur, amount="1.00", currency="EUR")  # 1.111... USD
    elsewhere = OrderFactory(total_price="100.00")
    CreditGrantFactory(shop=elsewhere.shop, customer=elsewhere.customer, order=elsewhere, amount="9.00")

    assert granted_on_order(usd) == D("58.00")  # the old one still counts on its order
    assert granted_on_order(usd, exclude_grant_id=counted[0].pk) == D("54.00")
    assert granted_on_order(eur) == D("1.00")
    assert granted_to_customer(customer.pk, shop.pk, now=now) == D("9.12")  # 8.00 + 1.111 rounded up
    assert granted_to_customer(customer.pk, shop.pk, now=now, exclude_grant_id=counted[1].pk) == D("5.12")
    assert granted_to_customer(elsewhere.customer_id, shop.pk, now=now) == D("0.00")  # another shop's customer
