"""POST /admin/api/<version>/graphql.json: projection, connections, filters, errors, cost."""

import json

import pytest

INVALID_TOKEN = {"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"}


def _raw(api, shop, collection):
    return api.control.get(f"/_devstore/shops/{shop}/{collection}").json()[collection]


def test_projection_follows_aliases_fragments_and_typename(api, demo):
    shop, token = demo["shop"], demo["token"]
    customer = _raw(api, shop, "customers")[3]
    query = """
      query One($id: ID!) {
        who: customer(id: $id) { __typename ...Names ... on Customer { mail: email } locale
          amountSpent { amount currencyCode } numberOfOrders
          defaultAddress { countryCodeV2 city zip provinceCode } }
      }
      fragment Names on Customer { id legacyResourceId firstName lastName displayName }"""

    data = api.data(shop, token, query, {"id": f"gid://shopify/Customer/{customer['id']}"})

    assert data == {
        "who": {
            "__typename": "Customer",
            "id": f"gid://shopify/Customer/{customer['id']}",
            "legacyResourceId": str(customer["id"]),
            "firstName": customer["first_name"],
            "lastName": customer["last_name"],
            "displayName": f"{customer['first_name']} {customer['last_name']}",
            "mail": customer["email"],
            "locale": customer["locale"],
            "amountSpent": {"amount": customer["amount_spent"], "currencyCode": "USD"},
            "numberOfOrders": str(customer["orders_count"]),
            "defaultAddress": {
                "countryCodeV2": customer["address"]["country_code"],
                "city": customer["address"]["city"],
                "zip": customer["address"]["zip"],
                "provinceCode": customer["address"]["province_code"],
            },
        }
    }


def test_shop_fields(api, demo):
    query = """{ shop { name myshopifyDomain currencyCode ianaTimezone primaryDomain { url host }
        plan { displayName partnerDevelopment shopifyPlus } } }"""

    data = api.data(demo["shop"], demo["token"], query)

    assert data == {
        "shop": {
            "name": "Demo Store",
            "myshopifyDomain": "demo-store.myshopify.com",
            "currencyCode": "USD",
            "ianaTimezone": "America/New_York",
            "primaryDomain": {"url": "https://demo-store.myshopify.com", "host": "demo-store.myshopify.com"},
            "plan": {"displayName": "Development", "partnerDevelopment": True, "shopifyPlus": False},
        }
    }


def test_connections_page_forward_with_edges_and_page_info(api, demo):
    shop, token = demo["shop"], demo["token"]
    ids = sorted(order["id"] for order in _raw(api, shop, "orders"))
    query = """query Page($after: String) { orders(first: 5, after: $after) {
        edges { cursor node { legacyResourceId } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""

    first = api.data(shop, token, query)["orders"]
    second = api.data(shop, token, query, {"after": first["pageInfo"]["endCursor"]})["orders"]

    assert [int(e["node"]["legacyResourceId"]) for e in first["edges"]] == ids[:5]
    assert [int(e["node"]["legacyResourceId"]) for e in second["edges"]] == ids[5:10]
    assert first["pageInfo"]["hasNextPage"] is True
    assert first["pageInfo"]["hasPreviousPage"] is False
    assert first["pageInfo"]["startCursor"] == first["edges"][0]["cursor"]
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]
    assert second["pageInfo"]["hasPreviousPage"] is True


def test_connections_page_backward_with_last_and_before(api, demo):
    shop, token = demo["shop"], demo["token"]
    ids = sorted(order["id"] for order in _raw(api, shop, "orders"))
    query = """query Back($before: String) { orders(last: 3, before: $before) {
        nodes { legacyResourceId } pageInfo { hasNextPage hasPreviousPage startCursor } } }"""

    last = api.data(shop, token, query)["orders"]
    earlier = api.data(shop, token, query, {"before": last["pageInfo"]["startCursor"]})["orders"]

    assert [int(n["legacyResourceId"]) for n in last["nodes"]] == ids[-3:]
    assert [int(n["legacyResourceId"]) for n in earlier["nodes"]] == ids[-6:-3]
    assert last["pageInfo"]["hasNextPage"] is False
    assert last["pageInfo"]["hasPreviousPage"] is True
    assert earlier["pageInfo"]["hasNextPage"] is True


def test_sort_key_and_reverse(api, demo):
    shop, token = demo["shop"], demo["token"]
    orders = sorted(_raw(api, shop, "orders"), key=lambda o: (o["updated_at"], o["id"]), reverse=True)

    data = api.data(
        shop, token, "{ orders(first: 10, sortKey: UPDATED_AT, reverse: true) { nodes { name updatedAt } } }"
    )

    assert [n["name"] for n in data["orders"]["nodes"]] == [o["name"] for o in orders[:10]]


@pytest.mark.parametrize(
    ("search", "keep"),
    [
        ("updated_at:>'2026-02-20T00:00:00Z'", lambda o: o["updated_at"] > "2026-02-20T00:00:00Z"),
        ("created_at:<=2026-01-15", lambda o: o["created_at"] <= "2026-01-15T00:00:00Z"),
        ("name:#1005", lambda o: o["name"] == "#1005"),
        ("financial_status:pending", lambda o: o["financial_status"] == "PENDING"),
        ("status:cancelled", lambda o: o["cancelled_at"] is not None),
        (
            "-status:cancelled created_at:>=2026-02-01",
            lambda o: o["cancelled_at"] is None and o["created_at"] >= "2026-02-01",
        ),
    ],
)
def test_order_search_filters(api, demo, search, keep):
    shop, token = demo["shop"], demo["token"]
    expected = sorted(o["name"] for o in _raw(api, shop, "orders") if keep(o))

    data = api.data(
        shop, token, "query Q($q: String) { orders(first: 250, query: $q) { nodes { name } } }", {"q": search}
    )

    assert sorted(n["name"] for n in data["orders"]["nodes"]) == expected
    assert expected != []


def test_order_search_by_email_and_customer_id(api, demo):
    shop, token = demo["shop"], demo["token"]
    order = _raw(api, shop, "orders")[7]
    expected = sorted(o["name"] for o in _raw(api, shop, "orders") if o["customer_id"] == order["customer_id"])
    query = "query Q($q: String) { orders(first: 100, query: $q) { nodes { name } } }"

    by_email = api.data(shop, token, query, {"q": f"email:{order['email']}"})
    by_customer = api.data(shop, token, query, {"q": f"customer_id:{order['customer_id']}"})

    assert sorted(n["name"] for n in by_email["orders"]["nodes"]) == expected
    assert sorted(n["name"] for n in by_customer["orders"]["nodes"]) == expected


def test_order_with_fulfillments_tracking_and_events(api, demo):
    shop, token = demo["shop"], demo["token"]
    order = next(o for o in _raw(api, shop, "orders") if o["shipping_state"] == "partially_fulfilled")
    query = """query O($id: ID!) { order(id: $id) { name displayFulfillmentStatus
        lineItems(first: 10) { nodes { sku quantity } }
        fulfillments(first: 5) { id status displayStatus trackingInfo(first: 1) { company number url }
          events(first: 20) { nodes { status happenedAt } } } } }"""

    data = api.data(shop, token, query, {"id": f"gid://shopify/Order/{order['id']}"})["order"]

    assert data["name"] == order["name"]
    assert data["displayFulfillmentStatus"] == "PARTIALLY_FULFILLED"
    assert data["lineItems"]["nodes"] == [{"sku": i["sku"], "quantity": i["quantity"]} for i in order["line_items"]]
    assert data["fulfillments"] == [
        {
            "id": f"gid://shopify/Fulfillment/{f['id']}",
            "status": "SUCCESS",
            "displayStatus": f["display_status"],
            "trackingInfo": f["tracking"],
            "events": {"nodes": [{"status": e["status"], "happenedAt": e["happened_at"]} for e in f["events"]]},
        }
        for f in order["fulfillments"]
    ]
    assert [f["displayStatus"] for f in data["fulfillments"]] == ["DELIVERED", "IN_TRANSIT"]


def test_node_and_nodes_resolve_any_type(api, demo):
    shop, token = demo["shop"], demo["token"]
    order = _raw(api, shop, "orders")[0]
    customer_gid = f"gid://shopify/Customer/{order['customer_id']}"
    query = """query N($ids: [ID!]!, $id: ID!) {
        node(id: $id) { __typename id ... on Order { name } }
        nodes(ids: $ids) { __typename ... on Customer { email } ... on Order { name } } }"""
    variables = {
        "id": f"gid://shopify/Order/{order['id']}",
        "ids": [customer_gid, f"gid://shopify/Order/{order['id']}", "gid://shopify/Order/1"],
    }

    data = api.data(shop, token, query, variables)

    assert data == {
        "node": {"__typename": "Order", "id": f"gid://shopify/Order/{order['id']}", "name": order["name"]},
        "nodes": [
            {"__typename": "Customer", "email": order["email"]},
            {"__typename": "Order", "name": order["name"]},
            None,
        ],
    }


def test_big_ids_are_exact_on_the_wire(api, demo):
    shop, token = demo["shop"], demo["token"]
    order = _raw(api, shop, "orders")[-1]
    response = api.graphql(
        shop,
        token,
        "query O($id: ID!) { order(id: $id) { id legacyResourceId } }",
        {"id": f"gid://shopify/Order/{order['id']}"},
    )

    assert order["id"] > 2**53
    assert f'"legacyResourceId":"{order["id"]}"' in response.text
    assert response.json()["data"]["order"]["id"] == f"gid://shopify/Order/{order['id']}"
    raw = api.control.get(f"/_devstore/shops/{shop}/orders/{order['id']}")
    assert f'"id":{order["id"]},' in raw.text
    assert json.loads(raw.text)["id"] == order["id"]


def test_directives_and_variable_defaults(api, demo):
    query = """query D($withName: Boolean = true, $skipEmail: Boolean!) {
        shop { name @include(if: $withName) email @skip(if: $skipEmail) currencyCode } }"""

    data = api.data(demo["shop"], demo["token"], query, {"skipEmail": True})

    assert data == {"shop": {"name": "Demo Store", "currencyCode": "USD"}}


def test_operation_name_picks_the_operation_and_raw_graphql_bodies_work(api, demo):
    shop, token = demo["shop"], demo["token"]
    body = {"query": "query A { shop { name } } query B { shop { currencyCode } }", "operationName": "B"}
    url = f"https://{shop}/admin/api/2026-07/graphql.json"

    named = api.shopify.post(url, json=body, headers={"X-Shopify-Access-Token": token})
    raw = api.shopify.post(
        url,
        content=b"{ shop { ianaTimezone } }",
        headers={"X-Shopify-Access-Token": token, "Content-Type": "application/graphql"},
    )

    assert named.json()["data"] == {"shop": {"currencyCode": "USD"}}
    assert raw.json()["data"] == {"shop": {"ianaTimezone": "America/New_York"}}


def test_unknown_field_is_an_undefined_field_error_without_data(api, demo):
    response = api.graphql(demo["shop"], demo["token"], "query Q {\n  shop { name nope }\n}")

    assert response.status_code == 200
    assert response.json() == {
        "errors": [
            {
                "message": "Field 'nope' doesn't exist on type 'Shop'",
                "locations": [{"line": 2, "column": 15}],
                "path": ["query Q", "shop", "nope"],
                "extensions": {"code": "undefinedField", "typeName": "Shop", "fieldName": "nope"},
            }
        ]
    }


def test_unknown_root_field_and_missing_page_size_are_errors(api, demo):
    unknown = api.graphql(demo["shop"], demo["token"], "{ products(first: 1) { nodes { id } } }").json()
    unpaged = api.graphql(demo["shop"], demo["token"], "{ orders { nodes { id } } }").json()

    assert unknown["errors"][0]["message"] == "Field 'products' doesn't exist on type 'QueryRoot'"
    assert "data" not in unknown
    assert unpaged["errors"][0]["message"] == "you must provide one of first or last"
    assert "data" not in unpaged


def test_syntax_errors_are_reported_like_shopify(api, demo):
    response = api.graphql(demo["shop"], demo["token"], "{ shop { name }")

    assert response.status_code == 200
    assert response.json() == {
        "errors": [{"message": "Syntax Error: Expected Name, found <EOF>.", "locations": [{"line": 1, "column": 16}]}]
    }


@pytest.mark.parametrize("token", [None, "", "shpat_unknown"])
def test_missing_or_unknown_token_is_401(api, demo, token):
    response = api.graphql(demo["shop"], token, "{ shop { name } }")

    assert response.status_code == 401
    assert response.json() == INVALID_TOKEN
    assert api.log(kind="graphql")[-1]["outcome"] == "invalid_token"


def test_token_of_another_shop_is_401(api, demo, shop, token):
    response = api.graphql(demo["shop"], token, "{ shop { name } }")

    assert response.status_code == 401
    assert response.json() == INVALID_TOKEN


def test_unknown_shop_is_404(api):
    response = api.graphql("ghost.myshopify.com", "shpat_x", "{ shop { name } }")

    assert response.status_code == 404
    assert response.json() == {"errors": "Not Found"}


def test_cost_extensions_report_requested_actual_and_bucket(api, shop, token):
    one = api.graphql(shop, token, "{ shop { name plan { displayName } } }").json()
    page = api.graphql(shop, token, "{ customers(first: 20) { edges { node { id amountSpent { amount } } } } }").json()

    assert one["extensions"]["cost"] == {
        "requestedQueryCost": 2,
        "actualQueryCost": 2,
        "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1998.0, "restoreRate": 100.0},
    }
    assert page["extensions"]["cost"]["requestedQueryCost"] == 2 + 20 * 2
    assert page["extensions"]["cost"]["actualQueryCost"] == 2 + 12 * 2  # the shop has 12 customers
    assert page["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"] >= 1998.0 - 26
    entries = api.log(shop=shop, kind="graphql")
    assert [(e["root_fields"], e["status"], e["outcome"]) for e in entries] == [
        (["shop"], 200, "ok"),
        (["customers"], 200, "ok"),
    ]
