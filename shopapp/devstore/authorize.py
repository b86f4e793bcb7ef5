"""`GET /admin/oauth/authorize`: the legacy install screen. In dev the merchant approves at
once, so the answer is a redirect back to the app with a code and Shopify's query HMAC."""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import logging
from urllib.parse import urlencode, urlsplit

from .core import DevStore, Request, Response
from .oauth import new_authorization_code

logger = logging.getLogger(__name__)

_LOOPBACK = {"localhost", "127.0.0.1", "[::1]"}


def query_hmac(params: dict[str, str], secret: str) -> str:
    """Shopify's query HMAC: hex HMAC-SHA256 over `key=value` pairs sorted by key, joined by `&`
    (the `hmac` parameter itself excluded)."""
    message = "&".join(f"{key}={params[key]}" for key in sorted(params) if key != "hmac")
    return hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


def admin_host(shop: str) -> str:
    """The `host` parameter: base64 of admin.shopify.com/store/<name>, without padding."""
    raw = f"admin.shopify.com/store/{shop.removesuffix('.myshopify.com')}"
    return base64.b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def _page(status: int, title: str, message: str) -> Response:
    body = (
        f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(message)}</p></body></html>"
    ).encode()
    return Response(status, body, {"Content-Type": "text/html; charset=utf-8"})


def _same_origin(url: str, app_url: str) -> bool:
    target, app = urlsplit(url), urlsplit(app_url)
    if target.scheme != app.scheme or target.port != app.port:
        return False
    return target.hostname == app.hostname or {target.hostname, app.hostname} <= {
        h.strip("[]") for h in _LOOPBACK
    }


def handle_authorize(store: DevStore, request: Request) -> Response:
    shop = request.shop
    config = store.config
    client_id, redirect_uri = request.arg("client_id"), request.arg("redirect_uri") or ""
    if client_id != config.api_key:
        store.log.record(shop=shop, kind="authorize", status=400, outcome="unknown_client")
        return _page(400, "Oauth error invalid_request", "The client_id is not a known application.")
    if not _same_origin(redirect_uri, config.app_url):
        store.log.record(shop=shop, kind="authorize", status=400, outcome="invalid_redirect_uri")
        return _page(400, "Oauth error invalid_request", "The redirect_uri is not whitelisted.")
    scope = request.arg("scope") or config.scopes
    mode = "online" if "per-user" in request.query.get("grant_options[]", []) else "offline"
    with store.state.mutate() as data:
        code = new_authorization_code(store, data, shop=shop, scope=scope, mode=mode)
    params = {"code": code, "host": admin_host(shop), "shop": shop, "timestamp": str(int(store.clock()))}
    if request.arg("state") is not None:
        params["state"] = request.arg("state")
    params["hmac"] = query_hmac(params, config.api_secret)
    separator = "&" if urlsplit(redirect_uri).query else "?"
    store.log.record(shop=shop, kind="authorize", status=302, outcome="approved", mode=mode)
    logger.info("devstore.authorize.approved", extra={"shop": shop, "mode": mode})
    return Response(302, b"", {"Location": f"{redirect_uri}{separator}{urlencode(sorted(params.items()))}"})
