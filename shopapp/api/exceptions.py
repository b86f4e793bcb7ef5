"""DRF errors in one shape: ``{"detail": ..., "code": ...}``, plus ``"fields"`` for invalid input.
A 401 on the admin API asks App Bridge to retry with a fresh session token. A URL under /api/ that
names no endpoint (e.g. a path id that is not a number) is a 404 in the same shape, not an HTML page."""
from django.http import JsonResponse
from django.views.defaults import page_not_found
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.views import exception_handler as drf_exception_handler

from shopapp.auth.session_tokens import RETRY_HEADER
from shopapp.refusals import Refused


class BadRequest(APIException):
    """A refusal with a machine-readable reason (``code``) and a sentence for people (``detail``)."""

    status_code = 400

    def __init__(self, reason: str, detail: str | None = None):
        super().__init__(detail=detail or f"refused: {reason}", code=reason)


def exception_handler(exc, context):
    if isinstance(exc, Refused):
        exc = BadRequest(exc.reason)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError) and not (isinstance(response.data, dict) and "detail" in response.data):
        response.data = {"detail": "invalid input", "code": "invalid_input", "fields": response.data}
    elif isinstance(response.data, dict) and "detail" in response.data:
        detail = response.data["detail"]
        response.data["code"] = getattr(detail, "code", None) or "error"
    request = context.get("request")
    if response.status_code == 401 and request is not None and request.path.startswith("/api/admin/"):
        response[RETRY_HEADER] = "1"
    return response


def not_found(request, exception):
    """``handler404``: the API's error shape under /api/, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "not found", "code": "not_found"}, status=404)
    return page_not_found(request, exception)
