"""``/api/admin/settings/sla``: the targets per tier (defaults shown until set), every agent reads,
owners and admins write, refusals write nothing, a shop only sees and changes its own; and the SLA
fields of a conversation in the inbox API."""
from datetime import UTC, datetime

import pytest

from shopapp.models import Role
from support.models import AuditEvent, SlaPolicy
from tests.factories import AgentFactory, ConversationFactory, ShopTokenFactory, SlaPolicyFactory

pytestmark = pytest.mark.django_db

SHOP, OTHER = "shop-a.myshopify.com", "shop-b.myshopify.com"
OWNER, ADMIN, SUPERVISOR, STAFF = "9100000000000801", "9100000000000802", "9100000000000803", "9100000000000804"
URL = "/api/admin/settings/sla"


def tier(first, following, resolution, business_hours=True, default=None):
    shown = {"first_response_minutes": first, "next_response_minutes": following, "resolution_minutes": resolution,
             "business_hours": business_hours}
    return shown if default is None else {**shown, "default": default}


DEFAULTS = {"A": tier(60, 120, 1440, default=True), "B": tier(120, 240, 2880, default=True),
            "C": tier(1440, 1440, 4320, default=True)}


@pytest.fixture
def shop():
    shop = ShopTokenFactory(shop__domain=SHOP).shop
    for user_id, role in ((OWNER, Role.OWNER), (ADMIN, Role.ADMIN), (SUPERVISOR, Role.SUPERVISOR), (STAFF, Role.AGENT)):
        AgentFactory(shop=shop, shopify_user_id=user_id, role=role)
    return shop


@pytest.fixture
def api(client, session_token, shop):
    def call(method, data=None, user_id=OWNER, domain=SHOP, url=URL):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {session_token(domain, user_id)}"}
        if method == "get":
            return client.get(url, **headers)
        return client.put(url, data, content_type="application/json", **headers)

    return call


def test_every_agent_reads_the_defaults_until_set(api):
    response = api("get", user_id=STAFF)
    assert (response.status_code, response.json()) == (200, DEFAULTS)


def test_an_admin_sets_some_tiers_and_the_rest_keep_the_defaults(api, shop):
    response = api("put", {"A": tier(30, 60, 480, business_hours=False)}, user_id=ADMIN)
    assert (response.status_code, response.json()) == (200, {**DEFAULTS, "A": tier(30, 60, 480, False, False)})
    row = SlaPolicy.objects.get(shop=shop)
    assert (row.priority, row.first_response_minutes, row.next_response_minutes, row.resolution_minutes,
            row.business_hours) == ("A", 30, 60, 480, False)
    event = AuditEvent.objects.get(shop=shop)
    assert (event.action, event.data, event.agent.shopify_user_id) == ("settings.sla.updated", {"tiers": ["A"]}, ADMIN)

    api("put", {"A": tier(30, 60, 480, business_hours=False), "C": tier(480, 480, 2880)})
    assert AuditEvent.objects.get(shop=shop, pk__gt=event.pk).data == {"tiers": ["C"]}  # A unchanged
    assert api("put", {"A": None}).json() == {**DEFAULTS, "C": tier(480, 480, 2880, default=False)}
    assert list(SlaPolicy.objects.filter(shop=shop).values_list("priority", flat=True)) == ["C"]
    assert api("put", {}).status_code == 200
    assert AuditEvent.objects.filter(shop=shop).count() == 3  # nothing changed: nothing audited


@pytest.mark.parametrize(("data", "field"), [
    ({"A": tier(0, 60, 480)}, "A"),
    ({"A": tier(30, 60, 60 * 24 * 60 + 1)}, "A"),
    ({"B": {"first_response_minutes": 30}}, "B"),
    ({"A": tier("x", 60, 480)}, "A"),
    ({"D": tier(30, 60, 480)}, "D"),
    ({"A": tier(30, 60, 480), "b": tier(30, 60, 480)}, "b"),
])
def test_bad_values_are_refused_with_the_field_and_nothing_written(api, shop, data, field):
    response = api("put", data)
    assert response.status_code == 400
    assert (response.json()["code"], list(response.json()["fields"])) == ("invalid_input", [field])
    assert not SlaPolicy.objects.exists() and not AuditEvent.objects.exists()


@pytest.mark.parametrize("user_id", [SUPERVISOR, STAFF])
def test_below_admin_may_not_change_them(api, user_id):
    response = api("put", {"A": tier(30, 60, 480)}, user_id=user_id)
    assert response.status_code == 403
    assert not SlaPolicy.objects.exists() and not AuditEvent.objects.exists()


def test_a_shop_sees_and_changes_only_its_own(api):
    other = ShopTokenFactory(shop__domain=OTHER).shop
    AgentFactory(shop=other, shopify_user_id=OWNER, role=Role.OWNER)
    SlaPolicyFactory(shop=other, priority="A", first_response_minutes=5)
    assert api("get").json() == DEFAULTS
    api("put", {"A": tier(45, 90, 600)})
    assert SlaPolicy.objects.get(shop=other).first_response_minutes == 5
    assert api("get", domain=OTHER).json()["A"] == tier(5, 60, 480, True, False)


def test_a_conversation_shows_its_deadlines(api, shop):
    due, resolve = datetime(2026, 3, 9, 10, tzinfo=UTC), datetime(2026, 3, 12, 9, tzinfo=UTC)
    conversation = ConversationFactory(shop=shop, response_due_at=due, response_target="first_response",
                                       resolution_due_at=resolve, sla_level=2, last_activity_at=due)
    detail = api("get", url=f"/api/admin/conversations/{conversation.pk}").json()
    expected = {"response_due_at": "2026-03-09T10:00:00Z", "response_target": "first_response",
                "resolution_due_at": "2026-03-12T09:00:00Z", "sla_level": 2}
    assert {key: detail[key] for key in expected} == expected
    row = api("get", url="/api/admin/conversations").json()["results"][0]
    assert {key: row[key] for key in expected} == expected
    other = ConversationFactory(shop=ShopTokenFactory(shop__domain=OTHER).shop, last_activity_at=due)
    assert api("get", url=f"/api/admin/conversations/{other.pk}").status_code == 404
