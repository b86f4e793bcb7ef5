"""The support report of one shop over a period of its days: response and resolution times, resolution
rate, CSAT, SLA compliance, bot containment, volume, credits given, per agent and per bucket (day, week
or month). Four SQL queries however many conversations (PostgreSQL: ``percentile_cont``, ``GROUPING
SETS``, ``date_trunc`` of local time ``AT TIME ZONE`` the shop's zone), each filtered by the shop.

What is counted where:
- Conversation figures are about the conversations **started** in the period (``created_at``), each in
  the bucket, hour and weekday of its start in the shop's zone, whatever happened to it since:
  - first response time: from the shopper's first message (else the conversation's start) to
    ``first_response_at`` (an agent's first reply); a conversation the shop wrote first is left out;
  - resolution: the first ``conversation.status_changed`` to ``resolved`` on its timeline (written by
    ``actions/conversations.set_status`` and ``bulk_update``, also when the system resolves); a later
    reopening does not undo it, and a conversation closed without being resolved is not resolved.
    Resolution time runs from the same start; resolution rate = resolved / started;
  - bot containment: resolved conversations without a single agent message or internal note;
    containment rate = contained / resolved;
  - CSAT: ``rated`` = conversations with a rating, ``satisfied`` = rated 4 or 5, score = satisfied /
    rated, mean = the average rating. ``asked`` = conversations where the shopper could rate: resolved,
    or with a delivery check-in follow-up (``delivery_checkin``) done, or rated; response rate =
    rated / asked.
- SLA events (``SlaEvent``, written by the SLA engine) count in the bucket of when they were recorded:
  compliance = hits / (hits + breaches), per target and overall.
- Credits given: grants in state ``issued``, in the bucket of ``issued_at``, one row per currency.

An agent's conversations are those assigned to them or where they sent a reply. The agent filter keeps
those conversations (their SLA events too) and the credits the agent requested. Per agent: the
conversations they handled, the first responses they gave (median), and the CSAT of those
conversations."""
from datetime import date, datetime, time

from django.db import connection
from django.http import Http404
from django.utils import timezone

from shopapp.models import Agent, Shop
from support.models import Channel
from support.rules.reports import WEEKDAYS, Period, ReportRefused, mean, ratio, report_period, seconds
from support.selectors.transit import shop_zone

CHECKIN_KIND = "delivery_checkin"
SLA_TARGETS = ("first_response", "next_response", "resolution")

# The conversation is the agent's: assigned to them or replied to by them (always true without a filter).
_AGENTS_CONVERSATION = """(%(agent)s::bigint IS NULL OR c.assignee_id = %(agent)s::bigint OR EXISTS (
        SELECT 1 FROM support_message r
         WHERE r.conversation_id = c.id AND r.kind = 'agent' AND r.agent_id = %(agent)s::bigint))"""

# The queries are joined from constant parts only (S608): every value is a bound parameter.
_COHORT = """
WITH cohort AS (
    SELECT c.id, c.channel, c.intent, c.assignee_id, c.rating, c.first_response_at,
           c.created_at AT TIME ZONE %(tz)s AS local_start,
           COALESCE((SELECT min(m.created_at) FROM support_message m
                      WHERE m.conversation_id = c.id AND m.kind = 'shopper'), c.created_at) AS started_at,
           (SELECT min(t.created_at) FROM support_timelineevent t
             WHERE t.conversation_id = c.id AND t.kind = 'conversation.status_changed'
               AND t.data ->> 'to' = 'resolved') AS resolved_at,
           (SELECT m.agent_id FROM support_message m
             WHERE m.conversation_id = c.id AND m.kind = 'agent' ORDER BY m.id LIMIT 1) AS responder_id,
           EXISTS (SELECT 1 FROM support_message m
                    WHERE m.conversation_id = c.id AND m.kind IN ('agent', 'note')) AS human,
           EXISTS (SELECT 1 FROM support_followup f
                    WHERE f.conversation_id = c.id AND f.kind = %(checkin)s AND f.status = 'done') AS checked_in
      FROM support_conversation c
     WHERE c.shop_id = %(shop)s AND c.created_at >= %(since)s AND c.created_at < %(until)s
       AND """ + _AGENTS_CONVERSATION + """
), measured AS (
    SELECT cohort.*,
           date_trunc(%(unit)s, local_start) AS bucket,
           EXTRACT(HOUR FROM local_start)::int AS hour,
           EXTRACT(ISODOW FROM local_start)::int AS weekday,
           CASE WHEN first_response_at >= started_at
                THEN EXTRACT(EPOCH FROM first_response_at - started_at) END AS first_response,
           CASE WHEN resolved_at >= started_at THEN EXTRACT(EPOCH FROM resolved_at - started_at) END AS resolution,
           (resolved_at IS NOT NULL OR checked_in OR rating IS NOT NULL) AS asked
      FROM cohort
)"""  # noqa: S608

CONVERSATION_FIGURES = _COHORT + """
SELECT CASE WHEN GROUPING(bucket) = 0 THEN 'period' WHEN GROUPING(channel) = 0 THEN 'channel'
            WHEN GROUPING(intent) = 0 THEN 'intent' WHEN GROUPING(hour) = 0 THEN 'hour'
            WHEN GROUPING(weekday) = 0 THEN 'weekday' ELSE 'total' END AS grouped_by,
       bucket, channel, intent, hour, weekday,
       count(*) AS conversations,
       count(resolved_at) AS resolved,
       count(*) FILTER (WHERE resolved_at IS NOT NULL AND NOT human) AS bot_contained,
       count(first_response) AS first_responses,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response) AS first_response_median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response) AS first_response_p90,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution) AS resolution_median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution) AS resolution_p90,
       count(*) FILTER (WHERE asked) AS csat_asked,
       count(rating) AS csat_rated,
       count(*) FILTER (WHERE rating >= 4) AS csat_satisfied,
       avg(rating) AS csat_mean
  FROM measured
 GROUP BY GROUPING SETS ((), (bucket), (channel), (intent), (hour), (weekday))"""

AGENT_FIGURES = _COHORT + """, pairs AS (
    SELECT m.conversation_id AS id, m.agent_id
      FROM support_message m JOIN measured ON measured.id = m.conversation_id
     WHERE m.kind = 'agent' AND m.agent_id IS NOT NULL
    UNION
    SELECT id, assignee_id FROM measured WHERE assignee_id IS NOT NULL
)
SELECT a.id AS agent_id, a.name AS agent,
       count(*) AS conversations,
       count(ms.resolved_at) AS resolved,
       count(ms.first_response) FILTER (WHERE ms.responder_id = a.id) AS first_responses,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ms.first_response)
           FILTER (WHERE ms.responder_id = a.id) AS first_response_median,
       count(ms.rating) AS csat_rated,
       count(*) FILTER (WHERE ms.rating >= 4) AS csat_satisfied,
       avg(ms.rating) AS csat_mean
  FROM pairs p JOIN measured ms ON ms.id = p.id JOIN shopapp_agent a ON a.id = p.agent_id
 WHERE a.shop_id = %(shop)s AND (%(agent)s::bigint IS NULL OR a.id = %(agent)s::bigint)
 GROUP BY a.id, a.name
 ORDER BY conversations DESC, a.id"""  # noqa: S608

SLA_FIGURES = """
SELECT CASE WHEN GROUPING(target) = 0 THEN 'target' WHEN GROUPING(bucket) = 0 THEN 'period'
            ELSE 'total' END AS grouped_by,
       target, bucket,
       count(*) FILTER (WHERE kind = 'hit') AS hits,
       count(*) FILTER (WHERE kind = 'breach') AS breaches,
       count(*) FILTER (WHERE kind = 'warning') AS warnings,
       count(*) FILTER (WHERE kind = 'escalated') AS escalations
  FROM (SELECT e.kind, e.target, date_trunc(%(unit)s, e.created_at AT TIME ZONE %(tz)s) AS bucket
          FROM support_slaevent e JOIN support_conversation c ON c.id = e.conversation_id
         WHERE e.shop_id = %(shop)s AND c.shop_id = %(shop)s
           AND e.created_at >= %(since)s AND e.created_at < %(until)s
           AND """ + _AGENTS_CONVERSATION + """) events
 GROUP BY GROUPING SETS ((), (target), (bucket))"""  # noqa: S608

CREDIT_FIGURES = """
SELECT CASE WHEN GROUPING(bucket) = 0 THEN 'period' ELSE 'total' END AS grouped_by,
       bucket, currency, count(*) AS count, sum(amount) AS amount
  FROM (SELECT g.currency, g.amount, date_trunc(%(unit)s, g.issued_at AT TIME ZONE %(tz)s) AS bucket
          FROM support_creditgrant g
         WHERE g.shop_id = %(shop)s AND g.state = 'issued'
           AND g.issued_at >= %(since)s AND g.issued_at < %(until)s
           AND (%(agent)s::bigint IS NULL OR g.requested_by_id = %(agent)s::bigint)) grants
 GROUP BY GROUPING SETS ((currency), (bucket, currency))
 ORDER BY bucket NULLS FIRST, currency"""


def report_period_for(shop: Shop, *, first: str | None, end: str | None, group: str | None,
                      now: datetime | None = None) -> Period:
    """``rules.reports.report_period`` with today in the shop's zone."""
    today = (now or timezone.now()).astimezone(shop_zone(shop)).date()
    return report_period(first=first, end=end, group=group, today=today)


def report_agent(shop: Shop, agent_id: str | None) -> Agent | None:
    """The agent to filter by: None without one, ``bad_agent`` for a malformed id, 404 for an agent of
    another shop (or none)."""
    if agent_id in (None, ""):
        return None
    if not str(agent_id).isdigit() or len(str(agent_id)) > 18:
        raise ReportRefused("bad_agent")
    agent = Agent.objects.filter(shop_id=shop.pk, pk=int(agent_id)).first()
    if agent is None:
        raise Http404("no such agent")
    return agent


def support_report(shop: Shop, period: Period, *, agent: Agent | None = None) -> dict:
    zone = shop_zone(shop)
    params = {
        "shop": shop.pk, "tz": str(zone), "unit": period.group, "checkin": CHECKIN_KIND,
        "since": datetime.combine(period.first, time(), tzinfo=zone),
        "until": datetime.combine(period.end, time(), tzinfo=zone),
        "agent": agent.pk if agent else None,
    }
    conversations = _rows(CONVERSATION_FIGURES, params)
    sla = _rows(SLA_FIGURES, params)
    buckets = {key: _keyed(rows, "period", "bucket") for key, rows in (("c", conversations), ("s", sla))}
    total_sla = _keyed(sla, "total", "grouped_by").get("total", {})
    return {
        "from": period.first.isoformat(), "to": period.end.isoformat(), "group": period.group,
        "timezone": str(zone), "agent_id": str(agent.pk) if agent else None,
        "summary": _figures(_keyed(conversations, "total", "grouped_by").get("total", {}), total_sla),
        "series": [{"period": day.isoformat(), **_figures(buckets["c"].get(day, {}), buckets["s"].get(day, {}))}
                   for day in period.buckets()],
        "sla": _sla_targets(_keyed(sla, "target", "target")),
        "volume": _volume(conversations),
        "credits": _credits(_rows(CREDIT_FIGURES, params)),
        "agents": [_agent_figures(row) for row in _rows(AGENT_FIGURES, params)],
    }


def _rows(sql: str, params: dict) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _keyed(rows: list[dict], grouped_by: str, key: str) -> dict:
    """The rows of one grouping set by their key (a bucket as its first day)."""
    found = {}
    for row in rows:
        if row["grouped_by"] == grouped_by:
            value = row[key]
            found[value.date() if isinstance(value, datetime) else value] = row
    return found


def _figures(row: dict, sla: dict) -> dict:
    conversations, resolved = row.get("conversations", 0), row.get("resolved", 0)
    rated, asked = row.get("csat_rated", 0), row.get("csat_asked", 0)
    return {
        "conversations": conversations,
        "resolved": resolved,
        "resolution_rate": ratio(resolved, conversations),
        "first_responses": row.get("first_responses", 0),
        "first_response_median_seconds": seconds(row.get("first_response_median")),
        "first_response_p90_seconds": seconds(row.get("first_response_p90")),
        "resolution_median_seconds": seconds(row.get("resolution_median")),
        "resolution_p90_seconds": seconds(row.get("resolution_p90")),
        "bot_contained": row.get("bot_contained", 0),
        "containment_rate": ratio(row.get("bot_contained", 0), resolved),
        "csat_asked": asked,
        "csat_rated": rated,
        "csat_response_rate": ratio(rated, asked),
        "csat_score": ratio(row.get("csat_satisfied", 0), rated),
        "csat_mean": mean(row.get("csat_mean")),
        **_compliance(sla, prefix="sla_"),
    }


def _compliance(row: dict, *, prefix: str = "") -> dict:
    hits, breaches = row.get("hits", 0), row.get("breaches", 0)
    return {f"{prefix}hits": hits, f"{prefix}breaches": breaches,
            f"{prefix}compliance": ratio(hits, hits + breaches)}


def _sla_targets(by_target: dict) -> list[dict]:
    """The three targets first (zero when absent), then any other the engine recorded."""
    targets = list(SLA_TARGETS) + sorted(set(by_target) - set(SLA_TARGETS))
    return [{"target": target, **_compliance(by_target.get(target, {})),
             "warnings": by_target.get(target, {}).get("warnings", 0),
             "escalations": by_target.get(target, {}).get("escalations", 0)} for target in targets]


def _volume(rows: list[dict]) -> dict:
    counts = {kind: {row[kind]: row["conversations"] for row in rows if row["grouped_by"] == kind}
              for kind in ("channel", "intent", "hour", "weekday")}
    channels = list(Channel.values) + sorted(set(counts["channel"]) - set(Channel.values))
    intents = sorted(counts["intent"].items(), key=lambda item: (-item[1], item[0]))
    return {
        "by_channel": [{"channel": name, "conversations": counts["channel"].get(name, 0)} for name in channels],
        "by_intent": [{"intent": name or None, "conversations": count} for name, count in intents],
        "by_hour": [{"hour": hour, "conversations": counts["hour"].get(hour, 0)} for hour in range(24)],
        "by_weekday": [{"weekday": name, "conversations": counts["weekday"].get(number, 0)}
                       for number, name in enumerate(WEEKDAYS, start=1)],
    }


def _credits(rows: list[dict]) -> dict:
    def figures(row):
        return {"currency": row["currency"], "count": row["count"], "amount": str(row["amount"])}

    return {
        "totals": [figures(row) for row in rows if row["grouped_by"] == "total"],
        "series": [{"period": _day(row["bucket"]), **figures(row)} for row in rows if row["grouped_by"] == "period"],
    }


def _agent_figures(row: dict) -> dict:
    return {
        "agent_id": str(row["agent_id"]), "agent": row["agent"],
        "conversations": row["conversations"], "resolved": row["resolved"],
        "first_responses": row["first_responses"],
        "first_response_median_seconds": seconds(row["first_response_median"]),
        "csat_rated": row["csat_rated"],
        "csat_score": ratio(row["csat_satisfied"], row["csat_rated"]),
        "csat_mean": mean(row["csat_mean"]),
    }


def _day(value: datetime | date) -> str:
    return (value.date() if isinstance(value, datetime) else value).isoformat()
