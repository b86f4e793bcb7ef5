"""Redis killed and started again empty (flushed) in the middle of a load of widget messages, signed
webhooks from the dev store and due follow-ups, against the real stack: uvicorn, a Celery worker and
the dev store on this test's database and a redis-server of its own (a free port, no persistence).
The stack, the load and the sweeps are in ``redis_load.py``; the scenario and its checks are here.

While Redis is down every request is still answered and recorded (the database is the record); what
Redis held (queued tasks, the drain wake-up key, the queue bindings) is gone. Once Redis is back, the
sweeps (as beat runs them) find what waited, and in the end every message is stored once, every
webhook delivery is processed once and every due follow-up is done once.

The load starts once every shopper has been greeted by the bot. The webhooks and one shopper (the
quiet one) stop in the last outage, which ends with one more delivery and one more message from that
shopper: once Redis is back nothing but the sweeps can recover what the outage recorded (no later
delivery wakes a drainer, no later message of that conversation takes the bot's turn).

The fast variant (a few seconds of load) calls the sweeps as beat would, with the follow-up sweep's
clock moved past ``REQUEUE_AFTER`` for the rows whose task was lost, and checks that the outage's
deliveries (and the quiet shopper's turn) still wait once Redis is back and that the sweeps find
them; the ``chaos`` variant runs a real ``celery beat``, restarts Redis three times under a longer
load and waits the real time. In both, a sweep runs while Redis is down (as one busy when Redis went
away would): it claims the rows due then and cannot publish their task."""
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
import pytest
from django.utils import timezone

from shopapp.models import Agent, Shop
from support.actions.followups import REQUEUE_AFTER
from support.models import Conversation, FollowUp, FollowUpStatus, Message, MessageKind
from tests.browser.harness import start_stack, wait_until
from tests.faults.redis_load import (
    SEED,
    SHOP,
    Load,
    RedisServer,
    Shopper,
    all_claimed,
    beat_process,
    broker_ready,
    daytime_zone,
    outcome,
    replies,
    schedule_replies,
    settled,
    sweep,
    waiting_deliveries,
    webhooks_sent,
)
from tests.stack_env import stack_env
from webhooks.models import DeliveryStatus, WebhookDelivery

pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.kill()


@pytest.fixture
def stack(transactional_db, redis_server, tmp_path):
    """The app, a worker and the dev store on this test's Redis; the demo shop installed by its owner
    (real token exchange) and its orders mirrored."""
    env = stack_env(redis_server.url)
    running = start_stack(env=env, shop=SHOP, log_dir=tmp_path)
    running.env = env
    try:
        summary = httpx.post(f"{running.store}/_devstore/shops", json={"shop": SHOP, **SEED}, timeout=30).json()
        owner = next(member for member in summary["staff"] if member["account_owner"])
        token = httpx.post(f"{running.store}/_devstore/session-token",
                           json={"shop": SHOP, "user_id": str(owner["id"])}, timeout=30).json()["token"]
        me = httpx.get(f"{running.web}/api/admin/me", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert me.status_code == 200, f"{me.text}\n{running.logs()}"
        from support.models import Order

        assert wait_until(lambda: Order.objects.filter(shop__domain=SHOP).count() == SEED["orders"], timeout=60), \
            running.logs()
        yield running
    finally:
        running.stop()
        print(running.logs())  # shown by pytest only for a failing test


@dataclass
class Run:
    """What the load sent, and the last outage: when Redis was killed, and what was recorded at its end
    (the webhooks and the quiet shopper stopped already): one delivery and one message, which wait for
    the sweeps (nothing comes after them to wake a drainer or take the conversation's bot turn)."""

    people: list[Shopper]
    load: Load
    rows: list[FollowUp]
    last_kill_at: datetime
    last_outage_webhook: str
    last_outage_message: Message


def run_restart_under_load(stack, redis_server, *, shoppers, pace, phase_seconds, restarts, beat) -> Run:
    """Drives the load, kills Redis and starts it again empty ``restarts`` times; the webhooks and one
    shopper (the quiet one) stop in the last outage."""
    shop = Shop.objects.get(domain=SHOP)
    agent = Agent.objects.get(shop=shop, role="owner")
    zone = daytime_zone(timezone.now())
    people = [Shopper(stack.web, number) for number in range(shoppers)]
    for person in people:
        person.start(zone)
    quiet = people[0]
    conversations = list(Conversation.objects.filter(pk__in=[p.conversation_id for p in people]).select_related(
        "customer"))
    order_ids = [order["id"] for order in httpx.get(f"{stack.store}/_devstore/shops/{SHOP}/orders").json()["orders"]]
    httpx.post(f"{stack.store}/_devstore/faults",
               json={"kind": "duplicate_webhook", "count": 3, "shop": SHOP}).raise_for_status()

    load = Load(stack, people, order_ids, pace, sweeps=not beat)
    load.start()
    try:
        # Each conversation has had its first bot turn (the greeting) before Redis goes and before an
        # agent's reply: a turn lost with Redis is superseded by the shopper's next message's turn, which
        # does not greet (not a first message), and the bot does not greet once a person has answered.
        assert wait_until(lambda: all(person.first_turn_taken() for person in people), timeout=60), stack.logs()
        rows = schedule_replies(shop, agent, conversations, "before")
        for restart in range(restarts):
            time.sleep(phase_seconds)
            last_kill_at = timezone.now()
            redis_server.kill()
            rows += schedule_replies(shop, agent, conversations, f"down-{restart}")
            sweep(stack.env)  # a sweep running during the outage: the rows are claimed, their task not published
            time.sleep(phase_seconds)  # the load goes on against the app without Redis
            if restart == restarts - 1:
                # No webhook after this outage (a later delivery's wake-up would drain the waiting ones),
                # no message from the quiet shopper after the one sent now (its turn would clear the one
                # owed). A drain task running when Redis went stops at the first empty look at the queue.
                load.end(webhooks=True, shoppers=[quiet])
                last_outage_webhook = load.send_webhook(order_ids[0])
                last_outage_message = Message.objects.get(conversation_id=quiet.conversation_id,
                                                          client_id=quiet.send_next())
                assert webhooks_sent(stack)["idle"] is True
            redis_server.start()  # empty: queued tasks, wake-up key and queue bindings are gone
            rows += schedule_replies(shop, agent, conversations, f"back-{restart}")
        time.sleep(phase_seconds)
        if not beat:  # the load's own sweeps, as beat's would, have claimed every row due (the last too)
            assert wait_until(lambda: all_claimed(rows), timeout=60), stack.logs()
    finally:
        load.stop()
    return Run(people, load, rows, last_kill_at, last_outage_webhook, last_outage_message)


def assert_everything_once(stack, people, load, rows):
    # Every message was answered at its first attempt, during the outage too, and is stored once.
    for person in people:
        assert {cid: statuses for cid, statuses in person.answers.items() if statuses != [201]} == {}
        assert person.stored() == person.expected()
    assert Message.objects.filter(kind=MessageKind.SHOPPER).count() == sum(len(p.answers) for p in people)

    # Every webhook the dev store sent was accepted (200, no retry), duplicates included, and
    # processed once.
    deliveries = webhooks_sent(stack)
    assert deliveries["idle"] is True
    sent = [d for d in deliveries["deliveries"] if d["topic"] == "orders/updated"]
    assert sorted({d["webhook_id"] for d in sent}) == sorted(load.webhooks)
    assert len(sent) == len(load.webhooks) + 3  # the three duplicates
    assert [d for d in sent if d["attempts"] != [200]] == []
    recorded = WebhookDelivery.objects.filter(topic="orders/updated")
    assert sorted(recorded.values_list("webhook_id", flat=True)) == sorted(load.webhooks)
    assert list(recorded.exclude(status=DeliveryStatus.PROCESSED, attempts=1).values_list("webhook_id", "status",
                                                                                           "attempts")) == []

    # Every due follow-up ran once: one reply each, the row done after one attempt.
    assert outcome(rows) == [(FollowUpStatus.DONE, "sent", 1)] * len(rows)
    assert replies(rows) == [[FollowUp.objects.get(pk=row.pk).data["body"]] for row in sorted(rows, key=lambda r: r.pk)]
    assert not FollowUp.objects.filter(status__in=[FollowUpStatus.QUEUED], due_at__lte=timezone.now()).exists()
    assert not FollowUp.objects.filter(attempts__gt=1).exists()

    # The bot took every turn owed, during the outage too (its task lost, then queued again by the
    # sweep): no conversation still owes one, and every conversation's first message was greeted.
    assert not Conversation.objects.filter(bot_pending_message_id__isnull=False).exists()
    for conversation in Conversation.objects.filter(messages__kind=MessageKind.SHOPPER).distinct():
        first = conversation.messages.filter(kind=MessageKind.SHOPPER).order_by("pk").first()
        assert conversation.messages.filter(kind=MessageKind.BOT, client_id__startswith=f"bot:{first.pk}:").exists()


@pytest.mark.timeout(300)  # about a minute and a half on a quiet machine
def test_redis_restarted_empty_under_load_loses_and_doubles_nothing(stack, redis_server):
    run = run_restart_under_load(stack, redis_server, shoppers=6, pace=0.5, phase_seconds=1.5, restarts=1,
                                 beat=False)
    people, load, rows = run.people, run.load, run.rows

    assert wait_until(lambda: broker_ready(redis_server), timeout=60), stack.logs()
    # Redis is back and no webhook came since: what the outage recorded still waits (a drain task
    # running when Redis went drained what came before its first empty look at the queue, no more).
    waiting = waiting_deliveries(run.last_kill_at)
    assert run.last_outage_webhook in waiting
    # Likewise the quiet shopper's conversation still owes the turn of its last message.
    quiet = Conversation.objects.get(pk=run.last_outage_message.conversation_id)
    assert quiet.bot_pending_message_id == run.last_outage_message.pk
    # Beat's sweeps once Redis is back: deliveries left waiting (older_than 0: the 60 s they would wait
    # for beat), and follow-ups whose task the flush lost (the clock past REQUEUE_AFTER).
    recovery = sweep(stack.env, shift_seconds=(REQUEUE_AFTER + timedelta(seconds=30)).total_seconds(), older_than=0)
    # The webhook sweep found (at least) the outage's deliveries waiting, and woke the drainer for them.
    assert recovery["webhooks"] >= len(waiting)
    # At least the rows claimed by the sweep during the outage had lost their task (it could not be
    # published); rows whose task is still on its way are requeued too, and run once all the same.
    assert recovery["followups"]["due"] == 0
    assert recovery["followups"]["requeued"] >= len(people)
    # Messages written while Redis was down owe a bot turn whose task could not be published.
    assert recovery["bots"]["requeued"] >= 1 and recovery["bots"]["dropped"] == 0
    assert wait_until(lambda: settled(rows), timeout=60), stack.logs()
    swept = WebhookDelivery.objects.filter(webhook_id__in=waiting).order_by("webhook_id")
    assert list(swept.values_list("webhook_id", "status", "attempts")) == [
        (webhook_id, DeliveryStatus.PROCESSED, 1) for webhook_id in sorted(waiting)]

    assert_everything_once(stack, people, load, rows)


@pytest.mark.chaos
def test_redis_restarted_three_times_under_a_long_load_with_real_beat(stack, redis_server, tmp_path):
    beat = beat_process(stack.env, tmp_path)
    try:
        run = run_restart_under_load(stack, redis_server, shoppers=12, pace=3.5, phase_seconds=20, restarts=3,
                                     beat=True)
        # Real time: the webhook sweep runs every 60 s (and wakes the drainer for the last outage's
        # deliveries: no webhook comes after it), the follow-up sweep every 30 s and requeues a lost
        # task's rows after REQUEUE_AFTER.
        wait = (REQUEUE_AFTER + timedelta(minutes=3)).total_seconds()
        assert wait_until(lambda: settled(run.rows), timeout=wait, interval=2), stack.logs()
    finally:
        beat.terminate()
        beat.wait(timeout=20)

    assert_everything_once(stack, run.people, run.load, run.rows)
    # The rows claimed during the outages waited REQUEUE_AFTER for beat's sweep (in the worker).
    assert "followups.sweep.requeued" in (tmp_path / "worker.log").read_text()
