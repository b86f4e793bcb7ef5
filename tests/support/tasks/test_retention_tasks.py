"""Retention tasks: the beat task fans out per active shop; the per-shop task re-fetches its shop."""
from datetime import UTC, datetime

import pytest

from shopapp.celery import app as celery_app
from support.models import Conversation
from support.tasks import purge_expired_conversations_task, purge_shop_conversations_task
from tests.factories import ConversationFactory, ShopFactory

pytestmark = pytest.mark.django_db

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


@pytest.fixture
def eager_celery():
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


def test_beat_task_purges_every_active_shop_and_skips_uninstalled_ones(eager_celery):
    active = [ShopFactory(), ShopFactory()]
    uninstalled = ShopFactory(is_active=False)
    for shop in [*active, uninstalled]:
        ConversationFactory(shop=shop, last_activity_at=LONG_AGO)
    recent = ConversationFactory(shop=active[0], last_activity_at=datetime.now(UTC))

    assert purge_expired_conversations_task() == 2

    assert sorted(Conversation.objects.values_list("shop_id", flat=True)) == sorted([uninstalled.pk, recent.shop_id])


def test_shop_task_returns_early_for_a_shop_that_is_gone(caplog):
    assert purge_shop_conversations_task(987654321) == 0
    assert [(r.getMessage(), r.shop_id) for r in caplog.records] == [("retention.shop_gone", 987654321)]


def test_shop_task_purges_that_shop():
    shop = ShopFactory()
    ConversationFactory(shop=shop, last_activity_at=LONG_AGO)
    assert purge_shop_conversations_task(shop.pk) == 1
    assert Conversation.objects.count() == 0
