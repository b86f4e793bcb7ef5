"""``POST /api/widget/orders/lookup`` through a signed app-proxy request: own orders only, a wrong
email answers byte for byte like a missing order, the postcode works too, 429 reads nothing, and
another shop's order is never found."""
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from support import ratelimits
from tests.factories import CustomerFactory, FulfillmentFactory, OrderFactory, ShopTokenFactory
from tests.support.api.test_widget import SHOP, proxy_query

URL = "/api/widget/orders/lookup"


@pytest.fixture
def shop(redis_client):
    return ShopTokenFactory(shop__domain=SHOP, shop__timezone="Europe/Berlin").shop


@pytest.fixture
def order(shop):
    order = OrderFactory(shop=shop, name="#1001", email="ana.souza@example.com", shipping_zip="10115",
                         shipping_country_code="DE", fulfillment_status="fulfilled", customer_locale="de",
                         shopify_created_at=timezone.now() - timedelta(days=2))
    FulfillmentFactory(order=order, shipment_status="in_transit", shopify_created_at=timezone.now() - timedelta(days=1),
                       tracking=[{"company": "DHL", "number": "JD014600003", "url": "https://dhl.example/JD014600003"}])
    return order


def lookup(client, data, customer_id=None, shop=SHOP, ip="198.51.100.7"):
    return client.post(f"{URL}?{proxy_query(shop=shop, customer_id=customer_id)}", data,
                       content_type="application/json", REMOTE_ADDR=ip)


def order_queries(captured):
    return [query["sql"] for query in captured.captured_queries if "support_order" in query["sql"]]


@pytest.mark.django_db
def test_anonymous_shopper_with_name_and_email_gets_the_answer(client, order):
    response = lookup(client, {"order_name": "1001", "email": "Ana.Souza@Example.com", "locale": "en"})

    assert response.status_code == 200
    body = response.json()
    assert body["found"] is True
    assert {key: body["order"][key] for key in ("name", "state", "status", "late", "language")} == {
        "name": "#1001", "state": "in_transit", "status": "On its way", "late": False, "language": "en"}
    parcel = body["order"]["parcels"][0]
    assert (parcel["carrier"], parcel["tracking_number"], parcel["tracking_url"], parcel["window"]["source"]) == (
        "DHL", "JD014600003", "https://dhl.example/JD014600003", "default")
    assert body["order"]["text"].split("\n")[:3] == ["Order #1001 has shipped.", "", "The parcel is on its way."]


@pytest.mark.django_db
def test_the_answer_is_in_the_orders_language_by_default(client, order):
    body = lookup(client, {"order_name": "#1001", "postcode": "10115"}).json()

    assert body["order"]["text"].split("\n")[0] == "Bestellung #1001 wurde versandt."


@pytest.mark.django_db
def test_a_wrong_email_answers_byte_for_byte_like_a_missing_order(client, order):
    wrong = lookup(client, {"order_name": "#1001", "email": "someone@example.com"})
    missing = lookup(client, {"order_name": "#9999", "email": "someone@example.com"}, ip="198.51.100.8")
    wrong_postcode = lookup(client, {"order_name": "#1001", "postcode": "10116"}, ip="198.51.100.9")

    assert (wrong.status_code, missing.status_code, wrong_postcode.status_code) == (200, 200, 200)
    assert wrong.content == missing.content == wrong_postcode.content == b'{"found":false}'
    assert dict(wrong.headers) == dict(missing.headers)


@pytest.mark.django_db
def test_the_postcode_in_any_spacing(client, shop):
    OrderFactory(shop=shop, name="#1002", shipping_zip="K1A 0B1", fulfillment_status="unfulfilled")

    body = lookup(client, {"order_name": "1002", "postcode": "k1a0b1"}).json()

    assert (body["found"], body["order"]["state"]) == (True, "unfulfilled")


@pytest.mark.django_db
def test_a_logged_in_customer_gets_their_own_orders_only(client, shop, order):
    customer = CustomerFactory(shop=shop)
    own = OrderFactory(shop=shop, customer=customer, name="#1005", fulfillment_status="unfulfilled")

    latest = lookup(client, {}, customer_id=customer.shopify_id).json()
    named_other = lookup(client, {"order_name": "#1001", "email": "ana.souza@example.com"},
                         customer_id=customer.shopify_id)

    assert (latest["found"], latest["order"]["name"]) == (True, own.name)
    assert named_other.content == b'{"found":false}'
    owner = lookup(client, {"order_name": "1001"}, customer_id=order.customer_shopify_id).json()
    assert (owner["found"], owner["order"]["name"]) == (True, "#1001")


@pytest.mark.django_db
def test_another_shops_order_is_never_found(client, order):
    other = ShopTokenFactory(shop__domain="shop-b.myshopify.com").shop

    anonymous = lookup(client, {"order_name": "#1001", "email": "ana.souza@example.com"}, shop=other.domain)
    logged_in = lookup(client, {}, customer_id=order.customer_shopify_id, shop=other.domain)

    assert anonymous.content == logged_in.content == b'{"found":false}'


@pytest.mark.django_db
def test_too_many_tries_answer_429_and_look_nothing_up(client, order, redis_client):
    for attempt in range(ratelimits.ORDER_LOOKUPS_PER_CLIENT.count):
        assert lookup(client, {"order_name": f"#{2000 + attempt}", "email": "x@example.com"}).status_code == 200

    with CaptureQueriesContext(connection) as captured:
        limited = lookup(client, {"order_name": "#1001", "email": "ana.souza@example.com"})

    assert limited.status_code == 429
    assert limited.json()["code"] == "order_lookups"
    assert order_queries(captured) == []


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "code"), [
    ({"email": "ana.souza@example.com"}, "order_name_required"),
    ({"order_name": " ", "postcode": "10115"}, "order_name_required"),
    ({"order_name": "#1001"}, "contact_required"),
    ({"order_name": "#1001", "email": " ", "postcode": ""}, "contact_required"),
])
def test_anonymous_without_a_name_and_a_contact_is_refused_and_nothing_is_counted(client, order, redis_client,
                                                                                   data, code):
    with CaptureQueriesContext(connection) as captured:
        response = lookup(client, data)

    assert (response.status_code, response.json()["code"]) == (400, code)
    assert order_queries(captured) == []
    assert redis_client.keys("rl:order*") == []


@pytest.mark.django_db
def test_an_unsigned_request_is_refused(client, order):
    response = client.post(f"{URL}?shop={SHOP}", {"order_name": "#1001", "email": "ana.souza@example.com"},
                           content_type="application/json")

    assert response.status_code == 401
    assert b"1001" not in response.content
