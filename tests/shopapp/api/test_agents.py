"""``GET /api/admin/agents``: the shop's active staff for assigning, online first; never another
shop's, never a deactivated one."""
import pytest

from shopapp.models import Role
from support import presence
from tests.factories import AgentFactory, ShopTokenFactory

pytestmark = pytest.mark.django_db

SHOP, OTHER = "shop-a.myshopify.com", "shop-b.myshopify.com"


@pytest.fixture
def staff(redis_client):
    shop = ShopTokenFactory(shop__domain=SHOP).shop
    return {
        "shop": shop,
        "owner": AgentFactory(shop=shop, shopify_user_id="9100000000000801", name="Zoe Owner", role=Role.OWNER),
        "ana": AgentFactory(shop=shop, shopify_user_id="9100000000000802", name="Ana Agent", role=Role.AGENT),
        "li": AgentFactory(shop=shop, shopify_user_id="9100000000000803", name="Li Lead", role=Role.SUPERVISOR),
        "gone": AgentFactory(shop=shop, shopify_user_id="9100000000000804", name="Old Hand", is_active=False),
    }


def get(client, session_token, domain=SHOP, user_id="9100000000000801"):
    return client.get("/api/admin/agents", HTTP_AUTHORIZATION=f"Bearer {session_token(domain, user_id)}")


def test_active_staff_online_first_then_by_name(client, session_token, staff):
    presence.mark_agent(staff["shop"].pk, staff["owner"].pk, "socket-1", "online")
    presence.mark_agent(staff["shop"].pk, staff["li"].pk, "socket-2", "away")

    response = get(client, session_token)

    assert response.status_code == 200
    assert response.json() == [
        {"id": str(staff["owner"].pk), "name": "Zoe Owner", "role": "owner", "presence": "online"},
        {"id": str(staff["li"].pk), "name": "Li Lead", "role": "supervisor", "presence": "away"},
        {"id": str(staff["ana"].pk), "name": "Ana Agent", "role": "agent", "presence": "offline"},
    ]


def test_another_shop_sees_only_its_own_staff(client, session_token, staff):
    other = ShopTokenFactory(shop__domain=OTHER).shop
    mine = AgentFactory(shop=other, shopify_user_id="9100000000000809", name="Bo Other")

    response = get(client, session_token, domain=OTHER, user_id="9100000000000809")

    assert [row["id"] for row in response.json()] == [str(mine.pk)]


def test_without_a_session_token_it_is_401(client, staff):
    assert client.get("/api/admin/agents").status_code == 401
