"""The bot's order lookup outcomes: no details yet, found, not found (a wrong pair), limited."""
from datetime import timedelta

import pytest
from django.utils import timezone

from support import ratelimits
from support.actions import wismo as actions_wismo
from support.selectors import wismo
from tests.factories import CustomerFactory, OrderFactory, ShopFactory


@pytest.fixture
def shop():
    return ShopFactory(timezone="Europe/Berlin")


@pytest.mark.django_db
def test_order_answer_outcomes_for_the_bot(shop, redis_client):
    customer = CustomerFactory(shop=shop)
    order = OrderFactory(shop=shop, customer=customer, name="#1001", email="ana@example.com",
                         fulfillment_status="unfulfilled", shopify_created_at=timezone.now() - timedelta(hours=1))

    def ask(**kwargs):
        return actions_wismo.order_answer(shop, client_key="v_visitor", language="en", **kwargs)

    assert ask(order_name="#1001") == actions_wismo.OrderAnswer("no_details")
    assert ask(email="ana@example.com") == actions_wismo.OrderAnswer("no_details")
    assert redis_client.keys("rl:order*") == []
    found = ask(order_name="1001", email="ANA@example.com")
    assert (found.lookup, found.text, found.answer.state) == ("found", wismo.wismo_answer(order, language="en").text,
                                                              "unfulfilled")
    assert ask(order_name="1001", email="eve@example.com") == actions_wismo.OrderAnswer("not_found")
    assert ask(customer_shopify_id=customer.shopify_id).lookup == "found"
    assert ask(customer_shopify_id=CustomerFactory(shop=shop).shopify_id) == actions_wismo.OrderAnswer("not_found")
    for _ in range(ratelimits.ORDER_LOOKUPS_PER_ORDER.count):
        ask(order_name="#1001", email="eve@example.com")
    assert ask(order_name="#1001", email="ana@example.com") == actions_wismo.OrderAnswer("limited")
