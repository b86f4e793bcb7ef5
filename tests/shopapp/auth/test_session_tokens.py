"""The admin API's session-token authentication, against the dev store over real HTTP."""
import time

import jwt
import pytest

from shopapp.models import Agent, Role, Shop, ShopToken
from tests.conftest import DEMO_SHOP
from tests.factories import AgentFactory, ShopTokenFactory

RETRY = "X-Shopify-Retry-Invalid-Session-Request"


def get_me(client, token):
    return client.get("/api/admin/me", HTTP_AUTHORIZATION=f"Bearer {token}")


def token_exchanges(devstore_log, mode="offline"):
    return [e for e in devstore_log() if e["kind"] == "token" and e.get("mode") == mode]


def staff_member(summary, user_id):
    return next(member for member in summary["staff"] if member["id"] == user_id)


@pytest.mark.django_db
def test_first_valid_token_installs_the_shop_and_provisions_the_owner(client, seeded_shop, owner_id,
                                                                      session_token, devstore_log):
    response = get_me(client, session_token(DEMO_SHOP, owner_id))

    assert response.status_code == 200
    shop = Shop.objects.get(domain=DEMO_SHOP)
    agent = Agent.objects.get(shop=shop)
    assert response.json() == {
        "shop": {"domain": DEMO_SHOP, "name": seeded_shop["name"], "currency": "USD", "timezone": shop.timezone},
        "agent": {"id": str(agent.pk), "name": staff_member(seeded_shop, owner_id)["name"],
                  "email": staff_member(seeded_shop, owner_id)["email"], "role": "owner"},
    }
    assert agent.locale == staff_member(seeded_shop, owner_id)["locale"]
    assert shop.is_active and shop.timezone
    assert (agent.shopify_user_id, agent.role) == (owner_id, Role.OWNER)
    token = ShopToken.objects.get(shop=shop)
    assert token.access_token.startswith("shpat_") and token.refresh_token.startswith("shprt_")
    assert token.expires_at is not None and token.refresh_expires_at is not None  # expiring offline token
    assert len(token_exchanges(devstore_log)) == 1
    assert len(token_exchanges(devstore_log, mode="online")) == 1  # the staff profile, once


@pytest.mark.django_db
def test_second_staff_member_is_an_agent_and_no_second_exchange(client, seeded_shop, owner_id, session_token,
                                                                devstore_log):
    other = str(next(m["id"] for m in seeded_shop["staff"] if not m["account_owner"]))
    assert get_me(client, session_token(DEMO_SHOP, owner_id)).status_code == 200
    response = get_me(client, session_token(DEMO_SHOP, other))
    assert response.status_code == 200
    assert response.json()["agent"]["role"] == "agent"
    assert response.json()["agent"]["name"] == staff_member(seeded_shop, other)["name"]
    assert Agent.objects.filter(shop__domain=DEMO_SHOP).count() == 2
    assert len(token_exchanges(devstore_log)) == 1
    assert get_me(client, session_token(DEMO_SHOP, other)).status_code == 200
    assert len(token_exchanges(devstore_log, mode="online")) == 2  # one per new staff member, not per request


@pytest.mark.django_db
def test_token_inside_the_clock_leeway_is_accepted(client, session_token):
    token = ShopTokenFactory(shop__domain="leeway.myshopify.com")
    now = time.time()
    response = get_me(client, session_token("leeway.myshopify.com", "5", now=now - 65, ttl=60))  # expired 5 s ago
    assert response.status_code == 200
    assert response.json()["shop"]["domain"] == token.shop.domain


def forged(session_token, kind):
    now = time.time()
    shop = "installed.myshopify.com"
    variants = {
        "wrong_secret": lambda: session_token(shop, "5", api_secret="not-the-secret-but-just-as-long-as-it"),
        "expired": lambda: session_token(shop, "5", now=now - 120, ttl=60),
        "not_yet_valid": lambda: session_token(shop, "5", nbf=int(now) + 120),
        "other_app": lambda: session_token(shop, "5", aud="another-app"),
        "iss_other_shop": lambda: session_token(shop, "5", iss="https://other.myshopify.com/admin"),
        "dest_not_shopify": lambda: session_token(shop, "5", dest="https://evil.example.com"),
        "no_subject": lambda: session_token(shop, "5", sub=None),
        "no_expiry": lambda: session_token(shop, "5", exp=None),
        "alg_none": lambda: jwt.encode(
            {"iss": f"https://{shop}/admin", "dest": f"https://{shop}", "aud": "test-api-key", "sub": "5",
             "exp": int(now) + 60, "nbf": int(now)}, None, algorithm="none"),
        "garbage": lambda: "not.a.jwt",
    }
    return variants[kind]()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind, code",
    [
        ("wrong_secret", "invalid_id_token"),
        ("expired", "expired_id_token"),
        ("not_yet_valid", "invalid_id_token"),
        ("other_app", "invalid_aud"),
        ("iss_other_shop", "issuer_mismatch"),
        ("dest_not_shopify", "bad_destination"),
        ("no_subject", "bad_subject"),
        ("no_expiry", "missing_expiry"),
        ("alg_none", "invalid_id_token"),
        ("garbage", "invalid_id_token"),
    ],
)
def test_every_bad_token_is_401_with_retry_header_and_changes_nothing(client, session_token, devstore,
                                                                       devstore_log, kind, code, caplog):
    ShopTokenFactory(shop__domain="installed.myshopify.com")
    shops, agents = Shop.objects.count(), Agent.objects.count()

    response = get_me(client, forged(session_token, kind))

    assert response.status_code == 401
    assert response[RETRY] == "1"
    assert response.json()["code"] == code
    assert (Shop.objects.count(), Agent.objects.count()) == (shops, agents)
    assert [e for e in devstore_log() if e["kind"] == "token"] == []
    assert [(r.getMessage(), r.reason) for r in caplog.records] == [("auth.session_token.rejected", code)]
    assert "Bearer" not in caplog.text


@pytest.mark.django_db
@pytest.mark.parametrize("header, code", [(None, "missing_token"), ("Token abc", "malformed_header"),
                                          ("Bearer " + "a" * 5000, "malformed_header")])
def test_missing_or_malformed_header_is_401(client, header, code):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get("/api/admin/me", **extra)
    assert response.status_code == 401
    assert response[RETRY] == "1"
    assert response.json()["code"] == code
    assert Agent.objects.count() == 0


@pytest.mark.django_db
def test_previous_secret_accepted_during_rotation(client, session_token, settings):
    ShopTokenFactory(shop__domain="rotating.myshopify.com")
    settings.SHOPIFY_OLD_API_SECRET = settings.SHOPIFY_API_SECRET
    old_secret = settings.SHOPIFY_API_SECRET
    settings.SHOPIFY_API_SECRET = "brand-new-secret-also-at-least-32-bytes"
    assert get_me(client, session_token("rotating.myshopify.com", "5", api_secret=old_secret)).status_code == 200
    fresh = session_token("rotating.myshopify.com", "5", api_secret="brand-new-secret-also-at-least-32-bytes")
    assert get_me(client, fresh).status_code == 200


@pytest.mark.django_db
def test_uninstalled_shop_with_failed_reinstall_is_refused(client, session_token, devstore, devstore_log):
    """A token for a shop the dev store does not know: the exchange fails, nothing is created."""
    response = get_me(client, session_token("unknown-shop.myshopify.com", "5"))
    assert response.status_code == 401
    assert response.json()["code"] == "install_failed"
    assert not Shop.objects.filter(domain="unknown-shop.myshopify.com", is_active=True).exists()
    assert Agent.objects.count() == 0


@pytest.mark.django_db
def test_disabled_agent_is_403(client, session_token):
    agent = AgentFactory(shop__domain="disabled.myshopify.com", shopify_user_id="77", is_active=False)
    ShopTokenFactory(shop=agent.shop)
    response = get_me(client, session_token("disabled.myshopify.com", "77"))
    assert response.status_code == 403
