import httpx
import pytest
from django.core.management import call_command

from shopapp.models import Agent, Role, Shop, ShopToken
from tests.conftest import DEMO_SHOP


@pytest.mark.django_db
def test_seed_demo_seeds_the_dev_store_and_installs_the_app(devstore, capsys):
    call_command("seed_demo", customers=8, orders=24)

    summary = httpx.get(f"{devstore.url}/_devstore/shops/{DEMO_SHOP}").json()
    assert (summary["customers"], summary["orders"]) == (8, 24)
    shop = Shop.objects.get(domain=DEMO_SHOP)
    assert shop.is_active and shop.name == summary["name"] and shop.currency == "USD"
    assert ShopToken.objects.get(shop=shop).refresh_token.startswith("shprt_")
    owner = Agent.objects.get(shop=shop)
    assert owner.role == Role.OWNER
    assert owner.shopify_user_id == str(next(m["id"] for m in summary["staff"] if m["account_owner"]))
    assert "installed" in capsys.readouterr().out


@pytest.mark.django_db
def test_seed_demo_is_idempotent(devstore):
    call_command("seed_demo", customers=8, orders=24)
    first = httpx.get(f"{devstore.url}/_devstore/shops/{DEMO_SHOP}/orders").json()
    call_command("seed_demo", customers=8, orders=24)
    second = httpx.get(f"{devstore.url}/_devstore/shops/{DEMO_SHOP}/orders").json()
    assert first == second
    assert Shop.objects.filter(domain=DEMO_SHOP).count() == 1
    assert Agent.objects.filter(shop__domain=DEMO_SHOP).count() == 1
