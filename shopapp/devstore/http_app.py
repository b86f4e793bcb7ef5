"""Routing: which shop a request is for, and which endpoint answers it.

The shop is the Host header when it ends in `.myshopify.com` (the app's rewriting
transport keeps it); otherwise a `/store/{name}.myshopify.com/<path>` prefix names it.
Admin endpoints first, then the shop's storefront (storefront.py).
"""

from __future__ import annotations

import logging
import re

from .authorize import handle_authorize
from .control_api import handle_control
from .core import DevStore, Request, Response, json_response
from .fault_responses import after_response, before_response
from .gql_endpoint import handle_graphql
from .oauth import handle_access_token
from .storefront import handle_storefront

logger = logging.getLogger(__name__)

_STORE_PREFIX = re.compile(r"^/store/(?P<shop>[a-z0-9][a-z0-9-]*\.myshopify\.com)(?P<rest>/.*)?$")
_GRAPHQL = re.compile(r"^/admin/api/(?P<version>[0-9]{4}-[0-9]{2}|unstable)/graphql\.json$")
_LOCAL_ORIGIN = re.compile(r"^http://(localhost|127\.0\.0\.1)(:\d{1,5})?$")
NOT_FOUND = {"errors": "Not Found"}


def resolve_shop(host: str | None, path: str) -> tuple[str | None, str]:
    """(shop domain or None, path without any /store/<shop> prefix)."""
    shop, rest, _base = resolve_shop_base(host, path)
    return shop, rest


def resolve_shop_base(host: str | None, path: str) -> tuple[str | None, str, str]:
    """(shop domain or None, path without any /store/<shop> prefix, that prefix or "")."""
    name = (host or "").split(":")[0].strip().lower()
    if name.endswith(".myshopify.com"):
        return name, path, ""
    match = _STORE_PREFIX.match(path)
    if match:
        return match["shop"], match["rest"] or "/", f"/store/{match['shop']}"
    return None, path, ""


def cors_headers(origin: str | None) -> dict[str, str]:
    if not origin or not _LOCAL_ORIGIN.match(origin):
        return {}
    return {
        "Access-Control-Allow-Origin": origin,
        "Vary": "Origin",
        "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": "600",
    }


def dispatch(store: DevStore, request: Request) -> Response:
    if request.path == "/_devstore" or request.path.startswith("/_devstore/"):
        cors = cors_headers(request.header("origin"))
        response = Response(204) if request.method == "OPTIONS" else handle_control(store, request)
        response.headers.update(cors)
        return response
    shop, request.path, request.base = resolve_shop_base(request.header("host"), request.path)
    with store.state.read() as data:
        known = shop is not None and shop in data["shops"]
    if not known:
        return json_response(404, NOT_FOUND)
    request.shop = shop
    return _shopify_endpoint(store, request)


def _shopify_endpoint(store: DevStore, request: Request) -> Response:
    method, path = request.method, request.path
    if path == "/admin/oauth/access_token" and method == "POST":
        return _with_token_faults(store, request)
    if path == "/admin/oauth/authorize" and method == "GET":
        return handle_authorize(store, request)
    if _GRAPHQL.match(path) and method == "POST":
        return handle_graphql(store, request)
    storefront = handle_storefront(store, request)
    return storefront if storefront is not None else json_response(404, NOT_FOUND)


def _with_token_faults(store: DevStore, request: Request) -> Response:
    """Faults with target "token" (or "any") apply to the token endpoint too."""
    shop = request.shop
    fault = store.faults.take_request_fault(phase="before", shop=shop, target="token", root_fields=[])
    if fault is not None:
        response = before_response(fault) or json_response(
            429, {"errors": "Too Many Requests"}, {"Retry-After": "1"}
        )
        store.log.record(shop=shop, kind="token", status=response.status, outcome=f"fault:{fault['kind']}")
        return response
    response = handle_access_token(store, request)
    if response.status == 200:
        after = store.faults.take_request_fault(phase="after", shop=shop, target="token", root_fields=[])
        if after is not None:
            response = after_response(after, response)
            store.log.record(
                shop=shop, kind="token", status=response.status, outcome=f"fault:{after['kind']}"
            )
    return response
