"""Query cost limiting: the leaky bucket per shop."""

import time

QUERY = "{ customers(first: 10) { nodes { id } } }"  # requested cost 2 + 10 * 1 = 12
THROTTLED = [
    {
        "message": "Throttled",
        "extensions": {"code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/rate-limits"},
    }
]


def test_throttled_when_the_bucket_is_empty_then_fine_after_waiting(make_server):
    api = make_server(bucket_size=20, restore_rate=20)  # 12 points back in 0.6 s
    shop = "busy-shop.myshopify.com"
    api.seed(shop)
    token = api.install(shop)

    first = api.graphql(shop, token, QUERY).json()
    second = api.graphql(shop, token, QUERY).json()
    time.sleep(0.35)  # 8 left + 7 restored >= 12
    third = api.graphql(shop, token, QUERY).json()

    assert first["extensions"]["cost"]["requestedQueryCost"] == 12
    assert first["extensions"]["cost"]["actualQueryCost"] == 12
    assert second["errors"] == THROTTLED
    assert "data" not in second
    cost = second["extensions"]["cost"]
    assert cost["requestedQueryCost"] == 12
    assert cost["actualQueryCost"] is None
    assert cost["throttleStatus"]["maximumAvailable"] == 20.0
    assert cost["throttleStatus"]["restoreRate"] == 20.0
    assert cost["throttleStatus"]["currentlyAvailable"] < 12
    assert third["data"]["customers"]["nodes"]
    outcomes = [e["outcome"] for e in api.log(kind="graphql")]
    assert outcomes == ["ok", "throttled", "ok"]


def test_a_throttled_mutation_changes_nothing(make_server):
    api = make_server(bucket_size=15, restore_rate=1)
    shop = "slow-shop.myshopify.com"
    api.seed(shop)
    token = api.install(shop)
    customer = api.control.get(f"/_devstore/shops/{shop}/customers").json()["customers"][0]
    api.graphql(shop, token, QUERY)  # leaves 3 points
    mutation = """mutation C($id: ID!) { storeCreditAccountCredit(id: $id,
        creditInput: {creditAmount: {amount: "5.00", currencyCode: USD}}) { userErrors { code } } }"""

    response = api.graphql(shop, token, mutation, {"id": f"gid://shopify/Customer/{customer['id']}"}).json()

    assert response["errors"] == THROTTLED
    assert response["extensions"]["cost"]["requestedQueryCost"] == 10
    assert api.credit(shop) == {"accounts": [], "transactions": [], "gift_cards": []}


def test_buckets_are_per_shop(make_server):
    api = make_server(bucket_size=20, restore_rate=1)
    tokens = {}
    for shop in ("shop-one.myshopify.com", "shop-two.myshopify.com"):
        api.seed(shop)
        tokens[shop] = api.install(shop)

    api.graphql("shop-one.myshopify.com", tokens["shop-one.myshopify.com"], QUERY)
    other = api.graphql("shop-two.myshopify.com", tokens["shop-two.myshopify.com"], QUERY).json()

    assert "errors" not in other
    assert other["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"] == 8.0


def test_a_query_above_the_single_query_limit_is_refused(api, demo):
    # requested cost: 2 + 250 * (1 + 1 + 1 + 1) = 1002
    query = """{ orders(first: 250) {
        nodes { id customer { id } shippingAddress { zip } billingAddress { zip } } } }"""

    response = api.graphql(demo["shop"], demo["token"], query).json()

    assert response == {
        "errors": [
            {
                "message": "Query cost is 1002, which exceeds the single query max cost limit (1000).",
                "extensions": {"code": "MAX_COST_EXCEEDED", "cost": 1002, "maxCost": 1000},
            }
        ]
    }
    assert api.log(kind="graphql")[-1]["outcome"] == "max_cost_exceeded"
