"""The shop's storefront, as a browser sees `https://{shop}` (here `/store/{shop}` or Host `{shop}`):
the demo page, "log in as" a seeded customer, the theme app extension's assets, the app proxy.

| Path | |
| --- | --- |
| `GET /` | the demo page (`?locale=` sets `data-locale`, default "en") |
| `GET /account/login?customer_id=` | logs in as a seeded customer (cookie), back to the page; unknown id: 400 |
| `GET /account/logout` | forgets the customer |
| `GET /cdn/extensions/<file>` | a file of the `--extension-assets` folder (plain names only) |
| any `/apps/support/<rest>` | the app proxy (see app_proxy.py) |
"""

from __future__ import annotations

import mimetypes
import re
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from .app_proxy import PATH_PREFIX
from .core import DevStore, Request, Response, json_response
from .storefront_page import render_message, render_storefront

COOKIE = "devstore_customer"
ASSETS_PREFIX = "/cdn/extensions/"
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")
_ASSET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")
_ID = re.compile(r"^[0-9]{1,20}$")
_CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
}


def handle_storefront(store: DevStore, request: Request) -> Response | None:
    """The storefront's answer, or None when the path is not a storefront path."""
    path, method = request.path, request.method
    if path == PATH_PREFIX or path.startswith(PATH_PREFIX + "/"):
        return store.app_proxy.forward(request, path[len(PATH_PREFIX) :], _customer_id(store, request))
    if method not in ("GET", "HEAD"):
        return None
    if path == "/":
        return _page(store, request)
    if path == "/account/login":
        return _login(store, request)
    if path == "/account/logout":
        return _redirect_home(request, _cookie_header(request, "", max_age=0))
    if path.startswith(ASSETS_PREFIX):
        return _asset(store.config.extension_assets, path[len(ASSETS_PREFIX) :])
    return None


def locale_of(request: Request) -> str:
    value = request.arg("locale") or ""
    return value if _LOCALE.match(value) else "en"


def _page(store: DevStore, request: Request) -> Response:
    customer_id = _customer_id(store, request)
    with store.state.read() as data:
        record = data["shops"][request.shop]
        customer = record["customers"].get(customer_id) if customer_id else None
        html = render_storefront(record, base=request.base, locale=locale_of(request), customer=customer)
    return Response(
        200, html.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}
    )


def _login(store: DevStore, request: Request) -> Response:
    wanted = request.arg("customer_id") or ""
    if not _is_customer(store, request.shop, wanted):
        return _html(400, "Bad Request", f"No customer {wanted} in this shop.")
    return _redirect_home(request, _cookie_header(request, wanted, max_age=30 * 86400))


def _customer_id(store: DevStore, request: Request) -> str | None:
    """The logged-in customer's id from the cookie, when it still names one of the shop's customers."""
    try:
        morsel = SimpleCookie(request.header("cookie") or "").get(COOKIE)
    except CookieError:
        return None
    value = morsel.value if morsel is not None else ""
    return value if _is_customer(store, request.shop, value) else None


def _is_customer(store: DevStore, shop: str | None, customer_id: str) -> bool:
    if not _ID.match(customer_id):
        return False
    with store.state.read() as data:
        return customer_id in data["shops"][shop]["customers"]


def _cookie_header(request: Request, value: str, *, max_age: int) -> str:
    return f"{COOKIE}={value}; Path={request.base or ''}/; Max-Age={max_age}; HttpOnly; SameSite=Lax"


def _redirect_home(request: Request, cookie: str) -> Response:
    query = f"?{urlencode({'locale': locale_of(request)})}" if request.arg("locale") else ""
    return Response(
        303, b"", {"Location": f"{request.base}/{query}", "Set-Cookie": cookie, "Cache-Control": "no-store"}
    )


def _asset(folder: str | None, name: str) -> Response:
    if not folder:
        return json_response(404, {"errors": "Not Found", "reason": "no --extension-assets folder is configured"})
    root = Path(folder).resolve()
    candidate = root / name
    if not _ASSET_NAME.match(name) or not candidate.is_file() or candidate.resolve().parent != root:
        return json_response(404, {"errors": "Not Found"})
    content_type = _CONTENT_TYPES.get(candidate.suffix.lower()) or (
        mimetypes.guess_type(candidate.name)[0] or "application/octet-stream"
    )
    return Response(
        200,
        candidate.read_bytes(),
        {"Content-Type": content_type, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"},
    )


def _html(status: int, title: str, message: str) -> Response:
    return Response(
        status, render_message(title, message).encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"}
    )
