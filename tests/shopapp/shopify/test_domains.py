import pytest

from shopapp.shopify.domains import normalize_shop_domain, shop_admin_url


@pytest.mark.parametrize(
    "value, expected",
    [
        ("demo-store.myshopify.com", "demo-store.myshopify.com"),
        ("Demo-Store.MyShopify.com", "demo-store.myshopify.com"),
        ("https://demo-store.myshopify.com", "demo-store.myshopify.com"),
        ("a1.myshopify.com", "a1.myshopify.com"),
    ],
)
def test_valid_shop_domains(value, expected):
    assert normalize_shop_domain(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None, "", 42, "demo-store", "-demo.myshopify.com", "demo_store.myshopify.com",
        "demo.myshopify.com.evil.com", "evil.com/demo.myshopify.com", "demo.myshopify.com/admin",
        "demo.myshopify.com:443", "user@demo.myshopify.com", "http://demo.myshopify.com",
        "demo.myshopify.io", "a" * 250 + ".myshopify.com", "demo .myshopify.com", "demo.myshopify.com\n",
    ],
)
def test_invalid_shop_domains(value):
    assert normalize_shop_domain(value) is None


def test_admin_url_points_at_the_devstore_in_development():
    assert shop_admin_url("a.myshopify.com", "/admin/oauth/authorize") == "https://a.myshopify.com/admin/oauth/authorize"
    assert (
        shop_admin_url("a.myshopify.com", "/admin/oauth/authorize", "http://127.0.0.1:8765")
        == "http://127.0.0.1:8765/store/a.myshopify.com/admin/oauth/authorize"
    )
