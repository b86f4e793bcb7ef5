"""The legacy authorization-code grant, for installs that do not come through the embedded admin.

1. ``/auth/install?shop=..&hmac=..&timestamp=..``: shop domain validated, query HMAC verified,
   timestamp fresh -> a single-use ``state`` nonce (DB row + cookie) -> redirect to Shopify.
2. ``/auth/callback?code=..&hmac=..&shop=..&state=..&timestamp=..``: the same checks, the nonce
   must match the cookie and be unused -> the code is exchanged for an expiring offline token.
"""
import logging
import secrets
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from shopify_app.types import TokenExchangeAccessToken

from shopapp.actions.shops import activate_shop
from shopapp.models import OAuthState
from shopapp.shopify import http, query_hmac
from shopapp.shopify.domains import normalize_shop_domain, shop_admin_url

logger = logging.getLogger(__name__)

STATE_COOKIE = "shopify_oauth_state"
FUTURE_SKEW_SECONDS = 60


class OAuthRejected(Exception):
    def __init__(self, reason: str, status: int = 400):
        super().__init__(reason)
        self.reason = reason
        self.status = status


def is_fresh(timestamp: str, now: float, max_age: int, future_skew: int = FUTURE_SKEW_SECONDS) -> bool:
    """Pure rule: the signed timestamp is at most ``max_age`` old and not from the future."""
    if not timestamp.isdigit() or len(timestamp) > 12:
        return False
    value = int(timestamp)
    return now - max_age <= value <= now + future_skew


def verified_query(query_string: str) -> dict:
    """The query's parameters after the shop, HMAC and timestamp checks, or ``OAuthRejected``."""
    try:
        params = dict(parse_qsl(query_string, keep_blank_values=True, strict_parsing=True, max_num_fields=64))
    except ValueError:
        raise OAuthRejected("malformed_query") from None
    shop = normalize_shop_domain(params.get("shop"))
    if shop is None:
        raise OAuthRejected("invalid_shop")
    if not query_hmac.verify(query_string, [settings.SHOPIFY_API_SECRET, settings.SHOPIFY_OLD_API_SECRET]):
        raise OAuthRejected("invalid_hmac", status=401)
    if not is_fresh(params.get("timestamp", ""), time.time(), settings.SHOPIFY_OAUTH_MAX_AGE):
        raise OAuthRejected("stale_timestamp", status=401)
    params["shop"] = shop
    return params


def begin(query_string: str) -> tuple[str, str]:
    """(authorize URL to redirect to, state nonce to set as a cookie)."""
    params = verified_query(query_string)
    nonce = secrets.token_urlsafe(32)
    OAuthState.objects.create(nonce=nonce, shop_domain=params["shop"])
    authorize = shop_admin_url(params["shop"], "/admin/oauth/authorize", settings.SHOPIFY_DEVSTORE_URL)
    query = urlencode(
        {
            "client_id": settings.SHOPIFY_API_KEY,
            "scope": settings.SHOPIFY_SCOPES,
            "redirect_uri": f"{settings.APP_URL}/auth/callback",
            "state": nonce,
        }
    )
    logger.info("auth.oauth.started", extra={"shop_domain": params["shop"]})
    return f"{authorize}?{query}", nonce


def complete(query_string: str, cookie_nonce: str | None):
    params = verified_query(query_string)
    state = params.get("state", "")
    if not state or not cookie_nonce or not secrets.compare_digest(state, cookie_nonce):
        raise OAuthRejected("state_mismatch", status=403)
    with transaction.atomic():
        used = OAuthState.objects.filter(
            nonce=state,
            shop_domain=params["shop"],
            used_at__isnull=True,
            created_at__gte=timezone.now() - timezone.timedelta(seconds=settings.SHOPIFY_OAUTH_MAX_AGE),
        ).update(used_at=timezone.now())
    if used != 1:
        raise OAuthRejected("state_unknown_or_used", status=403)
    code = params.get("code", "")
    if not code or len(code) > 255:
        raise OAuthRejected("missing_code")
    return activate_shop(params["shop"], _exchange_code(params["shop"], code))


def _exchange_code(shop: str, code: str):
    response = http.client().post(
        f"https://{shop}/admin/oauth/access_token",
        json={
            "client_id": settings.SHOPIFY_API_KEY,
            "client_secret": settings.SHOPIFY_API_SECRET,
            "code": code,
            "expiring": 1,
        },
    )
    if response.status_code != 200:
        logger.warning("auth.oauth.code_exchange_failed", extra={"status": response.status_code})
        raise OAuthRejected("code_exchange_failed", status=502)
    try:
        body = response.json()
        access_token = body["access_token"]
    except (ValueError, KeyError, TypeError):
        raise OAuthRejected("code_exchange_failed", status=502) from None
    now = timezone.now()

    def later(seconds):
        if seconds is None:
            return None
        return (now + timezone.timedelta(seconds=int(seconds))).strftime("%Y-%m-%dT%H:%M:%SZ")

    return TokenExchangeAccessToken(
        access_mode="offline",
        shop=shop.removesuffix(".myshopify.com"),
        token=access_token,
        scope=body.get("scope", ""),
        expires=later(body.get("expires_in")),
        refresh_token=body.get("refresh_token"),
        refresh_token_expires=later(body.get("refresh_token_expires_in")),
        user=None,
    )
