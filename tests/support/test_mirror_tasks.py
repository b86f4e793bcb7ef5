import pytest
import redis
from django.conf import settings

from support.mirror_tasks import sync_all_mirrors_task, sync_mirror_task
from support.models import Order


@pytest.mark.django_db
def test_one_sync_per_shop_at_a_time(installed_shop, seeded_shop, devstore_log, redis_client):
    held = redis.Redis.from_url(settings.REDIS_URL).lock(f"mirror-sync:{installed_shop.pk}", timeout=30)
    assert held.acquire(blocking=False)
    assert sync_mirror_task.apply(args=[installed_shop.pk]).get() == 0
    assert [e for e in devstore_log() if e["kind"] == "graphql"] == []
    held.release()

    assert sync_mirror_task.apply(args=[installed_shop.pk]).get() == seeded_shop["orders"]
    assert Order.objects.filter(shop=installed_shop).count() == seeded_shop["orders"]


@pytest.mark.django_db
def test_sync_of_a_gone_shop_does_nothing(devstore_log):
    assert sync_mirror_task.apply(args=[987654]).get() == 0
    assert devstore_log() == []


@pytest.mark.django_db
def test_beat_fans_out_to_every_active_shop(installed_shop, redis_client, monkeypatch):
    queued = []
    monkeypatch.setattr(sync_mirror_task, "delay", lambda shop_id: queued.append(shop_id))  # Celery's publish
    assert sync_all_mirrors_task() == 1
    assert queued == [installed_shop.pk]
