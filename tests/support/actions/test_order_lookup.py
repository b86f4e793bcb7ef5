"""Which order a shopper may see: a logged-in customer their own only; an anonymous shopper the
order whose name and email or postcode they give; a wrong pair is exactly a missing order; tries are
rate-limited in the real Redis, and a limited try reads nothing."""
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from support import ratelimits
from support.actions.order_lookup import LIMITED, find_order_for_shopper
from tests.factories import CustomerFactory, OrderFactory, ShopFactory


@pytest.fixture
def shop():
    return ShopFactory()


@pytest.fixture
def order(shop):
    return OrderFactory(shop=shop, name="#1001", email="Ana.Souza@example.com", shipping_zip="K1A 0B1")


def find(shop, **kwargs):
    return find_order_for_shopper(shop, client_key=kwargs.pop("client_key", "ip:198.51.100.7"), **kwargs)


@pytest.mark.django_db
def test_a_logged_in_customer_gets_their_most_recent_order_or_the_one_they_name(shop, redis_client):
    customer = CustomerFactory(shop=shop)
    now = timezone.now()
    older = OrderFactory(shop=shop, customer=customer, name="#1001", shopify_created_at=now - timedelta(days=9))
    newer = OrderFactory(shop=shop, customer=customer, name="#1002", shopify_created_at=now - timedelta(days=1))

    assert find(shop, customer_shopify_id=customer.shopify_id) == newer
    assert find(shop, customer_shopify_id=customer.shopify_id, order_name="1001") == older
    assert find(shop, customer_shopify_id=customer.shopify_id, order_name=" ") == newer
    assert redis_client.keys("rl:order*") == []  # their own orders: nothing to guess, nothing counted


@pytest.mark.django_db
def test_a_logged_in_customer_never_gets_another_customers_order(shop, order, redis_client):
    customer = CustomerFactory(shop=shop)

    assert find(shop, customer_shopify_id=customer.shopify_id, order_name="#1001") is None
    # even with the other order's email: a logged-in shopper sees their own orders only
    assert find(shop, customer_shopify_id=customer.shopify_id, order_name="#1001",
                email="ana.souza@example.com") is None
    assert find(shop, customer_shopify_id=customer.shopify_id) is None
    assert find(shop, customer_shopify_id=order.customer_shopify_id, order_name="#") is None


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["1001", "#1001", " #1001 "])
def test_anonymous_with_the_name_and_the_email_in_any_case(shop, order, typed, redis_client):
    assert find(shop, order_name=typed, email=" ANA.SOUZA@EXAMPLE.COM") == order


@pytest.mark.django_db
def test_anonymous_with_the_postcode_in_any_spacing(shop, order, redis_client):
    assert find(shop, order_name="1001", postcode="k1a0b1") == order
    assert find(shop, order_name="1001", postcode="K1A 0B2") is None


@pytest.mark.django_db
def test_a_wrong_email_is_exactly_a_missing_order(shop, order, redis_client):
    with CaptureQueriesContext(connection) as wrong:
        wrong_email = find(shop, order_name="#1001", email="someone@example.com")
    with CaptureQueriesContext(connection) as missing:
        no_order = find(shop, order_name="#4242", email="someone@example.com")

    assert wrong_email is None and no_order is None
    assert len(wrong.captured_queries) == len(missing.captured_queries) == 1
    assert [q["sql"].replace("#1001", "#4242").replace("'1001'", "'4242'") for q in wrong.captured_queries] == [
        q["sql"] for q in missing.captured_queries]


@pytest.mark.django_db
def test_other_shops_orders_are_never_found(order, redis_client):
    other = ShopFactory()

    assert find(other, order_name="#1001", email="ana.souza@example.com") is None
    assert find(other, customer_shopify_id=order.customer_shopify_id) is None
    assert find(other, customer_shopify_id=order.customer_shopify_id, order_name="#1001") is None


@pytest.mark.django_db
def test_redacted_orders_are_never_found(shop, order, redis_client):
    order.redacted_at = timezone.now()
    order.save(update_fields=["redacted_at"])

    assert find(shop, order_name="#1001", email="ana.souza@example.com") is None
    assert find(shop, customer_shopify_id=order.customer_shopify_id) is None


@pytest.mark.django_db
def test_without_a_name_or_a_contact_nothing_is_looked_up_or_counted(shop, order, redis_client,
                                                                     django_assert_num_queries):
    with django_assert_num_queries(0):
        assert find(shop, order_name="#1001") is None
        assert find(shop, order_name="#1001", email=" ", postcode="") is None
        assert find(shop, order_name=" ", email="ana.souza@example.com") is None
    assert redis_client.keys("rl:order*") == []


@pytest.mark.django_db
def test_tries_on_one_order_are_limited_and_a_limited_try_reads_nothing(shop, order, redis_client,
                                                                       django_assert_num_queries):
    for attempt in range(ratelimits.ORDER_LOOKUPS_PER_ORDER.count):
        assert find(shop, order_name="#1001", email=f"guess{attempt}@example.com",
                    client_key=f"ip:203.0.113.{attempt}") is None

    with django_assert_num_queries(0):
        assert find(shop, order_name="1001", email="ana.souza@example.com", client_key="ip:203.0.113.99") is LIMITED
    # the same name in another shop is another order
    assert find(ShopFactory(), order_name="#1001", email="x@example.com", client_key="ip:203.0.113.98") is None


@pytest.mark.django_db
def test_tries_from_one_client_are_limited(shop, order, redis_client, django_assert_num_queries):
    for number in range(ratelimits.ORDER_LOOKUPS_PER_CLIENT.count):
        assert find(shop, order_name=f"#{2000 + number}", email="ana.souza@example.com") is None

    with django_assert_num_queries(0):
        assert find(shop, order_name="#1001", email="ana.souza@example.com") is LIMITED
    assert find(shop, order_name="#1001", email="ana.souza@example.com", client_key="ip:192.0.2.1") == order
