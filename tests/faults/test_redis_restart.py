"""Redis killed and started again empty (flushed) in the middle of a load of widget messages, signed
webhooks from the dev store and due follow-ups, against the real stack: uvicorn, a Celery worker and
the dev store on this test's database and a redis-server of its own (a free port, no persistence).

While Redis is down every request is still answered and recorded (the database is the record); what
Redis held (queued tasks, the drain wake-up key, the queue bindings) is gone. Once Redis is back, the
sweeps (as beat runs them) find what waited, and in the end every message is stored once, every
webhook delivery is processed once and every due follow-up is done once.

The fast variant (a few seconds of load) calls the sweeps as beat would, with the follow-up sweep's
clock moved past ``REQUEUE_AFTER`` for the rows whose task was lost; the ``chaos`` variant runs a real
``celery beat``, restarts Redis three times under a longer load and waits the real time. In both, a
sweep runs while Redis is down (as one busy when Redis went away would): it claims the rows due then
and cannot publish their task."""
import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

from shopapp.models import Agent, Shop
from support.actions.followups import REQUEUE_AFTER, schedule_followup
from support.models import Conversation, FollowUp, FollowUpStatus, Message, MessageKind
from support.selectors.scheduled_replies import KIND as SEND_LATER
from tests.browser.harness import ROOT, free_port, start_stack, wait_until
from tests.support.api.test_widget import proxy_query
from webhooks.models import DeliveryStatus, WebhookDelivery

SHOP = "redis-store.myshopify.com"
SEED = {"seed": 5, "customers": 4, "orders": 12}
BIN = Path(sys.executable).parent
pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]

# The sweeps as beat calls them, in a process of the stack (its Redis, its broker); ``shift`` moves the
# follow-up and bot-turn sweeps' clock, ``older_than`` is the webhook sweep's age of a waiting delivery.
SWEEPS = """
import json, sys
from datetime import timedelta
import django
django.setup()
from django.utils import timezone
from support.actions.bot_sweep import sweep_bot_turns
from support.actions.followups import sweep_due_followups
from webhooks.tasks import sweep_deliveries_task
shift, older_than = float(sys.argv[1]), int(sys.argv[2])
followups = sweep_due_followups(timezone.now() + timedelta(seconds=shift))
bots = sweep_bot_turns(timezone.now() + timedelta(seconds=shift))
print(json.dumps({"followups": followups, "webhooks": sweep_deliveries_task(older_than), "bots": bots}))
"""


class RedisServer:
    """A redis-server of the test's own on a free port, without persistence: started again after a
    kill it is empty, as a flushed Redis is."""

    def __init__(self, log_dir: Path):
        self.port, self.log_dir, self.process = free_port(), log_dir, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        argv = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", str(self.log_dir)]
        with (self.log_dir / "redis.log").open("ab") as log:
            self.process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603,S607
        assert wait_until(self._answers, timeout=10), (self.log_dir / "redis.log").read_text()

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_timeout=2, socket_connect_timeout=2)

    def _answers(self) -> bool:
        try:
            return self.client().ping()
        except redis.RedisError:
            return False


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.kill()


def stack_env(redis_url: str) -> dict:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "shopapp.settings",
        "DEBUG": "1",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DATABASE_POOL": "1",  # as in production
        "REDIS_URL": redis_url,
        "SHOPIFY_API_KEY": settings.SHOPIFY_API_KEY,
        "SHOPIFY_API_SECRET": settings.SHOPIFY_API_SECRET,
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


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


def daytime_zone(now: datetime) -> str:
    """A zone where it is day now (10:00-18:59): the send-later replies are not held for quiet hours."""
    zones = ["Pacific/Honolulu", "America/Los_Angeles", "America/New_York", "America/Sao_Paulo", "Europe/London",
             "Europe/Berlin", "Asia/Dubai", "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney",
             "Pacific/Auckland"]
    return next(zone for zone in zones if 10 <= now.astimezone(ZoneInfo(zone)).hour < 19)


@dataclass
class Shopper:
    """One anonymous visitor, from a loopback address of their own (the per-IP limits are per shopper,
    as on a real storefront), sending messages like the widget: a failed send is sent again with the
    same client id until it is answered."""

    web: str
    number: int
    token: str = ""
    conversation_id: str = ""
    answers: dict = field(default_factory=dict)  # client id -> statuses of its attempts

    def __post_init__(self):
        transport = httpx.HTTPTransport(local_address=f"127.0.0.{10 + self.number}")
        self.http = httpx.Client(transport=transport, timeout=30)

    def call(self, method, path, body=None):
        headers = {"X-Visitor-Token": self.token} if self.token else {}
        return self.http.request(method, f"{self.web}/api/widget/{path}?{proxy_query(shop=SHOP)}", json=body,
                                 headers=headers)

    def start(self, time_zone):
        response = self.call("POST", "conversations", {"name": f"Shopper {self.number}", "time_zone": time_zone})
        assert response.status_code == 201, response.text
        self.token, self.conversation_id = response.json()["visitor_token"], response.json()["conversation"]["id"]

    def send(self, index):
        client_id = f"s{self.number}-m{index}"
        statuses = self.answers.setdefault(client_id, [])
        while True:
            try:
                response = self.call("POST", f"conversations/{self.conversation_id}/messages",
                                     {"body": f"message {index} of shopper {self.number}", "client_id": client_id})
                statuses.append(response.status_code)
                if response.status_code in (200, 201):
                    return
            except httpx.HTTPError as error:
                statuses.append(type(error).__name__)
            time.sleep(0.5)

    def expected(self):
        return [(client_id, f"message {client_id.split('-m')[1]} of shopper {self.number}")
                for client_id in self.answers]

    def stored(self):
        return list(Message.objects.filter(conversation_id=self.conversation_id, kind=MessageKind.SHOPPER)
                    .order_by("pk").values_list("client_id", "body"))


class Load:
    """Threads that keep the load going until ``stop()``: each shopper sends a message every
    ``pace`` seconds; the dev store is asked for a signed ``orders/updated`` webhook every
    ``pace / 2`` seconds; optionally the sweeps run every second, as beat would."""

    def __init__(self, stack, shoppers, order_ids, pace, sweeps):
        self.stack, self.shoppers, self.order_ids, self.pace = stack, shoppers, order_ids, pace
        self.stopping, self.webhooks, self.errors = threading.Event(), [], []
        targets = [self._shopper(s) for s in shoppers] + [self._webhooks]
        if sweeps:
            targets.append(self._sweeps)
        self.threads = [threading.Thread(target=self._guard(target), daemon=True) for target in targets]

    def start(self):
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=120)
        assert not any(thread.is_alive() for thread in self.threads)
        for shopper in self.shoppers:
            shopper.http.close()
        assert self.errors == []

    def _guard(self, target):
        def run():
            try:
                target()
            except Exception as error:  # noqa: BLE001 - reported by stop()
                self.errors.append(repr(error))
        return run

    def _shopper(self, shopper):
        def run():
            index = 0
            while not self.stopping.is_set():
                shopper.send(index)
                index += 1
                self.stopping.wait(self.pace)
        return run

    def _webhooks(self):
        index = 0
        while not self.stopping.is_set():
            order_id = self.order_ids[index % len(self.order_ids)]
            response = httpx.post(f"{self.stack.store}/_devstore/shops/{SHOP}/webhooks",
                                  json={"topic": "orders/updated", "id": order_id}, timeout=30)
            assert response.status_code == 202, response.text
            self.webhooks.append(response.json()["webhook_id"])
            index += 1
            self.stopping.wait(self.pace / 2)

    def _sweeps(self):
        while not self.stopping.is_set():
            sweep(self.stack.env)
            self.stopping.wait(1.0)


def sweep(env, *, shift_seconds=0.0, older_than=60) -> dict:
    result = subprocess.run([sys.executable, "-c", SWEEPS, str(shift_seconds), str(older_than)],  # noqa: S603
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def schedule_replies(shop, agent, conversations, label) -> list[FollowUp]:
    """Send-later replies due now, one per conversation (the rows the app's scheduling writes)."""
    now = timezone.now()
    rows = []
    for conversation in conversations:
        row, created = schedule_followup(
            shop=shop, kind=SEND_LATER, key=f"later:{conversation.pk}:{label}", due_at=now, conversation=conversation,
            customer=conversation.customer, agent=agent, data={"body": f"reply {label}", "client_id": label})
        assert created
        rows.append(row)
    return rows


def broker_ready(server: RedisServer) -> bool:
    """The worker (re)declared its queue on this Redis: tasks published now reach it."""
    try:
        return bool(server.client().exists("_kombu.binding.celery"))
    except redis.RedisError:
        return False


def outcome(rows) -> list[tuple]:
    found = FollowUp.objects.filter(pk__in=[r.pk for r in rows]).order_by("pk")
    return [(r.status, r.outcome, r.attempts) for r in found]


def replies(rows) -> list[list[str]]:
    return [list(Message.objects.filter(client_id=f"followup:{row.pk}").values_list("body", flat=True))
            for row in sorted(rows, key=lambda r: r.pk)]


def run_restart_under_load(stack, redis_server, *, shoppers, pace, phase_seconds, restarts, beat):
    """Drives the load, kills Redis and starts it again empty ``restarts`` times; returns what was sent."""
    shop = Shop.objects.get(domain=SHOP)
    agent = Agent.objects.get(shop=shop, role="owner")
    zone = daytime_zone(timezone.now())
    people = [Shopper(stack.web, number) for number in range(shoppers)]
    for person in people:
        person.start(zone)
    conversations = list(Conversation.objects.filter(pk__in=[p.conversation_id for p in people]).select_related(
        "customer"))
    order_ids = [order["id"] for order in httpx.get(f"{stack.store}/_devstore/shops/{SHOP}/orders").json()["orders"]]
    httpx.post(f"{stack.store}/_devstore/faults",
               json={"kind": "duplicate_webhook", "count": 3, "shop": SHOP}).raise_for_status()

    load = Load(stack, people, order_ids, pace, sweeps=not beat)
    rows = schedule_replies(shop, agent, conversations, "before")
    load.start()
    try:
        for restart in range(restarts):
            time.sleep(phase_seconds)
            redis_server.kill()
            rows += schedule_replies(shop, agent, conversations, f"down-{restart}")
            sweep(stack.env)  # a sweep running during the outage: the rows are claimed, their task not published
            time.sleep(phase_seconds)  # the load goes on against the app without Redis
            redis_server.start()  # empty: queued tasks, wake-up key and queue bindings are gone
            rows += schedule_replies(shop, agent, conversations, f"back-{restart}")
        time.sleep(phase_seconds)
    finally:
        load.stop()
    return people, load, rows


def assert_everything_once(stack, people, load, rows):
    # Every message was answered at its first attempt, during the outage too, and is stored once.
    for person in people:
        assert {cid: statuses for cid, statuses in person.answers.items() if statuses != [201]} == {}
        assert person.stored() == person.expected()
    assert Message.objects.filter(kind=MessageKind.SHOPPER).count() == sum(len(p.answers) for p in people)

    # Every webhook the dev store sent was accepted (200, no retry), duplicates included, and
    # processed once.
    deliveries = httpx.get(f"{stack.store}/_devstore/webhooks", params={"wait": 30}, timeout=60).json()
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

    # The bot took its turn for every conversation's first message, during the outage too (its task
    # lost, then queued again by the sweep), and no conversation still owes one.
    assert not Conversation.objects.filter(bot_pending_message_id__isnull=False).exists()
    for conversation in Conversation.objects.filter(messages__kind=MessageKind.SHOPPER).distinct():
        first = conversation.messages.filter(kind=MessageKind.SHOPPER).order_by("pk").first()
        assert conversation.messages.filter(kind=MessageKind.BOT, client_id__startswith=f"bot:{first.pk}:").exists()


def settled(rows) -> bool:
    return (not WebhookDelivery.objects.exclude(status=DeliveryStatus.PROCESSED).exists()
            and not FollowUp.objects.filter(pk__in=[r.pk for r in rows]).exclude(status=FollowUpStatus.DONE).exists()
            and not Conversation.objects.filter(bot_pending_message_id__isnull=False).exists())


def test_redis_restarted_empty_under_load_loses_and_doubles_nothing(stack, redis_server):
    people, load, rows = run_restart_under_load(stack, redis_server, shoppers=6, pace=0.5, phase_seconds=1.5,
                                                restarts=1, beat=False)

    assert wait_until(lambda: broker_ready(redis_server), timeout=60), stack.logs()
    # Beat's sweeps once Redis is back: deliveries left waiting (older_than 0: the 60 s they would wait
    # for beat), and follow-ups whose task the flush lost (the clock past REQUEUE_AFTER).
    recovery = sweep(stack.env, shift_seconds=(REQUEUE_AFTER + timedelta(seconds=30)).total_seconds(), older_than=0)
    # At least the rows claimed by the sweep during the outage had lost their task (it could not be
    # published); rows whose task is still on its way are requeued too, and run once all the same.
    assert recovery["followups"]["due"] == 0
    assert recovery["followups"]["requeued"] >= len(people)
    # Messages written while Redis was down owe a bot turn whose task could not be published.
    assert recovery["bots"]["requeued"] >= 1 and recovery["bots"]["dropped"] == 0
    assert wait_until(lambda: settled(rows), timeout=60), stack.logs()

    assert_everything_once(stack, people, load, rows)


def beat_process(env, log_dir: Path) -> subprocess.Popen:
    argv = [str(BIN / "celery"), "-A", "shopapp", "beat", "--loglevel", "WARNING", "--schedule",
            str(log_dir / "beat-schedule")]
    with (log_dir / "beat.log").open("wb") as log:
        return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603


@pytest.mark.chaos
def test_redis_restarted_three_times_under_a_long_load_with_real_beat(stack, redis_server, tmp_path):
    beat = beat_process(stack.env, tmp_path)
    try:
        people, load, rows = run_restart_under_load(stack, redis_server, shoppers=12, pace=3.5, phase_seconds=20,
                                                    restarts=3, beat=True)
        # Real time: the webhook sweep runs every 60 s, the follow-up sweep every 30 s and requeues a
        # lost task's rows after REQUEUE_AFTER.
        wait = (REQUEUE_AFTER + timedelta(minutes=3)).total_seconds()
        assert wait_until(lambda: settled(rows), timeout=wait, interval=2), stack.logs()
    finally:
        beat.terminate()
        beat.wait(timeout=20)

    assert_everything_once(stack, people, load, rows)
    # The rows claimed during the outages waited REQUEUE_AFTER for beat's sweep (in the worker).
    assert "followups.sweep.requeued" in (tmp_path / "worker.log").read_text()
