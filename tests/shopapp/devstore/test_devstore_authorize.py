"""GET /admin/oauth/authorize and the authorization-code grant (legacy installs)."""

import base64
import hashlib
import hmac
from urllib.parse import parse_qsl, urlsplit

import pytest

from shopapp.devstore import query_hmac

API_KEY = "devstore-test-api-key"  # as in conftest.py
API_SECRET = "devstore-test-api-secret-0123456789abcdef"


class Clock:
    def __init__(self, now=1_772_000_000.0):
        self.now = now

    def __call__(self):
        return self.now


def _authorize(api, shop, *, prefix=False, **params):
    query = {
        "client_id": API_KEY,
        "scope": "read_orders,read_customers",
        "redirect_uri": f"{api.server.store.config.app_url}/auth/callback",
        "state": "nonce-123",
        **params,
    }
    if prefix:  # the browser form: the shop in the path
        return api.control.get(f"/store/{shop}/admin/oauth/authorize", params=query)
    return api.shopify.get(f"https://{shop}/admin/oauth/authorize", params=query)


def _redirect_params(response):
    assert response.status_code == 302
    return dict(parse_qsl(urlsplit(response.headers["location"]).query))


def test_authorize_redirects_back_with_code_and_a_valid_query_hmac(api, shop):
    response = _authorize(api, shop, prefix=True)

    location = urlsplit(response.headers["location"])
    params = _redirect_params(response)
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{api.server.store.config.app_url}/auth/callback"
    assert sorted(params) == ["code", "hmac", "host", "shop", "state", "timestamp"]
    assert params["shop"] == shop
    assert params["state"] == "nonce-123"
    assert base64.b64decode(params["host"] + "==").decode() == f"admin.shopify.com/store/{shop.split('.')[0]}"
    message = "&".join(f"{k}={v}" for k, v in sorted(params.items()) if k != "hmac")
    expected = hmac.new(API_SECRET.encode(), message.encode(), hashlib.sha256).hexdigest()
    assert params["hmac"] == expected
    assert query_hmac(params, API_SECRET) == expected
    assert api.log(kind="authorize")[-1]["outcome"] == "approved"


def test_authorization_code_grant_issues_a_token_once(api, shop):
    code = _redirect_params(_authorize(api, shop))["code"]
    body = {"client_id": API_KEY, "client_secret": API_SECRET, "code": code}

    first = api.token_request(shop, body)
    tokens_after_first = api.state()["tokens"]
    second = api.token_request(shop, body)

    assert first.status_code == 200
    assert sorted(first.json()) == ["access_token", "scope"]
    assert first.json()["scope"] == "read_orders,read_customers"
    assert api.state(shop)["shops"][shop]["installed"] is True
    assert second.status_code == 400
    assert second.json()["error"] == "invalid_request"
    assert api.state()["tokens"] == tokens_after_first


def test_authorization_code_grant_can_ask_for_an_expiring_token(api, shop):
    code = _redirect_params(_authorize(api, shop))["code"]

    response = api.token_request(shop, {"client_id": API_KEY, "client_secret": API_SECRET, "code": code, "expiring": 1})

    assert sorted(response.json()) == [
        "access_token",
        "expires_in",
        "refresh_token",
        "refresh_token_expires_in",
        "scope",
    ]


def test_per_user_grant_gives_an_online_token_for_the_owner(api, shop):
    response = _authorize(api, shop, **{"grant_options[]": "per-user"})
    code = _redirect_params(response)["code"]

    body = api.token_request(shop, {"client_id": API_KEY, "client_secret": API_SECRET, "code": code}).json()

    assert body["associated_user"]["id"] == 9100000000000001
    assert body["associated_user"]["account_owner"] is True


def test_authorization_code_expires_after_sixty_seconds(make_server):
    clock = Clock()
    api = make_server(clock=clock)
    shop = "clock-shop.myshopify.com"
    api.seed(shop)
    code = _redirect_params(_authorize(api, shop))["code"]
    clock.now += 60

    response = api.token_request(shop, {"client_id": API_KEY, "client_secret": API_SECRET, "code": code})

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
    assert api.state()["tokens"] == {}


def test_code_with_wrong_client_secret_is_refused(api, shop):
    code = _redirect_params(_authorize(api, shop))["code"]

    response = api.token_request(shop, {"client_id": API_KEY, "client_secret": "wrong", "code": code})

    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"
    assert api.state(shop)["shops"][shop]["installed"] is False


@pytest.mark.parametrize(
    ("params", "outcome"),
    [
        ({"client_id": "unknown-app"}, "unknown_client"),
        ({"redirect_uri": "https://evil.example/callback"}, "invalid_redirect_uri"),
    ],
)
def test_authorize_refusals_are_400_pages_and_issue_no_code(api, shop, params, outcome):
    codes_before = api.state()["codes"]

    response = _authorize(api, shop, **params)

    assert response.status_code == 400
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "Oauth error" in response.text
    assert api.state()["codes"] == codes_before
    assert api.log(kind="authorize")[-1]["outcome"] == outcome
