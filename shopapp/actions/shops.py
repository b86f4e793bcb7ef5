"""Writes to shops: install (token exchange or authorization code), shop details, uninstall."""
import logging

from django.db import transaction
from django.utils import timezone

from shopapp.models import Shop, ShopToken
from shopapp.shopify import http, tokens
from shopapp.shopify.app import shopify_app
from shopapp.shopify.client import AdminClient
from shopapp.shopify.errors import ShopifyAuthError, ShopifyError

logger = logging.getLogger(__name__)


def activate_shop(domain: str, access_token) -> Shop:
    """Record a fresh offline token and mark the shop installed. ``access_token`` is a shopifyapp
    ``TokenExchangeAccessToken``."""
    with transaction.atomic():
        shop, created = Shop.objects.select_for_update().get_or_create(domain=domain)
        reinstalled = not shop.is_active
        shop.is_active = True
        if reinstalled:
            shop.installed_at = timezone.now()
            shop.uninstalled_at = None
        shop.save(update_fields=["is_active", "installed_at", "uninstalled_at", "updated_at"])
        tokens.save_token(shop, access_token)
        if reinstalled:
            # The support app backfills the store mirror (by task name: no import of support here).
            transaction.on_commit(lambda: _send_task("support.mirror_tasks.sync_mirror_task", shop.pk))
    logger.info("shops.installed", extra={"shop_id": shop.pk, "new_shop": created, "reinstalled": reinstalled})
    refresh_shop_details(shop)
    return shop


def _send_task(name, *args):
    from shopapp.celery import app

    try:
        app.send_task(name, args=args)
    except Exception:  # noqa: BLE001 - broker down: the periodic sync catches up
        logger.warning("shops.task_enqueue_failed", extra={"task": name})


def install_with_session_token(domain: str, id_token) -> Shop:
    """Shopify-managed installation: exchange the embedded load's session token for an expiring
    offline token (and its refresh token)."""
    result = shopify_app().exchange_using_token_exchange(
        access_mode="offline",
        id_token=id_token,
        invalid_token_response=None,
        expiring=True,
        http_client=http.client(),
    )
    if not result.ok or result.access_token is None:
        logger.warning("shops.token_exchange_failed", extra={"code": result.log.code})
        raise ShopifyAuthError("token exchange failed", code=result.log.code)
    return activate_shop(domain, result.access_token)


def refresh_shop_details(shop: Shop) -> None:
    """Read name, currency and time zone from Shopify; a failure leaves the old values."""
    try:
        data = AdminClient(shop).execute("ShopInfo")
    except ShopifyError as error:
        logger.warning("shops.details_failed", extra={"shop_id": shop.pk, "code": error.code})
        return
    info = data.get("shop") or {}
    shop.name = info.get("name") or shop.name
    shop.currency = info.get("currencyCode") or shop.currency
    shop.timezone = info.get("ianaTimezone") or shop.timezone
    shop.save(update_fields=["name", "currency", "timezone", "updated_at"])


def deactivate_shop(domain: str) -> bool:
    """``app/uninstalled``: the shop and its tokens stop at once. Data stays until ``shop/redact``.
    Returns False for a shop we never saw (nothing to do)."""
    with transaction.atomic():
        shop = Shop.objects.select_for_update().filter(domain=domain).first()
        if shop is None:
            return False
        ShopToken.objects.filter(shop=shop).delete()
        if shop.is_active:
            shop.is_active = False
            shop.uninstalled_at = timezone.now()
            shop.save(update_fields=["is_active", "uninstalled_at", "updated_at"])
    logger.info("shops.uninstalled", extra={"shop_id": shop.pk})
    return True
