"""The seeded store: determinism, coverage of markets and shipping states, persistence."""

import json
from datetime import UTC, date, datetime

from shopapp.devstore import DevStoreServer
from shopapp.devstore.seed import build_shop, summarise
from shopapp.devstore.seed_shipping import s10_number

DAY = date(2026, 3, 2)
ANCHOR = "2026-03-02T00:00:00Z"
LOCALES = {
    "US": {"en"},
    "GB": {"en"},
    "CA": {"en", "fr"},
    "DE": {"de"},
    "FR": {"fr"},
    "ES": {"es"},
    "BR": {"pt-BR"},
    "MX": {"es"},
    "IT": {"it"},
    "NL": {"nl"},
    "JP": {"ja"},
    "CN": {"zh-CN"},
    "AU": {"en"},
    "SA": {"ar"},
}
CURRENCIES = {
    "US": "USD",
    "GB": "GBP",
    "CA": "CAD",
    "DE": "EUR",
    "FR": "EUR",
    "ES": "EUR",
    "BR": "BRL",
    "MX": "MXN",
    "IT": "EUR",
    "NL": "EUR",
    "JP": "JPY",
    "CN": "CNY",
    "AU": "AUD",
    "SA": "SAR",
}


def test_same_seed_and_day_give_identical_data():
    first = build_shop("same.myshopify.com", seed=7, today=DAY)
    second = build_shop("same.myshopify.com", seed=7, today=DAY)
    other_seed = build_shop("same.myshopify.com", seed=8, today=DAY)

    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert first["customers"] != other_seed["customers"]
    assert list(first["orders"]) == list(other_seed["orders"])  # ids depend only on counts


def test_ids_are_deterministic_and_above_two_to_the_53():
    shop = build_shop("ids.myshopify.com", customers=3, orders=2, today=DAY)

    assert list(shop["customers"]) == ["9100000000100001", "9100000000100002", "9100000000100003"]
    assert list(shop["orders"]) == ["9100000000200001", "9100000000200002"]
    assert [m["id"] for m in shop["staff"]] == [
        9100000000000001,
        9100000000000002,
        9100000000000003,
        9100000000000004,
    ]
    assert shop["shop"]["id"] == 9100000000900000
    assert min(o["id"] for o in shop["orders"].values()) > 2**53


def test_demo_shop_covers_markets_locales_and_currencies():
    shop = build_shop("demo-store.myshopify.com", today=DAY)
    customers = list(shop["customers"].values())

    countries = {c["address"]["country_code"] for c in customers}
    assert len(customers) == 50
    assert len(countries) >= 8
    for customer in customers:
        code = customer["address"]["country_code"]
        assert customer["locale"] in LOCALES[code]
        assert customer["currency"] == CURRENCIES[code]
        assert customer["email"].isascii() and "@" in customer["email"]
        assert customer["phone"].startswith("+") and customer["phone"][1:].isdigit()
    for order in shop["orders"].values():
        customer = shop["customers"][str(order["customer_id"])]
        assert order["presentment_currency"] == customer["currency"]
        assert order["currency"] == "USD"
        assert 1 <= len(order["line_items"]) <= 4


def test_every_shipping_state_is_represented_and_consistent():
    shop = build_shop("demo-store.myshopify.com", today=DAY)
    orders = list(shop["orders"].values())

    summary = summarise(shop)

    assert len(orders) == 200
    assert all(count > 0 for count in summary["orders_by_shipping_state"].values())
    assert sorted(summary["orders_by_shipping_state"]) == sorted(
        [
            "unfulfilled",
            "in_transit",
            "out_for_delivery",
            "delivered",
            "delayed",
            "attempted_delivery",
            "failure",
            "partially_fulfilled",
            "cancelled",
        ]
    )
    for order in orders:
        _check_order(order)


def _check_order(order):
    state, fulfillments = order["shipping_state"], order["fulfillments"]
    assert order["created_at"] < ANCHOR and order["created_at"] >= "2026-01-01T00:00:00Z"
    statuses = [f["display_status"] for f in fulfillments]
    if state in ("unfulfilled", "cancelled"):
        assert fulfillments == []
        assert order["fulfillment_status"] == "UNFULFILLED"
        assert (order["cancelled_at"] is not None) == (state == "cancelled")
    elif state == "partially_fulfilled":
        assert statuses == ["DELIVERED", "IN_TRANSIT"]
        assert order["fulfillment_status"] == "PARTIALLY_FULFILLED"
        shipped = {e["line_item_id"] for f in fulfillments for e in f["line_items"]}
        assert len(shipped) < len(order["line_items"])
    else:
        expected = {
            "in_transit": "IN_TRANSIT",
            "out_for_delivery": "OUT_FOR_DELIVERY",
            "delivered": "DELIVERED",
            "delayed": "DELAYED",
            "attempted_delivery": "ATTEMPTED_DELIVERY",
            "failure": "FAILURE",
        }
        assert statuses == [expected[state]]
        assert order["fulfillment_status"] == "FULFILLED"
    for fulfillment in fulfillments:
        _check_fulfillment(state, fulfillment)


def _check_fulfillment(state, fulfillment):
    events = fulfillment["events"]
    times = [e["happened_at"] for e in events]
    assert times == sorted(times) and times[-1] < ANCHOR
    assert events[0]["status"] == "LABEL_PRINTED"
    assert fulfillment["tracking"][0]["url"].startswith("https://")
    assert fulfillment["tracking"][0]["number"] in fulfillment["tracking"][0]["url"]
    estimated = fulfillment["estimated_delivery_at"]
    if fulfillment["display_status"] in ("IN_TRANSIT", "OUT_FOR_DELIVERY"):
        assert estimated > ANCHOR and fulfillment["delivered_at"] is None
    if state == "delayed":
        assert estimated < ANCHOR and fulfillment["delivered_at"] is None
    if fulfillment["display_status"] == "DELIVERED":
        assert fulfillment["delivered_at"] == times[-1]


def test_carriers_fit_the_route():
    shop = build_shop("demo-store.myshopify.com", today=DAY)
    seen = set()
    for order in shop["orders"].values():
        country = order["shipping_address"]["country_code"]
        for fulfillment in order["fulfillments"]:
            company = fulfillment["tracking"][0]["company"]
            seen.add(company)
            if fulfillment["origin"] == "CN":
                assert company in ({"China Post"} if country == "CN" else {"Yanwen", "4PX", "China Post"})
            elif country == "US":
                assert company in {"USPS", "UPS", "FedEx"}
    assert len(seen) >= 8


def test_s10_numbers_have_a_valid_check_digit():
    class FixedDigits:
        def randint(self, low, high):
            return [4, 7, 3, 1, 2, 4, 8, 2][self.calls.pop(0)]

        calls = list(range(8))

    assert s10_number(FixedDigits(), "RR", "GB") == "RR473124829GB"  # the UPU S10 worked example


def test_staff_has_an_owner_and_three_locales():
    staff = build_shop("demo-store.myshopify.com", today=DAY)["staff"]

    assert [(m["locale"], m["account_owner"]) for m in staff] == [
        ("en", True),
        ("en", False),
        ("zh-CN", False),
        ("es", False),
    ]


def test_seeding_dates_follow_the_current_day():
    today = datetime.now(UTC).date()
    shop = build_shop("today.myshopify.com", customers=5, orders=20)

    latest = max(o["updated_at"] for o in shop["orders"].values())
    assert latest < f"{today.isoformat()}T00:00:00Z"
    assert shop["seed"]["today"] == today.isoformat()


def test_seed_endpoint_is_idempotent_and_summarises(api):
    body = {"shop": "Idem-Shop", "seed": 3, "customers": 20, "orders": 60, "today": DAY.isoformat()}

    first = api.control.post("/_devstore/shops", json=body).json()
    records = api.control.get("/_devstore/shops/idem-shop.myshopify.com/orders").json()
    second = api.control.post("/_devstore/shops", json=body).json()

    assert first["created"] is True and second["created"] is False
    assert {k: v for k, v in first.items() if k != "created"} == {k: v for k, v in second.items() if k != "created"}
    assert api.control.get("/_devstore/shops/idem-shop.myshopify.com/orders").json() == records
    assert first["shop"] == "idem-shop.myshopify.com"
    assert (first["customers"], first["orders"], first["installed"]) == (20, 60, False)
    assert sum(first["orders_by_shipping_state"].values()) == 60
    assert [m["account_owner"] for m in first["staff"]] == [True, False, False, False]
    assert api.control.get("/_devstore/shops/idem-shop.myshopify.com").json() == {
        k: v for k, v in second.items() if k != "created"
    }


def test_reseeding_keeps_installation_and_tokens(api, shop, token):
    api.seed(shop, seed=2)

    assert api.state(shop)["shops"][shop]["installed"] is True
    assert api.graphql(shop, token, "{ shop { name } }").status_code == 200


def test_state_file_keeps_shops_and_tokens_across_restarts(tmp_path, receiver):
    path = tmp_path / "var" / "devstore.json"
    options = {
        "api_key": "devstore-test-api-key",
        "api_secret": "devstore-test-api-secret-0123456789abcdef",
        "app_url": receiver.url,
        "port": 0,
        "state_path": path,
    }
    with DevStoreServer(**options) as first:
        first.seed("keep.myshopify.com", customers=5, orders=10, today=DAY)
        import httpx

        from shopapp.devstore.transport import DevStoreTransport

        client = httpx.Client(transport=DevStoreTransport(first.url))
        token_body = {
            "client_id": options["api_key"],
            "client_secret": options["api_secret"],
            "grant_type": "urn:ietf:params:oauth:grant-type:token-exchange",
            "subject_token": first.session_token("keep.myshopify.com"),
            "subject_token_type": "urn:ietf:params:oauth:token-type:id_token",
            "requested_token_type": "urn:shopify:params:oauth:token-type:offline-access-token",
        }
        access = client.post("https://keep.myshopify.com/admin/oauth/access_token", json=token_body).json()
    saved = path.read_text()

    with DevStoreServer(**options) as second:
        client = httpx.Client(transport=DevStoreTransport(second.url))
        response = client.post(
            "https://keep.myshopify.com/admin/api/2026-07/graphql.json",
            json={"query": "{ shop { name } }"},
            headers={"X-Shopify-Access-Token": access["access_token"]},
        )

    assert response.json()["data"] == {"shop": {"name": "Keep"}}
    assert access["access_token"] not in saved
    assert sorted(p.name for p in path.parent.iterdir()) == ["devstore.json"]
