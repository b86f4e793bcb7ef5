"""``/api/admin/reports`` and ``/api/admin/reports.csv``: exact figures for a shop in Tokyo (days cut at
its midnight), another shop's rows never counted, the CSV's exact lines with a formula-like agent name
quoted, a constant number of queries, 403 for agents and 400 / 404 for bad input with nothing read."""
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shopapp.models import Role
from support.models import Conversation, TimelineEvent
from tests.factories import AgentFactory, ConversationFactory, MessageFactory, ShopTokenFactory, TimelineEventFactory

pytestmark = pytest.mark.django_db

SHOP, OTHER = "reports-a.myshopify.com", "reports-b.myshopify.com"
OWNER, SUPERVISOR, STAFF, EVE = "9100000000000901", "9100000000000902", "9100000000000903", "9100000000000904"
URL, CSV = "/api/admin/reports", "/api/admin/reports.csv"
MARCH = "?from=2026-03-02&to=2026-03-04"
REPORT_TABLES = ("support_conversation", "support_slaevent", "support_creditgrant")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def shop():
    shop = ShopTokenFactory(shop__domain=SHOP, shop__timezone="Asia/Tokyo").shop
    AgentFactory(shop=shop, shopify_user_id=OWNER, role=Role.OWNER, name="Olga")
    AgentFactory(shop=shop, shopify_user_id=SUPERVISOR, role=Role.SUPERVISOR, name="Sam")
    AgentFactory(shop=shop, shopify_user_id=STAFF, role=Role.AGENT, name="Alex")
    AgentFactory(shop=shop, shopify_user_id=EVE, role=Role.AGENT, name="=SUM(1+1)")
    return shop


@pytest.fixture
def api(client, session_token, shop):
    def call(query="", user_id=SUPERVISOR, domain=SHOP, url=URL, **headers):
        return client.get(f"{url}{query}", HTTP_AUTHORIZATION=f"Bearer {session_token(domain, user_id)}", **headers)

    return call


def conversation(shop, created: str, *, reply=None, resolved=None, rating=None, channel="chat", intent=""):
    """A shopper's message at the start; ``reply`` = (agent, seconds later); ``resolved`` = seconds later."""
    start = at(created)
    row = ConversationFactory(shop=shop, channel=channel, intent=intent, rating=rating,
                              assignee=reply[0] if reply else None, rated_at=start if rating else None)
    Conversation.objects.filter(pk=row.pk).update(created_at=start)
    MessageFactory(conversation=row, kind="shopper", created_at=start)
    if reply:
        MessageFactory(conversation=row, kind="agent", agent=reply[0], created_at=start + timedelta(seconds=reply[1]))
        Conversation.objects.filter(pk=row.pk).update(first_response_at=start + timedelta(seconds=reply[1]))
    if resolved is not None:
        event = TimelineEventFactory(conversation=row, data={"from": "open", "to": "resolved"})
        TimelineEvent.objects.filter(pk=event.pk).update(created_at=start + timedelta(seconds=resolved))
    return row


@pytest.fixture
def figures(shop):
    eve, sam = shop.agents.get(shopify_user_id=EVE), shop.agents.get(shopify_user_id=SUPERVISOR)
    conversation(shop, "2026-03-02 01:00:00", reply=(eve, 90), resolved=900, rating=5, intent="order_status")
    conversation(shop, "2026-03-02 14:59:59", reply=(sam, 30), intent="refund")  # Monday 23:59:59 in Tokyo
    conversation(shop, "2026-03-02 15:00:00", resolved=300, rating=3, channel="email")  # Tuesday 00:00: the bot
    conversation(shop, "2026-03-01 14:59:59", reply=(eve, 5), resolved=10, rating=1)  # Sunday: before the period

    other = ShopTokenFactory(shop__domain=OTHER, shop__timezone="Asia/Tokyo").shop
    zed = AgentFactory(shop=other, shopify_user_id=SUPERVISOR, role=Role.SUPERVISOR, name="Zed")
    conversation(other, "2026-03-02 01:00:00", reply=(zed, 10), resolved=20, rating=1)
    return {"eve": eve, "sam": sam, "zed": zed}


def test_the_report_holds_the_shops_figures_for_its_days(api, figures):
    response = api(MARCH)

    assert response.status_code == 200
    report = response.json()
    assert {key: report[key] for key in ("from", "to", "group", "timezone", "agent_id")} == {
        "from": "2026-03-02", "to": "2026-03-04", "group": "day", "timezone": "Asia/Tokyo", "agent_id": None}
    assert report["summary"] == {
        "conversations": 3, "resolved": 2, "resolution_rate": 0.6667,
        "first_responses": 2, "first_response_median_seconds": 60.0, "first_response_p90_seconds": 84.0,  # 30, 90
        "resolution_median_seconds": 600.0, "resolution_p90_seconds": 840.0,  # 300, 900
        "bot_contained": 1, "containment_rate": 0.5,
        "csat_asked": 2, "csat_rated": 2, "csat_response_rate": 1.0, "csat_score": 0.5, "csat_mean": 4.0,
        "sla_hits": 0, "sla_breaches": 0, "sla_compliance": None,
    }
    assert [(row["period"], row["conversations"], row["resolved"], row["first_response_median_seconds"],
             row["csat_mean"]) for row in report["series"]] == [("2026-03-02", 2, 1, 60.0, 5.0),
                                                                ("2026-03-03", 1, 1, None, 3.0)]
    assert report["volume"]["by_channel"] == [{"channel": "chat", "conversations": 2},
                                              {"channel": "email", "conversations": 1}]
    assert [row["conversations"] for row in report["volume"]["by_hour"]][:2] == [1, 0]  # Tuesday 00:00
    assert report["volume"]["by_hour"][23] == {"hour": 23, "conversations": 1}  # Monday 23:59:59
    assert report["agents"] == [
        {"agent_id": str(figures["sam"].pk), "agent": "Sam", "conversations": 1, "resolved": 0, "first_responses": 1,
         "first_response_median_seconds": 30.0, "csat_rated": 0, "csat_score": None, "csat_mean": None},
        {"agent_id": str(figures["eve"].pk), "agent": "=SUM(1+1)", "conversations": 1, "resolved": 1,
         "first_responses": 1, "first_response_median_seconds": 90.0, "csat_rated": 1, "csat_score": 1.0,
         "csat_mean": 5.0},
    ]  # as many conversations each: in the order of the agents' ids
    assert report["credits"] == {"totals": [], "series": []}


def test_the_agent_filter_and_the_other_shops_own_report(api, figures):
    eve = api(f"{MARCH}&agent={figures['eve'].pk}&group=week").json()
    assert (eve["agent_id"], eve["summary"]["conversations"], eve["summary"]["csat_mean"]) == (
        str(figures["eve"].pk), 1, 5.0)
    assert [(row["period"], row["conversations"]) for row in eve["series"]] == [("2026-03-02", 1)]

    other = api(MARCH, domain=OTHER).json()
    assert (other["summary"]["conversations"], other["summary"]["csat_mean"]) == (1, 1.0)
    assert [row["agent"] for row in other["agents"]] == ["Zed"]


def test_the_csv_has_exact_sections_and_quotes_formulas(api, figures):
    eve, sam = figures["eve"].pk, figures["sam"].pk

    response = api(MARCH, url=CSV, HTTP_ACCEPT="text/csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="support-report-2026-03-02-2026-03-04.csv"'
    lines = response.content.decode().split("\r\n")
    assert lines[:7] == [
        "report", "from,to,group,timezone,agent_id", "2026-03-02,2026-03-04,day,Asia/Tokyo,", "",
        "summary",
        "conversations,resolved,resolution_rate,first_responses,first_response_median_seconds,"
        "first_response_p90_seconds,resolution_median_seconds,resolution_p90_seconds,bot_contained,containment_rate,"
        "csat_asked,csat_rated,csat_response_rate,csat_score,csat_mean,sla_hits,sla_breaches,sla_compliance",
        "3,2,0.6667,2,60.0,84.0,600.0,840.0,1,0.5,2,2,1.0,0.5,4.0,0,0,",
    ]
    assert lines[8:10] == ["by_period", "period," + lines[5]]
    agents = lines[lines.index("agents"):]
    assert agents == ["agents", "agent_id,agent,conversations,resolved,first_responses,first_response_median_seconds,"
                      "csat_rated,csat_score,csat_mean", f"{sam},Sam,1,0,1,30.0,0,,",
                      f"{eve},'=SUM(1+1),1,1,1,90.0,1,1.0,5.0", ""]
    assert [line for line in lines if line.endswith(("by_intent", "intent,conversations"))] == [
        "by_intent", "intent,conversations"]
    assert lines[lines.index("by_intent") + 2:lines.index("by_intent") + 5] == [
        ",1", "order_status,1", "refund,1"]  # no intent is an empty cell


def test_the_number_of_queries_does_not_grow_with_the_conversations(api, shop, figures, django_assert_num_queries):
    api(MARCH)  # the session's agent is looked up and seen
    with CaptureQueriesContext(connection) as three:
        assert api(MARCH).status_code == 200
    for number in range(27):
        conversation(shop, f"2026-03-03 0{number % 10}:00:00", reply=(figures["eve"], 60 + number), resolved=600,
                     rating=number % 5 + 1)
    with django_assert_num_queries(len(three.captured_queries)):
        thirty = api(MARCH)
    assert thirty.json()["summary"]["conversations"] == 30
    report = [query for query in three.captured_queries if any(table in query["sql"] for table in REPORT_TABLES)]
    assert len(report) == 4


@pytest.mark.parametrize("user_id", [OWNER, SUPERVISOR])
def test_supervisors_and_above_may_read_both(api, shop, user_id):
    assert api(MARCH, user_id=user_id).status_code == 200
    assert api(MARCH, user_id=user_id, url=CSV).status_code == 200


def _nothing_read(queries) -> bool:
    return not [query for query in queries if any(table in query["sql"] for table in REPORT_TABLES)]


@pytest.mark.parametrize("url", [URL, CSV])
def test_an_agent_gets_403_and_nothing_else(api, figures, url):
    with CaptureQueriesContext(connection) as queries:
        response = api(MARCH, user_id=STAFF, url=url)

    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "only supervisors, admins and owners can see reports",
                               "code": "permission_denied"}
    assert _nothing_read(queries.captured_queries)


@pytest.mark.parametrize(("query", "code"), [
    ("?from=2026-3-02&to=2026-03-04", "bad_date"),
    ("?from=2026-03-02&to=2026-02-30", "bad_date"),
    ("?from=02/03/2026", "bad_date"),
    ("?from=2026-03-02&to=2026-03-04&group=year", "bad_group"),
    ("?from=2026-03-04&to=2026-03-04", "bad_range"),
    ("?from=2026-03-05&to=2026-03-04", "bad_range"),
    ("?from=2025-01-01&to=2026-02-06", "range_too_long"),
    ("?from=2026-03-02&to=2026-03-04&agent=me", "bad_agent"),
])
@pytest.mark.parametrize("url", [URL, CSV])
def test_bad_input_is_400_with_a_reason_and_nothing_else(api, figures, query, code, url):
    with CaptureQueriesContext(connection) as queries:
        response = api(query, url=url, HTTP_ACCEPT="text/csv" if url == CSV else "application/json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": f"refused: {code}", "code": code}
    assert _nothing_read(queries.captured_queries)


def test_four_hundred_days_is_the_longest_period(api, shop):
    response = api("?from=2025-01-01&to=2026-02-05&group=month")
    assert (response.status_code, len(response.json()["series"])) == (200, 14)


def test_another_shops_agent_is_404_and_nothing_else(api, figures):
    with CaptureQueriesContext(connection) as queries:
        response = api(f"{MARCH}&agent={figures['zed'].pk}")

    assert response.status_code == 404
    assert _nothing_read(queries.captured_queries)
