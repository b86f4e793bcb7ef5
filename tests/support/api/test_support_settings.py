"""``/api/admin/settings/support``: retention and the high-value threshold; every agent reads, owners
and admins write, refusals write nothing, and a shop only sees and changes its own."""
from decimal import Decimal

import pytest

from shopapp.models import Role
from support.models import AuditEvent, SupportSettings
from tests.factories import AgentFactory, ShopTokenFactory, SupportSettingsFactory

pytestmark = pytest.mark.django_db

SHOP, OTHER = "shop-a.myshopify.com", "shop-b.myshopify.com"
OWNER, ADMIN, STAFF = "9100000000000701", "9100000000000702", "9100000000000704"
URL = "/api/admin/settings/support"


@pytest.fixture
def shop():
    shop = ShopTokenFactory(shop__domain=SHOP).shop
    for user_id, role in ((OWNER, Role.OWNER), (ADMIN, Role.ADMIN), (STAFF, Role.AGENT)):
        AgentFactory(shop=shop, shopify_user_id=user_id, role=role)
    return shop


@pytest.fixture
def api(client, session_token, shop):
    def call(method, data=None, user_id=OWNER, domain=SHOP):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {session_token(domain, user_id)}"}
        if method == "get":
            return client.get(URL, **headers)
        return client.put(URL, data, content_type="application/json", **headers)

    return call


def test_defaults_then_an_admin_changes_them(api, shop):
    followups = {"checkin_after_days": 2, "nudge_after_hours": 24, "resolve_after_hours": 72,
                 "dispute_deadline_hours": 72}
    assert api("get", user_id=STAFF).json() == {"retention_months": 18, "high_value_threshold": None, **followups}
    response = api("put", {"high_value_threshold": "500", "retention_months": 24}, user_id=ADMIN)
    assert (response.status_code, response.json()) == (
        200, {"retention_months": 24, "high_value_threshold": "500.00", **followups})
    row = SupportSettings.objects.get(shop=shop)
    assert (row.retention_months, row.high_value_threshold) == (24, Decimal("500.00"))
    event = AuditEvent.objects.get(shop=shop)
    assert (event.action, event.data) == ("settings.support.updated",
                                          {"fields": ["high_value_threshold", "retention_months"]})
    assert api("put", {"high_value_threshold": None}).json()["high_value_threshold"] is None
    assert api("put", {"nudge_after_hours": 0}).json()["nudge_after_hours"] == 0
    assert api("put", {"retention_months": 24}).status_code == 200
    assert AuditEvent.objects.filter(shop=shop).count() == 3  # nothing changed: nothing audited


@pytest.mark.parametrize("data", [{"retention_months": 0}, {"retention_months": "x"},
                                  {"high_value_threshold": "-1"}, {"high_value_threshold": "abc"},
                                  {"dispute_deadline_hours": 0}, {"checkin_after_days": 61}])
def test_bad_values_are_refused_with_the_field_and_nothing_written(api, shop, data):
    response = api("put", data)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_input" and set(response.json()["fields"]) == set(data)
    assert not SupportSettings.objects.exists() and not AuditEvent.objects.exists()


def test_an_agent_may_not_change_them(api, shop):
    response = api("put", {"retention_months": 6}, user_id=STAFF)
    assert response.status_code == 403
    assert not SupportSettings.objects.exists() and not AuditEvent.objects.exists()


def test_a_shop_sees_and_changes_only_its_own(api, shop):
    other = ShopTokenFactory(shop__domain=OTHER).shop
    AgentFactory(shop=other, shopify_user_id=OWNER, role=Role.OWNER)
    SupportSettingsFactory(shop=other, retention_months=6)
    assert api("get").json()["retention_months"] == 18
    api("put", {"retention_months": 30})
    assert SupportSettings.objects.get(shop=other).retention_months == 6
    assert api("get", domain=OTHER).json()["retention_months"] == 6
