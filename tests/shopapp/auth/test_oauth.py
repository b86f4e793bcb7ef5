"""The legacy authorization-code grant, end to end against the dev store over real HTTP."""
import time
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import pytest
from django.conf import settings

from shopapp.auth.oauth import STATE_COOKIE, is_fresh
from shopapp.models import OAuthState, Shop, ShopToken
from shopapp.shopify import query_hmac
from tests.conftest import DEMO_SHOP


def signed_query(secret=None, **params):
    params.setdefault("shop", DEMO_SHOP)
    params.setdefault("timestamp", str(int(time.time())))
    pairs = list(params.items())
    return urlencode(pairs + [("hmac", query_hmac.compute(pairs, secret or settings.SHOPIFY_API_SECRET))])


def start_install(client):
    response = client.get("/auth/install?" + signed_query())
    assert response.status_code == 302
    return response


def approve_at_shopify(location):
    """The merchant approves on the (simulated) Shopify authorize page; returns the callback query."""
    response = httpx.get(location, follow_redirects=False)
    assert response.status_code == 302
    callback = urlsplit(response.headers["location"])
    assert callback.path == "/auth/callback"
    return callback.query


def test_is_fresh_rule():
    assert is_fresh("1000", now=1000, max_age=600)
    assert is_fresh("400", now=1000, max_age=600)
    assert not is_fresh("399", now=1000, max_age=600)
    assert is_fresh("1060", now=1000, max_age=600)
    assert not is_fresh("1061", now=1000, max_age=600)
    for bad in ["", "abc", "-5", "1e9", "9" * 13]:
        assert not is_fresh(bad, now=1000, max_age=600)


@pytest.mark.django_db
def test_full_install_stores_an_expiring_offline_token(client, seeded_shop, devstore):
    install = start_install(client)
    location = install["Location"]
    assert location.startswith(f"{devstore.url}/store/{DEMO_SHOP}/admin/oauth/authorize?")
    query = dict(parse_qsl(urlsplit(location).query))
    assert query["client_id"] == settings.SHOPIFY_API_KEY
    assert query["redirect_uri"] == f"{settings.APP_URL}/auth/callback"
    assert query["state"] == client.cookies[STATE_COOKIE].value

    response = client.get("/auth/callback?" + approve_at_shopify(location))

    assert response.status_code == 302
    shop = Shop.objects.get(domain=DEMO_SHOP)
    assert shop.is_active and shop.name == seeded_shop["name"]
    token = ShopToken.objects.get(shop=shop)
    assert token.expires_at is not None and token.refresh_token.startswith("shprt_")
    assert OAuthState.objects.get(nonce=query["state"]).used_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, status, code",
    [
        (lambda: signed_query(shop="evil.com"), 400, "invalid_shop"),
        (lambda: signed_query(shop="demo.myshopify.com.evil.com"), 400, "invalid_shop"),
        (lambda: signed_query(secret="forged"), 401, "invalid_hmac"),
        (lambda: signed_query().replace("hmac=", "hmac=0"), 401, "invalid_hmac"),
        (lambda: signed_query(timestamp=str(int(time.time()) - 3600)), 401, "stale_timestamp"),
        (lambda: signed_query(timestamp="soon"), 401, "stale_timestamp"),
        (lambda: "shop=%zz&&hmac", 400, "malformed_query"),
        (lambda: "", 400, "invalid_shop"),
    ],
)
def test_bad_install_links_are_refused(client, query, status, code, caplog):
    response = client.get("/auth/install?" + query())
    assert response.status_code == status
    assert response.json()["code"] == code
    assert OAuthState.objects.count() == 0
    assert STATE_COOKIE not in response.cookies
    assert [(r.getMessage(), r.reason) for r in caplog.records] == [("auth.oauth.rejected", code)]


@pytest.mark.django_db
def test_callback_with_another_state_is_refused(client, seeded_shop, devstore_log):
    callback = approve_at_shopify(start_install(client)["Location"])
    client.cookies[STATE_COOKIE] = "some-other-nonce"
    response = client.get("/auth/callback?" + callback)
    assert response.status_code == 403
    assert response.json()["code"] == "state_mismatch"
    assert not ShopToken.objects.exists()
    assert [e for e in devstore_log() if e["kind"] == "token"] == []


@pytest.mark.django_db
def test_callback_state_is_single_use(client, seeded_shop):
    callback = approve_at_shopify(start_install(client)["Location"])
    nonce = client.cookies[STATE_COOKIE].value
    assert client.get("/auth/callback?" + callback).status_code == 302
    ShopToken.objects.all().delete()
    client.cookies[STATE_COOKIE] = nonce
    response = client.get("/auth/callback?" + callback)
    assert response.status_code == 403
    assert response.json()["code"] == "state_unknown_or_used"
    assert not ShopToken.objects.exists()


@pytest.mark.django_db
def test_callback_with_forged_hmac_is_refused(client, seeded_shop):
    callback = approve_at_shopify(start_install(client)["Location"])
    tampered = callback.replace("code=", "code=x")
    response = client.get("/auth/callback?" + tampered)
    assert response.status_code == 401
    assert not Shop.objects.filter(is_active=True).exists()
