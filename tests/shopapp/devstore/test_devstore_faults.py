"""Injected faults: throttle, HTTP 5xx, timeouts (before and after execution)."""

import time

import httpx
import pytest

CREDIT = """mutation Credit($id: ID!) { storeCreditAccountCredit(id: $id,
  creditInput: {creditAmount: {amount: "4.00", currencyCode: USD}}) {
    storeCreditAccountTransaction { id } userErrors { code } } }"""
TRANSACTIONS = """query C($id: ID!) { customer(id: $id) { storeCreditAccounts(first: 5) { nodes {
  transactions(first: 10) { nodes { amount { amount currencyCode } createdAt } } } } } }"""
SHOP = "{ shop { name } }"


def _fault(api, **body):
    response = api.control.post("/_devstore/faults", json=body)
    assert response.status_code == 201, response.text
    return response.json()["fault"]


def _customer_gid(api, shop):
    customer = api.control.get(f"/_devstore/shops/{shop}/customers").json()["customers"][0]
    return f"gid://shopify/Customer/{customer['id']}"


@pytest.mark.parametrize(
    ("kind", "status", "body"),
    [
        ("http_500", 500, b'{"errors":"Internal Server Error"}'),
        (
            "http_502",
            502,
            b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
        ),
        ("http_503", 503, b'{"errors":"Service Unavailable"}'),
    ],
)
def test_http_faults_before_execution_apply_nothing(api, shop, token, kind, status, body):
    _fault(api, kind=kind, field="storeCreditAccountCredit")
    gid = _customer_gid(api, shop)

    faulted = api.graphql(shop, token, CREDIT, {"id": gid})
    retried = api.graphql(shop, token, CREDIT, {"id": gid})

    assert faulted.status_code == status
    assert faulted.content == body
    assert retried.status_code == 200
    assert [t["amount"] for t in api.credit(shop)["transactions"]] == ["4.00"]
    entries = api.log(shop=shop, kind="graphql")
    assert [(e["status"], e["outcome"], e.get("applied")) for e in entries] == [
        (status, f"fault:{kind}", None),
        (200, "ok", True),
    ]
    assert api.control.get("/_devstore/faults").json() == {"faults": []}


def test_503_fault_carries_retry_after(api, shop, token):
    _fault(api, kind="http_503")

    response = api.graphql(shop, token, SHOP)

    assert response.headers["retry-after"] == "1"


def test_a_field_fault_leaves_other_root_fields_alone(api, shop, token):
    _fault(api, kind="http_500", field="storeCreditAccountCredit")

    query = api.graphql(shop, token, SHOP)

    assert query.status_code == 200
    assert [f["kind"] for f in api.control.get("/_devstore/faults").json()["faults"]] == ["http_500"]


def test_a_shop_fault_leaves_other_shops_alone(api, shop, token, demo):
    _fault(api, kind="http_500", shop=shop)

    other = api.graphql(demo["shop"], demo["token"], SHOP)
    mine = api.graphql(shop, token, SHOP)

    assert other.status_code == 200
    assert mine.status_code == 500


def test_count_is_the_number_of_requests_faulted(api, shop, token):
    _fault(api, kind="http_500", count=2)

    statuses = [api.graphql(shop, token, SHOP).status_code for _ in range(3)]

    assert statuses == [500, 500, 200]


def test_http_fault_after_execution_applies_the_mutation(api, shop, token):
    _fault(api, kind="http_502", field="storeCreditAccountCredit", when="after")

    response = api.graphql(shop, token, CREDIT, {"id": _customer_gid(api, shop)})

    assert response.status_code == 502
    assert [t["amount"] for t in api.credit(shop)["transactions"]] == ["4.00"]
    assert api.log(shop=shop, kind="graphql")[-1]["outcome"] == "fault:http_502"
    assert api.log(shop=shop, kind="graphql")[-1]["applied"] is True


def test_timeout_before_holds_then_fails_without_applying(api, shop, token):
    _fault(api, kind="timeout", field="storeCreditAccountCredit", delay=0.4)
    started = time.monotonic()

    response = api.graphql(shop, token, CREDIT, {"id": _customer_gid(api, shop)})

    assert time.monotonic() - started >= 0.4
    assert response.status_code == 504
    assert response.json() == {"errors": "Gateway Timeout"}
    assert api.credit(shop)["transactions"] == []


def test_timeout_after_applies_the_mutation_and_the_app_can_reconcile(api, shop, token):
    gid = _customer_gid(api, shop)
    _fault(api, kind="timeout", field="storeCreditAccountCredit", when="after", delay=1.0)

    with pytest.raises(httpx.ReadTimeout):
        api.graphql(shop, token, CREDIT, {"id": gid}, timeout=0.3)
    found = api.data(shop, token, TRANSACTIONS, {"id": gid})

    accounts = found["customer"]["storeCreditAccounts"]["nodes"]
    assert [t["amount"] for t in accounts[0]["transactions"]["nodes"]] == [{"amount": "4.00", "currencyCode": "USD"}]


def test_throttle_fault_empties_the_bucket_once(api, shop, token):
    _fault(api, kind="throttle")

    throttled = api.graphql(shop, token, SHOP).json()
    time.sleep(0.05)
    fine = api.graphql(shop, token, SHOP).json()

    assert throttled["errors"][0]["extensions"]["code"] == "THROTTLED"
    assert throttled["extensions"]["cost"]["throttleStatus"]["currentlyAvailable"] < 1
    assert fine["data"] == {"shop": {"name": fine["data"]["shop"]["name"]}}


def test_token_endpoint_faults_need_the_token_target(api, shop):
    _fault(api, kind="http_503")  # target graphql by default
    _fault(api, kind="http_503", target="token")
    tokens_before = api.state()["tokens"]

    faulted = api.exchange(shop)

    assert faulted.status_code == 503
    assert api.state()["tokens"] == tokens_before
    assert [f["target"] for f in api.control.get("/_devstore/faults").json()["faults"]] == ["graphql"]
    assert api.exchange(shop).status_code == 200


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (
            {"kind": "explode"},
            "kind must be one of throttle, http_500, http_502, http_503, timeout, duplicate_webhook, reorder_webhooks",
        ),
        ({"kind": "http_500", "count": 0}, "count must be a positive integer"),
        ({"kind": "http_500", "when": "during"}, "when must be 'before' or 'after'"),
        ({"kind": "timeout", "delay": -1}, "delay must be a number of seconds between 0 and 600"),
        ({"kind": "http_500", "target": "webhooks"}, "target must be one of graphql, token, any"),
    ],
)
def test_invalid_fault_specifications_are_refused(api, body, error):
    response = api.control.post("/_devstore/faults", json=body)

    assert response.status_code == 400
    assert response.json() == {"error": error}
    assert api.control.get("/_devstore/faults").json() == {"faults": []}


def test_faults_are_listed_and_cleared(api):
    fault = _fault(api, kind="timeout", count=3, shop="demo-store", when="after", delay=2)

    listed = api.control.get("/_devstore/faults").json()
    cleared = api.control.delete("/_devstore/faults").json()

    assert fault == {
        "id": fault["id"],
        "kind": "timeout",
        "count": 3,
        "total": 3,
        "shop": "demo-store.myshopify.com",
        "field": None,
        "when": "after",
        "delay": 2.0,
        "target": "graphql",
    }
    assert listed == {"faults": [fault]}
    assert cleared == {"faults": []}
