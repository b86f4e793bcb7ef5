"""Store-credit requests, decisions and feedback first (real PostgreSQL and Redis): exact effects,
nothing written on a refusal, the issuance task queued once after commit and never for a grant that
is pending or rejected, and the caps held under concurrent requests (threads, own connections)."""
import json
import threading
from datetime import timedelta
from decimal import Decimal

import httpx
import pytest
from django.db import connection
from django.http import Http404
from django.utils import timezone

from shopapp.models import Role
from support.actions import credit_issuance
from support.actions.credit import (
    CreditForbidden,
    CreditRefused,
    approve_grant,
    feedback_received,
    reject_grant,
    request_credit,
    update_policy,
)
from support.actions.ratings import rate_conversation
from support.models import AuditEvent, CreditGrant, CreditLedgerEntry, CreditPolicy, GrantState, TimelineEvent
from support.rules.credit_policy import PolicyInvalid
from tests.factories import (
    AgentFactory,
    ConversationFactory,
    CreditPolicyFactory,
    CustomerFactory,
    OrderFactory,
    ShopFactory,
)

pytestmark = pytest.mark.django_db

D = Decimal
ISSUE_TASK = "support.tasks.issue_credit_task"


@pytest.fixture
def shop():
    return ShopFactory(currency="USD")


@pytest.fixture
def staff(shop):
    return {role: AgentFactory(shop=shop, role=role) for role in (Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.OWNER)}


@pytest.fixture
def order(shop):
    return OrderFactory(shop=shop, total_price="100.00", currency="USD")


@pytest.fixture
def conversation(order):
    return ConversationFactory(shop=order.shop, customer=order.customer)


def ask(order, conversation=None, *, requester=None, amount="5.00", key="k-1", reason="late_delivery", note="",
        **extra):
    return request_credit(shop=order.shop, order=order, customer=order.customer, conversation=conversation,
                          amount=amount, reason=reason, note=note, requester=requester, request_key=key, **extra)


def queued(redis_client) -> list[tuple[str, str]]:
    """The issuance tasks on the broker (a feedback question also queues its email: not counted here)."""
    headers = [json.loads(raw)["headers"] for raw in redis_client.lrange("celery", 0, -1)]
    return [(h["task"], h["argsrepr"]) for h in headers if h["task"] == ISSUE_TASK]


def ledger(grant) -> list[tuple]:
    return list(CreditLedgerEntry.objects.filter(grant=grant).order_by("pk").values_list("kind", "actor", "agent_id"))


def nothing_written():
    return (CreditGrant.objects.count(), CreditLedgerEntry.objects.count(), TimelineEvent.objects.count()) == (0, 0, 0)


# --- requests -------------------------------------------------------------------------------------

def test_a_small_request_is_approved_at_once_and_queued_for_issuance(order, conversation, staff, redis_client,
                                                                     django_capture_on_commit_callbacks):
    agent = staff[Role.AGENT]
    with django_capture_on_commit_callbacks(execute=True):
        grant, created = ask(order, conversation, requester=agent, amount="9.99", note="Parcel 6 days late")

    assert created is True
    assert (grant.state, grant.amount, grant.currency, grant.reason, grant.instrument, grant.requested_by) == (
        GrantState.APPROVED, D("9.99"), "USD", "late_delivery", "store_credit", agent)
    assert (grant.customer, grant.order, grant.conversation, grant.note) == (
        order.customer, order, conversation, "Parcel 6 days late")
    assert ledger(grant) == [("requested", "agent", agent.pk), ("auto_approved", "system", None)]
    assert grant.ledger.get(kind="requested").data == {
        "amount": "9.99", "currency": "USD", "reason": "late_delivery", "order_id": str(order.shopify_id),
        "note": "Parcel 6 days late", "needs_approval": False, "feedback_first": False}
    assert list(TimelineEvent.objects.values_list("conversation", "kind", "actor", "agent", "data")) == [
        (conversation.pk, "credit.requested", "agent", agent.pk,
         {"grant_id": str(grant.pk), "amount": "9.99", "currency": "USD", "reason": "late_delivery",
          "state": "approved"})]
    assert queued(redis_client) == [(ISSUE_TASK, f"({grant.pk},)")]


def test_a_request_from_the_threshold_waits_for_a_supervisor_and_queues_nothing(order, conversation, staff,
                                                                                redis_client,
                                                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        grant, _ = ask(order, conversation, requester=staff[Role.AGENT], amount="10.00")
    assert grant.state == GrantState.PENDING_APPROVAL
    assert ledger(grant) == [("requested", "agent", staff[Role.AGENT].pk)]
    assert grant.ledger.get().data["needs_approval"] is True
    assert queued(redis_client) == []


def test_the_app_offers_credit_without_a_requester_or_a_conversation(order, redis_client,
                                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        grant, _ = ask(order, None, requester=None, key="late:1")
    assert (grant.state, grant.requested_by, grant.conversation) == (GrantState.APPROVED, None, None)
    assert ledger(grant) == [("requested", "system", None), ("auto_approved", "system", None)]
    assert TimelineEvent.objects.count() == 0
    assert queued(redis_client) == [(ISSUE_TASK, f"({grant.pk},)")]


def test_a_repeated_request_returns_the_first_grant_and_does_nothing_else(order, conversation, staff,
                                                                          django_capture_on_commit_callbacks):
    first, _ = ask(order, conversation, requester=staff[Role.AGENT])
    with django_capture_on_commit_callbacks() as callbacks:
        again, created = ask(order, conversation, requester=staff[Role.AGENT], amount="7.00", reason="wrong_item")
    assert (created, again.pk, again.amount) == (False, first.pk, D("5.00"))
    assert (CreditGrant.objects.count(), CreditLedgerEntry.objects.count(), TimelineEvent.objects.count()) == (1, 2, 1)
    assert callbacks == []


def _policy(**values):
    return lambda o, c, s: CreditPolicyFactory(shop=o.shop, **values) and {}


def _cancelled(o, c, s):
    type(o).objects.filter(pk=o.pk).update(cancelled_at=timezone.now())
    return {}


def _unknown_to_shopify(o, c, s):
    type(o.customer).objects.filter(pk=o.customer_id).update(shopify_id=None)
    return {}


# (case, setup(order, conversation, staff) -> changes to the request, reason)
REFUSALS = [
    ("over the order share", lambda o, c, s: {"amount": "15.01"}, "over_order_share"),
    ("not positive", lambda o, c, s: {"amount": "0.00"}, "amount_not_positive"),
    ("another currency", lambda o, c, s: {"currency": "EUR"}, "currency_mismatch"),
    ("a reason the policy left out", _policy(reasons=["damaged_item"]), "reason_not_allowed"),
    ("a role below the policy's", _policy(request_role="supervisor"), "role_may_not_request"),
    ("over the grant maximum", _policy(max_per_grant="4.99"), "over_grant_max"),
    ("over the customer's 30 days", _policy(max_per_customer_30d="4.99"), "over_customer_30d"),
    ("a cancelled order", _cancelled, "order_not_creditable"),
    ("another customer's order", lambda o, c, s: {"order": OrderFactory(shop=o.shop)}, "order_not_customers"),
    ("another customer's conversation", lambda o, c, s: {"conversation": ConversationFactory(shop=o.shop)},
     "conversation_not_customers"),
    ("another shop's agent", lambda o, c, s: {"requester": AgentFactory()}, "requester_not_in_shop"),
    ("a shopper Shopify does not know", _unknown_to_shopify, "customer_has_no_account"),
    ("feedback first without a conversation", lambda o, c, s: {"conversation": None, "feedback_first": True},
     "feedback_needs_conversation"),
    ("a note too long", lambda o, c, s: {"note": "x" * 1001}, "note_too_long"),
    ("no request key", lambda o, c, s: {"key": ""}, "invalid_request_key"),
]


@pytest.mark.parametrize("case, setup, reason", REFUSALS, ids=[case for case, _, _ in REFUSALS])
def test_refused_requests_write_nothing(case, setup, reason, order, conversation, staff, caplog,
                                        django_capture_on_commit_callbacks):
    changes = {"requester": staff[Role.AGENT], "conversation": conversation, **setup(order, conversation, staff)}
    target = changes.pop("order", order)
    target.refresh_from_db()
    target.customer.refresh_from_db()
    conversation_used = changes.pop("conversation")
    caplog.clear()
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(CreditRefused) as refused:
        request_credit(shop=order.shop, order=target, customer=order.customer, conversation=conversation_used,
                       amount=changes.pop("amount", "5.00"), reason="late_delivery", note=changes.pop("note", ""),
                       request_key=changes.pop("key", "k-1"), **changes)
    assert refused.value.reason == reason
    assert isinstance(refused.value, CreditForbidden) is (reason == "role_may_not_request")
    assert nothing_written() and callbacks == []
    assert [r.reason for r in caplog.records if r.msg == "credit.request.refused"] == [reason]


def test_a_shoppers_currency_counts_against_the_caps_at_the_orders_rate(shop, staff):
    CreditPolicyFactory(shop=shop, max_per_customer_30d="20.00")
    customer = CustomerFactory(shop=shop)
    # Paid 90.00 EUR, 100.00 USD in the shop's money: 9.00 EUR is worth 10.00 USD.
    orders = [OrderFactory(shop=shop, customer=customer, currency="USD", total_price="100.00",
                           presentment_currency="EUR", presentment_total_price="90.00") for _ in range(3)]
    first, _ = ask(orders[0], requester=staff[Role.AGENT], amount="8.90", key="a")
    second, _ = ask(orders[1], requester=staff[Role.AGENT], amount="9.00", key="b")
    assert [(g.currency, g.state) for g in (first, second)] == [
        ("EUR", GrantState.APPROVED), ("EUR", GrantState.PENDING_APPROVAL)]  # 9.89 (rounded up) and 10.00 USD
    assert ask(orders[2], requester=staff[Role.AGENT], amount="0.09", key="c")[1] is True  # 19.89 + 0.10 USD
    with pytest.raises(CreditRefused, match="over_customer_30d"):
        ask(orders[2], requester=staff[Role.AGENT], amount="0.01", key="d")  # 19.99 + 0.02 (0.0111 rounded up)
    with pytest.raises(CreditRefused, match="currency_mismatch"):
        ask(orders[2], requester=staff[Role.AGENT], amount="0.01", key="e", currency="USD")


def test_a_gift_card_grant_is_in_the_shops_currency(shop, staff):
    CreditPolicyFactory(shop=shop, instrument="gift_card")
    order = OrderFactory(shop=shop, currency="USD", total_price="100.00", presentment_currency="EUR",
                         presentment_total_price="90.00")
    grant, _ = ask(order, requester=staff[Role.AGENT], amount="15.00")
    assert (grant.currency, grant.instrument) == ("USD", "gift_card")


def test_only_live_grants_of_the_last_30_days_count(order, staff):
    CreditPolicyFactory(shop=order.shop, max_per_customer_30d="10.00", max_order_share="1")
    for key, state in (("r", GrantState.REJECTED), ("f", GrantState.FAILED), ("old", GrantState.ISSUED)):
        grant, _ = ask(order, requester=staff[Role.AGENT], amount="9.00", key=key)
        CreditGrant.objects.filter(pk=grant.pk).update(state=state)
    CreditGrant.objects.filter(request_key="old").update(requested_at=timezone.now() - timedelta(days=30, minutes=1))
    assert ask(order, requester=staff[Role.AGENT], amount="9.00", key="new")[1] is True
    grant, _ = ask(order, requester=staff[Role.AGENT], amount="1.00", key="last")
    CreditGrant.objects.filter(pk=grant.pk).update(state=GrantState.PENDING_APPROVAL)  # pending ones count too
    with pytest.raises(CreditRefused, match="over_customer_30d"):
        ask(order, requester=staff[Role.AGENT], amount="0.01", key="over")


# --- approvals ------------------------------------------------------------------------------------

@pytest.fixture
def pending(order, conversation, staff):
    CreditPolicyFactory(shop=order.shop, expiry_days=90)
    grant, _ = ask(order, conversation, requester=staff[Role.AGENT], amount="12.00", note="Broken lid")
    return grant


def test_a_supervisor_approves_and_the_grant_is_queued_once(pending, staff, redis_client,
                                                            django_capture_on_commit_callbacks):
    supervisor = staff[Role.SUPERVISOR]
    with django_capture_on_commit_callbacks(execute=True):
        grant = approve_grant(pending.pk, agent=supervisor, note="Photo checked")

    grant.refresh_from_db()
    assert (grant.state, grant.decided_by, grant.decision_note) == (GrantState.APPROVED, supervisor, "Photo checked")
    assert grant.expires_at - grant.decided_at == timedelta(days=90)
    assert ledger(grant) == [("requested", "agent", staff[Role.AGENT].pk), ("approved", "agent", supervisor.pk)]
    assert grant.ledger.get(kind="approved").data == {"note": "Photo checked"}
    assert list(TimelineEvent.objects.order_by("pk").values_list("kind", "agent")) == [
        ("credit.requested", staff[Role.AGENT].pk), ("credit.approved", supervisor.pk)]
    assert queued(redis_client) == [(ISSUE_TASK, f"({grant.pk},)")]


def _unchanged(grant):
    grant.refresh_from_db()
    return (grant.state, grant.decided_by, CreditLedgerEntry.objects.filter(grant=grant).count(),
            TimelineEvent.objects.count()) == (GrantState.PENDING_APPROVAL, None, 1, 1)


@pytest.mark.parametrize("approve_role, role", [("supervisor", Role.AGENT), ("admin", Role.SUPERVISOR),
                                                ("owner", Role.ADMIN)])
def test_approval_above_the_role_is_refused_and_writes_nothing(pending, staff, approve_role, role, caplog,
                                                               django_capture_on_commit_callbacks):
    CreditPolicy.objects.filter(shop=pending.shop).update(approve_role=approve_role)
    for decide in (approve_grant, reject_grant):
        with django_capture_on_commit_callbacks() as callbacks, pytest.raises(CreditForbidden) as refused:
            decide(pending.pk, agent=staff[role], note="ok")
        assert refused.value.reason == "role_may_not_approve"
        assert callbacks == [] and _unchanged(pending)
    assert len([r for r in caplog.records if getattr(r, "reason", None) == "role_may_not_approve"]) == 2


def test_nobody_approves_their_own_request_but_the_owner(order, conversation, staff):
    supervisor_asked, _ = ask(order, conversation, requester=staff[Role.SUPERVISOR], amount="10.00", key="s")
    with pytest.raises(CreditForbidden, match="own_request"):
        approve_grant(supervisor_asked.pk, agent=staff[Role.SUPERVISOR])
    assert _unchanged(supervisor_asked)
    assert approve_grant(supervisor_asked.pk, agent=staff[Role.ADMIN]).state == GrantState.APPROVED

    second_order = OrderFactory(shop=order.shop, customer=order.customer, total_price="100.00", currency="USD")
    owner_asked, _ = ask(second_order, conversation, requester=staff[Role.OWNER], amount="10.00", key="o")
    assert owner_asked.state == GrantState.PENDING_APPROVAL  # a decision is always its own step
    assert approve_grant(owner_asked.pk, agent=staff[Role.OWNER]).state == GrantState.APPROVED


def test_approval_checks_the_policy_again(pending, staff, django_capture_on_commit_callbacks):
    CreditPolicy.objects.filter(shop=pending.shop).update(max_order_share="0.1")  # 10.00 of 100.00 now
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(CreditRefused) as refused:
        approve_grant(pending.pk, agent=staff[Role.SUPERVISOR])
    assert refused.value.reason == "over_order_share" and callbacks == [] and _unchanged(pending)

    CreditPolicy.objects.filter(shop=pending.shop).update(max_order_share="0.15")
    pending.order.cancelled_at = timezone.now()
    pending.order.save(update_fields=["cancelled_at"])
    with pytest.raises(CreditRefused, match="order_not_creditable"):
        approve_grant(pending.pk, agent=staff[Role.SUPERVISOR])
    assert _unchanged(pending)


def test_approval_counts_the_other_grants_but_not_itself(pending, order, conversation, staff):
    ask(order, conversation, requester=staff[Role.AGENT], amount="3.00", key="second")  # 15.00 together: the cap
    assert approve_grant(pending.pk, agent=staff[Role.SUPERVISOR]).state == GrantState.APPROVED


def test_a_grant_is_decided_once(pending, staff):
    approve_grant(pending.pk, agent=staff[Role.SUPERVISOR])
    for decide in (approve_grant, reject_grant):
        with pytest.raises(CreditRefused, match="grant_not_pending"):
            decide(pending.pk, agent=staff[Role.ADMIN], note="again")
    assert ledger(pending) == [("requested", "agent", staff[Role.AGENT].pk),
                               ("approved", "agent", staff[Role.SUPERVISOR].pk)]


def test_another_shops_grant_is_not_found(pending):
    stranger = AgentFactory(role=Role.OWNER)
    for decide in (approve_grant, reject_grant):
        with pytest.raises(Http404):
            decide(pending.pk, agent=stranger, note="mine now")
    assert _unchanged(pending)


# --- rejections -----------------------------------------------------------------------------------

def test_a_rejected_grant_is_recorded_with_who_and_why_and_never_queued(pending, staff, redis_client,
                                                                        django_capture_on_commit_callbacks):
    supervisor = staff[Role.SUPERVISOR]
    with django_capture_on_commit_callbacks(execute=True):
        grant = reject_grant(pending.pk, agent=supervisor, note="Already refunded")
    grant.refresh_from_db()
    assert (grant.state, grant.decided_by, grant.decision_note, grant.expires_at) == (
        GrantState.REJECTED, supervisor, "Already refunded", None)
    assert ledger(grant)[-1] == ("rejected", "agent", supervisor.pk)
    assert grant.ledger.get(kind="rejected").data == {"note": "Already refunded"}
    assert TimelineEvent.objects.order_by("pk").last().kind == "credit.rejected"
    assert queued(redis_client) == []


def test_a_rejection_needs_a_reason(pending, staff):
    for note in ("", "   "):
        with pytest.raises(CreditRefused, match="note_required"):
            reject_grant(pending.pk, agent=staff[Role.SUPERVISOR], note=note)
    assert _unchanged(pending)


def test_the_requester_may_withdraw_their_own_request(order, conversation, staff):
    grant, _ = ask(order, conversation, requester=staff[Role.SUPERVISOR], amount="10.00")
    assert reject_grant(grant.pk, agent=staff[Role.SUPERVISOR], note="wrong order").state == GrantState.REJECTED


def test_a_rejected_grant_never_reaches_shopify(installed_shop, devstore, devstore_log):
    record = httpx.get(f"{devstore.url}/_devstore/shops/{installed_shop.domain}/customers").json()["customers"][0]
    customer = CustomerFactory(shop=installed_shop, shopify_id=record["id"])
    order = OrderFactory(shop=installed_shop, customer=customer, currency="USD", total_price="200.00")
    supervisor = AgentFactory(shop=installed_shop, role=Role.SUPERVISOR)
    rejected, _ = ask(order, requester=AgentFactory(shop=installed_shop), amount="20.00", key="r")
    reject_grant(rejected.pk, agent=supervisor, note="no")
    approved, _ = ask(order, requester=None, amount="5.00", key="a")

    assert credit_issuance.issue_grant(rejected.pk) == credit_issuance.SKIPPED
    assert credit_issuance.issue_grant(approved.pk) == credit_issuance.ISSUED  # the log does see a credit

    mutations = [e for e in devstore_log(kind="graphql") if "storeCreditAccountCredit" in e["root_fields"]]
    assert len(mutations) == 1
    rejected.refresh_from_db()
    assert (rejected.state, rejected.shopify_transaction_id) == (GrantState.REJECTED, "")
    assert [kind for kind, _, _ in ledger(rejected)] == ["requested", "rejected"]


# --- feedback first -------------------------------------------------------------------------------

def test_feedback_first_waits_for_the_rating_then_is_approved_and_queued(order, conversation, staff, redis_client,
                                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        grant, _ = ask(order, conversation, requester=staff[Role.AGENT], feedback_first=True,
                       reason="goodwill_feedback")
    assert grant.state == GrantState.AWAITING_FEEDBACK and queued(redis_client) == []
    assert list(conversation.messages.values_list("kind", "client_id")) == [("bot", f"credit:{grant.pk}:feedback_ask")]

    with django_capture_on_commit_callbacks(execute=True):
        rate_conversation(conversation, rating=2)  # any rating: credit never buys a good review
    grant.refresh_from_db()
    assert grant.state == GrantState.APPROVED
    assert [(kind, actor) for kind, actor, _ in ledger(grant)] == [
        ("requested", "agent"), ("feedback_asked", "system"), ("feedback_received", "system"),
        ("auto_approved", "system")]
    assert grant.ledger.get(kind="feedback_received").data == {"rating": 2}
    assert queued(redis_client) == [(ISSUE_TASK, f"({grant.pk},)")]
    assert feedback_received(conversation) == []  # again: nothing more


def test_the_policys_feedback_first_applies_and_a_rated_conversation_releases_at_once(order, conversation, staff):
    CreditPolicyFactory(shop=order.shop, feedback_first=True)
    waiting, _ = ask(order, conversation, requester=staff[Role.AGENT], key="w")
    assert waiting.state == GrantState.AWAITING_FEEDBACK
    assert ask(order, None, requester=staff[Role.AGENT], key="no-conversation")[0].state == GrantState.APPROVED
    rate_conversation(conversation, rating=5)
    assert feedback_received(conversation) == [waiting.pk]
    assert ask(order, conversation, requester=staff[Role.AGENT], key="after")[0].state == GrantState.APPROVED


def test_feedback_first_above_the_threshold_is_approved_then_waits_for_the_rating(order, conversation, staff,
                                                                                  redis_client,
                                                                                  django_capture_on_commit_callbacks):
    grant, _ = ask(order, conversation, requester=staff[Role.AGENT], amount="12.00", feedback_first=True)
    assert grant.state == GrantState.PENDING_APPROVAL
    with django_capture_on_commit_callbacks(execute=True):
        assert approve_grant(grant.pk, agent=staff[Role.SUPERVISOR]).state == GrantState.AWAITING_FEEDBACK
    assert queued(redis_client) == []
    assert grant.ledger.filter(kind="feedback_asked").count() == 1  # asked once approved
    with django_capture_on_commit_callbacks(execute=True):
        rate_conversation(conversation, rating=4)
    grant.refresh_from_db()
    assert grant.state == GrantState.APPROVED
    assert queued(redis_client) == [(ISSUE_TASK, f"({grant.pk},)")]


def test_feedback_that_comes_after_the_policy_changed_rejects_the_grant(order, conversation, staff, redis_client,
                                                                        django_capture_on_commit_callbacks):
    grant, _ = ask(order, conversation, requester=staff[Role.AGENT], feedback_first=True)
    CreditPolicyFactory(shop=order.shop, reasons=["damaged_item"])
    with django_capture_on_commit_callbacks(execute=True):
        rate_conversation(conversation, rating=3)
    grant.refresh_from_db()
    assert (grant.state, grant.decided_by, grant.decision_note) == (GrantState.REJECTED, None, "reason_not_allowed")
    assert grant.ledger.get(kind="rejected").data == {"reason": "reason_not_allowed"}
    assert queued(redis_client) == []


def test_a_feedback_first_grant_rejected_before_the_rating_stays_rejected(order, conversation, staff, redis_client,
                                                                          django_capture_on_commit_callbacks):
    grant, _ = ask(order, conversation, requester=staff[Role.AGENT], feedback_first=True)
    reject_grant(grant.pk, agent=staff[Role.SUPERVISOR], note="shopper asked for a refund instead")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        rate_conversation(conversation, rating=5)
    grant.refresh_from_db()
    assert grant.state == GrantState.REJECTED and len(callbacks) == 1  # only the rating's broadcast
    assert queued(redis_client) == []


# --- the policy -----------------------------------------------------------------------------------

def test_admins_change_the_policy_audited_with_what_changed(shop, staff):
    row = update_policy(shop, agent=staff[Role.ADMIN], data={"max_per_grant": "25", "auto_approve_below": "10.00"})
    assert (row.max_per_grant, row.auto_approve_below) == (D("25.00"), D("10.00"))
    [event] = AuditEvent.objects.all()
    assert (event.action, event.agent, event.target, event.data) == (
        "settings.credit_policy.updated", staff[Role.ADMIN], "credit_policy",
        {"fields": ["auto_approve_below", "max_per_grant"], "values": {"auto_approve_below": "10.00",
                                                                      "max_per_grant": "25.00"}})
    update_policy(shop, agent=staff[Role.OWNER], data={"max_per_grant": "25.00", "expiry_days": 30})
    assert AuditEvent.objects.order_by("pk").last().data == {"fields": ["expiry_days"], "values": {"expiry_days": 30}}
    update_policy(shop, agent=staff[Role.OWNER], data={"expiry_days": 30})
    assert AuditEvent.objects.count() == 2  # nothing changed: nothing audited


def test_the_policy_is_not_changed_below_admin_or_with_a_bad_field(shop, staff):
    with pytest.raises(CreditForbidden, match="role_may_not_edit_policy"):
        update_policy(shop, agent=staff[Role.SUPERVISOR], data={"max_per_grant": "25"})
    with pytest.raises(CreditForbidden, match="role_may_not_edit_policy"):
        update_policy(shop, agent=AgentFactory(role=Role.OWNER), data={"max_per_grant": "25"})
    with pytest.raises(PolicyInvalid, match="invalid_share"):
        update_policy(shop, agent=staff[Role.OWNER], data={"max_per_grant": "25", "max_order_share": "1.5"})
    assert (CreditPolicy.objects.count(), AuditEvent.objects.count()) == (0, 0)


# --- concurrency: threads with their own connections ------------------------------------------------

def run_together(count, work):
    """``work(i)`` in ``count`` threads started together; returns each result or the refusal's reason."""
    barrier, results = threading.Barrier(count), [None] * count

    def run(i):
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except CreditRefused as refused:
            results[i] = refused.reason
        except Exception as error:  # noqa: BLE001 - shown by the assertions
            results[i] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.mark.django_db(transaction=True)
def test_50_concurrent_identical_requests_make_one_grant(order, conversation, staff, redis_client):
    agent = staff[Role.AGENT]
    results = run_together(50, lambda i: ask(order, conversation, requester=agent, key="agent:click-1"))

    grant = CreditGrant.objects.get()
    assert sorted(created for _, created in results) == [False] * 49 + [True]
    assert {g.pk for g, _ in results} == {grant.pk}
    assert ledger(grant) == [("requested", "agent", agent.pk), ("auto_approved", "system", None)]
    assert TimelineEvent.objects.count() == 1
    assert queued(redis_client) == [(ISSUE_TASK, f"({grant.pk},)")]


@pytest.mark.django_db(transaction=True)
def test_20_concurrent_requests_on_one_order_stop_at_its_share(order, staff, redis_client):
    agent = staff[Role.AGENT]  # 15% of 100.00: three grants of 5.00
    results = run_together(20, lambda i: ask(order, requester=agent, amount="5.00", key=f"k-{i}"))

    outcomes = sorted(r if isinstance(r, str) else "granted" for r in results)
    assert outcomes == ["granted"] * 3 + ["over_order_share"] * 17
    assert CreditGrant.objects.count() == 3
    assert sum(CreditGrant.objects.values_list("amount", flat=True)) == D("15.00")
    assert CreditLedgerEntry.objects.filter(kind="requested").count() == 3
    assert len(queued(redis_client)) == 3


@pytest.mark.django_db(transaction=True)
def test_20_concurrent_requests_on_many_orders_stop_at_the_customers_30_days(shop, staff, redis_client):
    CreditPolicyFactory(shop=shop, max_per_customer_30d="15.00")
    customer = CustomerFactory(shop=shop)
    orders = [OrderFactory(shop=shop, customer=customer, currency="USD", total_price="100.00") for _ in range(20)]
    agent = staff[Role.AGENT]
    results = run_together(20, lambda i: ask(orders[i], requester=agent, amount="5.00", key=f"k-{i}"))

    refusals = [r for r in results if isinstance(r, str)]
    assert refusals == ["over_customer_30d"] * 17
    assert sum(CreditGrant.objects.values_list("amount", flat=True)) == D("15.00")
    assert CreditGrant.objects.values("order").distinct().count() == 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_approvals_of_one_grant_approve_it_once(order, staff, redis_client):
    grant, _ = ask(order, requester=staff[Role.AGENT], amount="12.00")
    deciders = [AgentFactory(shop=order.shop, role=Role.SUPERVISOR) for _ in range(8)]
    results = run_together(8, lambda i: approve_grant(grant.pk, agent=deciders[i]))

    assert sorted(r if isinstance(r, str) else "approved" for r in results) == ["approved"] + ["grant_not_pending"] * 7
    assert CreditLedgerEntry.objects.filter(grant=grant, kind="approved").count() == 1
    assert queued(redis_client) == [(ISSUE_TASK, f"({grant.pk},)")]
