"""The follow-up engine with a controlled clock (``now=`` passed explicitly) and test-only kinds: idempotent
scheduling, the sweep's claims, exactly-once runs, cancellation, ``Later``, retries with backoff and
quiet hours. Real PostgreSQL; the published tasks are read back from the real Redis broker."""
import base64
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection, transaction

from support.actions import followups
from support.actions.followup_handlers import HANDLERS, Kind
from support.actions.followups import (
    MAX_ATTEMPTS,
    Later,
    cancel_followups,
    followup_zone,
    run_followup,
    run_followups,
    schedule_followup,
    schedule_followups,
    sweep_due_followups,
)
from support.actions.messages import send_bot_reply
from support.models import FollowUp, FollowUpStatus, Message
from support.selectors.locks import lock_conversation
from tests.factories import ConversationFactory, FollowUpFactory, OrderFactory, ShopFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 3, 16, 0, tzinfo=UTC)  # noon in Toronto (the factories' shopper), 01:00 in Tokyo
CALLS: list[int] = []


def notify(followup, now):
    """A shopper-facing test kind: one bot message whose client id comes from the follow-up."""
    CALLS.append(followup.pk)
    send_bot_reply(followup.conversation, body="How did it go?", key="test.notice", client_id=f"followup:{followup.pk}")
    return "sent"


def notify_then_fail(followup, now):
    notify(followup, now)
    raise RuntimeError("carrier API down")


def not_yet(followup, now):
    CALLS.append(followup.pk)
    return Later(now + timedelta(hours=1), "waiting_for_delivery")


def nothing_needed(followup, now):
    CALLS.append(followup.pk)
    return "skipped_conversation_open"


@pytest.fixture(autouse=True)
def kinds(monkeypatch):
    CALLS.clear()
    for name, handler, shopper in [("test_notice", notify, True), ("test_agent_notice", notify, False),
                                   ("test_fails", notify_then_fail, False), ("test_later", not_yet, False),
                                   ("test_skip", nothing_needed, False), ("test_bad_answer", lambda f, n: None, False)]:
        monkeypatch.setitem(HANDLERS, name, Kind(handler, reaches_shopper=shopper))


def followup(kind="test_notice", conversation=None, **fields):
    conversation = conversation or ConversationFactory()
    values = {"due_at": NOW, "status": FollowUpStatus.QUEUED, "queued_at": NOW, **fields}
    return FollowUpFactory(shop=conversation.shop, kind=kind, conversation=conversation, **values)


def messages(row):
    return list(Message.objects.filter(client_id=f"followup:{row.pk}").values_list("kind", "body"))


def state(row):
    row.refresh_from_db()
    return row.status, row.outcome, row.attempts


def published(redis_client) -> list[list[int]]:
    """The id lists of the ``run_followups_task`` messages waiting in the broker, oldest first."""
    raw = [json.loads(item) for item in reversed(redis_client.lrange("celery", 0, -1))]
    assert {item["headers"]["task"] for item in raw} <= {"support.tasks.run_followups_task"}
    return [json.loads(base64.b64decode(item["body"]))[0][0] for item in raw]


# --- scheduling --------------------------------------------------------------------------------------

def test_scheduling_the_same_key_twice_keeps_the_first():
    conversation = ConversationFactory()
    first, created = schedule_followup(shop=conversation.shop, kind="test_notice", key="checkin:7", due_at=NOW,
                                       conversation=conversation, data={"n": 1})
    again, created_again = schedule_followup(shop=conversation.shop, kind="test_notice", key="checkin:7",
                                             due_at=NOW + timedelta(days=3), conversation=conversation)
    assert (created, created_again, again.pk) == (True, False, first.pk)
    assert list(FollowUp.objects.values_list("key", "due_at", "data", "status")) == [
        ("checkin:7", NOW, {"n": 1}, FollowUpStatus.SCHEDULED)]


def test_the_same_key_in_another_shop_is_another_follow_up():
    shops = [ShopFactory(), ShopFactory()]
    rows = [schedule_followup(shop=shop, kind="test_skip", key="nudge:1", due_at=NOW)[0] for shop in shops]
    assert len({row.pk for row in rows}) == 2


def test_several_follow_ups_in_one_statement_answer_each_created_or_found(django_assert_num_queries):
    conversation = ConversationFactory()
    shop, other = conversation.shop, ShopFactory()
    there, _ = schedule_followup(shop=shop, kind="test_notice", key="checkin:1", due_at=NOW, data={"n": 0})
    plans = [dict(shop=shop, kind="test_notice", key="checkin:1", due_at=NOW + timedelta(days=1)),
             dict(shop=shop, kind="test_skip", key="nudge:2", due_at=NOW, conversation=conversation, data={"n": 2}),
             dict(shop=other, kind="test_skip", key="checkin:1", due_at=NOW),
             dict(shop=shop, kind="test_skip", key="nudge:2", due_at=NOW + timedelta(days=2))]
    with django_assert_num_queries(2):  # the INSERT, then one read of the keys that were there
        answers = schedule_followups(plans)
    assert [(row.shop_id, row.key, created) for row, created in answers] == [
        (shop.pk, "checkin:1", False), (shop.pk, "nudge:2", True), (other.pk, "checkin:1", True),
        (shop.pk, "nudge:2", False)]
    assert answers[0][0].pk == there.pk and answers[3][0].pk == answers[1][0].pk
    stored = {(row.shop_id, row.key): (row.kind, row.due_at, row.data, row.conversation_id)
              for row in FollowUp.objects.all()}
    assert stored == {(shop.pk, "checkin:1"): ("test_notice", NOW, {"n": 0}, None),
                      (shop.pk, "nudge:2"): ("test_skip", NOW, {"n": 2}, conversation.pk),
                      (other.pk, "checkin:1"): ("test_skip", NOW, {}, None)}
    assert schedule_followups([]) == []


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_schedulers_make_one_row():
    shop = ShopFactory()
    barrier, results = threading.Barrier(20), [None] * 20

    def schedule(i):
        try:
            barrier.wait(timeout=30)
            row, created = schedule_followup(shop=shop, kind="test_skip", key="dispute:9", due_at=NOW + timedelta(i))
            results[i] = (row.pk, created)
        except Exception as error:  # noqa: BLE001 - shown by the assertions
            results[i] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=schedule, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    row = FollowUp.objects.get()
    assert sorted(results, key=lambda r: not r[1]) == [(row.pk, True)] + [(row.pk, False)] * 19


# --- the sweep ---------------------------------------------------------------------------------------

def test_the_sweep_claims_only_due_rows_in_due_order(redis_client, django_capture_on_commit_callbacks):
    conversation = ConversationFactory()
    due = [followup(conversation=conversation, status=FollowUpStatus.SCHEDULED, queued_at=None,
                    due_at=NOW - timedelta(minutes=m)) for m in (5, 60, 0, 30)]
    later = followup(conversation=conversation, status=FollowUpStatus.SCHEDULED, queued_at=None,
                     due_at=NOW + followups.LOOKAHEAD + timedelta(seconds=1))
    others = [followup(conversation=conversation, status=status, due_at=NOW - timedelta(hours=1), queued_at=None)
              for status in (FollowUpStatus.CANCELLED, FollowUpStatus.DONE, FollowUpStatus.FAILED)]

    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_due_followups(NOW) == {"due": 4, "requeued": 0}

    assert published(redis_client) == [[due[1].pk, due[3].pk, due[0].pk, due[2].pk]]
    assert {row.pk: (row.status, row.queued_at) for row in FollowUp.objects.filter(pk__in=[r.pk for r in due])} == {
        row.pk: (FollowUpStatus.QUEUED, NOW) for row in due}
    assert state(later)[0] == FollowUpStatus.SCHEDULED
    assert [state(row)[0] for row in others] == [FollowUpStatus.CANCELLED, FollowUpStatus.DONE, FollowUpStatus.FAILED]
    assert CALLS == []  # the sweep runs nothing itself


def test_the_sweep_claims_the_earliest_first_and_in_batches(redis_client, django_capture_on_commit_callbacks,
                                                            monkeypatch):
    monkeypatch.setattr(followups, "BATCH", 2)
    conversation = ConversationFactory()
    rows = [followup(conversation=conversation, status=FollowUpStatus.SCHEDULED, queued_at=None,
                     due_at=NOW - timedelta(minutes=m)) for m in (1, 5, 3, 4, 2)]
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_due_followups(NOW, limit=3) == {"due": 3, "requeued": 0}
    assert published(redis_client) == [[rows[1].pk, rows[3].pk], [rows[2].pk]]
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_due_followups(NOW) == {"due": 2, "requeued": 0}
    assert published(redis_client)[2:] == [[rows[4].pk, rows[0].pk]]


def test_the_sweep_publishes_chunks(redis_client, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(followups, "CHUNK", 2)
    conversation = ConversationFactory()
    rows = [followup(conversation=conversation, status=FollowUpStatus.SCHEDULED, queued_at=None,
                     due_at=NOW - timedelta(minutes=m)) for m in (3, 2, 1)]
    with django_capture_on_commit_callbacks(execute=True):
        sweep_due_followups(NOW)
    assert published(redis_client) == [[rows[0].pk, rows[1].pk], [rows[2].pk]]


def test_rows_queued_too_long_are_queued_again(redis_client, django_capture_on_commit_callbacks):
    lost = followup()  # queued at NOW; its task never ran
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_due_followups(NOW + timedelta(minutes=4)) == {"due": 0, "requeued": 0}
    assert published(redis_client) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_due_followups(NOW + timedelta(minutes=6)) == {"due": 0, "requeued": 1}
    assert published(redis_client) == [[lost.pk]]
    lost.refresh_from_db()
    assert (lost.status, lost.queued_at) == (FollowUpStatus.QUEUED, NOW + timedelta(minutes=6))


# --- running -----------------------------------------------------------------------------------------

def test_a_follow_up_runs_once_however_often_its_task_comes():
    row = followup()
    assert run_followup(row.pk, NOW) == "sent"
    assert run_followup(row.pk, NOW) == "not_queued"
    assert run_followups([row.pk, row.pk], NOW) == {row.pk: "not_queued"}

    assert messages(row) == [("bot", "How did it go?")]
    assert CALLS == [row.pk]
    row.refresh_from_db()
    assert (row.status, row.outcome, row.attempts, row.finished_at) == (FollowUpStatus.DONE, "sent", 1, NOW)


def test_a_chunk_runs_each_row_and_records_each_outcome():
    conversation = ConversationFactory()
    sent, skipped = followup(conversation=conversation), followup("test_skip", conversation=conversation)
    scheduled = followup(conversation=conversation, status=FollowUpStatus.SCHEDULED)

    outcomes = run_followups([sent.pk, skipped.pk, scheduled.pk, 999_999], NOW)

    assert outcomes == {sent.pk: "sent", skipped.pk: "skipped_conversation_open", scheduled.pk: "not_queued",
                        999_999: "not_queued"}
    assert state(sent) == (FollowUpStatus.DONE, "sent", 1)
    assert state(skipped) == (FollowUpStatus.SKIPPED, "skipped_conversation_open", 1)
    assert state(scheduled) == (FollowUpStatus.SCHEDULED, "", 0)
    assert CALLS == [sent.pk, skipped.pk]


@pytest.mark.django_db(transaction=True)
def test_two_workers_run_chunks_of_the_same_shop_at_once(monkeypatch):
    entered, release, results = threading.Event(), threading.Event(), {}

    def hold(followup, now):
        entered.set()
        release.wait(timeout=30)
        return "held"

    monkeypatch.setitem(HANDLERS, "test_hold", Kind(hold, reaches_shopper=False))
    shop = ShopFactory()
    held = FollowUpFactory(shop=shop, kind="test_hold", status=FollowUpStatus.QUEUED, queued_at=NOW)
    other = followup("test_skip", conversation=ConversationFactory(shop=shop))

    def first_worker():
        try:
            results["held"] = run_followups([held.pk], NOW)
        finally:
            connection.close()

    thread = threading.Thread(target=first_worker)
    thread.start()
    try:
        assert entered.wait(timeout=30)
        assert run_followups([other.pk], NOW) == {other.pk: "skipped_conversation_open"}  # the shop is not locked
        assert run_followups([held.pk], NOW) == {held.pk: "not_queued"}  # the other worker has that row
    finally:
        release.set()
        thread.join(timeout=30)
    assert results["held"] == {held.pk: "held"}
    assert [state(row) for row in (held, other)] == [(FollowUpStatus.DONE, "held", 1),
                                                      (FollowUpStatus.SKIPPED, "skipped_conversation_open", 1)]


@pytest.mark.django_db(transaction=True)
def test_rows_of_a_running_chunk_not_yet_run_can_be_cancelled_at_once(monkeypatch):
    """An agent's action locks the conversation, then cancels its follow-ups: it must not wait for a chunk
    that would later wait for that conversation (rows are locked one at a time, as they run)."""
    entered, release, results = threading.Event(), threading.Event(), {}

    def hold(followup, now):
        entered.set()
        release.wait(timeout=30)
        return "held"

    monkeypatch.setitem(HANDLERS, "test_hold", Kind(hold, reaches_shopper=False))
    first, second = ConversationFactory(), ConversationFactory()
    held, waiting = followup("test_hold", conversation=first), followup("test_agent_notice", conversation=second)

    def worker():
        try:
            results["chunk"] = run_followups([waiting.pk, held.pk], NOW)
        finally:
            connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert entered.wait(timeout=30)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '2s'")
            lock_conversation(second.pk)
            assert cancel_followups(FollowUp.objects.filter(conversation=second), "shopper_replied") == 1
    finally:
        release.set()
        thread.join(timeout=30)
    assert results["chunk"] == {held.pk: "held", waiting.pk: "not_queued"}
    assert (state(held), state(waiting)) == ((FollowUpStatus.DONE, "held", 1),
                                             (FollowUpStatus.CANCELLED, "shopper_replied", 0))
    assert messages(waiting) == []


def test_cancelled_rows_never_run():
    conversation = ConversationFactory()
    queued, scheduled = followup(conversation=conversation), followup(conversation=conversation,
                                                                      status=FollowUpStatus.SCHEDULED)
    done = followup(conversation=conversation, status=FollowUpStatus.DONE)
    assert cancel_followups(FollowUp.objects.filter(conversation=conversation), "shopper_replied") == 2

    assert run_followups([queued.pk, scheduled.pk, done.pk], NOW) == dict.fromkeys(
        [queued.pk, scheduled.pk, done.pk], "not_queued")
    assert sweep_due_followups(NOW + timedelta(hours=1)) == {"due": 0, "requeued": 0}
    assert CALLS == []
    assert Message.objects.count() == 0
    assert [state(row)[:2] for row in (queued, scheduled)] == [(FollowUpStatus.CANCELLED, "shopper_replied")] * 2
    assert state(done)[0] == FollowUpStatus.DONE


def test_later_puts_the_row_back_to_wait():
    row = followup("test_later")
    assert run_followup(row.pk, NOW) == "waiting_for_delivery"
    row.refresh_from_db()
    assert (row.status, row.due_at, row.outcome, row.attempts, row.finished_at) == (
        FollowUpStatus.SCHEDULED, NOW + timedelta(hours=1), "waiting_for_delivery", 0, None)
    assert sweep_due_followups(NOW + timedelta(minutes=59)) == {"due": 0, "requeued": 0}
    assert sweep_due_followups(NOW + timedelta(hours=1)) == {"due": 1, "requeued": 0}


def test_a_raising_handler_is_retried_with_backoff_then_failed_and_its_writes_roll_back(caplog):
    row = followup("test_fails")
    clock, waits = NOW, []
    for attempt in range(1, MAX_ATTEMPTS + 1):
        assert run_followup(row.pk, clock) == "error"
        row.refresh_from_db()
        assert (row.attempts, row.outcome, messages(row)) == (attempt, "RuntimeError", [])
        if attempt < MAX_ATTEMPTS:
            assert row.status == FollowUpStatus.SCHEDULED
            waits.append((row.due_at - clock).total_seconds())
            clock = row.due_at
            assert sweep_due_followups(clock) == {"due": 1, "requeued": 0}
    assert waits == [30, 60, 120, 240]
    assert (row.status, row.finished_at) == (FollowUpStatus.FAILED, clock)
    assert len(CALLS) == MAX_ATTEMPTS
    assert run_followup(row.pk, clock) == "not_queued"
    assert [r.getMessage() for r in caplog.records].count("followups.failed") == MAX_ATTEMPTS


def test_a_raising_handler_in_a_chunk_does_not_hold_back_the_others(caplog):
    conversation = ConversationFactory()
    first, bad, last = followup(conversation=conversation), followup("test_fails", conversation=conversation), \
        followup(conversation=conversation)

    assert run_followups([first.pk, bad.pk, last.pk], NOW) == {first.pk: "sent", bad.pk: "error", last.pk: "sent"}

    assert (messages(first), messages(bad), messages(last)) == ([("bot", "How did it go?")], [],
                                                                [("bot", "How did it go?")])
    assert (state(first), state(bad), state(last)) == ((FollowUpStatus.DONE, "sent", 1),
                                                       (FollowUpStatus.SCHEDULED, "RuntimeError", 1),
                                                       (FollowUpStatus.DONE, "sent", 1))
    assert "followups.chunk.one_by_one" in [r.getMessage() for r in caplog.records]


def test_an_unknown_kind_fails_and_a_handler_without_an_outcome_is_an_error():
    unknown, bad = followup("never_registered"), followup("test_bad_answer")
    assert run_followups([unknown.pk], NOW) == {unknown.pk: "unknown_kind"}
    assert state(unknown) == (FollowUpStatus.FAILED, "unknown_kind", 1)
    assert run_followups([bad.pk], NOW) == {bad.pk: "error"}
    assert state(bad) == (FollowUpStatus.SCHEDULED, "TypeError", 1)


# --- quiet hours -------------------------------------------------------------------------------------

def test_quiet_hours_defer_a_shopper_facing_kind_but_not_an_agent_facing_one():
    conversation = ConversationFactory(customer__time_zone="Asia/Tokyo")  # NOW is 01:00 in Tokyo
    shopper, agent = followup(conversation=conversation), followup("test_agent_notice", conversation=conversation)

    assert run_followups([shopper.pk, agent.pk], NOW) == {shopper.pk: "quiet_hours", agent.pk: "sent"}

    morning = datetime(2026, 6, 4, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo
    shopper.refresh_from_db()
    assert (shopper.status, shopper.due_at, shopper.outcome, shopper.attempts) == (
        FollowUpStatus.SCHEDULED, morning, "quiet_hours", 0)
    assert CALLS == [agent.pk]
    assert (messages(shopper), len(messages(agent))) == ([], 1)

    assert sweep_due_followups(morning) == {"due": 1, "requeued": 0}
    assert run_followup(shopper.pk, morning) == "sent"
    assert messages(shopper) == [("bot", "How did it go?")]


def test_the_shopper_zone_comes_from_the_follow_up_its_conversation_or_its_order():
    shop = ShopFactory(timezone="Europe/Lisbon")
    tokyo = ConversationFactory(shop=shop, customer__time_zone="Asia/Tokyo")
    california = OrderFactory(shop=shop, customer__time_zone="", shipping_country_code="US",
                              shipping_province_code="CA")
    nowhere = ConversationFactory(shop=shop, customer__time_zone="", customer__country_code="",
                                  customer__province_code="")
    cases = {
        "Asia/Tokyo": FollowUpFactory(shop=shop, conversation=tokyo),
        "America/Los_Angeles": FollowUpFactory(shop=shop, order=california),
        "America/Toronto": FollowUpFactory(shop=shop, customer=california.customer),  # the customer's own address
        "Europe/Lisbon": FollowUpFactory(shop=shop, conversation=nowhere),
    }
    assert {expected: followup_zone(row) for expected, row in cases.items()} == {k: k for k in cases}
    browser_wins = FollowUpFactory(shop=shop, customer=tokyo.customer, order=california)
    assert followup_zone(browser_wins) == "Asia/Tokyo"


def test_a_shopper_facing_kind_runs_at_once_in_the_shopper_daytime():
    row = followup(conversation=ConversationFactory(customer__time_zone="America/Los_Angeles"))  # 09:00 there
    assert run_followup(row.pk, NOW) == "sent"
    night = followup(conversation=ConversationFactory(customer__time_zone="America/Los_Angeles"))
    assert run_followup(night.pk, NOW - timedelta(seconds=1)) == "quiet_hours"
    night.refresh_from_db()
    assert night.due_at == NOW


def test_a_row_due_before_the_next_sweep_is_claimed_now_and_published_to_run_when_due(
        redis_client, django_capture_on_commit_callbacks):
    conversation = ConversationFactory()
    now_row = followup(conversation=conversation, status=FollowUpStatus.SCHEDULED, queued_at=None, due_at=NOW)
    soon = followup(conversation=conversation, status=FollowUpStatus.SCHEDULED, queued_at=None,
                    due_at=NOW + timedelta(seconds=12))
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_due_followups(NOW) == {"due": 2, "requeued": 0}
    queued = [json.loads(raw) for raw in redis_client.lrange("celery", 0, -1)]
    by_ids = {tuple(json.loads(base64.b64decode(m["body"]))[0][0]): m["headers"].get("eta") for m in queued}
    assert set(by_ids) == {(now_row.pk,), (soon.pk,)}
    assert by_ids[(now_row.pk,)] is None and by_ids[(soon.pk,)] is not None  # the soon one waits 12 s
    assert CALLS == []
