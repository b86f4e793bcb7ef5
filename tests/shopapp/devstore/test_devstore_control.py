"""The control API under /_devstore/ and shop resolution."""

import jwt
import pytest

API_KEY = "devstore-test-api-key"  # as in conftest.py
API_SECRET = "devstore-test-api-secret-0123456789abcdef"


def test_health(api):
    response = api.control.get("/_devstore/health")

    assert response.status_code == 200
    assert response.json() == {"ok": True}


@pytest.mark.parametrize("origin", ["http://localhost:5173", "http://127.0.0.1:8000", "http://localhost"])
def test_cors_allows_local_origins(api, origin):
    preflight = api.control.options("/_devstore/session-token", headers={"Origin": origin})
    response = api.control.get("/_devstore/health", headers={"Origin": origin})

    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == origin
    assert preflight.headers["access-control-allow-methods"] == "GET, POST, DELETE, OPTIONS"
    assert response.headers["access-control-allow-origin"] == origin


@pytest.mark.parametrize("origin", ["https://localhost:5173", "http://evil.example", "http://localhost.evil.example"])
def test_cors_refuses_other_origins(api, origin):
    response = api.control.get("/_devstore/health", headers={"Origin": origin})

    assert "access-control-allow-origin" not in response.headers


def test_session_token_is_minted_like_app_bridge(api, shop):
    owner = api.state(shop)["shops"][shop]["staff"][0]

    token = api.control.post("/_devstore/session-token", json={"shop": shop, "ttl": 120}).json()["token"]

    claims = jwt.decode(token, API_SECRET, algorithms=["HS256"], audience=API_KEY)
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    assert sorted(claims) == ["aud", "dest", "exp", "iat", "iss", "jti", "nbf", "sid", "sig", "sub"]
    assert claims["iss"] == f"https://{shop}/admin"
    assert claims["dest"] == f"https://{shop}"
    assert claims["sub"] == str(owner["id"]) == "9100000000000001"
    assert claims["exp"] - claims["iat"] == 120
    assert claims["nbf"] == claims["iat"]


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"shop": "nobody.myshopify.com"}, 404, "unknown shop nobody.myshopify.com"),
        ({"shop": "bad domain!"}, 400, "shop must be a myshopify.com domain"),
        ({"shop": "demo-store.myshopify.com", "user_id": "abc"}, 400, "user_id must be a string of digits"),
        ({"shop": "demo-store.myshopify.com", "ttl": 0}, 400, "ttl must be an integer between 1 and 86400"),
    ],
)
def test_session_token_refusals(api, demo, body, status, error):
    response = api.control.post("/_devstore/session-token", json=body)

    assert response.status_code == status
    assert response.json() == {"error": error}


def test_seed_refusals_create_nothing(api):
    shops_before = api.control.get("/_devstore/shops").json()

    bad_count = api.control.post("/_devstore/shops", json={"shop": "x-shop", "orders": -1})
    bad_day = api.control.post("/_devstore/shops", json={"shop": "x-shop", "today": "yesterday"})
    bad_json = api.control.post("/_devstore/shops", content=b"{", headers={"Content-Type": "application/json"})

    assert (bad_count.status_code, bad_count.json()) == (
        400,
        {"error": "orders must be an integer between 0 and 5000"},
    )
    assert (bad_day.status_code, bad_day.json()) == (400, {"error": "today must be a date (YYYY-MM-DD)"})
    assert (bad_json.status_code, bad_json.json()) == (400, {"error": "body is not valid JSON"})
    assert api.control.get("/_devstore/shops").json() == shops_before


def test_raw_state_endpoints(api, shop):
    customers = api.control.get(f"/_devstore/shops/{shop}/customers").json()["customers"]
    orders = api.control.get(f"/_devstore/shops/{shop}/orders").json()["orders"]
    one = api.control.get(f"/_devstore/shops/{shop}/orders/{orders[2]['id']}").json()
    missing = api.control.get(f"/_devstore/shops/{shop}/orders/1")

    assert len(customers) == 12
    assert len(orders) == 40
    assert one == orders[2]
    assert (missing.status_code, missing.json()) == (404, {"error": "unknown order"})
    assert api.credit(shop) == {"accounts": [], "transactions": [], "gift_cards": []}


def test_unknown_routes_and_methods(api, shop):
    assert api.control.get("/_devstore/nope").json() == {"error": "not found"}
    assert api.control.put("/_devstore/faults").status_code == 405
    assert api.control.get(f"/_devstore/shops/{shop}/uninstall").status_code == 405
    assert api.control.get("/_devstore/shops/ghost.myshopify.com").status_code == 404


def test_shop_is_named_by_host_or_path_prefix(api, shop, token):
    query = {"query": "{ shop { myshopifyDomain } }"}
    headers = {"X-Shopify-Access-Token": token}

    by_prefix = api.control.post(f"/store/{shop}/admin/api/2026-07/graphql.json", json=query, headers=headers)
    without_shop = api.control.post("/admin/api/2026-07/graphql.json", json=query, headers=headers)
    unknown_path = api.shopify.get(f"https://{shop}/admin/products.json", headers=headers)

    assert by_prefix.json()["data"] == {"shop": {"myshopifyDomain": shop}}
    assert (without_shop.status_code, without_shop.json()) == (404, {"errors": "Not Found"})
    assert (unknown_path.status_code, unknown_path.json()) == (404, {"errors": "Not Found"})


def test_request_log_filters_and_clears(api, shop, token, demo):
    api.graphql(shop, token, "{ shop { name } }")
    api.graphql(demo["shop"], demo["token"], "{ shop { name } }")

    mine = api.log(shop=shop)
    graphql = api.log(kind="graphql")
    api.control.delete("/_devstore/log")

    assert [(e["kind"], e["shop"], e.get("root_fields"), e["status"]) for e in mine] == [
        ("token", shop, None, 200),  # the `token` fixture installed the app
        ("graphql", shop, ["shop"], 200),
    ]
    assert [e["shop"] for e in graphql] == [shop, demo["shop"]]
    assert api.log() == []


def test_log_holds_no_secrets(api, shop):
    issued = api.exchange(shop).json()
    api.graphql(shop, issued["access_token"], "{ shop { name } }")

    text = api.control.get("/_devstore/log").text

    assert issued["access_token"] not in text
    assert issued["refresh_token"] not in text
    assert [e["kind"] for e in api.log()] == ["token", "graphql"]


@pytest.mark.live
def test_cli_runs_the_dev_store_with_a_state_file(tmp_path):
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    state = tmp_path / "devstore.json"
    env = {**os.environ, "SHOPIFY_API_KEY": API_KEY, "SHOPIFY_API_SECRET": API_SECRET}
    command = [
        sys.executable,
        "-m",
        "shopapp.devstore",
        "--port",
        str(port),
        "--state",
        str(state),
        "--seed-shop",
        "cli-shop.myshopify.com",
        "--log-level",
        "WARNING",
    ]
    process = subprocess.Popen(command, env=env, cwd=os.getcwd())
    try:
        url = f"http://127.0.0.1:{port}"
        summary = None
        for _ in range(100):  # the shop is seeded just after the server starts listening
            try:
                response = httpx.get(f"{url}/_devstore/shops/cli-shop.myshopify.com", timeout=1)
                if response.status_code == 200:
                    summary = response.json()
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        token = httpx.post(f"{url}/_devstore/session-token", json={"shop": "cli-shop.myshopify.com"}).json()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)

    assert (summary["customers"], summary["orders"]) == (50, 200)
    assert jwt.decode(token["token"], API_SECRET, algorithms=["HS256"], audience=API_KEY)["aud"] == API_KEY
    assert "cli-shop.myshopify.com" in state.read_text()
    assert process.returncode == 0
