"""DRF exception handler: errors are ``{"detail": ..., "code": ...}``; a 401 on the admin API
asks App Bridge to retry with a fresh session token."""
from rest_framework.views import exception_handler as drf_exception_handler

from shopapp.auth.session_tokens import RETRY_HEADER


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(response.data, dict) and "detail" in response.data:
        detail = response.data["detail"]
        response.data["code"] = getattr(detail, "code", None) or "error"
    if response.status_code == 401:
        response[RETRY_HEADER] = "1"
    return response
