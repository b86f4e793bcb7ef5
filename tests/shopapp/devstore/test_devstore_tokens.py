"""POST /admin/oauth/access_token: token exchange, refresh rotation, refusals."""

import time

import pytest

from shopapp.devstore import mint_session_token

SHOP_QUERY = "{ shop { name } }"
API_KEY = "devstore-test-api-key"  # as in conftest.py
API_SECRET = "devstore-test-api-secret-0123456789abcdef"
TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange"
ONLINE = "urn:shopify:params:oauth:token-type:online-access-token"


def test_token_exchange_issues_an_expiring_offline_token_and_installs(api, shop):
    assert api.state(shop)["shops"][shop]["installed"] is False

    response = api.exchange(shop)

    assert response.status_code == 200
    body = response.json()
    assert sorted(body) == [
        "access_token",
        "expires_in",
        "refresh_token",
        "refresh_token_expires_in",
        "scope",
    ]
    assert body["access_token"].startswith("shpat_") and len(body["access_token"]) == 38
    assert body["refresh_token"].startswith("shprt_") and len(body["refresh_token"]) == 38
    assert body["expires_in"] == 3600
    assert body["refresh_token_expires_in"] == 7776000
    assert body["scope"] == api.server.store.config.scopes
    assert api.state(shop)["shops"][shop]["installed"] is True
    assert api.data(shop, body["access_token"], SHOP_QUERY)["shop"]["name"].startswith("Test Shop")


def test_token_exchange_without_expiring_gives_only_token_and_scope(api, shop):
    response = api.exchange(shop, expiring=0)

    assert response.status_code == 200
    assert sorted(response.json()) == ["access_token", "scope"]
    assert [r for r in api.state()["refresh_tokens"].values() if r["shop"] == shop] == []


def test_online_token_exchange_names_the_staff_member(api, shop):
    staff = api.state(shop)["shops"][shop]["staff"]
    member = staff[2]
    subject = api.session_token(shop, user_id=str(member["id"]))

    response = api.exchange(shop, subject, mode=ONLINE)

    assert response.status_code == 200
    body = response.json()
    assert sorted(body) == ["access_token", "associated_user", "associated_user_scope", "expires_in", "scope"]
    assert body["associated_user"] == {
        "id": member["id"],
        "first_name": member["first_name"],
        "last_name": member["last_name"],
        "email": member["email"],
        "email_verified": True,
        "account_owner": False,
        "locale": "zh-CN",
        "collaborator": False,
    }
    assert body["associated_user"]["id"] == 9100000000000003


def test_token_exchange_accepts_a_form_encoded_body(api, shop):
    form = {
        "client_id": API_KEY,
        "client_secret": API_SECRET,
        "grant_type": TOKEN_EXCHANGE,
        "subject_token": api.session_token(shop),
        "subject_token_type": "urn:ietf:params:oauth:token-type:id_token",
        "requested_token_type": "urn:shopify:params:oauth:token-type:offline-access-token",
    }

    response = api.shopify.post(f"https://{shop}/admin/oauth/access_token", data=form)

    assert response.status_code == 200
    assert sorted(response.json()) == ["access_token", "scope"]


@pytest.mark.parametrize(
    ("overrides", "status", "error"),
    [
        ({"client_secret": "wrong"}, 401, "invalid_client"),
        ({"client_id": "someone-else"}, 401, "invalid_client"),
        ({"subject_token": "not-a-jwt"}, 400, "invalid_subject_token"),
        ({"grant_type": "password"}, 400, "unsupported_grant_type"),
        ({"requested_token_type": "urn:other"}, 400, "invalid_request"),
    ],
)
def test_token_exchange_refusals_issue_nothing(api, shop, overrides, status, error):
    before = api.state(shop)

    response = api.exchange(shop, **overrides)

    assert response.status_code == status
    assert response.json()["error"] == error
    assert isinstance(response.json()["error_description"], str)
    after = api.state(shop)
    assert after["tokens"] == before["tokens"]
    assert after["refresh_tokens"] == before["refresh_tokens"]
    assert after["shops"][shop]["installed"] is False
    assert api.log(kind="token")[-1]["outcome"] == error


@pytest.mark.parametrize(
    "forge",
    [
        lambda now: {"aud": "another-app"},
        lambda now: {"dest": "https://other-shop.myshopify.com"},
        lambda now: {"exp": now - 11, "nbf": now - 120},
        lambda now: {"nbf": now + 60},
        lambda now: {"api_secret": "a-different-secret-0123456789abcdef-xyz"},
        lambda now: {"sub": None},
    ],
    ids=["other-aud", "other-dest", "expired", "not-yet-valid", "wrong-secret", "no-sub"],
)
def test_bad_session_tokens_are_invalid_subject_tokens(api, shop, forge):
    # Times are taken when the test runs, not when it is collected (a long run would age them).
    options = {"api_secret": API_SECRET, **forge(int(time.time()))}
    subject = mint_session_token(shop=shop, user_id="9100000000000001", api_key=API_KEY, **options)
    before = api.state()

    response = api.exchange(shop, subject)

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_subject_token"
    assert api.state()["tokens"] == before["tokens"]
    assert api.state(shop)["shops"][shop]["installed"] is False


def test_expired_session_token_within_leeway_is_accepted(api, shop):
    now = int(time.time())
    subject = mint_session_token(
        shop=shop, user_id="9100000000000001", api_key=API_KEY, api_secret=API_SECRET, now=now - 65, ttl=60
    )

    assert api.exchange(shop, subject).status_code == 200


def test_online_exchange_for_an_unknown_user_is_refused(api, shop):
    subject = api.session_token(shop, user_id="12345")
    before = api.state()

    response = api.exchange(shop, subject, mode=ONLINE)

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_subject_token"
    assert api.state()["tokens"] == before["tokens"]


def test_refresh_rotates_and_the_old_access_token_stays_valid(api, shop):
    first = api.exchange(shop).json()
    refresh = {"client_id": API_KEY, "client_secret": API_SECRET, "grant_type": "refresh_token"}

    response = api.token_request(shop, {**refresh, "refresh_token": first["refresh_token"]})

    assert response.status_code == 200
    second = response.json()
    assert sorted(second) == [
        "access_token",
        "expires_in",
        "refresh_token",
        "refresh_token_expires_in",
        "scope",
    ]
    assert second["access_token"] != first["access_token"]
    assert second["refresh_token"] != first["refresh_token"]
    assert api.data(shop, first["access_token"], SHOP_QUERY)["shop"]
    assert api.data(shop, second["access_token"], SHOP_QUERY)["shop"]
    tokens_before = api.state()["tokens"]
    reused = api.token_request(shop, {**refresh, "refresh_token": first["refresh_token"]})
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"
    assert api.state()["tokens"] == tokens_before


@pytest.mark.parametrize("refresh_token", ["shprt_unknown", "", None])
def test_unknown_refresh_tokens_are_invalid_grants(api, shop, refresh_token):
    api.exchange(shop)
    before = api.state()
    body = {"client_id": API_KEY, "client_secret": API_SECRET, "grant_type": "refresh_token"}

    response = api.token_request(shop, {**body, "refresh_token": refresh_token})

    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
    assert api.state()["tokens"] == before["tokens"]


def test_refresh_with_wrong_client_secret_is_refused_and_keeps_the_refresh_token(api, shop):
    issued = api.exchange(shop).json()
    body = {"client_id": API_KEY, "grant_type": "refresh_token", "refresh_token": issued["refresh_token"]}

    refused = api.token_request(shop, {**body, "client_secret": "nope"})
    accepted = api.token_request(shop, {**body, "client_secret": API_SECRET})

    assert refused.status_code == 401
    assert refused.json()["error"] == "invalid_client"
    assert accepted.status_code == 200


def test_expire_control_makes_tokens_expire_then_refresh_recovers(api, shop):
    issued = api.exchange(shop).json()

    expired = api.control.post(f"/_devstore/shops/{shop}/tokens/expire")

    assert expired.json() == {"shop": shop, "expired": 1}
    denied = api.graphql(shop, issued["access_token"], SHOP_QUERY)
    assert denied.status_code == 401
    body = {"client_id": API_KEY, "client_secret": API_SECRET, "grant_type": "refresh_token"}
    renewed = api.token_request(shop, {**body, "refresh_token": issued["refresh_token"]}).json()
    assert api.data(shop, renewed["access_token"], SHOP_QUERY)["shop"]


def test_token_ttl_is_configurable_and_tokens_expire(make_server):
    api = make_server(token_ttl=1)
    api.seed("ttl-shop.myshopify.com")
    issued = api.exchange("ttl-shop.myshopify.com").json()
    assert issued["expires_in"] == 1

    time.sleep(1.1)

    assert api.graphql("ttl-shop.myshopify.com", issued["access_token"], SHOP_QUERY).status_code == 401


def test_token_endpoint_for_an_unknown_shop_is_not_found(api):
    response = api.exchange("nobody-here.myshopify.com", subject_token="x")

    assert response.status_code == 404
    assert response.json() == {"errors": "Not Found"}


def test_shopify_app_package_can_exchange_refresh_and_query(api, shop):
    from shopify_app.exchange.refresh_token import refresh_access_token
    from shopify_app.exchange.token_exchange import token_exchange
    from shopify_app.graphql.admin_graphql import admin_graphql_request

    name = shop.removesuffix(".myshopify.com")
    claims = {"dest": f"https://{shop}", "aud": API_KEY}
    config = {"client_id": API_KEY, "client_secret": API_SECRET}
    id_token = {"exchangeable": True, "token": api.session_token(shop), "claims": claims}
    client = api.shopify
    exchanged = token_exchange("offline", config, id_token=id_token, expiring=True, http_client=client)
    stale = {
        "shop": name,
        "access_mode": "offline",
        "refresh_token": exchanged.access_token.refresh_token,
        "expires": "2000-01-01T00:00:00Z",
        "refresh_token_expires": exchanged.access_token.refresh_token_expires,
    }
    refreshed = refresh_access_token(stale, config, http_client=client)
    queried = admin_graphql_request(
        SHOP_QUERY,
        shop=name,
        access_token=refreshed.access_token.token,
        api_version="2026-07",
        http_client=client,
    )

    assert exchanged.ok is True
    assert exchanged.access_token.scope == api.server.store.config.scopes
    assert refreshed.ok is True
    assert refreshed.access_token.token.startswith("shpat_")
    assert queried.ok is True
    assert queried.data == {"shop": {"name": "Test Shop " + name.rsplit("-", 1)[1]}}
