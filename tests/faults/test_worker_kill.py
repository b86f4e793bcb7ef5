"""A Celery worker killed mid-task during store-credit issuance: exactly one credit.

A real worker process (prefork, its own process group) takes the grant's issue task and calls the dev
store over HTTP; the dev store holds the ``storeCreditAccountCredit`` answer (a ``timeout`` fault), so
the worker is inside the call when the test SIGKILLs its process group. Two moments:
- ``before``: Shopify has not applied the credit (the fault holds the request before execution);
- ``after``: Shopify applied it and the answer never came back (our ISSUED commit never happened).
Then the credit sweep runs as beat runs it (``sweep_credit_grants``, at a moment past the stale-issuing
limit), a new worker takes the queued task, and the dev store's account holds exactly one credit."""
import os
import signal
import subprocess
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from django.conf import settings
from django.utils import timezone

from support.actions.credit_issuance import sweep_credit_grants
from support.models import CreditGrant, GrantState, Message
from tests.browser.harness import wait_until
from tests.stack_env import stack_env
from tests.support.test_credit_flow import (  # noqa: F401 - case and shopper are fixtures
    case,
    credits_of,
    mutations,
    post,
    shopper,
)
from tests.support.test_followup_crashes import other_sessions

ROOT = Path(__file__).resolve().parents[2]
CREDIT_FIELD = "storeCreditAccountCredit"
HOLD_SECONDS = 120  # the dev store's hold: far longer than the test needs the worker to sit in the call
pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]


def worker_process(log_path: Path) -> subprocess.Popen:
    """``celery -A shopapp worker`` (prefork, one child) in its own session, on this test's database,
    Redis DB and dev store; its Shopify HTTP timeout outlasts the dev store's hold."""
    env = stack_env(SHOPIFY_DEVSTORE_URL=settings.SHOPIFY_DEVSTORE_URL, SHOPIFY_HTTP_TIMEOUT=str(HOLD_SECONDS * 2))
    argv = [str(Path(sys.executable).parent / "celery"), "-A", "shopapp", "worker", "--pool", "prefork",
            "--concurrency", "1", "--loglevel", "WARNING"]
    with log_path.open("ab") as log:
        return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,  # noqa: S603
                                start_new_session=True)


def stop(process: subprocess.Popen, sig: int) -> None:
    os.killpg(process.pid, sig)
    process.wait(timeout=30)


def faults(devstore) -> list:
    return httpx.get(f"{devstore.url}/_devstore/faults").json()["faults"]


def ledger(grant) -> list[tuple[str, dict]]:
    return [(kind, data) for kind, data in grant.ledger.order_by("pk").values_list("kind", "data")]


LEDGER_HEAD = ["requested", "auto_approved", "issuing"]
# After the kill: the sweep marks the grant uncertain; the new worker reconciles against the account.
LEDGER_TAIL = {
    "before": ["uncertain", "reconciled", "issuing", "issued", "notified"],  # absent: sent once more
    "after": ["uncertain", "reconciled", "issued", "notified"],  # found: never sent again
}


@pytest.mark.parametrize("when", ["before", "after"])
def test_worker_killed_inside_the_credit_call_makes_exactly_one_credit(
        when, case, shopper, session_token, devstore, devstore_fault, devstore_log, redis_client, tmp_path):  # noqa: F811
    order, conversation = case
    body = {"order_id": str(order.shopify_id), "amount": "8.00", "reason": "late_delivery", "client_id": "kill-1"}
    response = post(session_token, f"/api/admin/conversations/{conversation.pk}/credit", body)
    assert (response.status_code, response.json()["state"]) == (201, "approved")
    grant = CreditGrant.objects.get()
    devstore_fault("timeout", field=CREDIT_FIELD, when=when, delay=HOLD_SECONDS)

    first = worker_process(tmp_path / "first.log")
    try:
        wait_until(lambda: len(mutations(devstore_log)) == 1 or first.poll() is not None, timeout=60)
        assert len(mutations(devstore_log)) == 1, (tmp_path / "first.log").read_text()
        assert faults(devstore) == []  # the dev store took the fault: it is holding the worker's call now
        assert len(credits_of(devstore, shopper)) == (1 if when == "after" else 0)
        grant.refresh_from_db()
        assert (grant.state, grant.attempts) == (GrantState.ISSUING, 1)
        # While the worker is alive it holds the grant's issuing lock: the sweep leaves the grant alone.
        later = timezone.now() + timedelta(minutes=6)
        assert sweep_credit_grants(later) == {"approved": 0, "uncertain": 0, "stale_issuing": 0, "notified": 0}
    finally:
        stop(first, signal.SIGKILL)

    assert wait_until(lambda: other_sessions() == 0, timeout=15)  # PostgreSQL ended the dead worker's session
    grant.refresh_from_db()
    assert (grant.state, grant.attempts, grant.shopify_transaction_id) == (GrantState.ISSUING, 1, "")
    assert not Message.objects.filter(conversation=conversation, kind="bot").exists()

    later = timezone.now() + timedelta(minutes=6)  # past STALE_ISSUING_AFTER: the sweep takes the grant
    assert sweep_credit_grants(later) == {"approved": 0, "uncertain": 0, "stale_issuing": 1, "notified": 0}
    second = worker_process(tmp_path / "second.log")
    try:
        notified = Message.objects.filter(conversation=conversation, kind="bot").exists
        wait_until(lambda: notified() or second.poll() is not None, timeout=60)
        assert notified(), (tmp_path / "second.log").read_text()
    finally:
        stop(second, signal.SIGTERM)
    assert wait_until(lambda: other_sessions() == 0, timeout=15)

    grant.refresh_from_db()
    [credit] = credits_of(devstore, shopper)
    assert (credit["amount"], grant.amount, grant.state) == ("8.00", Decimal("8.00"), GrantState.ISSUED)
    assert grant.shopify_transaction_id.endswith(f"/{credit['id']}")
    assert grant.attempts == (2 if when == "before" else 1)
    sent = [(entry["outcome"], entry.get("applied")) for entry in mutations(devstore_log)]
    assert sent == ([("fault:timeout", None), ("ok", True)] if when == "before" else [("fault:timeout", True)])
    entries = ledger(grant)
    assert [kind for kind, _ in entries] == LEDGER_HEAD + LEDGER_TAIL[when]
    assert [data.get("code") for kind, data in entries if kind == "uncertain"] == ["stale_issuing"]
    assert [data["found"] for kind, data in entries if kind == "reconciled"] == [when == "after"]
    [issued_entry] = [data for kind, data in entries if kind == "issued"]
    assert (issued_entry["transaction_id"], issued_entry["amount"]) == (grant.shopify_transaction_id, "8.00")
    [notice] = Message.objects.filter(conversation=conversation, kind="bot")
    assert notice.client_id == f"credit:{grant.pk}:issued" and "8.00" in notice.body
    # A later sweep finds nothing to do and sends nothing.
    logged = len(devstore_log(kind="graphql"))
    assert sweep_credit_grants(timezone.now() + timedelta(minutes=12)) == {
        "approved": 0, "uncertain": 0, "stale_issuing": 0, "notified": 0}
    assert len(devstore_log(kind="graphql")) == logged
    assert len(credits_of(devstore, shopper)) == 1
