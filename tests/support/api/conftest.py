"""Fixtures of the admin API tests here (a module's own fixture of the same name wins): ``shop`` with
one staff member of each role, ``other_shop``, and ``call(method, path, data, user=AGENT, domain=SHOP)``
with that staff member's session token. Import the ids (``from .conftest import AGENT, ...``)."""
import pytest

from shopapp.models import Role
from tests.factories import AgentFactory, ShopTokenFactory

SHOP, OTHER = "shop-a.myshopify.com", "shop-b.myshopify.com"
OWNER, ADMIN, SUPERVISOR, AGENT = "9100000000000801", "9100000000000802", "9100000000000803", "9100000000000804"


@pytest.fixture
def shop():
    shop = ShopTokenFactory(shop__domain=SHOP, shop__currency="USD").shop
    for user_id, role in ((OWNER, Role.OWNER), (ADMIN, Role.ADMIN), (SUPERVISOR, Role.SUPERVISOR), (AGENT, Role.AGENT)):
        AgentFactory(shop=shop, shopify_user_id=user_id, role=role, name=role.label)
    return shop


@pytest.fixture
def other_shop():
    other = ShopTokenFactory(shop__domain=OTHER).shop
    AgentFactory(shop=other, shopify_user_id=OWNER, role=Role.OWNER)
    return other


@pytest.fixture
def call(client, session_token, shop):
    def request(method, path, data=None, user=AGENT, domain=SHOP):
        auth = {"HTTP_AUTHORIZATION": f"Bearer {session_token(domain, user)}"}
        if method == "get":
            return client.get(path, data or {}, **auth)
        return getattr(client, method)(path, data, content_type="application/json", **auth)

    return request
