"""The app home (embedded admin shell) and the development pages."""
import json
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from shopapp.models import Agent, Shop
from tests.conftest import DEMO_SHOP


def app_config(response):
    match = re.search(rb'<script id="app-config" type="application/json">(.*?)</script>', response.content, re.S)
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_app_home_with_a_valid_id_token_installs_and_serves_the_shell(client, seeded_shop, owner_id, session_token):
    response = client.get("/app", {"shop": DEMO_SHOP, "embedded": "1", "id_token": session_token(DEMO_SHOP, owner_id)})

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == (
        f"frame-ancestors https://{DEMO_SHOP} https://admin.shopify.com;"
    )
    config = app_config(response)
    assert config["shop"] == DEMO_SHOP and config["apiKey"] == "test-api-key"
    assert config["devSessionTokenUrl"] == f"/dev/session-token?shop={DEMO_SHOP}&user_id={owner_id}"
    assert Shop.objects.get(domain=DEMO_SHOP).is_active
    assert Agent.objects.get(shop__domain=DEMO_SHOP).shopify_user_id == owner_id


@pytest.mark.django_db
def test_app_home_config_carries_the_chat_extension_id(client, settings, seeded_shop, owner_id, session_token):
    settings.SHOPIFY_CHAT_EXTENSION_ID = "9f3c2b1e-0d4a-4c6b-8e2f-1a2b3c4d5e6f"
    response = client.get("/app", {"shop": DEMO_SHOP, "embedded": "1", "id_token": session_token(DEMO_SHOP, owner_id)})
    assert response.status_code == 200
    assert app_config(response)["chatEmbedId"] == "9f3c2b1e-0d4a-4c6b-8e2f-1a2b3c4d5e6f"


@pytest.mark.django_db
def test_app_home_config_without_a_chat_extension_id_says_null(client, settings, seeded_shop, owner_id,
                                                               session_token):
    settings.SHOPIFY_CHAT_EXTENSION_ID = ""
    response = client.get("/app", {"shop": DEMO_SHOP, "embedded": "1", "id_token": session_token(DEMO_SHOP, owner_id)})
    assert response.status_code == 200
    assert app_config(response)["chatEmbedId"] is None


@pytest.mark.django_db
def test_app_home_without_a_token_redirects_to_the_patch_page(client):
    response = client.get("/app", {"shop": DEMO_SHOP, "host": "abc"})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/auth/patch-id-token"
    assert dict(parse_qsl(location.query))["shopify-reload"].startswith("/app?")
    assert Shop.objects.count() == 0


@pytest.mark.django_db
def test_app_home_with_a_forged_token_changes_nothing(client, seeded_shop, owner_id, session_token):
    forged = session_token(DEMO_SHOP, owner_id, api_secret="forged-secret-of-a-decent-length-xyz")
    response = client.get("/app", {"shop": DEMO_SHOP, "id_token": forged})
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/auth/patch-id-token"
    assert Shop.objects.count() == 0 and Agent.objects.count() == 0


@pytest.mark.django_db
def test_app_home_with_another_apps_token_is_401(client, seeded_shop, owner_id, session_token):
    response = client.get("/app", {"shop": DEMO_SHOP, "id_token": session_token(DEMO_SHOP, owner_id, aud="other")})
    assert response.status_code == 401
    assert Shop.objects.count() == 0


def test_patch_id_token_page_is_served(client):
    response = client.get("/auth/patch-id-token", {"shop": DEMO_SHOP, "shopify-reload": "/app?shop=" + DEMO_SHOP})
    assert response.status_code == 200
    assert b'data-api-key="test-api-key"' in response.content
    assert b"app-bridge.js" in response.content


def test_patch_id_token_page_without_shop_is_400(client):
    assert client.get("/auth/patch-id-token", {"shopify-reload": "/app"}).status_code == 400


@pytest.mark.django_db
def test_dev_landing_lists_the_demo_staff(client, seeded_shop):
    response = client.get("/")
    assert response.status_code == 200
    for member in seeded_shop["staff"]:
        assert f"user_id={member['id']}".encode() in response.content
    assert b"/store/demo-store.myshopify.com/\">The demo storefront</a>" in response.content


@pytest.mark.django_db
def test_dev_open_mints_a_token_and_opens_the_app(client, seeded_shop, owner_id):
    response = client.get("/dev/open", {"shop": DEMO_SHOP, "user_id": owner_id})
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert follow.status_code == 200
    assert app_config(follow)["shop"] == DEMO_SHOP


@pytest.mark.django_db
def test_dev_open_opens_a_screen_in_the_admins_language(client, seeded_shop, owner_id):
    response = client.get("/dev/open", {"shop": DEMO_SHOP, "user_id": owner_id, "screen": "conversations/12",
                                        "locale": "zh-CN"})
    assert response.status_code == 302
    assert response["Location"].startswith("/app/conversations/12?")
    follow = client.get(response["Location"])
    assert follow.status_code == 200
    assert app_config(follow)["locale"] == "zh-CN"


@pytest.mark.django_db
@pytest.mark.parametrize("screen", ["../admin", "https://evil.example/x", "a?b=c"])
def test_dev_open_refuses_a_screen_that_is_not_a_plain_path(client, seeded_shop, owner_id, screen):
    response = client.get("/dev/open", {"shop": DEMO_SHOP, "user_id": owner_id, "screen": screen})
    assert response.status_code == 400


@pytest.mark.django_db
def test_an_odd_locale_falls_back_to_english(client, seeded_shop, owner_id):
    response = client.get("/dev/open", {"shop": DEMO_SHOP, "user_id": owner_id, "locale": "<script>"})
    assert app_config(client.get(response["Location"]))["locale"] == "en"


@pytest.mark.django_db
def test_dev_session_token_answers_a_usable_token(client, seeded_shop, owner_id):
    token = client.get("/dev/session-token", {"shop": DEMO_SHOP, "user_id": owner_id}).json()["token"]
    me = client.get("/api/admin/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert me.status_code == 200
    assert me.json()["agent"]["role"] == "owner"


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"shop": "evil.com", "user_id": "1"}, {"shop": DEMO_SHOP, "user_id": "x"}, {}])
def test_dev_session_token_refuses_bad_input(client, devstore, params):
    response = client.get("/dev/session-token", params)
    assert response.status_code == 400


@pytest.mark.django_db
def test_dev_pages_do_not_exist_outside_development(client, settings):
    settings.SHOPIFY_DEVSTORE_URL = ""
    assert client.get("/dev/session-token", {"shop": DEMO_SHOP, "user_id": "1"}).status_code == 404
    assert client.get("/dev/open", {"shop": DEMO_SHOP, "user_id": "1"}).status_code == 404
    # Without the dev store, "/" is the app home: no token -> the patch page.
    assert client.get("/").status_code == 302
