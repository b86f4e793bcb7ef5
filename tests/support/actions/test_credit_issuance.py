"""Issuing store credit through the dev store over real HTTP: one grant, one credit, whatever fails
on the way (timeouts after Shopify applied it, 5xx before, userErrors, two workers at once, lost tasks)."""
import threading
from datetime import date, timedelta
from decimal import Decimal

import httpx
import pytest
from celery.contrib.testing.worker import start_worker
from django.db import connection
from django.utils import timezone

from shopapp.celery import app as celery_app
from support import shopify_credit
from support.actions import credit_issuance
from support.actions.credit_issuance import issue_grant, sweep_credit_grants
from support.models import CreditGrant, CreditPolicy, GrantState
from support.rules.credit_marker import NO_EXPIRY_DAY, iso_z, marker_expiry, shop_zone
from tests.factories import ConversationFactory, CreditGrantFactory, CustomerFactory

SHOP = "demo-store.myshopify.com"
MUTATION = "storeCreditAccountCredit"

pytestmark = pytest.mark.django_db


@pytest.fixture
def shopper(installed_shop, devstore):
    """A customer of the seeded dev store shop, mirrored in the app (no store credit account yet)."""
    record = httpx.get(f"{devstore.url}/_devstore/shops/{SHOP}/customers").json()["customers"][0]
    return CustomerFactory(shop=installed_shop, shopify_id=record["id"], currency="EUR")


@pytest.fixture
def grant(shopper):
    return CreditGrantFactory(shop=shopper.shop, customer=shopper, amount="7.50", currency="EUR")


def store_credit(devstore) -> dict:
    return httpx.get(f"{devstore.url}/_devstore/shops/{SHOP}/store-credit").json()


def credits_of(devstore, customer) -> list[dict]:
    book = store_credit(devstore)
    accounts = {a["id"] for a in book["accounts"] if a["customer_id"] == customer.shopify_id}
    return [t for t in book["transactions"] if t["account_id"] in accounts and t["kind"] == "credit"]


def calls(devstore_log, field=None) -> list[dict]:
    return [e for e in devstore_log(kind="graphql") if field is None or field in e["root_fields"]]


def kinds(grant) -> list[str]:
    return list(grant.ledger.order_by("pk").values_list("kind", flat=True))


def test_an_approved_grant_becomes_one_credit_with_its_marker(grant, devstore, devstore_log):
    assert issue_grant(grant.pk) == credit_issuance.ISSUED

    grant.refresh_from_db()
    [credit] = credits_of(devstore, grant.customer)
    assert (credit["amount"], credit["expires_at"]) == ("7.50", iso_z(grant.expires_at))
    assert grant.shopify_transaction_id == f"gid://shopify/StoreCreditAccountCreditTransaction/{credit['id']}"
    assert (grant.state, grant.attempts, grant.error_code) == (GrantState.ISSUED, 1, "")
    assert grant.issuing_started_at <= grant.issued_at
    assert grant.shop.timezone == "America/New_York"
    assert grant.expires_at == marker_expiry(grant.pk, day=NO_EXPIRY_DAY, zone=grant.shop.timezone)  # no expiry
    assert kinds(grant) == ["issuing", "issued"]
    issued = grant.ledger.get(kind="issued")
    assert (issued.actor, issued.data) == ("system", {
        "transaction_id": grant.shopify_transaction_id, "gift_card_id": "", "amount": "7.50", "currency": "EUR",
        "instrument": "store_credit"})
    assert grant.ledger.get(kind="issuing").data == {"attempt": 1, "expires_at": iso_z(grant.expires_at)}
    assert [e["root_fields"] for e in calls(devstore_log)] == [[MUTATION]]


def test_the_policy_expiry_sets_the_day_of_the_marker(grant, devstore):
    CreditPolicy.objects.create(shop=grant.shop, expiry_days=30)
    assert issue_grant(grant.pk) == credit_issuance.ISSUED
    grant.refresh_from_db()
    day = grant.issuing_started_at.astimezone(shop_zone(grant.shop.timezone)).date() + timedelta(days=30)
    assert grant.expires_at == marker_expiry(grant.pk, day=day, zone=grant.shop.timezone)
    assert [c["expires_at"] for c in credits_of(devstore, grant.customer)] == [iso_z(grant.expires_at)]


@pytest.mark.parametrize("fault", [
    {"kind": "timeout", "when": "after", "delay": 1.5},
    {"kind": "http_502", "when": "after"},
])
def test_no_answer_after_shopify_applied_it_is_reconciled_not_resent(grant, devstore, devstore_fault, devstore_log,
                                                                       settings, fault):
    settings.SHOPIFY_HTTP_TIMEOUT = 0.5
    devstore_fault(field=MUTATION, **fault)

    assert issue_grant(grant.pk) == credit_issuance.ISSUED

    grant.refresh_from_db()
    [credit] = credits_of(devstore, grant.customer)
    assert grant.shopify_transaction_id.endswith(f"/{credit['id']}")
    assert (grant.state, grant.attempts) == (GrantState.ISSUED, 1)
    assert kinds(grant) == ["issuing", "uncertain", "reconciled", "issued"]
    assert grant.ledger.get(kind="reconciled").data["found"] is True
    assert len(calls(devstore_log, MUTATION)) == 1


def test_a_5xx_before_shopify_applied_it_is_reconciled_then_retried_once(grant, devstore, devstore_fault, devstore_log):
    devstore_fault("http_503", field=MUTATION)

    assert issue_grant(grant.pk) == credit_issuance.RETRY
    grant.refresh_from_db()
    assert (grant.state, grant.attempts) == (GrantState.APPROVED, 1)
    assert credits_of(devstore, grant.customer) == []
    assert kinds(grant) == ["issuing", "uncertain", "reconciled"]
    assert grant.ledger.get(kind="uncertain").data == {"code": "http_error_503"}

    assert issue_grant(grant.pk) == credit_issuance.ISSUED  # the task's retry: reconcile first, then send
    grant.refresh_from_db()
    assert len(credits_of(devstore, grant.customer)) == 1
    assert (grant.state, grant.attempts) == (GrantState.ISSUED, 2)
    assert kinds(grant) == ["issuing", "uncertain", "reconciled", "reconciled", "issuing", "issued"]
    assert len(calls(devstore_log, MUTATION)) == 2
    assert len(calls(devstore_log, "customer")) == 2


def test_a_failed_reconciliation_leaves_the_grant_uncertain_for_the_sweep(grant, devstore, devstore_fault,
                                                                          devstore_log, settings):
    settings.SHOPIFY_MAX_RETRIES = 1
    devstore_fault("http_500", field=MUTATION, when="after")
    devstore_fault("http_500", field="customer", count=2)

    assert issue_grant(grant.pk) == credit_issuance.UNCERTAIN
    grant.refresh_from_db()
    assert grant.state == GrantState.UNCERTAIN
    assert kinds(grant) == ["issuing", "uncertain", "uncertain"]
    assert grant.ledger.order_by("pk").last().data == {"code": "reconcile:http_error_500"}

    assert issue_grant(grant.pk) == credit_issuance.ISSUED  # Shopify is back: found, never re-sent
    assert len(credits_of(devstore, grant.customer)) == 1
    assert len(calls(devstore_log, MUTATION)) == 1


def test_user_errors_fail_the_grant_with_shopifys_reason(installed_shop, devstore, devstore_log):
    stranger = CustomerFactory(shop=installed_shop, shopify_id=9100000000199999)  # unknown to Shopify
    grant = CreditGrantFactory(shop=installed_shop, customer=stranger)

    assert issue_grant(grant.pk) == credit_issuance.FAILED

    grant.refresh_from_db()
    assert (grant.state, grant.error_code) == (GrantState.FAILED, "ACCOUNT_NOT_FOUND")
    assert grant.error_message == "Store credit account does not exist."
    assert kinds(grant) == ["issuing", "failed"]
    assert grant.ledger.get(kind="failed").data == {"code": "ACCOUNT_NOT_FOUND",
                                                    "message": "Store credit account does not exist."}
    assert store_credit(devstore)["transactions"] == []
    assert len(calls(devstore_log)) == 1
    devstore_log.clear()
    assert issue_grant(grant.pk) == credit_issuance.SKIPPED  # never retried
    assert calls(devstore_log) == []


def test_an_expiry_in_the_past_is_refused_by_shopify_and_fails(grant, devstore, devstore_log):
    CreditGrant.objects.filter(pk=grant.pk).update(expires_at=timezone.now() - timedelta(days=2))

    assert issue_grant(grant.pk) == credit_issuance.FAILED
    grant.refresh_from_db()
    assert (grant.state, grant.error_code) == (GrantState.FAILED, "EXPIRES_AT_IN_PAST")
    assert credits_of(devstore, grant.customer) == []
    assert len(calls(devstore_log, MUTATION)) == 1


def test_an_issued_grant_run_again_makes_no_request(grant, devstore, devstore_log):
    assert issue_grant(grant.pk) == credit_issuance.ISSUED
    devstore_log.clear()

    assert issue_grant(grant.pk) == credit_issuance.SKIPPED
    assert devstore_log() == []
    assert len(credits_of(devstore, grant.customer)) == 1
    assert kinds(grant) == ["issuing", "issued"]


@pytest.mark.parametrize("state", [GrantState.PENDING_APPROVAL, GrantState.REJECTED, GrantState.AWAITING_FEEDBACK,
                                   GrantState.FAILED, GrantState.ISSUING])
def test_a_grant_that_is_not_approved_never_reaches_shopify(shopper, devstore, devstore_log, state):
    grant = CreditGrantFactory(shop=shopper.shop, customer=shopper, state=state)

    assert issue_grant(grant.pk) == credit_issuance.SKIPPED
    assert issue_grant(987654321) == credit_issuance.SKIPPED  # gone
    grant.refresh_from_db()
    assert (grant.state, grant.attempts, grant.expires_at) == (state, 0, None)
    assert kinds(grant) == []
    assert devstore_log() == []


def test_gave_up_after_the_bounded_attempts_without_a_call(grant, devstore, devstore_log):
    CreditGrant.objects.filter(pk=grant.pk).update(
        attempts=credit_issuance.MAX_ATTEMPTS, issuing_started_at=timezone.now(),
        expires_at=marker_expiry(grant.pk, day=date(2027, 1, 1), zone="UTC"))

    assert issue_grant(grant.pk) == credit_issuance.FAILED
    grant.refresh_from_db()
    assert (grant.state, grant.error_code) == (GrantState.FAILED, "gave_up")
    assert kinds(grant) == ["reconciled", "failed"]  # one last look first: nothing there
    assert calls(devstore_log, MUTATION) == []


def test_a_customer_without_a_shopify_account_fails_without_a_call(installed_shop, devstore_log):
    visitor = CustomerFactory(shop=installed_shop, shopify_id=None, visitor_id="v-1")
    grant = CreditGrantFactory(shop=installed_shop, customer=visitor)

    assert issue_grant(grant.pk) == credit_issuance.FAILED
    grant.refresh_from_db()
    assert (grant.state, grant.error_code) == (GrantState.FAILED, "no_shopify_customer")
    assert devstore_log() == []


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_make_one_call(grant, devstore, devstore_fault, devstore_log):
    devstore_fault("timeout", field=MUTATION, when="after", delay=1.0)  # the first call takes a second
    start = threading.Barrier(2)
    outcomes = []

    def work():
        try:
            start.wait()
            outcomes.append(issue_grant(grant.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)

    assert sorted(outcomes) == [credit_issuance.BUSY, credit_issuance.ISSUED]
    assert len(calls(devstore_log, MUTATION)) == 1
    assert len(credits_of(devstore, grant.customer)) == 1
    grant.refresh_from_db()
    assert (grant.state, grant.attempts) == (GrantState.ISSUED, 1)


@pytest.fixture
def eager():
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


def test_the_sweep_requeues_a_lost_approved_grant_and_leaves_fresh_ones(
        grant, shopper, devstore, eager, django_capture_on_commit_callbacks):
    fresh = CreditGrantFactory(shop=shopper.shop, customer=shopper)
    CreditGrant.objects.filter(pk=grant.pk).update(updated_at=timezone.now() - timedelta(minutes=2))

    with django_capture_on_commit_callbacks(execute=True):
        counts = sweep_credit_grants(timezone.now())

    assert counts == {"approved": 1, "uncertain": 0, "stale_issuing": 0, "notified": 0}
    grant.refresh_from_db()
    fresh.refresh_from_db()
    assert (grant.state, fresh.state) == (GrantState.ISSUED, GrantState.APPROVED)
    assert len(credits_of(devstore, shopper)) == 1


def test_the_sweep_reconciles_a_stuck_issuing_grant_without_resending(
        grant, devstore, devstore_log, eager, django_capture_on_commit_callbacks):
    started = timezone.now() - timedelta(minutes=6)
    expires_at = marker_expiry(grant.pk, day=date(2027, 1, 31), zone="America/New_York")
    CreditGrant.objects.filter(pk=grant.pk).update(  # as a worker that died after its call leaves it
        state=GrantState.ISSUING, attempts=1, issuing_started_at=started, expires_at=expires_at, updated_at=started)
    shopify_credit.credit_account(grant.shop, customer_id=grant.customer.shopify_id, amount=Decimal("7.50"),
                                  currency="EUR", expires_at=expires_at)  # the call it made
    devstore_log.clear()

    with django_capture_on_commit_callbacks(execute=True):
        counts = sweep_credit_grants(timezone.now())

    assert counts == {"approved": 0, "uncertain": 0, "stale_issuing": 1, "notified": 0}
    grant.refresh_from_db()
    [credit] = credits_of(devstore, grant.customer)
    assert (grant.state, grant.attempts) == (GrantState.ISSUED, 1)
    assert grant.shopify_transaction_id.endswith(f"/{credit['id']}")
    assert kinds(grant) == ["uncertain", "reconciled", "issued"]
    assert grant.ledger.get(kind="uncertain").data == {"code": "stale_issuing"}
    assert calls(devstore_log, MUTATION) == []
    assert len(calls(devstore_log, "customer")) == 1


def test_the_sweep_requeues_an_uncertain_grant_and_leaves_a_recent_issuing_one(
        grant, shopper, devstore, devstore_log, eager, django_capture_on_commit_callbacks):
    busy = CreditGrantFactory(shop=shopper.shop, customer=shopper, state=GrantState.ISSUING, attempts=1)
    started = timezone.now() - timedelta(minutes=3)
    CreditGrant.objects.filter(pk=grant.pk).update(
        state=GrantState.UNCERTAIN, attempts=1, issuing_started_at=started, updated_at=started,
        expires_at=marker_expiry(grant.pk, day=date(2027, 1, 31), zone="America/New_York"))

    with django_capture_on_commit_callbacks(execute=True):
        counts = sweep_credit_grants(timezone.now())

    assert counts == {"approved": 0, "uncertain": 1, "stale_issuing": 0, "notified": 0}
    grant.refresh_from_db()
    busy.refresh_from_db()
    assert (grant.state, grant.attempts, busy.state) == (GrantState.ISSUED, 2, GrantState.ISSUING)
    assert kinds(grant) == ["reconciled", "issuing", "issued"]
    assert len(credits_of(devstore, shopper)) == 1


@pytest.mark.django_db(transaction=True)
def test_the_sweep_skips_an_issuing_grant_whose_worker_is_alive(grant):
    from support.selectors.locks import issuing_lock

    CreditGrant.objects.filter(pk=grant.pk).update(state=GrantState.ISSUING,
                                                   updated_at=timezone.now() - timedelta(minutes=6))
    outcome = {}

    def other_worker():
        try:
            outcome["counts"] = sweep_credit_grants(timezone.now())
        finally:
            connection.close()

    with issuing_lock(grant.pk) as held:
        assert held
        thread = threading.Thread(target=other_worker)
        thread.start()
        thread.join(timeout=20)

    assert outcome["counts"] == {"approved": 0, "uncertain": 0, "stale_issuing": 0, "notified": 0}
    grant.refresh_from_db()
    assert grant.state == GrantState.ISSUING
    assert kinds(grant) == []


def test_gift_card_fallback_creates_one_card_with_the_grants_code(installed_shop, shopper, devstore, devstore_log):
    grant = CreditGrantFactory(shop=installed_shop, customer=shopper, instrument="gift_card", currency="USD",
                               amount="12.00")

    assert issue_grant(grant.pk) == credit_issuance.ISSUED

    grant.refresh_from_db()
    [card] = store_credit(devstore)["gift_cards"]
    assert grant.shopify_gift_card_id == f"gid://shopify/GiftCard/{card['id']}"
    assert (card["initial_value"], card["currency"], card["customer_id"]) == ("12.00", "USD", shopper.shopify_id)
    assert card["last_characters"] == credit_issuance.gift_card_code(grant)[-4:]
    assert card["note"] == f"Support credit grant {grant.pk} (late_delivery)"
    assert card["expires_on"] is None  # the default policy: no expiry
    assert kinds(grant) == ["issuing", "issued"]
    assert grant.ledger.get(kind="issuing").data["code_digest"] != ""
    assert store_credit(devstore)["transactions"] == []
    assert len(calls(devstore_log, "giftCardCreate")) == 1


def test_gift_card_after_an_unclear_answer_is_recognised_by_its_code(installed_shop, shopper, devstore,
                                                                     devstore_fault, devstore_log, settings):
    settings.SHOPIFY_HTTP_TIMEOUT = 0.5
    CreditPolicy.objects.create(shop=installed_shop, expiry_days=90)
    grant = CreditGrantFactory(shop=installed_shop, customer=shopper, instrument="gift_card", currency="USD")
    devstore_fault("timeout", field="giftCardCreate", when="after", delay=1.0)

    assert issue_grant(grant.pk) == credit_issuance.RETRY  # no search for gift cards: the retry checks
    assert issue_grant(grant.pk) == credit_issuance.ISSUED

    grant.refresh_from_db()
    assert len(store_credit(devstore)["gift_cards"]) == 1
    assert (grant.state, grant.attempts, grant.shopify_gift_card_id) == (GrantState.ISSUED, 2, "")
    assert kinds(grant) == ["issuing", "uncertain", "reconciled", "reconciled", "issuing", "reconciled", "issued"]
    assert grant.ledger.order_by("pk")[5].data["method"] == "gift_card_code_taken"
    assert len(calls(devstore_log, "giftCardCreate")) == 2


def test_gift_card_in_another_currency_than_the_shops_fails_without_a_call(shopper, devstore_log):
    grant = CreditGrantFactory(shop=shopper.shop, customer=shopper, instrument="gift_card", currency="EUR")

    assert issue_grant(grant.pk) == credit_issuance.FAILED
    grant.refresh_from_db()
    assert (grant.state, grant.error_code) == (GrantState.FAILED, "gift_card_currency")
    assert devstore_log() == []


def test_the_shopper_is_told_after_commit(shopper, devstore, django_capture_on_commit_callbacks):
    conversation = ConversationFactory(shop=shopper.shop, customer=shopper)
    grant = CreditGrantFactory(shop=shopper.shop, customer=shopper, conversation=conversation)

    with django_capture_on_commit_callbacks(execute=True):
        assert issue_grant(grant.pk) == credit_issuance.ISSUED

    assert kinds(grant) == ["issuing", "issued", "notified"]


def test_the_credit_documents_are_known_as_mutations_despite_their_leading_comments():
    from shopapp.shopify.client import load_operation

    assert load_operation("StoreCreditAccountCredit").is_mutation is True
    assert load_operation("GiftCardCreate").is_mutation is True
    assert load_operation("CustomerStoreCreditTransactions").is_mutation is False


def wait_for_state(grant, state, timeout=20.0):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        grant.refresh_from_db()
        if grant.state == state:
            return grant
        time.sleep(0.05)
    raise AssertionError(f"grant still {grant.state}")


@pytest.mark.django_db(transaction=True)
def test_enqueue_issuance_is_issued_by_a_real_worker_with_a_retry(grant, devstore, devstore_fault, devstore_log,
                                                                  redis_client, monkeypatch):
    monkeypatch.setattr(credit_issuance, "RETRY_DELAYS", (0.3,))
    devstore_fault("http_502", field=MUTATION)  # the first send surely failed: the task retries

    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        credit_issuance.enqueue_issuance(grant.pk)
        wait_for_state(grant, GrantState.ISSUED)

    assert grant.attempts == 2
    assert len(credits_of(devstore, grant.customer)) == 1
    assert len(calls(devstore_log, MUTATION)) == 2
    assert kinds(grant) == ["issuing", "uncertain", "reconciled", "reconciled", "issuing", "issued"]


def test_the_sweep_tells_the_shopper_about_an_issued_credit_whose_notice_failed(shopper):
    conversation = ConversationFactory(shop=shopper.shop, customer=shopper, language="en")
    issued = CreditGrantFactory(shop=shopper.shop, customer=shopper, conversation=conversation,
                                state=GrantState.ISSUED, issued_at=timezone.now() - timedelta(minutes=5),
                                expires_at=None)
    assert sweep_credit_grants(timezone.now())["notified"] == 1
    assert kinds(issued) == ["notified"]
    assert conversation.messages.filter(client_id=f"credit:{issued.pk}:issued").count() == 1
    assert sweep_credit_grants(timezone.now())["notified"] == 0  # told once
    assert conversation.messages.count() == 1


@pytest.mark.django_db(transaction=True)
def test_issued_and_failed_grants_are_steps_on_the_conversation_told_to_the_agents_only(
        installed_shop, shopper, devstore, listen):
    from support import realtime
    from support.models import TimelineEvent

    conversation = ConversationFactory(shop=installed_shop, customer=shopper)
    good = CreditGrantFactory(shop=installed_shop, customer=shopper, conversation=conversation, amount="7.50",
                              currency="EUR")
    stranger = CustomerFactory(shop=installed_shop, shopify_id=9100000000199998)  # unknown to Shopify
    bad = CreditGrantFactory(shop=installed_shop, customer=stranger, conversation=conversation)
    agents = listen(realtime.agents_group(installed_shop.pk))
    shopper_socket = listen(realtime.shopper_group(conversation.pk))

    assert issue_grant(good.pk) == credit_issuance.ISSUED
    assert issue_grant(bad.pk) == credit_issuance.FAILED

    steps = [(e.kind, e.data["grant_id"], e.data["state"]) for e in
             TimelineEvent.objects.filter(conversation=conversation, kind__startswith="credit.").order_by("pk")]
    assert steps == [("credit.issued", str(good.pk), "issued"), ("credit.failed", str(bad.pk), "failed")]
    changes = [(e["payload"]["change"], e["payload"]["grant_id"]) for e in agents()
               if e["event"] == realtime.CONVERSATION_UPDATED]
    assert changes == [("credit.issued", str(good.pk)), ("credit.failed", str(bad.pk))]
    assert [e for e in shopper_socket() if e["event"] == realtime.CONVERSATION_UPDATED] == []
