"""The WSGI front door for webhooks: ``POST /webhooks/shopify`` and ``POST /webhooks/compliance``
are answered here, before Django's request machinery; every other request goes to Django unchanged.

A delivery needs none of what Django adds to a request (URL resolution, middleware, sessions,
request and response objects, the request signals that return the database connection to the pool
after every request), and Shopify can send thousands at once. Here it costs the ``ingest`` call
(the same one the Django views make, so the answers are the same) and little else: the process
keeps its database connection between deliveries instead of taking it from the pool and giving it
back each time.

What Django would otherwise do, done here: the Host header is checked against ``ALLOWED_HOSTS``
(400), a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` is refused unread (413), a lost database
connection is dropped and the delivery tried once more on a fresh one (recording is idempotent),
then answered 503 with ``Retry-After`` (Shopify retries), and any other error is logged and
answered 500."""
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http.request import split_domain_port, validate_host

from shopapp.database_unavailable import DETAIL, RETRY_AFTER_SECONDS

from .ingest import Answer, ingest, refuse

logger = logging.getLogger(__name__)

PATHS = {"/webhooks/shopify": False, "/webhooks/compliance": True}  # path -> compliance endpoint
REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 405: "Method Not Allowed",
           413: "Content Too Large", 500: "Internal Server Error", 503: "Service Unavailable"}
UNAVAILABLE = b'{"detail": "' + DETAIL.encode() + b'", "code": "database_unavailable"}'
FAILED = b'{"detail": "the delivery could not be recorded", "code": "server_error"}'


class WebhookFrontDoor:
    """WSGI middleware around Django's WSGI application (``shopapp.wsgi``)."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        compliance = PATHS.get(environ.get("PATH_INFO", ""))
        if compliance is None or environ.get("REQUEST_METHOD") != "POST":
            return self.app(environ, start_response)  # a GET on a webhook path gets Django's 405
        status, body, extra = self._answer(environ, compliance)
        headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body))),
                   ("X-Content-Type-Options", "nosniff"), *extra]
        start_response(f"{status} {REASONS.get(status, '')}".rstrip(), headers)
        return [body]

    def _answer(self, environ, compliance: bool) -> tuple[int, bytes, list]:
        if not _host_allowed(environ):
            answer = refuse(400, "disallowed_host")
            return answer.status, answer.body, []
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            answer = refuse(413 if length > 0 else 400, "payload_too_large" if length > 0 else "invalid_content_length")
            return answer.status, answer.body, []
        raw = environ["wsgi.input"].read(length) if length else b""
        try:
            answer = _ingest_with_one_reconnect(environ, raw, compliance)
        except (OperationalError, InterfaceError) as error:
            _drop_connection()
            logger.warning("database.unavailable",
                           extra={"path": environ.get("PATH_INFO"), "error": type(error).__name__})
            return 503, UNAVAILABLE, [("Retry-After", str(RETRY_AFTER_SECONDS))]
        except Exception:  # noqa: BLE001 - whatever it was, Shopify gets a 5xx and retries
            _drop_connection()
            logger.exception("webhooks.frontdoor.error")
            return 500, FAILED, []
        return answer.status, answer.body, []


def _ingest_with_one_reconnect(environ, raw: bytes, compliance: bool) -> Answer:
    """The connection kept from an earlier delivery may have died since (PostgreSQL restarted, the
    backend ended): drop it and try once more on a fresh one. A second failure is the caller's 503."""
    kept = connection.connection is not None
    try:
        return ingest(environ, raw, compliance=compliance)
    except (OperationalError, InterfaceError):
        if not kept:
            raise
        _drop_connection()
        return ingest(environ, raw, compliance=compliance)


def _drop_connection() -> None:
    try:
        connection.close()
    except (OperationalError, InterfaceError):
        connection.connection = None


def _host_allowed(environ) -> bool:
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    domain, _ = split_domain_port(host)
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    return bool(domain) and validate_host(domain, allowed)
