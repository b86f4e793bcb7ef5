"""The app proxy: what Shopify does with `https://{shop}/apps/support/<rest>` on a storefront.

The request is forwarded to `<app_url>/<rest>` with the shopper's query plus `shop`,
`logged_in_customer_id` (the logged-in customer, or empty), `path_prefix` and `timestamp`,
signed with the app's secret: HMAC-SHA256 (hex) over the sorted `key=value` pairs joined with
no separator, several values of one key joined by ",". The body, `Content-Type`, `Accept` and
`X-Visitor-Token` go along; cookies do not (Shopify strips them both ways). Websockets are not
carried: the widget connects to the app directly.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import threading
from collections.abc import Iterable
from urllib.parse import urlencode

import httpx

from .core import Request, Response, json_response
from .request_log import RequestLog

logger = logging.getLogger(__name__)

PATH_PREFIX = "/apps/support"
PROXY_PARAMS = ("shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature")
FORWARDED_REQUEST_HEADERS = ("content-type", "accept", "x-visitor-token")
# What the app's answer keeps besides its status and body (never Set-Cookie).
RETURNED_RESPONSE_HEADERS = ("content-type", "content-disposition", "location", "retry-after", "cache-control")
TIMEOUT = httpx.Timeout(30.0, connect=5.0)


def proxy_signature(params: Iterable[tuple[str, str]], secret: str) -> str:
    """Shopify's app proxy signature of the query pairs (without `signature`)."""
    grouped: dict[str, list[str]] = {}
    for key, value in params:
        grouped.setdefault(key, []).append(value)
    message = "".join(sorted(f"{key}={','.join(values)}" for key, values in grouped.items()))
    return hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


def signed_query(
    query: dict[str, list[str]], *, shop: str, customer_id: str | None, timestamp: int, secret: str
) -> str:
    """The forwarded query string: the shopper's parameters (any they sent under Shopify's own
    names are dropped, so nobody can claim a customer id), Shopify's parameters, the signature."""
    pairs = [(key, value) for key, values in query.items() if key not in PROXY_PARAMS for value in values]
    pairs += [
        ("shop", shop),
        ("logged_in_customer_id", customer_id or ""),
        ("path_prefix", PATH_PREFIX),
        ("timestamp", str(timestamp)),
    ]
    pairs.append(("signature", proxy_signature(pairs, secret)))
    return urlencode(pairs)


class AppProxy:
    """Forwards storefront requests to the app; one pooled HTTP client, built on first use."""

    def __init__(self, *, app_url: str, api_secret: str, log: RequestLog, clock) -> None:
        self.app_url = app_url.rstrip("/")
        self._secret = api_secret
        self._log = log
        self._clock = clock
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    def _http(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                self._client = httpx.Client(timeout=TIMEOUT, follow_redirects=False)
            return self._client

    def forward(self, request: Request, rest: str, customer_id: str | None) -> Response:
        query = signed_query(
            request.query,
            shop=request.shop or "",
            customer_id=customer_id,
            timestamp=int(self._clock()),
            secret=self._secret,
        )
        url = f"{self.app_url}{rest or '/'}?{query}"
        headers = {name: request.headers[name] for name in FORWARDED_REQUEST_HEADERS if name in request.headers}
        try:
            answer = self._http().request(request.method, url, content=request.body or None, headers=headers)
        except httpx.HTTPError as exc:
            reason = f"the app at {self.app_url} did not answer ({type(exc).__name__})"
            logger.warning("devstore.app_proxy.app_down", extra={"shop": request.shop, "error": type(exc).__name__})
            self._log.record(shop=request.shop, kind="app_proxy", status=502, method=request.method, path=rest)
            return json_response(502, {"errors": "Bad Gateway", "reason": reason})
        self._log.record(
            shop=request.shop, kind="app_proxy", status=answer.status_code, method=request.method, path=rest
        )
        returned = {name.title(): answer.headers[name] for name in RETURNED_RESPONSE_HEADERS if name in answer.headers}
        return Response(answer.status_code, answer.content, returned)
