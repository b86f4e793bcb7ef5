"""The environment of the app's own processes that live tests start (web servers, Celery workers,
beat): this test's database and Redis DB, the connection pool on as in production, warnings only, and
Django's async safety checks kept (as in production, where nothing sets DJANGO_ALLOW_ASYNC_UNSAFE).
``extra`` adds or overrides variables (the dev store's URL, APP_URL, a timeout)."""
import os

from django.conf import settings
from django.db import connection


def stack_env(redis_url: str | None = None, **extra: str) -> dict:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "shopapp.settings",
        "DEBUG": "1",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DATABASE_POOL": "1",
        "REDIS_URL": redis_url or settings.REDIS_URL,
        "SHOPIFY_API_KEY": settings.SHOPIFY_API_KEY,
        "SHOPIFY_API_SECRET": settings.SHOPIFY_API_SECRET,
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.update(extra)
    return env
