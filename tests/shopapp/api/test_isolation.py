"""Shop isolation of the admin API: a session token only ever reaches its own shop."""
import pytest

from shopapp.models import Agent
from tests.factories import ShopTokenFactory


@pytest.mark.django_db
def test_same_staff_id_in_two_shops_are_two_agents(client, session_token):
    shop_a = ShopTokenFactory(shop__domain="shop-a.myshopify.com", shop__name="Shop A").shop
    shop_b = ShopTokenFactory(shop__domain="shop-b.myshopify.com", shop__name="Shop B").shop

    me_a = client.get("/api/admin/me", HTTP_AUTHORIZATION=f"Bearer {session_token(shop_a.domain, '500')}").json()
    me_b = client.get("/api/admin/me", HTTP_AUTHORIZATION=f"Bearer {session_token(shop_b.domain, '500')}").json()

    assert me_a["shop"]["name"] == "Shop A" and me_b["shop"]["name"] == "Shop B"
    assert me_a["agent"]["id"] != me_b["agent"]["id"]
    assert Agent.objects.get(pk=me_a["agent"]["id"]).shop_id == shop_a.pk
    assert Agent.objects.get(pk=me_b["agent"]["id"]).shop_id == shop_b.pk
    assert me_a["agent"]["role"] == me_b["agent"]["role"] == "owner"  # each shop's first staff member


@pytest.mark.django_db
def test_token_for_one_shop_with_another_shops_issuer_is_refused(client, session_token):
    ShopTokenFactory(shop__domain="shop-a.myshopify.com")
    ShopTokenFactory(shop__domain="shop-b.myshopify.com")
    token = session_token("shop-a.myshopify.com", "500", iss="https://shop-b.myshopify.com/admin")
    response = client.get("/api/admin/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401
    assert Agent.objects.count() == 0
