"""The support report over hand-built conversations of a shop in Tokyo (UTC+9): exact figures, medians
and 90th percentiles worked out by hand (linear interpolation, as ``percentile_cont``), days cut at the
shop's midnight, another shop's rows never counted, the agent filter, and four queries however many
conversations."""
from datetime import UTC, date, datetime, timedelta

import pytest
from django.http import Http404

from shopapp.models import Role
from support.models import Conversation, SlaEvent
from support.rules.reports import FIGURES, Period, ReportRefused
from support.selectors.reports import report_agent, report_period_for, support_report
from tests.factories import (
    AgentFactory,
    ConversationFactory,
    CreditGrantFactory,
    FollowUpFactory,
    MessageFactory,
    ShopFactory,
    SlaEventFactory,
    TimelineEventFactory,
)

pytestmark = pytest.mark.django_db

# 2 and 3 March 2026 in Tokyo (a Monday and a Tuesday): from 1 March 15:00 UTC to 3 March 15:00 UTC.
PERIOD = Period(date(2026, 3, 2), date(2026, 3, 4), "day")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class Story:
    """One conversation written message by message, times in seconds after its start."""

    def __init__(self, shop, created: str, *, channel="chat", intent="", assignee=None, rating=None):
        self.start = at(created)
        self.row = ConversationFactory(shop=shop, channel=channel, intent=intent, assignee=assignee, rating=rating,
                                       rated_at=self.start + timedelta(days=2) if rating else None)
        Conversation.objects.filter(pk=self.row.pk).update(created_at=self.start)  # auto_now_add

    def after(self, seconds: int) -> datetime:
        return self.start + timedelta(seconds=seconds)

    def shopper(self, seconds: int):
        MessageFactory(conversation=self.row, kind="shopper", created_at=self.after(seconds))
        return self

    def bot(self, seconds: int):
        MessageFactory(conversation=self.row, kind="bot", created_at=self.after(seconds))
        return self

    def reply(self, agent, seconds: int, *, kind="agent"):
        MessageFactory(conversation=self.row, kind=kind, agent=agent, created_at=self.after(seconds))
        if kind == "agent" and self.row.first_response_at is None:
            self.row.first_response_at = self.after(seconds)
            Conversation.objects.filter(pk=self.row.pk).update(first_response_at=self.row.first_response_at)
        return self

    def status(self, to: str, seconds: int):
        event = TimelineEventFactory(conversation=self.row, data={"from": "open", "to": to})
        type(event).objects.filter(pk=event.pk).update(created_at=self.after(seconds))
        return self


def sla(conversation, kind, target, recorded: str):
    event = SlaEventFactory(conversation=conversation, kind=kind, target=target, due_at=at(recorded))
    SlaEvent.objects.filter(pk=event.pk).update(created_at=at(recorded))


@pytest.fixture
def shop():
    return ShopFactory(timezone="Asia/Tokyo")


@pytest.fixture
def people(shop):
    return {"ann": AgentFactory(shop=shop, name="Ann", role=Role.AGENT),
            "ben": AgentFactory(shop=shop, name="Ben", role=Role.AGENT)}


@pytest.fixture
def stories(shop, people):
    ann, ben = people["ann"], people["ben"]
    c1 = Story(shop, "2026-03-01 15:00:00", intent="order_status", assignee=ann, rating=5)  # Mon 00:00 JST
    c1.shopper(60).reply(ann, 180).status("resolved", 3660)  # first response 120 s, resolution 3600 s
    c2 = Story(shop, "2026-03-02 01:00:00", channel="email", intent="refund", assignee=ben, rating=2)  # Mon 10:00
    c2.reply(ben, 300).reply(ann, 900).status("resolved", 7200)  # no shopper message: from the start
    c3 = Story(shop, "2026-03-02 14:30:00")  # Mon 23:30: the bot alone
    c3.shopper(0).bot(5).status("resolved", 600)
    c4 = Story(shop, "2026-03-02 15:30:00", intent="order_status", assignee=ann, rating=4)  # Tue 00:30
    c4.shopper(0).reply(ann, 600)
    FollowUpFactory(shop=shop, conversation=c4.row, kind="delivery_checkin", status="done")
    c5 = Story(shop, "2026-03-03 02:00:00", intent="order_status", assignee=ann, rating=4)  # Tue 11:00
    c5.shopper(0).reply(ann, 1800).reply(ben, 1900, kind="note").status("resolved", 86400)
    c5.status("open", 90000).status("resolved", 99000)  # reopened: the first resolution counts
    c6 = Story(shop, "2026-03-03 03:00:00", intent="refund")  # Tue 12:00: the shop wrote first
    c6.reply(ben, 0).shopper(100).status("closed", 500)  # closed, never resolved
    FollowUpFactory(shop=shop, conversation=c6.row, kind="delivery_checkin", status="scheduled")
    c7 = Story(shop, "2026-03-03 04:00:00", assignee=ann)  # Tue 13:00: a note, then resolved
    c7.shopper(0).reply(ann, 60, kind="note").status("resolved", 120)

    x1 = Story(shop, "2026-03-01 14:59:59", assignee=ann, rating=1)  # Sun 23:59:59: before the period
    x1.shopper(0).reply(ann, 10).status("resolved", 20)
    x2 = Story(shop, "2026-03-03 15:00:00", rating=1)  # Wed 00:00: after it
    x2.shopper(0).status("resolved", 20)

    sla(c1.row, "hit", "first_response", "2026-03-01 15:05:00")  # Mon
    sla(c2.row, "warning", "first_response", "2026-03-02 01:03:00")
    sla(c2.row, "breach", "first_response", "2026-03-02 01:04:00")
    sla(c2.row, "escalated", "first_response", "2026-03-02 01:05:00")
    sla(x1.row, "breach", "resolution", "2026-03-02 03:00:00")  # an older conversation's breach this Monday
    sla(c3.row, "hit", "first_response", "2026-03-02 14:35:00")  # Mon 23:35
    sla(c4.row, "hit", "first_response", "2026-03-02 15:40:00")  # Tue 00:40
    sla(c5.row, "breach", "next_response", "2026-03-03 05:00:00")
    sla(c5.row, "hit", "resolution", "2026-03-03 10:00:00")
    sla(c1.row, "hit", "resolution", "2026-03-03 15:00:00")  # Wed: after the period

    for amount, currency, state, issued, by in (
        ("10.00", "USD", "issued", "2026-03-01 15:00:00", ann), ("5.50", "USD", "issued", "2026-03-03 14:59:59", ben),
        ("7.50", "EUR", "issued", "2026-03-02 03:00:00", None), ("99.00", "USD", "issued", "2026-03-03 15:00:00", ann),
        ("3.00", "USD", "approved", None, ann),
    ):
        CreditGrantFactory(shop=shop, amount=amount, currency=currency, state=state,
                           issued_at=at(issued) if issued else None, requested_by=by)
    return {"other": _another_shop()}


def _another_shop():
    """Everything counted above, in another shop at the same times: never in this shop's report."""
    other = ShopFactory(timezone="Asia/Tokyo")
    stranger = AgentFactory(shop=other, name="Zed")
    story = Story(other, "2026-03-02 01:00:00", intent="refund", assignee=stranger, rating=1)
    story.shopper(0).reply(stranger, 50).status("resolved", 100)
    FollowUpFactory(shop=other, conversation=story.row, kind="delivery_checkin", status="done")
    sla(story.row, "breach", "first_response", "2026-03-02 02:00:00")
    CreditGrantFactory(shop=other, amount="50.00", currency="USD", state="issued",
                       issued_at=at("2026-03-02 02:00:00"), requested_by=stranger)
    return other


EMPTY_FIGURES = {
    "conversations": 0, "resolved": 0, "resolution_rate": None, "first_responses": 0,
    "first_response_median_seconds": None, "first_response_p90_seconds": None, "resolution_median_seconds": None,
    "resolution_p90_seconds": None, "bot_contained": 0, "containment_rate": None, "csat_asked": 0, "csat_rated": 0,
    "csat_response_rate": None, "csat_score": None, "csat_mean": None, "sla_hits": 0, "sla_breaches": 0,
    "sla_compliance": None,
}


def test_the_summary_counts_the_conversations_started_in_the_shops_days(shop, stories):
    report = support_report(shop, PERIOD)

    assert {key: report[key] for key in ("from", "to", "group", "timezone", "agent_id")} == {
        "from": "2026-03-02", "to": "2026-03-04", "group": "day", "timezone": "Asia/Tokyo", "agent_id": None}
    assert report["summary"] == {
        "conversations": 7, "resolved": 5, "resolution_rate": 0.7143,
        # first responses 120, 300, 600, 1800: median (300 + 600) / 2; p90 at rank 2.7: 600 + 0.7 * 1200
        "first_responses": 4, "first_response_median_seconds": 450.0, "first_response_p90_seconds": 1440.0,
        # resolutions 120, 600, 3600, 7200, 86400: p90 at rank 3.6: 7200 + 0.6 * 79200
        "resolution_median_seconds": 3600.0, "resolution_p90_seconds": 54720.0,
        "bot_contained": 1, "containment_rate": 0.2,
        # asked: 5 resolved + the check-in (also rated); rated 5, 2, 4, 4
        "csat_asked": 6, "csat_rated": 4, "csat_response_rate": 0.6667, "csat_score": 0.75, "csat_mean": 3.75,
        # hits c1, c3, c4, c5; breaches c2, x1 (recorded this Monday), c5
        "sla_hits": 4, "sla_breaches": 3, "sla_compliance": 0.5714,
    }


def test_each_day_is_cut_at_the_shops_midnight(shop, stories):
    monday, tuesday = support_report(shop, PERIOD)["series"]

    assert monday == {
        "period": "2026-03-02", "conversations": 3, "resolved": 3, "resolution_rate": 1.0,
        "first_responses": 2, "first_response_median_seconds": 210.0, "first_response_p90_seconds": 282.0,
        "resolution_median_seconds": 3600.0, "resolution_p90_seconds": 6480.0,  # 600, 3600, 7200
        "bot_contained": 1, "containment_rate": 0.3333,
        "csat_asked": 3, "csat_rated": 2, "csat_response_rate": 0.6667, "csat_score": 0.5, "csat_mean": 3.5,
        "sla_hits": 2, "sla_breaches": 2, "sla_compliance": 0.5,
    }
    assert tuesday == {
        "period": "2026-03-03", "conversations": 4, "resolved": 2, "resolution_rate": 0.5,
        "first_responses": 2, "first_response_median_seconds": 1200.0, "first_response_p90_seconds": 1680.0,
        "resolution_median_seconds": 43260.0, "resolution_p90_seconds": 77772.0,  # 120, 86400
        "bot_contained": 0, "containment_rate": 0.0,
        "csat_asked": 3, "csat_rated": 2, "csat_response_rate": 0.6667, "csat_score": 1.0, "csat_mean": 4.0,
        "sla_hits": 2, "sla_breaches": 1, "sla_compliance": 0.6667,
    }


def test_sla_compliance_per_target(shop, stories):
    assert support_report(shop, PERIOD)["sla"] == [
        {"target": "first_response", "hits": 3, "breaches": 1, "compliance": 0.75, "warnings": 1, "escalations": 1},
        {"target": "next_response", "hits": 0, "breaches": 1, "compliance": 0.0, "warnings": 0, "escalations": 0},
        {"target": "resolution", "hits": 1, "breaches": 1, "compliance": 0.5, "warnings": 0, "escalations": 0},
    ]


def test_volume_by_channel_intent_hour_and_weekday_in_the_shops_zone(shop, stories):
    volume = support_report(shop, PERIOD)["volume"]

    assert volume["by_channel"] == [{"channel": "chat", "conversations": 6}, {"channel": "email", "conversations": 1}]
    assert volume["by_intent"] == [{"intent": "order_status", "conversations": 3},
                                   {"intent": None, "conversations": 2}, {"intent": "refund", "conversations": 2}]
    hours = {row["hour"]: row["conversations"] for row in volume["by_hour"] if row["conversations"]}
    assert hours == {0: 2, 10: 1, 11: 1, 12: 1, 13: 1, 23: 1}
    assert [row["hour"] for row in volume["by_hour"]] == list(range(24))
    assert volume["by_weekday"] == [{"weekday": day, "conversations": count} for day, count in (
        ("mon", 3), ("tue", 4), ("wed", 0), ("thu", 0), ("fri", 0), ("sat", 0), ("sun", 0))]


def test_credits_given_per_currency_and_day(shop, stories):
    assert support_report(shop, PERIOD)["credits"] == {
        "totals": [{"currency": "EUR", "count": 1, "amount": "7.50"},
                   {"currency": "USD", "count": 2, "amount": "15.50"}],
        "series": [{"period": "2026-03-02", "currency": "EUR", "count": 1, "amount": "7.50"},
                   {"period": "2026-03-02", "currency": "USD", "count": 1, "amount": "10.00"},
                   {"period": "2026-03-03", "currency": "USD", "count": 1, "amount": "5.50"}],
    }


def test_per_agent_handled_first_responses_and_csat(shop, people, stories):
    ann, ben = str(people["ann"].pk), str(people["ben"].pk)

    assert support_report(shop, PERIOD)["agents"] == [
        # c1, c2 (a later reply), c4, c5, c7 (assigned); first responses 120, 600, 1800; ratings 5, 2, 4, 4
        {"agent_id": ann, "agent": "Ann", "conversations": 5, "resolved": 4, "first_responses": 3,
         "first_response_median_seconds": 600.0, "csat_rated": 4, "csat_score": 0.75, "csat_mean": 3.75},
        # c2 (first reply 300 s), c6 (wrote first: no response time); a note on c5 is not handling it
        {"agent_id": ben, "agent": "Ben", "conversations": 2, "resolved": 1, "first_responses": 1,
         "first_response_median_seconds": 300.0, "csat_rated": 1, "csat_score": 0.0, "csat_mean": 2.0},
    ]


def test_the_agent_filter_keeps_their_conversations_sla_events_and_credits(shop, people, stories):
    report = support_report(shop, PERIOD, agent=people["ann"])

    assert report["agent_id"] == str(people["ann"].pk)
    summary = report["summary"]
    assert (summary["conversations"], summary["resolved"], summary["first_response_median_seconds"]) == (5, 4, 450.0)
    assert (summary["sla_hits"], summary["sla_breaches"]) == (3, 3)  # not c3's hit: nobody handled c3
    assert report["credits"]["totals"] == [{"currency": "USD", "count": 1, "amount": "10.00"}]
    assert [row["agent"] for row in report["agents"]] == ["Ann"]


def test_weeks_and_months_are_labelled_by_their_first_day(shop, stories):
    week = support_report(shop, Period(date(2026, 3, 2), date(2026, 3, 4), "week"))
    assert [(row["period"], row["conversations"]) for row in week["series"]] == [("2026-03-02", 7)]
    month = support_report(shop, Period(date(2026, 2, 20), date(2026, 3, 5), "month"))
    # 20 February to 4 March: the two outside 2-3 March are 1 March and 4 March in Tokyo
    assert [(row["period"], row["conversations"]) for row in month["series"]] == [("2026-02-01", 0),
                                                                                   ("2026-03-01", 9)]


def test_an_empty_period_has_zeros_and_no_ratios(shop, stories):
    report = support_report(shop, Period(date(2026, 4, 1), date(2026, 4, 3), "day"))

    assert report["summary"] == EMPTY_FIGURES
    assert tuple(report["summary"]) == FIGURES  # the CSV's column order
    assert report["series"] == [{"period": "2026-04-01", **EMPTY_FIGURES}, {"period": "2026-04-02", **EMPTY_FIGURES}]
    assert report["credits"] == {"totals": [], "series": []}
    assert report["agents"] == []
    assert report["volume"]["by_intent"] == []


def test_another_shops_report_holds_only_its_own_rows(stories):
    report = support_report(stories["other"], PERIOD)

    assert (report["summary"]["conversations"], report["summary"]["csat_rated"]) == (1, 1)
    assert (report["summary"]["sla_hits"], report["summary"]["sla_breaches"]) == (0, 1)
    assert report["credits"]["totals"] == [{"currency": "USD", "count": 1, "amount": "50.00"}]
    assert [row["agent"] for row in report["agents"]] == ["Zed"]


def _busy(shop, agent, count: int):
    for number in range(count):
        story = Story(shop, f"2026-03-02 0{number % 10}:00:00", intent="refund", assignee=agent, rating=number % 5 + 1)
        story.shopper(0).reply(agent, 60 + number).status("resolved", 600)
        sla(story.row, "hit", "first_response", "2026-03-02 05:00:00")
        CreditGrantFactory(shop=shop, amount="1.00", currency="USD", state="issued",
                           issued_at=at("2026-03-02 05:00:00"), requested_by=agent)


@pytest.mark.parametrize("count", [3, 30])
def test_four_queries_however_many_conversations(shop, people, django_assert_num_queries, count):
    _busy(shop, people["ann"], count)

    with django_assert_num_queries(4):  # conversations, SLA, credits, agents
        report = support_report(shop, PERIOD, agent=people["ann"])

    assert (report["summary"]["conversations"], report["summary"]["sla_hits"]) == (count, count)


def test_the_agent_to_filter_by_is_one_of_the_shops(shop, people):
    assert report_agent(shop, None) is None
    assert report_agent(shop, str(people["ann"].pk)) == people["ann"]
    for bad in ("x", "-1", "1.5", "9" * 19):
        with pytest.raises(ReportRefused) as refused:
            report_agent(shop, bad)
        assert refused.value.reason == "bad_agent"
    with pytest.raises(Http404):
        report_agent(shop, str(AgentFactory().pk))  # another shop's agent


def test_the_default_period_is_the_last_thirty_days_of_the_shops_calendar(shop):
    tokyo_morning = at("2026-03-02 23:30:00")  # 3 March, 08:30 in Tokyo
    assert report_period_for(shop, first=None, end=None, group=None, now=tokyo_morning) == Period(
        date(2026, 2, 2), date(2026, 3, 4), "day")


def test_days_follow_the_shops_clock_across_a_dst_change():
    new_york = ShopFactory(timezone="America/New_York")  # clocks went forward on Sunday 8 March 2026
    Story(new_york, "2026-03-08 04:30:00")  # Saturday 7 March, 23:30 EST
    Story(new_york, "2026-03-09 04:30:00")  # Monday 9 March, 00:30 EDT
    Story(new_york, "2026-03-10 04:00:00")  # Tuesday 10 March, 00:00 EDT: after the period

    report = support_report(new_york, Period(date(2026, 3, 7), date(2026, 3, 10), "day"))

    assert [(row["period"], row["conversations"]) for row in report["series"]] == [
        ("2026-03-07", 1), ("2026-03-08", 0), ("2026-03-09", 1)]
    hours = {row["hour"]: row["conversations"] for row in report["volume"]["by_hour"] if row["conversations"]}
    assert hours == {0: 1, 23: 1}
    assert [row["weekday"] for row in report["volume"]["by_weekday"] if row["conversations"]] == ["mon", "sat"]
