"""The issue's crash cases for follow-ups, with real workers on the real Redis broker and PostgreSQL:
Redis flushed between the sweep and the task, and a worker killed in the middle of a task. Nothing is
lost and no message is sent twice."""
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import connection, transaction
from django.utils import timezone

from shopapp.celery import app as celery_app
from support.actions.followup_handlers import HANDLERS, Kind
from support.actions.followups import sweep_due_followups
from support.actions.messages import send_bot_reply
from support.models import FollowUp, FollowUpStatus, Message
from tests.factories import ConversationFactory, FollowUpFactory
from tests.stack_env import stack_env

ROOT = Path(__file__).resolve().parent.parent.parent
# The blocking kind lives in tests/support/followup_worker.py, the worker subprocesses' Celery app (not
# imported here: it registers its kind in the process that imports it).
BLOCK_KEY, STARTED_KEY = "test:followups:block", "test:followups:started"
BODY = "Your parcel is running late."
pytestmark = pytest.mark.django_db(transaction=True)


def wait_until(check, timeout=30.0, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return False


def sent(row) -> list[str]:
    return list(Message.objects.filter(client_id=f"followup:{row.pk}").values_list("body", flat=True))


def statuses(rows) -> list[str]:
    return [FollowUp.objects.get(pk=row.pk).status for row in rows]


def other_sessions() -> int:
    """Other connections to this test database (workers' connections)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                       " AND pid <> pg_backend_pid()")
        return cursor.fetchone()[0]


def end_other_sessions() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                       " AND pid <> pg_backend_pid()")
    assert wait_until(lambda: other_sessions() == 0, timeout=10)


def notify(followup, now):
    send_bot_reply(followup.conversation, body="How did it go?", key="test.notice", client_id=f"followup:{followup.pk}")
    return "sent"


def test_redis_flushed_between_sweep_and_task(redis_client, monkeypatch):
    monkeypatch.setitem(HANDLERS, "test_notice", Kind(notify, reaches_shopper=False))
    conversation = ConversationFactory()
    rows = [FollowUpFactory(shop=conversation.shop, kind="test_notice", conversation=conversation) for _ in range(3)]
    now = timezone.now()

    assert sweep_due_followups(now) == {"due": 3, "requeued": 0}
    assert redis_client.llen("celery") == 1  # one task with the three ids
    redis_client.flushdb()  # Redis restarted without its data: the task is gone

    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        time.sleep(1)
        assert statuses(rows) == [FollowUpStatus.QUEUED] * 3  # nothing to run: the rows wait for the sweep
        assert sweep_due_followups(now + timedelta(minutes=4)) == {"due": 0, "requeued": 0}
        assert sweep_due_followups(now + timedelta(minutes=6)) == {"due": 0, "requeued": 3}
        assert wait_until(lambda: statuses(rows) == [FollowUpStatus.DONE] * 3)
    end_other_sessions()  # the worker thread's connection outlives its thread (CELERY_DB_REUSE_MAX)

    assert [sent(row) for row in rows] == [["How did it go?"]] * 3
    assert sweep_due_followups(now + timedelta(minutes=20)) == {"due": 0, "requeued": 0}
    assert [FollowUp.objects.get(pk=row.pk).attempts for row in rows] == [1, 1, 1]


def worker_process(log_path: Path) -> subprocess.Popen:
    """A real Celery worker in its own process (and session), on this test's database and Redis DB."""
    env = stack_env(SHOPIFY_DEVSTORE_URL="")
    argv = [str(Path(sys.executable).parent / "celery"), "-A", "tests.support.followup_worker", "worker",
            "--pool", "solo", "--loglevel", "WARNING"]
    with log_path.open("ab") as log:
        return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,  # noqa: S603
                                start_new_session=True)


def lockable(row) -> bool:
    """Nobody holds the row's lock (the killed worker's transaction is over)."""
    with transaction.atomic():
        return FollowUp.objects.select_for_update(skip_locked=True).filter(pk=row.pk).exists()


@pytest.mark.live
def test_worker_killed_mid_task_loses_nothing_and_sends_once(redis_client, tmp_path):
    conversation = ConversationFactory()
    row = FollowUpFactory(shop=conversation.shop, kind="test_blocking", conversation=conversation)
    redis_client.set(BLOCK_KEY, 1)
    now = timezone.now()
    assert sweep_due_followups(now) == {"due": 1, "requeued": 0}

    first = worker_process(tmp_path / "first.log")
    try:
        started = wait_until(lambda: redis_client.lrange(STARTED_KEY, 0, -1) == [str(row.pk).encode()], timeout=60)
        assert started, (tmp_path / "first.log").read_text()
        assert not lockable(row)  # the worker is inside the row's transaction, its message written there
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)

    assert wait_until(lambda: lockable(row), timeout=10)  # PostgreSQL rolled the transaction back
    row.refresh_from_db()
    assert (row.status, row.attempts, row.finished_at, sent(row)) == (FollowUpStatus.QUEUED, 0, None, [])

    redis_client.delete(BLOCK_KEY)
    assert sweep_due_followups(now + timedelta(minutes=6)) == {"due": 0, "requeued": 1}
    second = worker_process(tmp_path / "second.log")
    try:
        done = wait_until(lambda: FollowUp.objects.get(pk=row.pk).status == FollowUpStatus.DONE, timeout=60)
        assert done, (tmp_path / "second.log").read_text()
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(timeout=20)

    assert wait_until(lambda: other_sessions() == 0, timeout=10)  # the workers' connections are gone
    row.refresh_from_db()
    assert (row.status, row.outcome, row.attempts, sent(row)) == (FollowUpStatus.DONE, "sent", 1, [BODY])
    assert redis_client.lrange(STARTED_KEY, 0, -1) == [str(row.pk).encode()]  # the second run did not block
