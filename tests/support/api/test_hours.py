"""``/api/admin/settings/hours``: every agent reads the shop's business hours, owners and admins
replace them; refusals (role, bad input) write nothing, and a shop only ever sees its own hours."""
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from shopapp.models import Role
from support.api import hours as hours_api
from support.models import AuditEvent, BusinessHours
from tests.factories import AgentFactory, BusinessHoursFactory, ShopTokenFactory

pytestmark = pytest.mark.django_db

SHOP, OTHER = "shop-a.myshopify.com", "shop-b.myshopify.com"
OWNER, ADMIN, SUPERVISOR, STAFF = "9100000000000701", "9100000000000702", "9100000000000703", "9100000000000704"
URL = "/api/admin/settings/hours"
# Thursday 2 April 2026, 18:30 in Berlin: the Easter weekend ahead (Good Friday, Easter Monday).
NOW = datetime(2026, 4, 2, 16, 30, tzinfo=UTC)
HOURS = {
    "timezone": "Europe/Berlin",
    "weekly": {day: [["14:00", "18:00"], ["09:00", "12:00"]] for day in ("mon", "tue", "wed", "thu", "fri")},
    "holiday_countries": ["de"],
    "holiday_subdivision": "by",
    "closed_dates": ["2026-12-31", "2026-12-24"],
    "greeting_enabled": False,
}
STORED = {
    "timezone": "Europe/Berlin",
    "weekly": {**{day: [["09:00", "12:00"], ["14:00", "18:00"]] for day in ("mon", "tue", "wed", "thu", "fri")},
               "sat": [], "sun": []},
    "holiday_countries": ["DE"],
    "holiday_subdivision": "BY",
    "closed_dates": ["2026-12-24", "2026-12-31"],
}
SHOWN = {**STORED, "greeting_enabled": False, "out_of_hours_enabled": True, "open_now": False,
         "next_opening": "2026-04-07T09:00:00+02:00"}


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setattr(hours_api, "timezone", SimpleNamespace(now=lambda: NOW))


@pytest.fixture
def shop():
    shop = ShopTokenFactory(shop__domain=SHOP, shop__timezone="America/New_York").shop
    for user_id, role in ((OWNER, Role.OWNER), (ADMIN, Role.ADMIN), (SUPERVISOR, Role.SUPERVISOR), (STAFF, Role.AGENT)):
        AgentFactory(shop=shop, shopify_user_id=user_id, role=role)
    return shop


@pytest.fixture
def other_shop():
    other = ShopTokenFactory(shop__domain=OTHER, shop__timezone="Asia/Tokyo").shop
    AgentFactory(shop=other, shopify_user_id=OWNER, role=Role.OWNER)
    return other


@pytest.fixture
def api(client, session_token, shop):
    def call(method, data=None, user_id=OWNER, domain=SHOP):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {session_token(domain, user_id)}"}
        if method == "get":
            return client.get(URL, **headers)
        return client.put(URL, data, content_type="application/json", **headers)

    return call


def stored(row: BusinessHours) -> dict:
    return {**row.schedule_data(), "greeting_enabled": row.greeting_enabled,
            "out_of_hours_enabled": row.out_of_hours_enabled}


def test_a_shop_without_hours_shows_every_day_open_in_its_own_zone(api, shop):
    response = api("get", user_id=STAFF)

    assert response.status_code == 200
    assert response.json() == {
        "timezone": "America/New_York",
        "weekly": {day: [["00:00", "24:00"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
        "holiday_countries": [], "holiday_subdivision": None, "closed_dates": [],
        "greeting_enabled": True, "out_of_hours_enabled": True,
        "open_now": True, "next_opening": "2026-04-02T12:30:00-04:00",
    }
    assert not BusinessHours.objects.exists()


def test_round_trip_stores_the_normalized_hours_and_audits_them(api, shop):
    owner = shop.agents.get(shopify_user_id=OWNER)

    saved = api("put", HOURS)
    read = api("get", user_id=STAFF)

    assert (saved.status_code, saved.json()) == (200, SHOWN)
    assert (read.status_code, read.json()) == (200, SHOWN)
    row = BusinessHours.objects.get(shop=shop)
    assert stored(row) == {**STORED, "greeting_enabled": False, "out_of_hours_enabled": True}
    assert list(AuditEvent.objects.values_list("shop_id", "action", "actor", "agent_id", "target", "data")) == [
        (shop.pk, "settings.hours.updated", "agent", owner.pk, "business_hours",
         {"fields": ["closed_dates", "greeting_enabled", "holiday_countries", "holiday_subdivision",
                     "out_of_hours_enabled", "timezone", "weekly"]}),
    ]


def test_a_second_put_records_only_what_changed_and_a_same_one_nothing(api, shop):
    admin = shop.agents.get(shopify_user_id=ADMIN)
    api("put", HOURS)

    changed = api("put", {**STORED, "out_of_hours_enabled": False}, user_id=ADMIN)
    same = api("put", {**STORED, "out_of_hours_enabled": False}, user_id=ADMIN)

    assert changed.status_code == same.status_code == 200
    assert same.json() == {**SHOWN, "out_of_hours_enabled": False}  # greeting_enabled left out: kept
    assert list(AuditEvent.objects.order_by("pk").values_list("agent_id", "data"))[1:] == [
        (admin.pk, {"fields": ["out_of_hours_enabled"]}),
    ]


def test_open_now_follows_the_schedule(api, shop, monkeypatch):
    api("put", HOURS)
    states = []
    for now in (datetime(2026, 4, 7, 8, 0, tzinfo=UTC), datetime(2026, 4, 7, 10, 0, tzinfo=UTC)):  # 10:00, 12:00 CEST
        monkeypatch.setattr(hours_api, "timezone", SimpleNamespace(now=lambda now=now: now))
        body = api("get").json()
        states.append((body["open_now"], body["next_opening"]))

    assert states == [(True, "2026-04-07T10:00:00+02:00"), (False, "2026-04-07T14:00:00+02:00")]


@pytest.mark.parametrize("user_id", [SUPERVISOR, STAFF])
def test_below_admin_cannot_change_hours_and_nothing_is_written(api, shop, user_id):
    response = api("put", HOURS, user_id=user_id)

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert not BusinessHours.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_refused_change_leaves_existing_hours_alone(api, shop):
    row = BusinessHoursFactory(shop=shop)
    before = stored(row)

    assert api("put", HOURS, user_id=STAFF).status_code == 403

    row.refresh_from_db()
    assert stored(row) == before
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(("change", "code"), [
    ({"timezone": "Mars/Olympus_Mons"}, "invalid_timezone"),
    ({"weekly": {"mon": [["9am", "17:00"]]}}, "invalid_time"),
    ({"weekly": {"mon": [["18:00", "09:00"]]}}, "reversed_interval"),
    ({"weekly": {"mon": [["09:00", "12:00"], ["11:00", "18:00"]]}}, "overlapping_intervals"),
    ({"weekly": {"monday": [["09:00", "12:00"]]}}, "invalid_weekday"),
    ({"holiday_countries": ["XX"]}, "unknown_country"),
    ({"holiday_subdivision": "Atlantis"}, "unknown_subdivision"),
    ({"closed_dates": ["2026-02-30"]}, "invalid_date"),
    ({"greeting_enabled": "yes"}, "invalid_switch"),
])
def test_bad_hours_are_refused_with_a_reason_and_nothing_is_written(api, shop, change, code):
    row = BusinessHoursFactory(shop=shop)
    before = stored(row)

    response = api("put", {**HOURS, **change})

    assert response.status_code == 400
    assert response.json()["code"] == code
    row.refresh_from_db()
    assert stored(row) == before
    assert not AuditEvent.objects.exists()


def test_a_body_that_is_not_an_object_is_refused(api, shop):
    response = api("put", [HOURS])

    assert (response.status_code, response.json()["code"]) == (400, "invalid_schedule")
    assert not BusinessHours.objects.exists()


def test_a_shop_only_sees_and_changes_its_own_hours(api, shop, other_shop):
    api("put", HOURS)

    seen = api("get", domain=OTHER)
    changed = api("put", {**HOURS, "timezone": "Asia/Tokyo", "weekly": {"sat": [["10:00", "16:00"]]}}, domain=OTHER)

    assert seen.status_code == 200
    assert (seen.json()["timezone"], seen.json()["holiday_countries"]) == ("Asia/Tokyo", [])
    assert changed.status_code == 200
    assert stored(BusinessHours.objects.get(shop=shop)) == {**STORED, "greeting_enabled": False,
                                                           "out_of_hours_enabled": True}
    assert BusinessHours.objects.get(shop=other_shop).weekly["sat"] == [["10:00", "16:00"]]
    assert api("get").json() == SHOWN
    assert set(AuditEvent.objects.values_list("shop_id", flat=True)) == {shop.pk, other_shop.pk}


def test_reading_takes_a_constant_number_of_queries(api, shop, django_assert_num_queries):
    BusinessHoursFactory(shop=shop)
    with django_assert_num_queries(3):  # shop, agent, hours
        assert api("get", user_id=STAFF).status_code == 200


def test_the_schema_lists_both_operations(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    operations = schema["paths"]["/api/admin/settings/hours"]
    assert (operations["get"]["operationId"], operations["put"]["operationId"]) == (
        "admin_settings_hours", "admin_settings_hours_update"
    )
    assert set(operations["put"]["responses"]) == {"200", "400", "401", "403", "503"}
