"""Admin GraphQL client. Every operation is a ``.graphql`` document in ``operations/``; calls go
through ``shopifyapp.admin_graphql_request`` with our HTTP client, and this module owns the retry
policy:

- throttled (``THROTTLED`` error or HTTP 429): wait ``(requested - available) / restoreRate`` (or
  ``Retry-After``) and retry;
- 401: refresh the token once and retry;
- 5xx and network errors: queries retry with exponential backoff a bounded number of times;
  mutations raise ``ShopifyAmbiguousError`` instead, because Shopify may have applied them;
- anything else raises a typed, non-retryable error; ``userErrors`` raise ``ShopifyUserErrors``.
"""
import json
import logging
import random
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from shopapp.models import Shop

from . import http, tokens
from .app import shopify_app
from .errors import (
    ShopifyAmbiguousError,
    ShopifyAuthError,
    ShopifyNetworkError,
    ShopifyQueryError,
    ShopifyServerError,
    ShopifyThrottled,
    ShopifyUserErrors,
)

logger = logging.getLogger(__name__)

OPERATIONS_DIR = Path(__file__).resolve().parent / "operations"


@dataclass(frozen=True)
class Operation:
    name: str
    document: str

    @property
    def is_mutation(self) -> bool:
        """Whether the document's first statement (after ``#`` comment lines) is a mutation."""
        lines = (line.strip() for line in self.document.splitlines())
        return next((line for line in lines if line and not line.startswith("#")), "").startswith("mutation")


@cache
def load_operation(name: str) -> Operation:
    path = OPERATIONS_DIR / f"{name}.graphql"
    return Operation(name=name, document=path.read_text())


def throttle_wait(body: dict) -> float | None:
    """Seconds to wait from a THROTTLED response's cost figures, or None if it is not throttled."""
    errors = body.get("errors") if isinstance(body, dict) else None
    if not isinstance(errors, list):
        return None
    if not any((error.get("extensions") or {}).get("code") == "THROTTLED" for error in errors):
        return None
    cost = ((body.get("extensions") or {}).get("cost")) or {}
    status = cost.get("throttleStatus") or {}
    requested = float(cost.get("requestedQueryCost") or 0)
    available = float(status.get("currentlyAvailable") or 0)
    restore = float(status.get("restoreRate") or 0)
    if restore <= 0:
        return 1.0
    return max(0.0, (requested - available) / restore)


def backoff_delay(attempt: int, base: float) -> float:
    return base * (2**attempt) * (1 + random.random() / 4)  # noqa: S311 - jitter, not security


def collect_user_errors(data: dict | None) -> list[dict]:
    found = []
    for value in (data or {}).values():
        if isinstance(value, dict) and value.get("userErrors"):
            found.extend(value["userErrors"])
    return found


class AdminClient:
    def __init__(self, shop: Shop):
        self.shop = shop

    def execute(self, operation_name: str, variables: dict | None = None) -> dict:
        operation = load_operation(operation_name)
        attempt = 0
        refreshed = False
        while True:
            token = tokens.access_token_for(self.shop)
            result = shopify_app().admin_graphql_request(
                operation.document,
                shop=self.shop.handle,
                access_token=token,
                api_version=settings.SHOPIFY_API_VERSION,
                variables=variables,
                max_retries=0,
                invalid_token_response=None,
                http_client=http.client(),
            )
            if result.ok:
                return self._checked_data(operation, result.data)
            code = result.log.code
            if code == "unauthorized" and not refreshed:
                refreshed = True
                tokens.access_token_for(self.shop, force_refresh=True)
                continue
            wait, error = self._classify(operation, result, attempt)
            if attempt >= settings.SHOPIFY_MAX_RETRIES or wait is None:
                raise error
            logger.info(
                "shopify.graphql.retry",
                extra={"operation": operation.name, "shop_id": self.shop.pk, "code": code, "attempt": attempt},
            )
            time.sleep(min(wait, settings.SHOPIFY_MAX_THROTTLE_WAIT))
            attempt += 1

    def _checked_data(self, operation: Operation, data: dict | None) -> dict:
        user_errors = collect_user_errors(data)
        if user_errors:
            logger.info(
                "shopify.graphql.user_errors",
                extra={"operation": operation.name, "shop_id": self.shop.pk, "count": len(user_errors)},
            )
            raise ShopifyUserErrors(
                "Shopify refused the mutation", operation=operation.name, user_errors=user_errors
            )
        return data or {}

    def _classify(self, operation: Operation, result, attempt: int):
        """(seconds to wait before a retry or None for no retry, the error to raise otherwise)."""
        code = result.log.code
        name = operation.name
        base = settings.SHOPIFY_RETRY_BASE_DELAY
        if code == "unauthorized":
            return None, ShopifyAuthError("Shopify refused the access token", code=code, operation=name)
        if code == "graphql_errors":
            body = _json(result.response.body)
            wait = throttle_wait(body)
            if wait is not None:
                return wait, ShopifyThrottled("throttled", code="THROTTLED", operation=name)
            errors = body.get("errors") if isinstance(body, dict) else None
            return None, ShopifyQueryError("GraphQL errors", code=code, operation=name, errors=errors)
        if code == "rate_limited":
            retry_after = _retry_after(result)
            return retry_after, ShopifyThrottled("rate limited (429)", code=code, operation=name)
        if code.startswith("http_error_5") or code == "network_error":
            if operation.is_mutation:
                return None, ShopifyAmbiguousError("no clear answer to a mutation", code=code, operation=name)
            error_class = ShopifyNetworkError if code == "network_error" else ShopifyServerError
            return backoff_delay(attempt, base), error_class("Shopify unavailable", code=code, operation=name)
        return None, ShopifyQueryError("Shopify refused the request", code=code, operation=name)


def _json(text: str):
    try:
        return json.loads(text or "null") or {}
    except ValueError:
        return {}


def _retry_after(result) -> float:
    for log in reversed(result.http_logs or []):
        value = (log.res.headers or {}).get("retry-after") or (log.res.headers or {}).get("Retry-After")
        if value:
            try:
                return float(value)
            except ValueError:
                break
    return 1.0
