"""The live stack and the load of the Redis fault test (``test_redis_restart.py``): a redis-server of
the test's own, the stack's environment, shoppers writing like the widget, the dev store's webhooks,
send-later replies due now, the sweeps as beat calls them, and what the scenario waits for and
checks."""
import json
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import redis
from django.utils import timezone

from support.actions.followups import schedule_followup
from support.models import Conversation, FollowUp, FollowUpStatus, Message, MessageKind
from support.selectors.scheduled_replies import KIND as SEND_LATER
from tests.browser.harness import ROOT, free_port, wait_until
from tests.support.api.test_widget import proxy_query
from webhooks.models import DeliveryStatus, WebhookDelivery

SHOP = "redis-store.myshopify.com"
SEED = {"seed": 5, "customers": 4, "orders": 12}
BIN = Path(sys.executable).parent

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


def beat_process(env, log_dir: Path) -> subprocess.Popen:
    argv = [str(BIN / "celery"), "-A", "shopapp", "beat", "--loglevel", "WARNING", "--schedule",
            str(log_dir / "beat-schedule")]
    with (log_dir / "beat.log").open("wb") as log:
        return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603


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

    def send_next(self) -> str:
        """Sends the next message (until answered); returns its client id."""
        index = len(self.answers)
        self.send(index)
        return f"s{self.number}-m{index}"

    def expected(self):
        return [(client_id, f"message {client_id.split('-m')[1]} of shopper {self.number}")
                for client_id in self.answers]

    def stored(self):
        return list(Message.objects.filter(conversation_id=self.conversation_id, kind=MessageKind.SHOPPER)
                    .order_by("pk").values_list("client_id", "body"))

    def first_turn_taken(self) -> bool:
        """The bot answered this shopper's first message (its greeting is stored)."""
        first = (Message.objects.filter(conversation_id=self.conversation_id, kind=MessageKind.SHOPPER)
                 .order_by("pk").first())
        return first is not None and Message.objects.filter(
            conversation_id=self.conversation_id, kind=MessageKind.BOT, client_id__startswith=f"bot:{first.pk}:"
        ).exists()


class Load:
    """Threads that keep the load going until ``stop()``: each shopper sends a message every
    ``pace`` seconds; the dev store is asked for a signed ``orders/updated`` webhook every
    ``pace / 2`` seconds; optionally the sweeps run every second, as beat would. ``end()`` stops
    the webhooks or some shoppers early (the rest of the load goes on)."""

    def __init__(self, stack, shoppers, order_ids, pace, sweeps):
        self.stack, self.shoppers, self.order_ids, self.pace = stack, shoppers, order_ids, pace
        self.webhooks, self.errors = [], []
        loops = {"webhooks": self._webhooks, **{shopper.number: self._shopper(shopper) for shopper in shoppers}}
        if sweeps:
            loops["sweeps"] = self._sweeps
        self.stopping = {key: threading.Event() for key in loops}
        self.threads = {key: threading.Thread(target=self._guard(loop), daemon=True) for key, loop in loops.items()}

    def start(self):
        for thread in self.threads.values():
            thread.start()

    def stop(self):
        self._end(list(self.threads))
        for shopper in self.shoppers:
            shopper.http.close()

    def end(self, *, webhooks=False, shoppers=()):
        """No more webhooks (``webhooks``), no more messages from these shoppers; the rest goes on."""
        self._end((["webhooks"] if webhooks else []) + [shopper.number for shopper in shoppers])

    def _end(self, keys):
        for key in keys:
            self.stopping[key].set()
        for key in keys:
            self.threads[key].join(timeout=120)
        assert not any(self.threads[key].is_alive() for key in keys)
        assert self.errors == []

    def send_webhook(self, order_id) -> str:
        """Asks the dev store for one signed ``orders/updated`` webhook; returns its webhook id."""
        response = httpx.post(f"{self.stack.store}/_devstore/shops/{SHOP}/webhooks",
                              json={"topic": "orders/updated", "id": order_id}, timeout=30)
        assert response.status_code == 202, response.text
        self.webhooks.append(response.json()["webhook_id"])
        return self.webhooks[-1]

    def _guard(self, target):
        def run():
            try:
                target()
            except Exception as error:  # noqa: BLE001 - reported by stop()
                self.errors.append(repr(error))
        return run

    def _shopper(self, shopper):
        def run():
            stopping = self.stopping[shopper.number]
            while not stopping.is_set():
                shopper.send_next()
                stopping.wait(self.pace)
        return run

    def _webhooks(self):
        index, stopping = 0, self.stopping["webhooks"]
        while not stopping.is_set():
            self.send_webhook(self.order_ids[index % len(self.order_ids)])
            index += 1
            stopping.wait(self.pace / 2)

    def _sweeps(self):
        stopping = self.stopping["sweeps"]
        while not stopping.is_set():
            sweep(self.stack.env)
            stopping.wait(1.0)


def sweep(env, *, shift_seconds=0.0, older_than=60) -> dict:
    result = subprocess.run([sys.executable, "-c", SWEEPS, str(shift_seconds), str(older_than)],  # noqa: S603
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def webhooks_sent(stack) -> dict:
    """The dev store's record of the webhooks it sent, once it has sent all it was asked for."""
    return httpx.get(f"{stack.store}/_devstore/webhooks", params={"wait": 30}, timeout=60).json()


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


def waiting_deliveries(received_since: datetime) -> list[str]:
    """Webhook ids of the deliveries received since then and still waiting (not processed)."""
    return list(WebhookDelivery.objects.filter(received_at__gte=received_since, status=DeliveryStatus.RECEIVED)
                .order_by("pk").values_list("webhook_id", flat=True))


def all_claimed(rows) -> bool:
    """A sweep has claimed (queued) every one of these follow-ups: none is still only scheduled."""
    return not FollowUp.objects.filter(pk__in=[r.pk for r in rows], status=FollowUpStatus.SCHEDULED).exists()


def outcome(rows) -> list[tuple]:
    found = FollowUp.objects.filter(pk__in=[r.pk for r in rows]).order_by("pk")
    return [(r.status, r.outcome, r.attempts) for r in found]


def replies(rows) -> list[list[str]]:
    return [list(Message.objects.filter(client_id=f"followup:{row.pk}").values_list("body", flat=True))
            for row in sorted(rows, key=lambda r: r.pk)]


def settled(rows) -> bool:
    return (not WebhookDelivery.objects.exclude(status=DeliveryStatus.PROCESSED).exists()
            and not FollowUp.objects.filter(pk__in=[r.pk for r in rows]).exclude(status=FollowUpStatus.DONE).exists()
            and not Conversation.objects.filter(bot_pending_message_id__isnull=False).exists())
