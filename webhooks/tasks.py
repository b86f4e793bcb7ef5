"""Webhook tasks. The recorded deliveries are the queue: a drain task works through them (see
``actions.drain``); the sweep wakes a drainer for deliveries left waiting; the purge drops old
payloads."""
import logging
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from . import actions, wakeup

logger = logging.getLogger(__name__)

DRAIN_BUDGET_SECONDS = 20.0  # then the task makes way (a new one continues) so others get a turn


@shared_task
def drain_deliveries_task():
    count, finished = actions.drain(budget_seconds=DRAIN_BUDGET_SECONDS)
    if not finished:
        wakeup.enqueue(drain_deliveries_task)
    return count


@shared_task
def sweep_deliveries_task(older_than_seconds: int = 60):
    """Wake a drainer for deliveries waiting longer than they should (the broker was down when they
    arrived, a worker died mid-drain). Returns how many were found waiting (at most 1,000)."""
    waiting = actions.waiting_deliveries(older_than=timedelta(seconds=older_than_seconds))
    if waiting:
        logger.info("webhooks.sweep.waiting", extra={"count": waiting})
        wakeup.enqueue(drain_deliveries_task)
    return waiting


@shared_task
def purge_old_deliveries_task():
    return actions.purge_old_deliveries(now=timezone.now())
