"""Offline access tokens: stored encrypted, refreshed before they expire and after a 401.

A refresh rotates the refresh token, so it happens under a row lock: concurrent callers wait and
then use the token the first one obtained."""
import logging
from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from shopapp.models import Shop, ShopToken

from . import http
from .app import shopify_app
from .errors import ShopifyAuthError, ShopNotInstalled

logger = logging.getLogger(__name__)

REFRESH_MARGIN = timedelta(seconds=60)


def parse_expiry(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


def needs_refresh(expires_at: datetime | None, now: datetime, margin: timedelta = REFRESH_MARGIN) -> bool:
    """Pure rule: a token with an expiry is refreshed once it is within ``margin`` of it."""
    return expires_at is not None and expires_at - margin <= now


def save_token(shop: Shop, access_token) -> ShopToken:
    """Store a shopifyapp ``TokenExchangeAccessToken`` as the shop's offline token."""
    token, _ = ShopToken.objects.update_or_create(
        shop=shop,
        defaults={
            "access_token": access_token.token,
            "refresh_token": access_token.refresh_token or "",
            "scope": access_token.scope or "",
            "expires_at": parse_expiry(access_token.expires),
            "refresh_expires_at": parse_expiry(access_token.refresh_token_expires),
        },
    )
    return token


def access_token_for(shop: Shop, *, force_refresh: bool = False) -> str:
    token = ShopToken.objects.filter(shop=shop, shop__is_active=True).first()
    if token is None:
        raise ShopNotInstalled("shop has no active offline token", code="not_installed")
    if not force_refresh and not needs_refresh(token.expires_at, timezone.now()):
        return token.access_token
    return _refresh(shop, seen_updated_at=token.updated_at, force=force_refresh)


def _refresh(shop: Shop, *, seen_updated_at, force: bool) -> str:
    with transaction.atomic():
        token = ShopToken.objects.select_for_update().get(shop=shop)
        if token.updated_at != seen_updated_at and not needs_refresh(token.expires_at, timezone.now()):
            return token.access_token  # another caller refreshed it while we waited
        if not force and not needs_refresh(token.expires_at, timezone.now()):
            return token.access_token
        if not token.refresh_token:
            logger.warning("shopify.token.refresh_impossible", extra={"shop_id": shop.pk})
            raise ShopifyAuthError("token refused and it has no refresh token", code="no_refresh_token")
        result = shopify_app().refresh_token_exchanged_access_token(
            {
                "shop": shop.handle,
                "access_mode": "offline",
                "token": token.access_token,
                "refresh_token": token.refresh_token,
                # A forced refresh (after a 401) must not be skipped as "still valid".
                "expires": _iso(timezone.now() if force else token.expires_at),
                "refresh_token_expires": _iso(token.refresh_expires_at),
                "scope": token.scope,
            },
            http_client=http.client(),
        )
        if not result.ok or result.access_token is None:
            logger.warning("shopify.token.refresh_failed", extra={"shop_id": shop.pk, "code": result.log.code})
            raise ShopifyAuthError("token refresh failed", code=result.log.code)
        saved = save_token(shop, result.access_token)
        logger.info("shopify.token.refreshed", extra={"shop_id": shop.pk, "forced": force})
        return saved.access_token


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None
