"""The Admin GraphQL client against the dev store over real HTTP: throttling, retries, errors."""
import pytest

from shopapp.shopify.client import AdminClient, backoff_delay, collect_user_errors, throttle_wait
from shopapp.shopify.errors import ShopifyQueryError, ShopifyServerError


def graphql_calls(devstore_log):
    return [e for e in devstore_log() if e["kind"] == "graphql"]


def test_throttle_wait_from_cost_figures():
    body = {
        "errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}],
        "extensions": {"cost": {"requestedQueryCost": 752, "actualQueryCost": None,
                                "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 552,
                                                   "restoreRate": 100.0}}},
    }
    assert throttle_wait(body) == pytest.approx(2.0)
    assert throttle_wait({"errors": [{"message": "Field missing"}]}) is None
    assert throttle_wait({"data": {}}) is None


def test_backoff_grows_and_user_errors_are_collected():
    assert 0.1 <= backoff_delay(0, 0.1) <= 0.125
    assert 0.4 <= backoff_delay(2, 0.1) <= 0.5
    data = {"storeCreditAccountCredit": {"userErrors": [{"field": ["id"], "message": "x", "code": "Y"}]}}
    assert collect_user_errors(data) == [{"field": ["id"], "message": "x", "code": "Y"}]
    assert collect_user_errors({"shop": {"name": "A"}}) == []


@pytest.mark.django_db
def test_query_returns_data(installed_shop, devstore_log):
    data = AdminClient(installed_shop).execute("ShopInfo")
    assert data["shop"]["myshopifyDomain"] == installed_shop.domain
    assert data["shop"]["currencyCode"] == "USD"
    assert len(graphql_calls(devstore_log)) == 1


@pytest.mark.django_db
def test_throttled_query_waits_and_retries(installed_shop, devstore_fault, devstore_log):
    devstore_fault("throttle", count=1)
    data = AdminClient(installed_shop).execute("ShopInfo")
    assert data["shop"]["name"] == installed_shop.name
    statuses = [e.get("outcome") for e in graphql_calls(devstore_log)]
    assert len(statuses) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["http_502", "http_503", "http_500"])
def test_server_errors_are_retried(installed_shop, devstore_fault, devstore_log, kind):
    devstore_fault(kind, count=2)
    assert AdminClient(installed_shop).execute("ShopInfo")["shop"]["myshopifyDomain"] == installed_shop.domain
    assert len(graphql_calls(devstore_log)) == 3


@pytest.mark.django_db
def test_server_errors_give_up_after_the_bound(installed_shop, devstore_fault, devstore_log, settings):
    settings.SHOPIFY_MAX_RETRIES = 2
    devstore_fault("http_503", count=10)
    with pytest.raises(ShopifyServerError) as caught:
        AdminClient(installed_shop).execute("ShopInfo")
    assert caught.value.retryable is True
    assert caught.value.code == "http_error_503"
    assert len(graphql_calls(devstore_log)) == 3


@pytest.mark.django_db
def test_timeouts_are_retried_for_queries(installed_shop, devstore_fault, devstore_log, settings):
    settings.SHOPIFY_HTTP_TIMEOUT = 0.5
    devstore_fault("timeout", count=1, delay=2)
    assert AdminClient(installed_shop).execute("ShopInfo")["shop"]["myshopifyDomain"] == installed_shop.domain
    assert len(graphql_calls(devstore_log)) == 2


@pytest.mark.django_db
def test_graphql_errors_are_typed_and_not_retried(installed_shop, devstore_log, tmp_path, monkeypatch):
    from shopapp.shopify import client as client_module

    (tmp_path / "Broken.graphql").write_text("query Broken { shop { noSuchField } }")
    monkeypatch.setattr(client_module, "OPERATIONS_DIR", tmp_path)
    client_module.load_operation.cache_clear()
    try:
        with pytest.raises(ShopifyQueryError) as caught:
            AdminClient(installed_shop).execute("Broken")
    finally:
        client_module.load_operation.cache_clear()
    assert caught.value.retryable is False
    assert "noSuchField" in caught.value.errors[0]["message"]
    assert len(graphql_calls(devstore_log)) == 1
