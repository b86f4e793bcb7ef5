"""Store credit end to end: agents' requests through the admin API (50 at once), a real Celery worker,
the dev store over real HTTP. One grant, one Shopify credit, one notice to the shopper; a rejected
request never reaches Shopify."""
import threading
import time
from decimal import Decimal

import httpx
import pytest
from celery.contrib.testing.worker import start_worker
from django.db import connection
from django.test import Client

from shopapp.celery import app as celery_app
from shopapp.models import Role
from support.models import CreditGrant, GrantState, Message
from tests.factories import AgentFactory, ConversationFactory, CustomerFactory, OrderFactory

SHOP = "demo-store.myshopify.com"
AGENT, SUPERVISOR = "9100000000000951", "9100000000000952"


@pytest.fixture
def shopper(installed_shop, devstore):
    record = httpx.get(f"{devstore.url}/_devstore/shops/{SHOP}/customers").json()["customers"][0]
    customer = CustomerFactory(shop=installed_shop, shopify_id=record["id"], currency=installed_shop.currency)
    AgentFactory(shop=installed_shop, shopify_user_id=AGENT, role=Role.AGENT)
    AgentFactory(shop=installed_shop, shopify_user_id=SUPERVISOR, role=Role.SUPERVISOR)
    return customer


@pytest.fixture
def case(shopper):
    shop = shopper.shop
    order = OrderFactory(shop=shop, customer=shopper, total_price="100.00", currency=shop.currency,
                         presentment_currency=shop.currency)
    return order, ConversationFactory(shop=shop, customer=shopper, language="en")


def credits_of(devstore, customer) -> list[dict]:
    book = httpx.get(f"{devstore.url}/_devstore/shops/{SHOP}/store-credit").json()
    accounts = {a["id"] for a in book["accounts"] if a["customer_id"] == customer.shopify_id}
    return [t for t in book["transactions"] if t["account_id"] in accounts and t["kind"] == "credit"]


def mutations(devstore_log) -> list[dict]:
    return [e for e in devstore_log(kind="graphql") if "storeCreditAccountCredit" in e["root_fields"]]


def post(session_token, path, data, user=AGENT):
    return Client().post(path, data, content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {session_token(SHOP, user)}")


def wait_for(check, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.django_db(transaction=True)
def test_50_concurrent_identical_requests_make_one_grant_and_one_shopify_credit(
        case, shopper, session_token, devstore, devstore_log, redis_client):
    order, conversation = case
    body = {"order_id": str(order.shopify_id), "amount": "8.00", "reason": "late_delivery", "client_id": "click-1"}
    barrier, statuses = threading.Barrier(50), []

    def click():
        try:
            barrier.wait(timeout=30)
            statuses.append(post(session_token, f"/api/admin/conversations/{conversation.pk}/credit", body)
                            .status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(statuses) == [200] * 49 + [201]

    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        assert wait_for(lambda: CreditGrant.objects.filter(state=GrantState.ISSUED).exists())
        assert wait_for(lambda: Message.objects.filter(conversation=conversation, kind="bot").exists())

    grant = CreditGrant.objects.get()
    assert (grant.amount, grant.currency, grant.state, grant.attempts) == (
        Decimal("8.00"), order.shop.currency, "issued", 1)
    [credit] = credits_of(devstore, shopper)
    assert grant.shopify_transaction_id.endswith(f"/{credit['id']}")
    assert len(mutations(devstore_log)) == 1
    assert list(grant.ledger.order_by("pk").values_list("kind", flat=True)) == [
        "requested", "auto_approved", "issuing", "issued", "notified"]
    notice = Message.objects.get(conversation=conversation, kind="bot")
    assert notice.client_id == f"credit:{grant.pk}:issued" and "8.00" in notice.body


@pytest.mark.django_db(transaction=True)
def test_a_request_above_the_threshold_waits_and_a_rejected_one_never_reaches_shopify(
        case, shopper, session_token, devstore, devstore_log, redis_client):
    order, conversation = case
    body = {"order_id": str(order.shopify_id), "amount": "12.00", "reason": "damaged_item", "client_id": "big-1"}
    response = post(session_token, f"/api/admin/conversations/{conversation.pk}/credit", body)
    assert (response.status_code, response.json()["state"]) == (201, "pending_approval")
    grant = CreditGrant.objects.get()
    refused = post(session_token, f"/api/admin/credit/grants/{grant.pk}/approve", {"note": "fine"})
    assert refused.status_code == 403  # an agent may not approve
    rejected = post(session_token, f"/api/admin/credit/grants/{grant.pk}/reject", {"note": "photo shows no damage"},
                    user=SUPERVISOR)
    assert rejected.status_code == 200

    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        time.sleep(1.0)  # anything queued would run now

    grant.refresh_from_db()
    assert (grant.state, grant.decision_note) == ("rejected", "photo shows no damage")
    assert mutations(devstore_log) == [] and credits_of(devstore, shopper) == []
    assert not Message.objects.filter(conversation=conversation, kind="bot").exists()
