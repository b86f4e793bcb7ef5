"""A request that meets a lost database connection (PostgreSQL restarted, the backend ended, no
connection to be had from the pool in time) answers 503 with a JSON reason and ``Retry-After``
instead of a 500. Whatever the request wrote is rolled back with its connection; the connection is
dropped at the end of the request (Django, the pool) and the next request gets a fresh one, so the
app recovers without a restart. Logged once per request, with the error's class only (its message may
name the server)."""
import logging

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.utils.deprecation import MiddlewareMixin

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
DETAIL = "the database is unavailable, try again shortly"


def unavailable_response() -> JsonResponse:
    response = JsonResponse({"detail": DETAIL, "code": "database_unavailable"}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware(MiddlewareMixin):
    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("database.unavailable", extra={"path": request.path, "error": type(exception).__name__})
        return unavailable_response()
