"""The Celery app of the crash tests' worker subprocesses (``celery -A tests.support.followup_worker worker``):
the project's own app (``shopapp.celery``, same tasks, same settings) with one test-only follow-up kind
registered, so production code needs no hook for tests.

``test_blocking`` sends the shopper a bot message (client id ``followup:<id>``) inside the follow-up's
transaction, then, while the Redis key ``BLOCK_KEY`` exists, pushes the follow-up's id to ``STARTED_KEY``
and waits for the key to go: the test kills the worker right there, with the transaction open."""
import time

import django
import redis

from shopapp.celery import app

django.setup()

from django.conf import settings  # noqa: E402 - after django.setup()

from support.actions.followup_handlers import HANDLERS, Kind  # noqa: E402
from support.actions.messages import send_bot_reply  # noqa: E402

BLOCK_KEY = "test:followups:block"
STARTED_KEY = "test:followups:started"
BODY = "Your parcel is running late."


def send_then_block(followup, now):
    send_bot_reply(followup.conversation, body=BODY, key="test.blocking", client_id=f"followup:{followup.pk}")
    client = redis.Redis.from_url(settings.REDIS_URL)
    if client.exists(BLOCK_KEY):
        client.rpush(STARTED_KEY, followup.pk)
        while client.exists(BLOCK_KEY):
            time.sleep(0.05)
    return "sent"


HANDLERS["test_blocking"] = Kind(send_then_block, reaches_shopper=False)

__all__ = ["app"]
