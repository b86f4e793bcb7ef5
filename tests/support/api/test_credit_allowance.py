"""``GET /api/admin/conversations/<id>/credit``: what the conversation may be offered now (exact figures,
the same edge a request is granted up to), the role's answer, 404 across shops, constant queries."""
from datetime import timedelta

import pytest
from django.utils import timezone

from support.models import CreditGrant
from tests.factories import (
    ConversationFactory,
    CreditGrantFactory,
    CreditPolicyFactory,
    CustomerFactory,
    OrderFactory,
)

from .conftest import OTHER, OWNER, SUPERVISOR

pytestmark = pytest.mark.django_db

REASONS = ["late_delivery", "damaged_item", "wrong_item", "goodwill_feedback", "service_recovery"]


@pytest.fixture
def order(shop):
    return OrderFactory(shop=shop, name="#1042", total_price="100.00", currency="USD")


@pytest.fixture
def conversation(order):
    return ConversationFactory(shop=order.shop, customer=order.customer)


def url(conversation):
    return f"/api/admin/conversations/{conversation.pk}/credit"


def grant(order, conversation=None, **fields):
    return CreditGrantFactory(shop=order.shop, customer=order.customer, order=order, conversation=conversation,
                              currency=order.currency, **fields)


def test_the_allowance_is_the_smallest_limit_left_with_the_policy_and_the_grants(call, shop, order, conversation):
    CreditPolicyFactory(shop=shop, max_per_customer_30d="20.00", expiry_days=60)
    older = OrderFactory(shop=shop, customer=order.customer, name="#1001", total_price="80.00", currency="USD",
                         shopify_created_at=timezone.now() - timedelta(days=20))
    OrderFactory(shop=shop, customer=order.customer, cancelled_at=timezone.now())  # not offered
    pending = grant(order, conversation, amount="3.00", state="pending_approval")
    issued = grant(older, conversation, amount="12.00", state="issued")
    grant(older, amount="40.00", state="rejected")  # not counted, not this conversation's

    response = call("get", url(conversation))

    assert response.status_code == 200
    data = response.json()
    assert data["allowance"] == {
        "order_id": str(order.shopify_id), "order_name": "#1042", "currency": "USD", "order_total": "100.00",
        "granted_on_order": "3.00", "max_amount": "5.00", "auto_approve_up_to": "9.99",
        "limits": {"order_share_left": "12.00", "per_grant": None, "customer_30d_left": "5.00"},
        "reasons": REASONS, "expiry_days": 60, "feedback_first": False, "may_request": True, "refusal": None,
    }
    assert data["policy"]["max_per_customer_30d"] == "20.00"
    assert [(o["id"], o["name"]) for o in data["orders"]] == [(str(order.shopify_id), "#1042"),
                                                             (str(older.shopify_id), "#1001")]
    assert data["may_approve"] is False
    assert [(g["id"], g["state"], g["amount"]) for g in data["grants"]] == [
        (str(pending.pk), "pending_approval", "3.00"), (str(issued.pk), "issued", "12.00")]


def test_a_request_of_the_maximum_is_granted_and_a_cent_more_is_refused(call, shop, order, conversation):
    CreditPolicyFactory(shop=shop, max_per_grant="7.25")
    offered = call("get", url(conversation)).json()["allowance"]
    assert offered["max_amount"] == "7.25"
    body = {"order_id": offered["order_id"], "reason": "late_delivery", "note": ""}

    refused = call("post", url(conversation), {**body, "amount": "7.26", "client_id": "a"})
    assert (refused.status_code, refused.json()["code"]) == (400, "over_grant_max")
    assert not CreditGrant.objects.exists()
    granted = call("post", url(conversation), {**body, "amount": offered["max_amount"], "client_id": "b"})
    assert (granted.status_code, granted.json()["amount"]) == (201, "7.25")
    after = call("get", url(conversation)).json()["allowance"]
    assert (after["max_amount"], after["limits"]["order_share_left"]) == ("7.25", "7.75")


def test_nothing_left_on_the_order_says_why(call, order, conversation):
    grant(order, amount="15.00", state="approved")
    allowance = call("get", url(conversation)).json()["allowance"]
    assert (allowance["max_amount"], allowance["may_request"], allowance["refusal"]) == (
        "0.00", False, "over_order_share")


def test_in_the_shoppers_currency(call, shop, conversation, order):
    order.presentment_currency, order.presentment_total_price = "EUR", "90.00"
    order.save()
    CreditPolicyFactory(shop=shop, max_per_grant="10.00")
    allowance = call("get", url(conversation)).json()["allowance"]
    # 10.00 USD at the order's rate (90 EUR for 100 USD) is 9.00 EUR
    assert (allowance["currency"], allowance["order_total"], allowance["max_amount"], allowance["limits"]) == (
        "EUR", "90.00", "9.00", {"order_share_left": "13.50", "per_grant": "9.00", "customer_30d_left": None})
    assert allowance["auto_approve_up_to"] == "8.99"


def test_a_role_that_may_not_request_is_told_so(call, shop, conversation):
    CreditPolicyFactory(shop=shop, request_role="supervisor")
    as_agent = call("get", url(conversation)).json()
    assert (as_agent["allowance"]["may_request"], as_agent["allowance"]["refusal"],
            as_agent["allowance"]["max_amount"], as_agent["may_approve"]) == (False, "role_may_not_request", "0.00",
                                                                              False)
    as_supervisor = call("get", url(conversation), user=SUPERVISOR).json()
    assert (as_supervisor["allowance"]["may_request"], as_supervisor["allowance"]["refusal"],
            as_supervisor["allowance"]["max_amount"], as_supervisor["may_approve"]) == (True, None, "15.00", True)


def test_a_customer_without_an_account_is_told_so(call, shop, order, conversation):
    order.customer.shopify_id = None
    order.customer.save()
    allowance = call("get", url(conversation)).json()["allowance"]
    assert (allowance["may_request"], allowance["refusal"], allowance["max_amount"]) == (
        False, "customer_has_no_account", "0.00")


def test_an_order_is_chosen_among_the_customers(call, shop, order, conversation):
    older = OrderFactory(shop=shop, customer=order.customer, name="#1001", total_price="40.00", currency="USD",
                         shopify_created_at=timezone.now() - timedelta(days=3))
    chosen = call("get", url(conversation), {"order_id": str(older.shopify_id)}).json()["allowance"]
    assert (chosen["order_id"], chosen["order_name"], chosen["max_amount"]) == (str(older.shopify_id), "#1001", "6.00")

    someone_elses = OrderFactory(shop=shop, customer=CustomerFactory(shop=shop))
    assert call("get", url(conversation), {"order_id": str(someone_elses.shopify_id)}).status_code == 404
    response = call("get", url(conversation), {"order_id": "12ab"})
    assert (response.status_code, response.json()["code"]) == (400, "invalid_input")


def test_a_customer_without_orders_has_no_allowance(call, shop):
    conversation = ConversationFactory(shop=shop, customer=CustomerFactory(shop=shop))
    data = call("get", url(conversation)).json()
    assert (data["orders"], data["allowance"], data["grants"]) == ([], None, [])


def test_another_shops_conversation_is_not_found(call, conversation, other_shop):
    assert call("get", url(conversation), user=OWNER, domain=OTHER).status_code == 404


def test_the_answer_takes_a_constant_number_of_queries(call, shop, order, conversation, django_assert_num_queries):
    grant(order, conversation, amount="1.00")
    # shop, agent, conversation, policy, orders, customer, order's grants, customer's 30 days, policy, grants
    with django_assert_num_queries(10):
        assert len(call("get", url(conversation)).json()["grants"]) == 1
    for _ in range(5):
        other = OrderFactory(shop=shop, customer=order.customer, total_price="100.00", currency="USD")
        grant(other, conversation, amount="1.00")
    with django_assert_num_queries(10):
        assert len(call("get", url(conversation)).json()["grants"]) == 6


def test_the_schema_lists_the_read(client):
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    assert paths["/api/admin/conversations/{conversation_id}/credit"]["get"]["operationId"] == (
        "admin_conversation_credit_allowance")
