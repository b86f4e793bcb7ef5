"""Settings come from the environment only (12-factor). Defaults are safe for production:
DEBUG is off unless asked, cookies are secure, HSTS is on behind TLS. ``make dev`` and ``make test``
set the development values explicitly."""
import base64
import hashlib
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-secret-key-not-for-production"  # noqa: S105

APP_URL = os.environ.get("APP_URL", "http://127.0.0.1:8000").rstrip("/")
_app_url = urlsplit(APP_URL)
APP_URL_IS_HTTPS = _app_url.scheme == "https"
ALLOWED_HOSTS = sorted({_app_url.hostname or "localhost", *env_list("ALLOWED_HOSTS")})
if DEBUG:
    ALLOWED_HOSTS += ["localhost", "127.0.0.1", "testserver"]

# --- Shopify -------------------------------------------------------------------------------
SHOPIFY_API_KEY = os.environ.get("SHOPIFY_API_KEY", "dev-api-key" if DEBUG else "")
SHOPIFY_API_SECRET = os.environ.get("SHOPIFY_API_SECRET", "dev-api-secret-for-local-development" if DEBUG else "")
SHOPIFY_OLD_API_SECRET = os.environ.get("SHOPIFY_OLD_API_SECRET") or None
SHOPIFY_API_VERSION = os.environ.get("SHOPIFY_API_VERSION", "2026-07")
SHOPIFY_SCOPES = os.environ.get(
    "SHOPIFY_SCOPES",
    "read_customers,write_customers,read_orders,read_fulfillments,"
    "read_store_credit_accounts,write_store_credit_account_transactions,write_gift_cards,write_app_proxy",
)
# Development and tests only: send every Shopify request to the dev store simulator.
SHOPIFY_DEVSTORE_URL = os.environ.get("SHOPIFY_DEVSTORE_URL", "").rstrip("/")
if SHOPIFY_DEVSTORE_URL and not DEBUG:
    raise ImproperlyConfigured("SHOPIFY_DEVSTORE_URL is for development only; unset it or set DEBUG=1")
SHOPIFY_HTTP_TIMEOUT = float(os.environ.get("SHOPIFY_HTTP_TIMEOUT", "10"))
SHOPIFY_MAX_RETRIES = int(os.environ.get("SHOPIFY_MAX_RETRIES", "4"))
SHOPIFY_RETRY_BASE_DELAY = float(os.environ.get("SHOPIFY_RETRY_BASE_DELAY", "0.5"))
SHOPIFY_MAX_THROTTLE_WAIT = float(os.environ.get("SHOPIFY_MAX_THROTTLE_WAIT", "20"))
# Seconds a legacy install link (query HMAC + timestamp) stays valid.
SHOPIFY_OAUTH_MAX_AGE = int(os.environ.get("SHOPIFY_OAUTH_MAX_AGE", "600"))
# The chat widget's theme app extension id (the Shopify CLI writes it to .env as SHOPIFY_<EXTENSION NAME>_ID
# on deploy): the admin's "Show the chat on your storefront" link activates its ``chat-embed`` block there.
# Unset: the admin explains that the link is missing.
SHOPIFY_CHAT_EXTENSION_ID = os.environ.get("SHOPIFY_CHAT_EXTENSION_ID", "").strip()
if not DEBUG and not (SHOPIFY_API_KEY and SHOPIFY_API_SECRET):
    raise ImproperlyConfigured("SHOPIFY_API_KEY and SHOPIFY_API_SECRET must be set when DEBUG is off")


def _dev_encryption_key(secret):
    return base64.urlsafe_b64encode(hashlib.sha256(("field-encryption:" + secret).encode()).digest()).decode()


# Comma-separated Fernet keys: the first encrypts, all decrypt (key rotation).
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEY")
if not FIELD_ENCRYPTION_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY must be set when DEBUG is off")
    FIELD_ENCRYPTION_KEYS = [_dev_encryption_key(SECRET_KEY)]

# --- Django ---------------------------------------------------------------------------------
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "channels",
    "anymail",
    "shopapp",
    "webhooks",
    "support",
    "frontend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.common.CommonMiddleware",
    "shopapp.database_unavailable.DatabaseUnavailableMiddleware",  # a lost connection: 503, not 500
]

ROOT_URLCONF = "shopapp.urls"
ASGI_APPLICATION = "shopapp.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded development default: writers from the web process and the Celery worker wait
    # for each other instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 30, "transaction_mode": "IMMEDIATE"})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("DATABASE_POOL", True):
    # A connection pool per process (psycopg_pool). Under ASGI every request runs in its own thread,
    # so persistent per-thread connections would pile up; the pool bounds them and reuses them.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # The pool checks an idle connection (an empty query) before handing it out: one whose backend
    # ended (PostgreSQL restarted, pg_terminate_backend) is replaced instead of failing a request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DATABASE_POOL_MIN", "1")),
        "max_size": int(os.environ.get("DATABASE_POOL_MAX", "8")),
        "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "10")),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}

# channels_redis's layer with a lighter wait for the websocket consumers' channels (shopapp/channel_layer.py).
CHANNEL_LAYERS = {
    "default": {"BACKEND": "shopapp.channel_layer.RedisChannelLayer", "CONFIG": {"hosts": [REDIS_URL]}}
}

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# Chat attachments: outside the web root (nothing serves this folder; the app serves each file to
# the conversation's parties only).
ATTACHMENTS_DIR = Path(os.environ.get("ATTACHMENTS_DIR", VAR_DIR / "attachments"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Email ----------------------------------------------------------------------------------
# Agent replies reach shoppers by email (support/actions/email.py); shoppers answer to
# reply+<token>@SUPPORT_EMAIL_DOMAIN and the provider's inbound webhook threads the answer back.
SUPPORT_EMAIL_DOMAIN = os.environ.get("SUPPORT_EMAIL_DOMAIN", "").strip().lower() or (_app_url.hostname or "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"support@{SUPPORT_EMAIL_DOMAIN}")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# EMAIL_ESP names an anymail backend (mailgun, postmark, sendgrid, amazon_ses, ...); its settings come
# from ANYMAIL_<NAME> variables, e.g. ANYMAIL_MAILGUN_API_KEY -> ANYMAIL["MAILGUN_API_KEY"].
EMAIL_ESP = os.environ.get("EMAIL_ESP", "").strip().lower()
if os.environ.get("EMAIL_BACKEND"):
    EMAIL_BACKEND = os.environ["EMAIL_BACKEND"]
elif EMAIL_ESP:
    EMAIL_BACKEND = f"anymail.backends.{EMAIL_ESP}.EmailBackend"
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)  # STARTTLS unless implicit TLS is asked for
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "465" if EMAIL_USE_SSL else "587" if EMAIL_USE_TLS else "25"))
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
# Inbound: Mailgun signs each post with ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY; ANYMAIL_WEBHOOK_SECRET
# ("user:password") adds HTTP basic auth on top.
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value for name, value in os.environ.items() if name.startswith("ANYMAIL_") and value
}

# --- Machine translation --------------------------------------------------------------------
# Each shop brings its own DeepL or Google key (support/translation/). These override the providers'
# endpoints (tests, a self-hosted proxy): DEEPL_API_URL replaces the host chosen by the key
# (api-free.deepl.com for ":fx" keys, api.deepl.com otherwise); GOOGLE_TRANSLATE_URL is the full URL.
DEEPL_API_URL = os.environ.get("DEEPL_API_URL", "").rstrip("/")
GOOGLE_TRANSLATE_URL = os.environ.get("GOOGLE_TRANSLATE_URL", "https://translation.googleapis.com/language/translate/v2")

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if APP_URL_IS_HTTPS and not DEBUG:
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# The app is framed by the Shopify admin: frame-ancestors is set per shop on the app home.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- APIs -----------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["shopapp.auth.session_tokens.SessionTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "shopapp.api.exceptions.exception_handler",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Support app API",
    "DESCRIPTION": "Admin API (agents, session-token auth) and widget API (storefront shoppers).",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/(admin|widget)",
    # One name for the staff roles wherever a field takes one (e.g. who may request or approve credit).
    "ENUM_NAME_OVERRIDES": {"StaffRoleEnum": "shopapp.models.staff.Role"},
    # Every operation documents the refusals its authentication and validation can answer (401, 403, 404, ...).
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "shopapp.api.schema.document_refusals"],
}

# --- Celery ---------------------------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
# Keep a worker's database connection across tasks instead of reconnecting for each one.
CELERY_DB_REUSE_MAX = int(os.environ.get("CELERY_DB_REUSE_MAX", "100"))
CELERY_BEAT_SCHEDULE = {
    "sweep-webhook-deliveries": {"task": "webhooks.tasks.sweep_deliveries_task", "schedule": 60.0},
    "purge-webhook-payloads": {"task": "webhooks.tasks.purge_old_deliveries_task", "schedule": 86400.0},
    "purge-expired-conversations": {
        "task": "support.tasks.purge_expired_conversations_task", "schedule": crontab(hour=3, minute=30)
    },
    "sync-mirrors": {"task": "support.mirror_tasks.sync_all_mirrors_task", "schedule": 600.0},
    "sweep-email-replies": {"task": "support.tasks.sweep_email_replies_task", "schedule": 300.0},
    "purge-attachment-files": {"task": "support.tasks.purge_attachment_files_task", "schedule": 3600.0},
    "sweep-credit-grants": {"task": "support.tasks.sweep_credit_grants_task", "schedule": 60.0},
    "sweep-bot-turns": {"task": "support.tasks.sweep_bot_turns_task", "schedule": 60.0},
    "offer-late-order-credits": {"task": "support.tasks.offer_late_order_credits_task", "schedule": 3600.0},
    "sweep-due-followups": {"task": "support.tasks.sweep_due_followups_task", "schedule": 30.0},
    "scan-late-orders": {"task": "support.tasks.scan_late_orders_task", "schedule": 3600.0},
}

# --- Logging --------------------------------------------------------------------------------
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "shopapp.logging.RedactFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger", "message": "event"},
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.server": {"level": "WARNING"},
        # Refusals (4xx) are logged once, by the code that refuses, with a reason; Django's own
        # per-response warning would be a second line. Server errors (5xx) still log here.
        "django.request": {"level": "ERROR"},
        "httpx": {"level": "WARNING"},
        "httpcore": {"level": "WARNING"},
    },
}
