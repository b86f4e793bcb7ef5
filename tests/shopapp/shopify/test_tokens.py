"""Offline tokens: exchange, refresh before expiry and after a 401, against the dev store."""
from datetime import timedelta

import httpx
import pytest
from django.utils import timezone

from shopapp.models import ShopToken
from shopapp.shopify import tokens
from shopapp.shopify.client import AdminClient
from shopapp.shopify.errors import ShopifyAuthError, ShopNotInstalled
from tests.factories import ShopFactory


def refreshes(devstore_log):
    return [e for e in devstore_log() if e["kind"] == "token" and e.get("grant") == "refresh_token"]


def test_needs_refresh_rule():
    now = timezone.now()
    assert tokens.needs_refresh(None, now) is False
    assert tokens.needs_refresh(now + timedelta(seconds=61), now) is False
    assert tokens.needs_refresh(now + timedelta(seconds=60), now) is True
    assert tokens.needs_refresh(now - timedelta(seconds=1), now) is True


@pytest.mark.django_db
def test_valid_token_is_used_without_refresh(installed_shop, devstore_log):
    stored = ShopToken.objects.get(shop=installed_shop).access_token
    assert tokens.access_token_for(installed_shop) == stored
    assert refreshes(devstore_log) == []


@pytest.mark.django_db
def test_token_is_refreshed_before_it_expires(installed_shop, devstore_log):
    before = ShopToken.objects.get(shop=installed_shop)
    ShopToken.objects.filter(pk=before.pk).update(expires_at=timezone.now() + timedelta(seconds=30))

    fresh = tokens.access_token_for(installed_shop)

    after = ShopToken.objects.get(shop=installed_shop)
    assert fresh == after.access_token != before.access_token
    assert after.refresh_token != before.refresh_token  # rotated
    assert after.expires_at > timezone.now() + timedelta(minutes=30)
    assert len(refreshes(devstore_log)) == 1


@pytest.mark.django_db
def test_token_is_refreshed_after_a_401_and_the_call_succeeds(installed_shop, devstore, devstore_log):
    before = ShopToken.objects.get(shop=installed_shop).access_token
    httpx.post(f"{devstore.url}/_devstore/shops/{installed_shop.domain}/tokens/expire").raise_for_status()

    data = AdminClient(installed_shop).execute("ShopInfo")

    assert data["shop"]["myshopifyDomain"] == installed_shop.domain
    assert ShopToken.objects.get(shop=installed_shop).access_token != before
    assert len(refreshes(devstore_log)) == 1


@pytest.mark.django_db
def test_refused_refresh_raises_auth_error(installed_shop, devstore):
    ShopToken.objects.filter(shop=installed_shop).update(refresh_token="shprt_unknown", expires_at=timezone.now())
    with pytest.raises(ShopifyAuthError):
        tokens.access_token_for(installed_shop)


@pytest.mark.django_db
def test_inactive_shop_has_no_token():
    shop = ShopFactory(is_active=False)
    with pytest.raises(ShopNotInstalled):
        tokens.access_token_for(shop)
