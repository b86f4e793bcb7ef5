"""``GET /healthz`` for load balancers: the database and Redis must both answer."""
import logging

import redis
from django.conf import settings
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 - any failure means unhealthy
        logger.warning("health.database_down")
        return False


def _redis_ok() -> bool:
    try:
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
        try:
            return client.ping() is True
        finally:
            client.close()
    except redis.RedisError:
        logger.warning("health.redis_down")
        return False


def healthz(request):
    checks = {"database": "ok" if _database_ok() else "down", "redis": "ok" if _redis_ok() else "down"}
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "down", **checks}, status=200 if healthy else 503)
