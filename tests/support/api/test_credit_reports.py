"""``/api/admin/credit/reports``: exact figures over hand-built grants and orders (months in the shop's
zone, across a DST change; one row per currency; revenue from the mirror), another shop's grants
never counted, a constant number of queries, 403 for agents and 400 for bad months."""
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shopapp.models import Role
from support.models import CreditGrant, CreditPolicy
from tests.factories import AgentFactory, CreditGrantFactory, CustomerFactory, OrderFactory, ShopTokenFactory

pytestmark = pytest.mark.django_db

SHOP, OTHER = "credit-a.myshopify.com", "credit-b.myshopify.com"
OWNER, SUPERVISOR, STAFF = "9100000000000801", "9100000000000802", "9100000000000803"
URL = "/api/admin/credit/reports"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def shop():
    shop = ShopTokenFactory(shop__domain=SHOP, shop__timezone="America/New_York", shop__currency="USD").shop
    AgentFactory(shop=shop, shopify_user_id=OWNER, role=Role.OWNER, name="Olga")
    AgentFactory(shop=shop, shopify_user_id=SUPERVISOR, role=Role.SUPERVISOR, name="Sam")
    AgentFactory(shop=shop, shopify_user_id=STAFF, role=Role.AGENT, name="Alex")
    return shop


@pytest.fixture
def api(client, session_token, shop):
    def call(query="", user_id=SUPERVISOR, domain=SHOP):
        return client.get(f"{URL}{query}", HTTP_AUTHORIZATION=f"Bearer {session_token(domain, user_id)}")

    return call


def order(shop, created: str, total: str, *, presentment=None, cancelled=False):
    fields = {"presentment_currency": presentment[0], "presentment_total_price": presentment[1]} if presentment else {}
    return OrderFactory(shop=shop, customer=CustomerFactory(shop=shop), currency=shop.currency or "USD",
                        total_price=total, shopify_created_at=at(created),
                        cancelled_at=at(created) if cancelled else None, **fields)


def grant(on, state, amount, currency, reason, *, by=None, issued=None, requested=None):
    made = CreditGrantFactory(shop=on.shop, customer=on.customer, order=on, state=state, amount=amount,
                              currency=currency, reason=reason, requested_by=by,
                              issued_at=at(issued) if issued else None)
    if requested:  # requested_at is set on insert
        CreditGrant.objects.filter(pk=made.pk).update(requested_at=at(requested))
    return made


@pytest.fixture
def figures(shop):
    """Issued grants from 31 Dec 2025 to 1 Apr 2026 (New York), other states, revenue, another shop."""
    sam, alex = shop.agents.get(name="Sam"), shop.agents.get(name="Alex")
    january = order(shop, "2026-01-05 15:00", "100.00")
    february = order(shop, "2026-02-10 15:00", "110.00", presentment=("EUR", "100.00"))
    march = order(shop, "2026-03-31 03:30", "50.00")  # 30 March in New York
    older = order(shop, "2025-11-01 15:00", "40.00", presentment=("JPY", "6000.00"))
    order(shop, "2026-02-11 15:00", "1000.00", cancelled=True)  # no revenue
    order(shop, "2026-04-01 04:30", "500.00")  # 1 April 00:30 EDT: after the range
    order(shop, "2026-01-01 04:00", "700.00")  # 31 December 23:00 EST: before it

    grant(january, "issued", "5.00", "USD", "late_delivery", issued="2026-01-10 15:00")  # the app's offer
    grant(january, "issued", "10.00", "USD", "damaged_item", by=sam, issued="2026-02-01 04:30")  # 31 Jan, 23:30 EST
    grant(february, "issued", "7.50", "EUR", "damaged_item", by=alex, issued="2026-02-15 12:00")
    grant(older, "issued", "500.00", "JPY", "goodwill_feedback", issued="2026-02-20 12:00")
    grant(march, "issued", "2.50", "USD", "late_delivery", by=alex, issued="2026-03-01 05:30")  # 1 Mar, 00:30 EST
    grant(march, "issued", "1.25", "USD", "service_recovery", by=sam, issued="2026-04-01 03:30")  # 31 Mar, 23:30 EDT
    grant(january, "issued", "3.00", "USD", "damaged_item", by=sam, issued="2026-01-01 04:00")  # 31 Dec: before
    grant(march, "issued", "4.00", "USD", "damaged_item", by=sam, issued="2026-04-01 04:30")  # 1 Apr: after
    for state in ("approved", "issuing", "uncertain", "failed", "rejected", "awaiting_feedback"):
        grant(january, state, "6.00", "USD", "wrong_item", by=alex, issued="2026-02-02 12:00")
    grant(march, "pending_approval", "20.00", "USD", "wrong_item", by=alex, requested="2026-03-05 10:00")
    grant(march, "pending_approval", "30.00", "USD", "wrong_item", by=sam, requested="2026-02-28 09:15")

    other = ShopTokenFactory(shop__domain=OTHER, shop__currency="USD").shop
    AgentFactory(shop=other, shopify_user_id=SUPERVISOR, role=Role.SUPERVISOR, name="Sam")
    elsewhere = order(other, "2026-02-03 15:00", "999.00")
    grant(elsewhere, "issued", "50.00", "USD", "damaged_item", issued="2026-02-03 16:00")
    grant(elsewhere, "pending_approval", "60.00", "USD", "damaged_item", requested="2026-01-02 10:00")
    return {"sam": sam, "alex": alex}


def test_report_counts_exactly_the_shops_issued_credits_in_its_months(api, figures):
    sam, alex = str(figures["sam"].pk), str(figures["alex"].pk)

    response = api("?from=2026-01&to=2026-03")

    assert response.status_code == 200
    assert response.json() == {
        "from": "2026-01", "to": "2026-03", "timezone": "America/New_York",
        "by_reason": [
            {"reason": "damaged_item", "currency": "EUR", "count": 1, "amount": "7.50"},
            {"reason": "damaged_item", "currency": "USD", "count": 1, "amount": "10.00"},
            {"reason": "goodwill_feedback", "currency": "JPY", "count": 1, "amount": "500.00"},
            {"reason": "late_delivery", "currency": "USD", "count": 2, "amount": "7.50"},
            {"reason": "service_recovery", "currency": "USD", "count": 1, "amount": "1.25"},
        ],
        "by_agent": [
            {"agent_id": sam, "agent": "Sam", "currency": "USD", "count": 2, "amount": "11.25"},
            {"agent_id": alex, "agent": "Alex", "currency": "EUR", "count": 1, "amount": "7.50"},
            {"agent_id": alex, "agent": "Alex", "currency": "USD", "count": 1, "amount": "2.50"},
            {"agent_id": None, "agent": "app", "currency": "JPY", "count": 1, "amount": "500.00"},
            {"agent_id": None, "agent": "app", "currency": "USD", "count": 1, "amount": "5.00"},
        ],
        "by_month": [
            {"month": "2026-01", "currency": "USD", "count": 2, "amount": "15.00"},
            {"month": "2026-02", "currency": "EUR", "count": 1, "amount": "7.50"},
            {"month": "2026-02", "currency": "JPY", "count": 1, "amount": "500.00"},
            {"month": "2026-03", "currency": "USD", "count": 2, "amount": "3.75"},
        ],
        "totals": [
            {"currency": "EUR", "count": 1, "amount": "7.50", "revenue": "100.00", "revenue_share": "0.0750"},
            {"currency": "JPY", "count": 1, "amount": "500.00", "revenue": None, "revenue_share": None},
            {"currency": "USD", "count": 4, "amount": "18.75", "revenue": "150.00", "revenue_share": "0.1250"},
        ],
        "pending_approvals": {"count": 2, "oldest_requested_at": "2026-02-28T09:15:00Z"},
    }


def test_one_month_and_the_other_shops_own_report(api, figures):
    march = api("?from=2026-03&to=2026-03").json()
    assert march["totals"] == [
        {"currency": "USD", "count": 2, "amount": "3.75", "revenue": "50.00", "revenue_share": "0.0750"}]

    other = api("?from=2026-01&to=2026-03", domain=OTHER).json()
    assert other["timezone"] == "America/New_York"  # the factory's zone for the other shop
    assert other["by_reason"] == [{"reason": "damaged_item", "currency": "USD", "count": 1, "amount": "50.00"}]
    assert other["totals"] == [
        {"currency": "USD", "count": 1, "amount": "50.00", "revenue": "999.00", "revenue_share": "0.0501"}]
    assert other["pending_approvals"] == {"count": 1, "oldest_requested_at": "2026-01-02T10:00:00Z"}


def test_a_gift_card_shop_counts_revenue_in_its_own_currency(api, shop, figures):
    CreditPolicy.objects.create(shop=shop, instrument="gift_card")  # gift cards are in the shop's currency

    totals = api("?from=2026-01&to=2026-03").json()["totals"]

    assert totals == [
        {"currency": "EUR", "count": 1, "amount": "7.50", "revenue": None, "revenue_share": None},
        {"currency": "JPY", "count": 1, "amount": "500.00", "revenue": None, "revenue_share": None},
        {"currency": "USD", "count": 4, "amount": "18.75", "revenue": "260.00", "revenue_share": "0.0721"},
    ]


def test_an_empty_report_has_empty_lists(api, shop):
    assert api("?from=2026-01&to=2026-01").json() == {
        "from": "2026-01", "to": "2026-01", "timezone": "America/New_York", "by_reason": [], "by_agent": [],
        "by_month": [], "totals": [], "pending_approvals": {"count": 0, "oldest_requested_at": None},
    }


def test_the_number_of_queries_does_not_grow_with_the_grants(api, shop, figures):
    api("?from=2026-01&to=2026-03")  # warm the session and staff lookups
    with CaptureQueriesContext(connection) as many:
        assert api("?from=2026-01&to=2026-03").status_code == 200
    march = shop.orders.order_by("shopify_created_at").last()
    for _ in range(5):
        grant(march, "issued", "1.00", "USD", "late_delivery", issued="2026-03-10 12:00")
    with CaptureQueriesContext(connection) as more:
        assert api("?from=2026-01&to=2026-03").status_code == 200
    assert len(more.captured_queries) == len(many.captured_queries)
    tables = ("support_creditgrant", "support_order", "support_creditpolicy")
    report = [query["sql"] for query in more.captured_queries if any(table in query["sql"] for table in tables)]
    assert len(report) == 7  # reason, agent, month, totals, policy, revenue, pending


@pytest.mark.parametrize("user_id", [OWNER, SUPERVISOR])
def test_supervisors_and_above_may_read(api, shop, user_id):
    assert api("?from=2026-01&to=2026-01", user_id=user_id).status_code == 200


def test_an_agent_gets_403(api, figures):
    response = api("?from=2026-01&to=2026-03", user_id=STAFF)
    assert response.status_code == 403
    assert "by_reason" not in response.json()
    assert CreditGrant.objects.count() == 18  # a read: nothing written either way


@pytest.mark.parametrize(("query", "code"), [
    ("?from=2026-13&to=2026-12", "bad_month"),
    ("?from=26-01&to=2026-03", "bad_month"),
    ("?from=2026-1&to=2026-03", "bad_month"),
    ("?from=2026-01&to=march", "bad_month"),
    ("?from=2026-04&to=2026-03", "bad_range"),
    ("?from=2023-03&to=2026-03", "range_too_long"),
])
def test_bad_months_are_400_with_a_reason(api, shop, query, code):
    response = api(query)
    assert (response.status_code, response.json()["code"]) == (400, code)


def test_thirty_six_months_is_the_longest_range(api, shop):
    response = api("?from=2023-04&to=2026-03")
    assert (response.status_code, response.json()["from"], response.json()["to"]) == (200, "2023-04", "2026-03")


def test_revenue_share_rounds_half_up_to_four_places(api, shop):
    sold = order(shop, "2026-05-05 15:00", "32.00")
    grant(sold, "issued", "1.00", "USD", "late_delivery", issued="2026-05-06 15:00")  # 0.03125
    assert api("?from=2026-05&to=2026-05").json()["totals"][0]["revenue_share"] == "0.0313"
