"""PostgreSQL connections dropped under the webhook front door, served as in production (gunicorn
with sync workers or threads, ``shopapp.wsgi``, the connection pool). The front door keeps its
connection between deliveries: when that connection has died, the delivery is recorded on a fresh
one without an error; when no connection can be had, Shopify gets 503 with ``Retry-After`` (it
retries), nothing is stored, and the retry succeeds once the database is back, without a restart."""
import json
import sys
import uuid
from pathlib import Path

import httpx
import pytest
from django.conf import settings
from django.db import connection

from tests.browser.harness import free_port, wait_until
from tests.faults.test_database_drop import (
    UNAVAILABLE,
    app_backends,
    app_env,
    connections_refused,
    served,
    terminate_app_backends,
)
from tests.webhooks.test_views import sign
from webhooks.models import WebhookDelivery

SHOP = "drop-store.myshopify.com"
pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]


WORKERS = {"sync": ["--worker-class", "sync"],  # one connection kept per process
           "gthread": ["--worker-class", "gthread", "--threads", "4"]}  # one per thread (the README's deployment)


@pytest.fixture(params=sorted(WORKERS))
def door(request, tmp_path):
    port = free_port()
    env = app_env(port)
    log = tmp_path / "web.log"
    argv = [str(Path(sys.executable).parent / "gunicorn"), "shopapp.wsgi:application", "--bind", f"127.0.0.1:{port}",
            "--workers", "1", *WORKERS[request.param]]
    with served(argv, env, log, port) as live:
        yield live


def deliver(live, webhook_id, order_id):
    body = json.dumps({"id": order_id, "updated_at": "2026-11-22T10:00:00Z"}).encode()
    return httpx.post(f"{live.url}/webhooks/shopify", content=body, timeout=30, headers={
        "X-Shopify-Topic": "orders/updated", "X-Shopify-Hmac-Sha256": sign(body, settings.SHOPIFY_API_SECRET),
        "X-Shopify-Shop-Domain": SHOP, "X-Shopify-Webhook-Id": webhook_id, "Content-Type": "application/json"})


def recorded():
    return sorted(WebhookDelivery.objects.values_list("webhook_id", "payload__id"))


def test_a_kept_connection_that_died_is_replaced_without_an_error(door):
    assert deliver(door, "w-0", 1).status_code == 200
    for round_ in range(1, 4):
        assert terminate_app_backends() >= 1  # the connection the front door kept
        answer = deliver(door, f"w-{round_}", round_ + 1)
        assert (answer.status_code, answer.content) == (200, b'{"ok": true}'), door.log.read_text()

    assert recorded() == [(f"w-{n}", n + 1) for n in range(4)]
    assert door.log_lines("database.unavailable") == []


def test_no_connection_to_be_had_answers_503_then_the_retry_is_recorded_once(door):
    assert deliver(door, "w-before", 1).status_code == 200
    assert recorded() == [("w-before", 1)]  # (also opens the test's own connection before the refusal)
    webhook_id = str(uuid.uuid4())
    with connections_refused(connection.settings_dict["NAME"]):
        terminate_app_backends()
        assert app_backends() == []
        refused = deliver(door, webhook_id, 2)  # after the pool's 2 s wait, not a hang
        assert (refused.status_code, refused.json(), refused.headers["Retry-After"]) == (503, UNAVAILABLE, "5")

    assert recorded() == [("w-before", 1)]  # the refused delivery stored nothing
    assert len(door.log_lines("database.unavailable")) == 1
    assert "postgres://" not in door.log.read_text()
    assert wait_until(lambda: deliver(door, webhook_id, 2).status_code == 200, timeout=20), door.log.read_text()
    assert deliver(door, webhook_id, 2).status_code == 200  # Shopify's next retry: a duplicate
    assert recorded() == sorted([("w-before", 1), (webhook_id, 2)])
