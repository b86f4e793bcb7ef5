"""PostgreSQL connections dropped under a live app (uvicorn, the production connection pool): the test
ends the app's own backends on this test database (``pg_terminate_backend``), between requests and
while a request waits inside the database, and refuses new connections for a while
(``ALLOW_CONNECTIONS false``). A request that meets the drop answers 503 with a JSON reason and a
``Retry-After`` (not a 500, not a hang), stores nothing, and the very next requests succeed without a
restart; ``/healthz`` says what the database is doing."""
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import httpx
import psycopg
import pytest
from django.db import connection, transaction
from psycopg import sql

from support.models import Conversation, Customer, Message
from tests.browser.harness import ROOT, free_port, wait_until
from tests.factories import ShopTokenFactory
from tests.stack_env import stack_env
from tests.support.api.test_widget import proxy_query

SHOP = "drop-store.myshopify.com"
UNAVAILABLE = {"detail": "the database is unavailable, try again shortly", "code": "database_unavailable"}
pytestmark = [pytest.mark.live, pytest.mark.django_db(transaction=True)]


def app_env(port: int) -> dict:
    """The app's environment on this test database, with the pool on as in production; a request
    waits at most 2 s for a connection (``DATABASE_POOL_TIMEOUT``) before it gives up."""
    return stack_env(DATABASE_POOL_TIMEOUT="2", SHOPIFY_DEVSTORE_URL="", APP_URL=f"http://127.0.0.1:{port}")


@pytest.fixture
def app(tmp_path):
    """uvicorn serving the app on this test database with the pool on, as in production; a request
    waits at most 2 s for a connection (``DATABASE_POOL_TIMEOUT``) before it gives up."""
    port = free_port()
    env = app_env(port)
    log = tmp_path / "web.log"
    argv = [str(Path(sys.executable).parent / "uvicorn"), "shopapp.asgi:application", "--host", "127.0.0.1",
            "--port", str(port), "--no-access-log"]
    with served(argv, env, log, port) as live:
        yield live


@contextmanager
def served(argv, env, log, port):
    """The server ``argv`` running until the block ends, once ``/healthz`` answers."""
    with log.open("wb") as output:
        process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)  # noqa: S603
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_until(lambda: httpx.get(f"{url}/healthz").status_code == 200, timeout=30), log.read_text()
        yield Live(url, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


class Live:
    def __init__(self, url, log):
        self.url, self.log = url, log

    def widget(self, method, path, body=None):
        """A signed app-proxy request of an anonymous visitor (no visitor token: a new visitor)."""
        return httpx.request(method, f"{self.url}/api/widget/{path}?{proxy_query(shop=SHOP)}", json=body, timeout=30,
                             headers={"X-Visitor-Token": self.token} if getattr(self, "token", "") else {})

    def start(self):
        response = self.widget("POST", "conversations", {"name": "Mia"})
        if response.status_code in (200, 201) and response.json()["visitor_token"]:
            self.token = response.json()["visitor_token"]
        return response

    def health(self):
        response = httpx.get(f"{self.url}/healthz", timeout=30)
        return response.status_code, response.json()

    def log_lines(self, word):
        return [line for line in self.log.read_text(errors="replace").splitlines() if word in line]


def app_backends() -> list[int]:
    """The app's connections to this test database (every one but the test's own). The statistics are
    read afresh (inside a transaction PostgreSQL would show the first snapshot again)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                       " AND pid <> pg_backend_pid()")
        return [row[0] for row in cursor.fetchall()]


def terminate_app_backends() -> int:
    """Ends the app's connections; returns how many (the pool may open new ones at once)."""
    pids = app_backends()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM unnest(%s::int[]) AS pid", [pids])
        assert [ended for (ended,) in cursor.fetchall()] == [True] * len(pids)
    assert wait_until(lambda: not set(pids) & set(app_backends()), timeout=10)
    return len(pids)


@contextmanager
def connections_refused(name):
    """The test database refuses new connections (``ALLOW_CONNECTIONS false``, set from the
    maintenance database: a database cannot refuse its own session)."""
    db = connection.settings_dict
    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "dbname": "postgres", "autocommit": True}
    with psycopg.connect(**params) as admin:
        admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(sql.Identifier(name)))
        try:
            yield
        finally:
            admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(sql.Identifier(name)))


def waiting_on_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                       " AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'")
        return cursor.fetchone()[0] == 1


def messages(conversation_id) -> list[tuple[str, str]]:
    return list(Message.objects.filter(conversation_id=conversation_id).order_by("pk").values_list("client_id", "body"))


@pytest.fixture
def shop():
    return ShopTokenFactory(shop__domain=SHOP).shop


def test_backends_ended_between_requests_the_next_requests_succeed(app, shop):
    started = app.start()
    assert started.status_code == 201, started.text
    conversation_id = started.json()["conversation"]["id"]
    path = f"conversations/{conversation_id}/messages"

    for round_ in range(3):
        assert terminate_app_backends() >= 1  # the pool's idle connection(s), dead now
        sent = app.widget("POST", path, {"body": f"still there? {round_}", "client_id": f"c{round_}"})
        assert sent.status_code == 201, f"{sent.text}\n{app.log.read_text()}"

    assert messages(conversation_id) == [(f"c{n}", f"still there? {n}") for n in range(3)]
    assert app.health() == (200, {"status": "ok", "database": "ok", "redis": "ok"})
    assert app.log_lines("database.unavailable") == []  # no request met a dead connection


def test_backend_ended_during_a_request_answers_503_then_the_retry_succeeds(app, shop):
    started = app.start()
    assert started.status_code == 201, started.text
    conversation_id = started.json()["conversation"]["id"]
    path = f"conversations/{conversation_id}/messages"
    answers = []

    with transaction.atomic():
        # The test holds the shops table: the request's first query (the app-proxy shop) waits in
        # PostgreSQL, and its backend is ended right there.
        with connection.cursor() as cursor:
            cursor.execute("LOCK TABLE shopapp_shop IN ACCESS EXCLUSIVE MODE")
        request = threading.Thread(target=lambda: answers.append(
            app.widget("POST", path, {"body": "are you there?", "client_id": "inflight"})))
        request.start()
        assert wait_until(waiting_on_lock, timeout=10), app.log.read_text()
        assert terminate_app_backends() >= 1
        request.join(timeout=30)
        assert not request.is_alive()

    (answer,) = answers
    assert (answer.status_code, answer.json(), answer.headers["Retry-After"]) == (503, UNAVAILABLE, "5")
    assert messages(conversation_id) == []  # the request stored nothing
    assert len(app.log_lines("database.unavailable")) == 1  # logged once, without the connection's details
    assert "postgres://" not in app.log.read_text()

    retried = app.widget("POST", path, {"body": "are you there?", "client_id": "inflight"})
    assert retried.status_code == 201, retried.text
    assert messages(conversation_id) == [("inflight", "are you there?")]
    assert app.health() == (200, {"status": "ok", "database": "ok", "redis": "ok"})


def test_database_refusing_connections_is_reported_then_recovers_without_a_restart(app, shop):
    assert app.start().status_code == 201
    with connections_refused(connection.settings_dict["NAME"]):
        terminate_app_backends()
        assert app_backends() == []  # the pool cannot reconnect

        assert app.health() == (503, {"status": "down", "database": "down", "redis": "ok"})
        refused = app.widget("POST", "conversations", {"name": "Leo"})  # after the pool's 2 s wait, not a hang
        assert (refused.status_code, refused.json(), refused.headers["Retry-After"]) == (503, UNAVAILABLE, "5")

    assert wait_until(lambda: app.health()[0] == 200, timeout=20), app.log.read_text()
    assert app.health() == (200, {"status": "ok", "database": "ok", "redis": "ok"})
    app.token = ""
    again = app.widget("POST", "conversations", {"name": "Leo"})
    assert again.status_code == 201, again.text
    assert sorted(Customer.objects.filter(shop=shop).values_list("first_name", flat=True)) == ["Leo", "Mia"]
    assert Conversation.objects.filter(shop=shop).count() == 2
