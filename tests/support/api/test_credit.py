"""``/api/admin/credit/...`` and ``/api/admin/conversations/<id>/credit``: round trips of the policy,
a request, the grants and their decisions; 400 with the reason code, 403 for roles, 404 across shops,
none of them writing anything; the list's query count."""
import json

import pytest

from support.models import AuditEvent, CreditGrant, CreditLedgerEntry, CreditPolicy, GrantState, TimelineEvent
from tests.factories import (
    ConversationFactory,
    CreditPolicyFactory,
    OrderFactory,
)

from .conftest import ADMIN, AGENT, OTHER, OWNER, SHOP, SUPERVISOR

pytestmark = pytest.mark.django_db

POLICY, GRANTS = "/api/admin/credit/policy", "/api/admin/credit/grants"
ISSUE_TASK = "support.tasks.issue_credit_task"


@pytest.fixture
def order(shop):
    return OrderFactory(shop=shop, name="#1042", total_price="100.00", currency="USD")


@pytest.fixture
def conversation(order):
    return ConversationFactory(shop=order.shop, customer=order.customer)


def credit_url(conversation):
    return f"/api/admin/conversations/{conversation.pk}/credit"


def body(order, **changes):
    return {"order_id": str(order.shopify_id), "amount": "5.00", "reason": "late_delivery", "note": "6 days late",
            "client_id": "click-1", **changes}


def nothing_written():
    return (CreditGrant.objects.count(), CreditLedgerEntry.objects.count(), TimelineEvent.objects.count()) == (0, 0, 0)


def queued(redis_client) -> list[tuple[str, str]]:
    headers = [json.loads(raw)["headers"] for raw in redis_client.lrange("celery", 0, -1)]
    return [(h["task"], h["argsrepr"]) for h in headers]


# --- the policy -----------------------------------------------------------------------------------

DEFAULTS = {
    "max_order_share": "0.15", "max_per_grant": None, "max_per_customer_30d": None, "auto_approve_below": "10.00",
    "reasons": ["late_delivery", "damaged_item", "wrong_item", "goodwill_feedback", "service_recovery"],
    "expiry_days": None, "request_role": "agent", "approve_role": "supervisor", "instrument": "store_credit",
    "offer_late_orders": False, "feedback_first": False, "currency": "USD",
}


def test_every_agent_reads_the_policy_the_defaults_when_never_set(call):
    response = call("get", POLICY)
    assert response.status_code == 200
    assert response.json() == DEFAULTS


def test_an_admin_changes_the_policy_and_it_is_audited(call, shop):
    response = call("put", POLICY, {"max_order_share": "0.2", "max_per_grant": 30, "expiry_days": 60,
                                    "reasons": ["damaged_item", "late_delivery"]}, user=ADMIN)
    assert response.status_code == 200
    assert response.json() == {**DEFAULTS, "max_order_share": "0.2000", "max_per_grant": "30.00", "expiry_days": 60,
                               "reasons": ["late_delivery", "damaged_item"]}
    assert call("get", POLICY).json() == response.json()
    assert AuditEvent.objects.get().data["fields"] == ["expiry_days", "max_order_share", "max_per_grant", "reasons"]


def test_below_admin_the_policy_is_not_changed(call):
    response = call("put", POLICY, {"max_per_grant": 30}, user=SUPERVISOR)
    assert (response.status_code, response.json()["code"]) == (403, "role_may_not_edit_policy")
    assert (CreditPolicy.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_a_bad_policy_names_each_field_and_writes_nothing(call):
    response = call("put", POLICY, {"max_order_share": "1.5", "approve_role": "boss", "max_per_grant": 5}, user=OWNER)
    assert response.status_code == 400
    assert response.json() == {"detail": "invalid policy", "code": "invalid_share",
                               "fields": {"max_order_share": "invalid_share", "approve_role": "invalid_role"}}
    assert (CreditPolicy.objects.count(), AuditEvent.objects.count()) == (0, 0)


def test_a_shop_sees_only_its_own_policy(call, shop, other_shop):
    CreditPolicyFactory(shop=other_shop, max_per_grant="1.00")
    assert call("get", POLICY).json()["max_per_grant"] is None
    call("put", POLICY, {"max_per_grant": "2.00"}, user=OWNER, domain=OTHER)
    assert CreditPolicy.objects.get(shop=other_shop).max_per_grant == 2
    assert not CreditPolicy.objects.filter(shop=shop).exists()


# --- requests -------------------------------------------------------------------------------------

def test_a_request_round_trip_with_a_retried_click(call, order, conversation, shop, redis_client,
                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created = call("post", credit_url(conversation), body(order))
    assert created.status_code == 201
    grant = CreditGrant.objects.get()
    agent = shop.agents.get(shopify_user_id=AGENT)
    assert created.json() == {
        "id": str(grant.pk), "state": "approved", "amount": "5.00", "currency": "USD", "reason": "late_delivery",
        "note": "6 days late", "instrument": "store_credit", "order": {"id": str(order.shopify_id), "name": "#1042"},
        "customer": {"id": str(order.customer_id), "name": order.customer.name},
        "conversation_id": str(conversation.pk), "requested_by": {"id": str(agent.pk), "name": "Agent"},
        "decided_by": None, "decision_note": "", "expires_at": None, "shopify_transaction_id": "", "error_code": "",
        "error_message": "", "requested_at": grant.requested_at.isoformat().replace("+00:00", "Z"),
        "decided_at": None, "issued_at": None,
    }
    assert grant.request_key == "agent:click-1"

    again = call("post", credit_url(conversation), body(order, amount="9.00"))
    assert (again.status_code, again.json()["id"], again.json()["amount"]) == (200, str(grant.pk), "5.00")
    assert CreditGrant.objects.count() == 1
    assert queued(redis_client) == [(ISSUE_TASK, f"({grant.pk},)")]

    detail = call("get", f"{GRANTS}/{grant.pk}").json()
    assert [(e["kind"], e["actor"], e["agent"]) for e in detail["ledger"]] == [
        ("requested", "agent", {"id": str(agent.pk), "name": "Agent"}), ("auto_approved", "system", None)]


@pytest.mark.parametrize("changes, status, code", [
    ({"amount": "15.01"}, 400, "over_order_share"),
    ({"amount": "0"}, 400, "amount_not_positive"),
    ({"reason": "bribe"}, 400, "reason_not_allowed"),
    ({"currency": "EUR"}, 400, "currency_mismatch"),
    ({"amount": "five"}, 400, "invalid_input"),
    ({"amount": "1.001"}, 400, "invalid_input"),
    ({"client_id": ""}, 400, "invalid_input"),
    ({"order_id": "not-a-number"}, 400, "invalid_input"),
    ({"order_id": "9100000000299999"}, 404, "not_found"),
])
def test_refused_requests_answer_with_the_reason_and_write_nothing(call, order, conversation, changes, status,
                                                                   code):
    response = call("post", credit_url(conversation), body(order, **changes))
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert nothing_written()


def test_a_role_below_the_policys_is_a_403(call, order, conversation, shop):
    CreditPolicyFactory(shop=shop, request_role="supervisor")
    response = call("post", credit_url(conversation), body(order))
    assert (response.status_code, response.json()["code"]) == (403, "role_may_not_request")
    assert nothing_written()
    assert call("post", credit_url(conversation), body(order), user=SUPERVISOR).status_code == 201


def test_the_order_must_be_the_conversation_customers(call, order, conversation, shop, other_shop):
    someone_elses = OrderFactory(shop=shop, total_price="100.00", currency="USD")
    response = call("post", credit_url(conversation), body(someone_elses))
    assert (response.status_code, response.json()["code"]) == (400, "order_not_customers")
    other_shops = OrderFactory(shop=other_shop, total_price="100.00")
    assert call("post", credit_url(conversation), body(other_shops)).status_code == 404
    assert nothing_written()


def test_another_shops_conversation_is_not_found(call, order, conversation, other_shop):
    response = call("post", credit_url(conversation), body(order), user=OWNER, domain=OTHER)
    assert response.status_code == 404
    assert nothing_written()


# --- grants and decisions -------------------------------------------------------------------------

@pytest.fixture
def pending(call, order, conversation):
    response = call("post", credit_url(conversation), body(order, amount="12.00", client_id="big"))
    assert response.json()["state"] == "pending_approval"
    return CreditGrant.objects.get(pk=response.json()["id"])


def approve(call, grant, user=SUPERVISOR, note="checked", domain=SHOP):
    return call("post", f"{GRANTS}/{grant.pk}/approve", {"note": note}, user=user, domain=domain)


def reject(call, grant, user=SUPERVISOR, note="no", domain=SHOP):
    return call("post", f"{GRANTS}/{grant.pk}/reject", {"note": note}, user=user, domain=domain)


def unchanged(grant):
    grant.refresh_from_db()
    return (grant.state, grant.ledger.count(), TimelineEvent.objects.count()) == (GrantState.PENDING_APPROVAL, 1, 1)


def test_a_supervisor_approves_and_the_grant_is_queued(call, pending, shop, redis_client,
                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = approve(call, pending)
    supervisor = shop.agents.get(shopify_user_id=SUPERVISOR)
    assert response.status_code == 200
    assert (response.json()["state"], response.json()["decided_by"], response.json()["decision_note"]) == (
        "approved", {"id": str(supervisor.pk), "name": "Supervisor"}, "checked")
    assert queued(redis_client) == [(ISSUE_TASK, f"({pending.pk},)")]


def test_an_agent_cannot_approve_or_reject(call, pending, redis_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for decide in (approve, reject):
            response = decide(call, pending, user=AGENT)
            assert (response.status_code, response.json()["code"]) == (403, "role_may_not_approve")
    assert unchanged(pending)
    assert queued(redis_client) == []


def test_a_rejection_is_recorded_and_never_queued(call, pending, redis_client, django_capture_on_commit_callbacks):
    response = reject(call, pending, note="")
    assert (response.status_code, response.json()["code"]) == (400, "note_required")
    assert unchanged(pending)
    with django_capture_on_commit_callbacks(execute=True):
        response = reject(call, pending, note="Refunded instead")
    assert (response.status_code, response.json()["state"], response.json()["decision_note"]) == (
        200, "rejected", "Refunded instead")
    assert queued(redis_client) == []
    response = approve(call, pending)
    assert (response.status_code, response.json()["code"]) == (400, "grant_not_pending")


def test_another_shops_grant_is_not_found(call, pending, other_shop):
    for response in (call("get", f"{GRANTS}/{pending.pk}", user=OWNER, domain=OTHER),
                     approve(call, pending, user=OWNER, domain=OTHER), reject(call, pending, user=OWNER, domain=OTHER)):
        assert response.status_code == 404
    assert call("get", GRANTS, user=OWNER, domain=OTHER).json() == {"results": []}
    assert unchanged(pending)


def test_the_list_puts_pending_approvals_first_and_filters(call, order, conversation, pending):
    small = call("post", credit_url(conversation), body(order, amount="2.00", client_id="small")).json()
    elsewhere = ConversationFactory(shop=order.shop)
    later_pending = call("post", credit_url(conversation), body(order, amount="1.00", client_id="x")).json()
    CreditGrant.objects.filter(pk=later_pending["id"]).update(state=GrantState.PENDING_APPROVAL)

    listed = call("get", GRANTS).json()["results"]
    assert [g["id"] for g in listed] == [str(pending.pk), later_pending["id"], small["id"]]
    assert [g["id"] for g in call("get", GRANTS, {"state": "pending_approval"}).json()["results"]] == [
        str(pending.pk), later_pending["id"]]
    assert call("get", GRANTS, {"conversation": elsewhere.pk}).json() == {"results": []}
    assert len(call("get", GRANTS, {"customer": order.customer_id}).json()["results"]) == 3
    assert call("get", GRANTS, {"state": "lost"}).status_code == 400


def test_the_list_takes_a_constant_number_of_queries(call, order, conversation, shop, django_assert_num_queries):
    call("post", credit_url(conversation), body(order, amount="1.00", client_id="c0"))
    with django_assert_num_queries(3):  # shop, agent, grants
        assert len(call("get", GRANTS).json()["results"]) == 1
    for n, user in enumerate((AGENT, SUPERVISOR, ADMIN, OWNER, AGENT)):
        other_order = OrderFactory(shop=shop, customer=order.customer, total_price="100.00", currency="USD")
        call("post", credit_url(conversation), body(other_order, amount="1.00", client_id=f"c{n + 1}"), user=user)
    with django_assert_num_queries(3):
        assert len(call("get", GRANTS).json()["results"]) == 6


def test_the_schema_lists_the_operations(client):
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    assert set(paths["/api/admin/credit/policy"]) == {"get", "put"}
    assert paths["/api/admin/conversations/{conversation_id}/credit"]["post"]["operationId"] == (
        "admin_conversation_credit")
    for path in ("/api/admin/credit/grants", "/api/admin/credit/grants/{grant_id}"):
        assert "get" in paths[path]
    for action in ("approve", "reject"):
        assert set(paths[f"/api/admin/credit/grants/{{grant_id}}/{action}"]["post"]["responses"]) == {
            "200", "400", "401", "403", "404", "503"}
