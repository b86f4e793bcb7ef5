"""Django views that serve the shells: the app home (embedded admin) and, in development, a landing
page that opens the admin as a staff member of the dev store."""
import logging
import re
from urllib.parse import urlencode

import httpx
from django.conf import settings
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from shopapp.actions.staff import provision_agent
from shopapp.auth.claims import ClaimsRejected, shop_from_claims
from shopapp.auth.session_tokens import InvalidSessionToken, shop_for_session
from shopapp.shopify.app import PATCH_ID_TOKEN_PATH, result_response, shopify_app, to_shopify_request
from shopapp.shopify.domains import normalize_shop_domain
from shopapp.shopify.staff import staff_profile

from . import assets

logger = logging.getLogger(__name__)

DEMO_SHOP = "demo-store.myshopify.com"


def _dev_mode() -> bool:
    """Development against the dev store simulator (settings refuse it without DEBUG)."""
    return bool(settings.SHOPIFY_DEVSTORE_URL)


@require_GET
def home(request):
    """``/``: the app home for requests from the Shopify admin; the dev landing page otherwise."""
    if not _dev_mode() or "shop" in request.GET or "id_token" in request.GET:
        return app_home(request)
    return dev_landing(request)


_LOCALE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")
_SCREEN = re.compile(r"^[a-z0-9/-]{0,100}$")


@require_GET
def app_home(request, screen: str = ""):
    result = shopify_app().verify_app_home_req(
        to_shopify_request(request), app_home_patch_id_token_path=PATCH_ID_TOKEN_PATH
    )
    if not result.ok:
        logger.info("app_home.refused", extra={"reason": result.log.code})
        return result_response(result)
    try:
        domain = shop_from_claims(result.id_token.claims, api_key=settings.SHOPIFY_API_KEY)
        shop = shop_for_session(domain, result.id_token)
    except (ClaimsRejected, InvalidSessionToken) as error:
        logger.info("app_home.refused", extra={"reason": getattr(error, "reason", "invalid")})
        return JsonResponse({"detail": "this link is not valid for the app", "code": error.reason}, status=401)
    agent = provision_agent(shop, result.id_token.claims["sub"], lambda: staff_profile(result.id_token))
    config = {
        "apiKey": settings.SHOPIFY_API_KEY,
        "shop": shop.domain,
        "locale": _locale(request.GET.get("locale", "")),
        "chatEmbedId": settings.SHOPIFY_CHAT_EXTENSION_ID or None,
        "devSessionTokenUrl": f"/dev/session-token?shop={shop.domain}&user_id={agent.shopify_user_id}"
        if _dev_mode()
        else None,
    }
    response = render(
        request,
        "frontend/admin.html",
        {"config": config, "bundle": _bundle("src/admin/main.tsx"), "embedded": not _dev_mode()},
    )
    for header, value in result.response.headers.items():
        if header.lower() == "link" and _dev_mode():
            continue  # preloads of App Bridge and Polaris from Shopify's CDN: nothing loads them in development
        response[header] = value
    return response


def _locale(value: str) -> str:
    """The Shopify admin's locale (``locale=zh-CN``), for the admin's language; "en" when absent or odd."""
    return value if _LOCALE.match(value or "") else "en"


def _bundle(name):
    try:
        return assets.entry(name)
    except assets.BundleMissing as missing:
        logger.warning("frontend.bundle_missing", extra={"entry": name})
        return {"js": [], "css": [], "missing": str(missing)}


def _devstore(method, path, **kwargs):
    response = httpx.request(method, f"{settings.SHOPIFY_DEVSTORE_URL}{path}", timeout=5, **kwargs)
    response.raise_for_status()
    return response.json()


@require_GET
def dev_landing(request):
    shop = DEMO_SHOP
    try:
        summary = _devstore("GET", f"/_devstore/shops/{shop}")
    except httpx.HTTPError:
        summary = None
    return render(
        request,
        "frontend/dev_landing.html",
        {"shop": shop, "summary": summary, "devstore_url": settings.SHOPIFY_DEVSTORE_URL},
    )


def _dev_token(request):
    """(shop, session token) for ``?shop=&user_id=`` minted by the dev store, or an error response."""
    if not _dev_mode():
        raise Http404
    shop = normalize_shop_domain(request.GET.get("shop"))
    user_id = request.GET.get("user_id", "")
    if shop is None or not user_id.isdigit():
        return None, JsonResponse({"detail": "shop and user_id are required", "code": "invalid"}, status=400)
    try:
        token = _devstore("POST", "/_devstore/session-token", json={"shop": shop, "user_id": user_id})
    except httpx.HTTPError:
        return None, JsonResponse({"detail": "the dev store is not running", "code": "devstore_down"}, status=503)
    return (shop, token["token"]), None


@require_GET
def dev_open(request):
    """Development only: open the app home as a staff member, the way the Shopify admin does on
    the first load (a fresh session token in ``id_token``). Optional ``screen`` (e.g. ``inbox``,
    ``conversations/12``) opens that screen, and ``locale`` the admin's language (``zh-CN``)."""
    minted, error = _dev_token(request)
    if error:
        return error
    shop, token = minted
    screen = request.GET.get("screen", "").strip("/")
    if not _SCREEN.match(screen):
        return JsonResponse({"detail": "screen must be a path like conversations/12", "code": "invalid"}, status=400)
    query = {"shop": shop, "embedded": "1", "id_token": token, "locale": _locale(request.GET.get("locale", ""))}
    return HttpResponseRedirect(f"/app{'/' + screen if screen else ''}?" + urlencode(query))


@require_GET
def dev_session_token(request):
    """Development only: what App Bridge's ``shopify.idToken()`` gives in the real admin."""
    minted, error = _dev_token(request)
    return error or JsonResponse({"token": minted[1]})
