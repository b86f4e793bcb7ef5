"""Test settings: the real settings, with a real PostgreSQL and a real Redis (never SQLite or a
fake). ``TEST_DATABASE_URL`` / ``TEST_REDIS_URL`` point elsewhere when needed."""
import os

os.environ["DEBUG"] = "1"
os.environ["DATABASE_URL"] = os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/supportapp")
os.environ["REDIS_URL"] = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ["SHOPIFY_API_KEY"] = "test-api-key"
os.environ["SHOPIFY_API_SECRET"] = "test-api-secret-with-at-least-32-bytes"
os.environ.pop("SHOPIFY_OLD_API_SECRET", None)
os.environ["SHOPIFY_DEVSTORE_URL"] = ""
os.environ["APP_URL"] = "http://testserver"
os.environ.setdefault("LOG_LEVEL", "WARNING")
# In-process tests use plain connections (the thread-based Celery test worker and the test database
# swap do not mix with a pool); tests/test_live_stack.py runs the real processes with the pool on.
os.environ["DATABASE_POOL"] = "0"

from shopapp.settings import *  # noqa: E402,F403

SHOPIFY_RETRY_BASE_DELAY = 0.01
SHOPIFY_HTTP_TIMEOUT = 2.0
STATIC_ROOT = None  # served through the finders in tests; nothing is collected
