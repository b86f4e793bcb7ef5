"""The SLA clocks with a controlled clock (``now=`` passed explicitly): a Berlin shop open 9-17 on
weekdays. Deadlines start, pause, resume, stop; the warning at 75% and the breach; the escalation
ladder step by step with its events; other shops' policies are never used."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from support import presence, realtime
from support.actions.conversations import bulk_update, set_status, snooze
from support.actions.followups import run_followup
from support.actions.messages import add_internal_note, receive_customer_message, send_agent_reply, send_bot_reply
from support.actions.sla import SLA_KINDS, on_priority_change
from support.models import FollowUp, FollowUpStatus, SlaEvent, TimelineEvent
from support.selectors.locks import lock_conversation
from tests.factories import (
    AgentFactory,
    BusinessHoursFactory,
    ConversationFactory,
    FollowUpFactory,
    ShopFactory,
    SlaPolicyFactory,
)

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


MON_10 = berlin(2026, 3, 9, 10, 0)


@pytest.fixture
def shop():
    shop = ShopFactory(timezone="Europe/Berlin")
    BusinessHoursFactory(shop=shop)  # Mon-Fri 09:00-17:00 Berlin, German holidays
    return shop


@pytest.fixture
def assignee(shop):
    return AgentFactory(shop=shop, name="Ada")


@pytest.fixture
def conversation(shop, assignee):
    return ConversationFactory(shop=shop, priority="A", assignee=assignee, last_activity_at=MON_10)


def write(conversation, at):
    return receive_customer_message(conversation, body="Where is my parcel?", client_id=f"s-{at.timestamp()}",
                                    now=at)[0]


def reply(conversation, agent, at):
    return send_agent_reply(conversation, agent=agent, body="Let me check.", client_id=f"a-{at.timestamp()}", now=at)[0]


def fresh(conversation):
    conversation.refresh_from_db()
    return conversation


def sla_rows(conversation, **filters):
    rows = FollowUp.objects.filter(conversation=conversation, kind__in=SLA_KINDS, **filters).order_by("due_at", "pk")
    return [(row.kind, row.data.get("target"), row.due_at, row.status) for row in rows]


def events(conversation):
    return [(e.kind, e.target, e.due_at, e.agent_id, e.data.get("step"))
            for e in SlaEvent.objects.filter(conversation=conversation).order_by("pk")]


def run_due(at):
    """What the sweep and a worker do at ``at`` for the SLA follow-ups: each due row runs once."""
    ran = []
    for row in FollowUp.objects.filter(kind__in=SLA_KINDS, status=FollowUpStatus.SCHEDULED,
                                       due_at__lte=at).order_by("due_at", "pk"):
        FollowUp.objects.filter(pk=row.pk).update(status=FollowUpStatus.QUEUED, queued_at=at)
        ran.append((row.kind, run_followup(row.pk, at)))
    return ran


# --- starting the clocks ----------------------------------------------------------------------------

def test_the_first_message_starts_the_first_response_and_resolution_clocks(conversation):
    write(conversation, MON_10)
    conversation = fresh(conversation)
    assert (conversation.response_target, conversation.response_due_at) == ("first_response", berlin(2026, 3, 9, 11))
    assert conversation.resolution_due_at == berlin(2026, 3, 12, 10)  # 24 business hours: three 8-hour days
    S = FollowUpStatus.SCHEDULED
    assert sla_rows(conversation) == [
        ("sla_warning", "first_response", berlin(2026, 3, 9, 10, 45), S),
        ("sla_breach", "first_response", berlin(2026, 3, 9, 11), S),
        ("sla_warning", "resolution", berlin(2026, 3, 11, 12), S),  # 18 of the 24 business hours
        ("sla_breach", "resolution", berlin(2026, 3, 12, 10), S),
    ]
    breach = FollowUp.objects.get(conversation=conversation, kind="sla_breach", data__target="first_response")
    assert breach.key == f"sla:{conversation.pk}:first_response:2026-03-09T10:00:00+00:00:sla_breach"
    assert breach.data == {"target": "first_response", "due_at": "2026-03-09T10:00:00+00:00"}
    assert breach.shop_id == conversation.shop_id


def test_a_message_on_friday_afternoon_is_due_on_monday(conversation):
    write(conversation, berlin(2026, 3, 6, 16, 30))
    assert fresh(conversation).response_due_at == berlin(2026, 3, 9, 9, 30)


def test_more_messages_while_a_response_is_due_change_nothing(conversation):
    write(conversation, MON_10)
    write(conversation, berlin(2026, 3, 9, 10, 40))
    conversation = fresh(conversation)
    assert conversation.response_due_at == berlin(2026, 3, 9, 11)
    assert FollowUp.objects.filter(conversation=conversation).filter(kind__in=SLA_KINDS).count() == 4


def test_bot_replies_and_internal_notes_do_not_stop_the_clock(conversation, assignee):
    write(conversation, MON_10)
    send_bot_reply(conversation, body="We are on it.", key="greeting", client_id="bot-1")
    add_internal_note(conversation, agent=assignee, body="VIP", client_id="note-1")
    conversation = fresh(conversation)
    assert (conversation.response_due_at, conversation.sla_paused_at) == (berlin(2026, 3, 9, 11), None)
    assert not SlaEvent.objects.exists()


def test_a_shops_own_policy_is_used_and_another_shops_never(conversation, shop):
    other = ShopFactory()
    SlaPolicyFactory(shop=other, priority="A", first_response_minutes=5, resolution_minutes=10)
    write(conversation, MON_10)
    assert fresh(conversation).response_due_at == berlin(2026, 3, 9, 11)  # the defaults
    mine = ConversationFactory(shop=shop, priority="A", last_activity_at=MON_10)
    SlaPolicyFactory(shop=shop, priority="A", first_response_minutes=30, resolution_minutes=24 * 60,
                     business_hours=False)
    write(mine, berlin(2026, 3, 6, 16, 45))  # calendar hours: Friday evening counts
    mine = fresh(mine)
    assert (mine.response_due_at, mine.resolution_due_at) == (berlin(2026, 3, 6, 17, 15), berlin(2026, 3, 7, 16, 45))


# --- the response -------------------------------------------------------------------------------------

def test_a_reply_in_time_is_a_hit_and_stops_the_response_follow_ups(conversation, assignee):
    write(conversation, MON_10)
    reply(conversation, assignee, berlin(2026, 3, 9, 10, 30))
    conversation = fresh(conversation)
    assert events(conversation) == [("hit", "first_response", berlin(2026, 3, 9, 11), assignee.pk, None)]
    assert SlaEvent.objects.get().data == {"at": "2026-03-09T09:30:00+00:00"}
    assert (conversation.response_due_at, conversation.response_target) == (None, "")
    # Pending now: the resolution clock stops too.
    assert (conversation.status, conversation.sla_paused_at) == ("pending", berlin(2026, 3, 9, 10, 30))
    outcomes = dict(FollowUp.objects.filter(conversation=conversation, kind__in=SLA_KINDS)
                    .values_list("key", "outcome"))
    assert sorted(outcomes.values()) == ["sla_paused", "sla_paused", "sla_responded", "sla_responded"]
    assert not FollowUp.objects.filter(kind__in=SLA_KINDS, status=FollowUpStatus.SCHEDULED).exists()


def test_a_late_reply_is_one_breach_whether_or_not_the_breach_ran(conversation, assignee, shop):
    write(conversation, MON_10)
    reply(conversation, assignee, berlin(2026, 3, 9, 11, 5))  # the breach follow-up had not run yet
    assert events(conversation) == [("breach", "first_response", berlin(2026, 3, 9, 11), assignee.pk, None)]

    other = ConversationFactory(shop=shop, priority="A", assignee=assignee, last_activity_at=MON_10)
    write(other, MON_10)
    assert run_due(berlin(2026, 3, 9, 11)) == [("sla_warning", "warned"), ("sla_breach", "breached")]
    reply(other, AgentFactory(shop=shop), berlin(2026, 3, 9, 11, 10))
    assert [e[0] for e in events(other)] == ["warning", "breach", "escalated"]  # no second breach


def test_the_next_message_starts_a_next_response_and_pending_time_does_not_count(conversation, assignee):
    write(conversation, MON_10)
    reply(conversation, assignee, berlin(2026, 3, 9, 10, 30))
    # Pending from Monday 10:30 to Tuesday 10:30: 8 business hours do not count.
    write(conversation, berlin(2026, 3, 10, 10, 30))
    conversation = fresh(conversation)
    assert (conversation.status, conversation.sla_paused_at) == ("open", None)
    assert conversation.response_target == "next_response"
    assert conversation.response_due_at == berlin(2026, 3, 10, 12, 30)
    assert conversation.resolution_due_at == berlin(2026, 3, 13, 10)  # Thursday 10:00 + the 8 business hours paused
    scheduled = sla_rows(conversation, status=FollowUpStatus.SCHEDULED)
    assert [(kind, target, due) for kind, target, due, _ in scheduled] == [
        ("sla_warning", "next_response", berlin(2026, 3, 10, 12)),
        ("sla_breach", "next_response", berlin(2026, 3, 10, 12, 30)),
        ("sla_warning", "resolution", berlin(2026, 3, 12, 12)),
        ("sla_breach", "resolution", berlin(2026, 3, 13, 10)),
    ]


def test_snoozed_time_does_not_count_and_opening_again_resumes(conversation, assignee):
    write(conversation, MON_10)
    snooze(conversation, agent=assignee, until=berlin(2026, 3, 10, 9), now=berlin(2026, 3, 9, 10, 30))
    paused = fresh(conversation)
    assert (paused.status, paused.sla_paused_at, paused.response_due_at) == (
        "snoozed", berlin(2026, 3, 9, 10, 30), berlin(2026, 3, 9, 11))
    assert not FollowUp.objects.filter(kind__in=SLA_KINDS, status=FollowUpStatus.SCHEDULED).exists()
    assert run_due(berlin(2026, 3, 9, 12)) == []  # nothing warns or breaches while snoozed

    set_status(conversation, agent=assignee, status="open", now=berlin(2026, 3, 9, 16))  # 5.5 h paused
    conversation = fresh(conversation)
    assert (conversation.sla_paused_at, conversation.response_due_at) == (None, berlin(2026, 3, 9, 16, 30))
    assert conversation.resolution_due_at == berlin(2026, 3, 12, 15, 30)
    assert run_due(berlin(2026, 3, 9, 16, 14)) == []
    assert run_due(berlin(2026, 3, 9, 16, 15)) == [("sla_warning", "warned")]  # a quarter of the 60 min left
    assert run_due(berlin(2026, 3, 9, 16, 30)) == [("sla_breach", "breached")]


def test_a_pause_in_closed_hours_keeps_the_deadline_and_arms_the_same_follow_ups_again(conversation, assignee):
    write(conversation, berlin(2026, 3, 9, 16, 30))  # due Tuesday 09:30
    ids = sorted(FollowUp.objects.filter(kind__in=SLA_KINDS).values_list("pk", flat=True))
    snooze(conversation, agent=assignee, until=berlin(2026, 3, 10, 8), now=berlin(2026, 3, 9, 18))
    FollowUp.objects.filter(pk=ids[0]).update(status=FollowUpStatus.SKIPPED)  # as if it had run while snoozed
    set_status(conversation, agent=assignee, status="open", now=berlin(2026, 3, 10, 8))
    assert fresh(conversation).response_due_at == berlin(2026, 3, 10, 9, 30)
    rows = FollowUp.objects.filter(kind__in=SLA_KINDS, status=FollowUpStatus.SCHEDULED)
    assert sorted(rows.values_list("pk", flat=True)) == ids


# --- resolution ----------------------------------------------------------------------------------------

def test_resolving_in_time_is_a_resolution_hit_and_clears_everything(conversation, assignee):
    write(conversation, MON_10)
    set_status(conversation, agent=assignee, status="resolved", now=berlin(2026, 3, 10, 9))
    conversation = fresh(conversation)
    assert events(conversation) == [("hit", "resolution", berlin(2026, 3, 12, 10), assignee.pk, None)]
    assert (conversation.response_due_at, conversation.resolution_due_at, conversation.sla_paused_at,
            conversation.response_target, conversation.sla_level) == (None, None, None, "", 0)
    assert set(FollowUp.objects.filter(kind__in=SLA_KINDS).values_list("status", "outcome")) == {
        ("cancelled", "sla_resolved")}


def test_resolving_late_is_a_breach_and_pending_time_is_not_late(conversation, assignee, shop):
    write(conversation, MON_10)
    set_status(conversation, agent=assignee, status="closed", now=berlin(2026, 3, 12, 11))
    assert events(conversation) == [("breach", "resolution", berlin(2026, 3, 12, 10), assignee.pk, None)]

    waiting = ConversationFactory(shop=shop, priority="A", last_activity_at=MON_10)
    write(waiting, MON_10)
    reply(waiting, assignee, berlin(2026, 3, 9, 10, 30))  # pending from here on
    set_status(waiting, agent=None, status="resolved", now=berlin(2026, 3, 20, 9))
    assert [e[:2] for e in events(waiting)] == [("hit", "first_response"), ("hit", "resolution")]


def test_closing_in_bulk_records_each_resolution(conversation, assignee, shop):
    second = ConversationFactory(shop=shop, priority="C", last_activity_at=MON_10)
    write(conversation, MON_10)
    write(second, MON_10)
    bulk_update([conversation, second], agent=assignee, status="closed")
    assert sorted((e.conversation_id, e.kind, e.target, e.agent_id) for e in SlaEvent.objects.all()) == [
        (conversation.pk, "breach", "resolution", assignee.pk), (second.pk, "breach", "resolution", assignee.pk)]
    assert not FollowUp.objects.filter(kind__in=SLA_KINDS, status=FollowUpStatus.SCHEDULED).exists()


def test_a_shopper_writing_after_the_resolution_starts_new_clocks(conversation, assignee):
    write(conversation, MON_10)
    reply(conversation, assignee, berlin(2026, 3, 9, 10, 30))
    set_status(conversation, agent=assignee, status="resolved", now=berlin(2026, 3, 9, 10, 40))
    write(conversation, berlin(2026, 3, 10, 9))
    conversation = fresh(conversation)
    assert (conversation.response_target, conversation.response_due_at) == ("next_response", berlin(2026, 3, 10, 11))
    assert conversation.resolution_due_at == berlin(2026, 3, 12, 17)  # three whole business days


# --- warning, breach and the ladder --------------------------------------------------------------------

@pytest.fixture
def step(listen, django_capture_on_commit_callbacks):
    """``step(at, group)``: run what is due at ``at`` with its after-commit broadcasts; returns what ran
    and the ``(event, payload)`` pairs ``group`` received."""
    def run(at, group):
        received = listen(group)
        with django_capture_on_commit_callbacks(execute=True):
            ran = run_due(at)
        return ran, [(message["event"], message["payload"]) for message in received()]

    return run


def test_the_warning_at_75_percent_then_the_breach(conversation, assignee, listen, step):
    shopper = listen(realtime.shopper_group(conversation.pk))
    agents = realtime.agents_group(conversation.shop_id)
    write(conversation, MON_10)
    assert run_due(berlin(2026, 3, 9, 10, 44, 59)) == []
    base = {"conversation_id": str(conversation.pk), "target": "first_response",
            "due_at": "2026-03-09T10:00:00+00:00", "assignee_id": str(assignee.pk)}
    assert step(berlin(2026, 3, 9, 10, 45), agents) == ([("sla_warning", "warned")], [("sla.warning", base)])
    assert step(berlin(2026, 3, 9, 11), agents) == ([("sla_breach", "breached")], [
        ("sla.breached", base),
        ("sla.escalated", {**base, "step": "notify_assignee", "level": 1}),
    ])
    assert shopper() == []  # agents only
    assert events(conversation) == [
        ("warning", "first_response", berlin(2026, 3, 9, 11), assignee.pk, None),
        ("breach", "first_response", berlin(2026, 3, 9, 11), assignee.pk, None),
        ("escalated", "first_response", berlin(2026, 3, 9, 11), None, "notify_assignee"),
    ]
    assert fresh(conversation).sla_level == 1


def test_the_full_ladder_step_by_step(shop, assignee, step):
    # Tier B: first response 2 h, so the steps come at the breach, +30 min, +30 min, +1 h.
    conversation = ConversationFactory(shop=shop, priority="B", assignee=assignee, last_activity_at=MON_10)
    supervisor = AgentFactory(shop=shop, role="supervisor")
    owner = AgentFactory(shop=shop, role="owner")
    AgentFactory(shop=shop, role="admin", is_active=False)
    busy, idle, away = AgentFactory(shop=shop), AgentFactory(shop=shop), AgentFactory(shop=shop)
    stranger = AgentFactory(role="agent")  # another shop's
    ConversationFactory.create_batch(2, shop=shop, assignee=busy, last_activity_at=MON_10)
    ConversationFactory(shop=shop, assignee=idle, status="resolved", last_activity_at=MON_10)
    agents = realtime.agents_group(shop.pk)
    write(conversation, MON_10)
    assert run_due(berlin(2026, 3, 9, 11, 30)) == [("sla_warning", "warned")]
    base = {"conversation_id": str(conversation.pk), "target": "first_response", "due_at": "2026-03-09T11:00:00+00:00"}

    ran, heard = step(berlin(2026, 3, 9, 12), agents)
    assert (ran, heard[1:]) == ([("sla_breach", "breached")], [
        ("sla.escalated", {**base, "step": "notify_assignee", "level": 1, "assignee_id": str(assignee.pk)})])

    assert run_due(berlin(2026, 3, 9, 12, 29)) == []
    assert step(berlin(2026, 3, 9, 12, 30), agents) == ([("sla_escalate", "escalated_notify_supervisors")], [
        ("sla.escalated", {**base, "step": "notify_supervisors", "level": 2,
                           "supervisor_ids": [str(supervisor.pk), str(owner.pk)]})])

    at = berlin(2026, 3, 9, 13)
    for agent in (assignee, busy, idle, stranger):
        presence.mark_agent(shop.pk, agent.pk, f"socket-{agent.pk}", now=at.timestamp())
    presence.mark_agent(shop.pk, away.pk, "socket-away", "away", now=at.timestamp())
    ran, heard = step(at, agents)
    assert ran == [("sla_escalate", "escalated_reassign_online")]
    assert fresh(conversation).assignee_id == idle.pk  # online, not away, fewest open conversations
    assigned = TimelineEvent.objects.get(conversation=conversation, kind="conversation.assigned")
    assert (assigned.actor, assigned.agent_id, assigned.data) == ("system", None, {"assignee_id": str(idle.pk)})
    assert heard == [
        ("conversation.updated", {"conversation_id": str(conversation.pk), "change": "conversation.assigned",
                                  "assignee_id": str(idle.pk)}),
        ("sla.escalated", {**base, "step": "reassign_online", "level": 3, "assignee_id": str(idle.pk),
                           "previous_assignee_id": str(assignee.pk)}),
    ]

    ran, heard = step(berlin(2026, 3, 9, 14), agents)
    assert ran == [("sla_escalate", "escalated_raise_priority")]
    conversation = fresh(conversation)
    assert (conversation.priority, conversation.sla_level) == ("A", 4)
    # The resolution follows tier A from the original start: Monday 10:00 + 24 business hours.
    assert conversation.resolution_due_at == berlin(2026, 3, 12, 10)
    assert conversation.response_due_at == berlin(2026, 3, 9, 12)  # missed already: it stays
    assert heard == [
        ("conversation.updated", {"conversation_id": str(conversation.pk), "change": "conversation.priority",
                                  "priority": "A", "previous": "B", "reason": "sla_escalation"}),
        ("sla.escalated", {**base, "step": "raise_priority", "level": 4, "priority": "A", "previous_priority": "B"}),
    ]
    ladder = SlaEvent.objects.filter(conversation=conversation, kind="escalated").order_by("pk")
    assert [(e.data["level"], e.data["step"], e.priority) for e in ladder] == [
        (1, "notify_assignee", "B"), (2, "notify_supervisors", "B"), (3, "reassign_online", "B"),
        (4, "raise_priority", "B")]
    assert not FollowUp.objects.filter(kind="sla_escalate", status=FollowUpStatus.SCHEDULED).exists()


def test_nobody_online_leaves_the_assignee(conversation, assignee, redis_client):
    write(conversation, MON_10)
    run_due(berlin(2026, 3, 9, 11))
    assert run_due(berlin(2026, 3, 9, 11, 15)) == [("sla_escalate", "escalated_notify_supervisors")]
    assert run_due(berlin(2026, 3, 9, 11, 30)) == [("sla_escalate", "escalated_reassign_online")]
    assert fresh(conversation).assignee_id == assignee.pk
    step = SlaEvent.objects.filter(kind="escalated").order_by("pk").last()
    assert step.data == {"step": "reassign_online", "level": 3, "assignee_id": str(assignee.pk),
                         "outcome": "nobody_online"}


def test_a_response_after_the_warning_stops_the_ladder(conversation, assignee):
    write(conversation, MON_10)
    assert run_due(berlin(2026, 3, 9, 10, 45)) == [("sla_warning", "warned")]
    reply(conversation, assignee, berlin(2026, 3, 9, 10, 50))
    assert run_due(berlin(2026, 3, 10, 17)) == []
    assert [e[0] for e in events(conversation)] == ["warning", "hit"]
    assert fresh(conversation).sla_level == 0


def test_a_response_during_the_ladder_stops_it(conversation, assignee):
    write(conversation, MON_10)
    run_due(berlin(2026, 3, 9, 11))
    reply(conversation, assignee, berlin(2026, 3, 9, 11, 5))
    assert run_due(berlin(2026, 3, 10, 17)) == []
    assert [e[0] for e in events(conversation)] == ["warning", "breach", "escalated"]
    assert fresh(conversation).sla_level == 0
    assert FollowUp.objects.get(kind="sla_escalate").outcome == "sla_responded"


def test_a_pause_stops_the_ladder_and_opening_again_goes_on_one_step_later(conversation, assignee):
    write(conversation, MON_10)
    run_due(berlin(2026, 3, 9, 11))  # warning, breach, step 1
    snooze(conversation, agent=assignee, until=berlin(2026, 3, 10, 9), now=berlin(2026, 3, 9, 11, 10))
    assert run_due(berlin(2026, 3, 9, 17)) == []
    set_status(conversation, agent=assignee, status="open", now=berlin(2026, 3, 10, 9))
    assert fresh(conversation).response_due_at == berlin(2026, 3, 9, 11)  # missed before the pause: it stays
    assert run_due(berlin(2026, 3, 10, 9, 14)) == []
    assert run_due(berlin(2026, 3, 10, 9, 15)) == [("sla_escalate", "escalated_notify_supervisors")]
    assert [e[0] for e in events(conversation)].count("breach") == 1


def test_a_stale_follow_up_does_nothing(conversation):
    write(conversation, MON_10)
    for kind in SLA_KINDS:
        stale = FollowUpFactory(shop=conversation.shop, conversation=conversation, kind=kind, key=f"stale-{kind}",
                                status=FollowUpStatus.QUEUED, due_at=MON_10,
                                data={"target": "first_response", "due_at": "2026-03-09T09:59:00+00:00", "level": 2})
        assert run_followup(stale.pk, berlin(2026, 3, 9, 11)) == "skipped_not_due"
    assert not SlaEvent.objects.exists()


# --- priority --------------------------------------------------------------------------------------------

def change_priority(conversation, priority, at):
    with transaction.atomic():
        locked = lock_conversation(conversation.pk)
        previous, locked.priority = locked.priority, priority
        locked.save(update_fields=["priority", *on_priority_change(locked, previous=previous, now=at)])


def test_a_new_priority_counts_the_time_used_against_the_new_tier(shop):
    conversation = ConversationFactory(shop=shop, priority="C", last_activity_at=MON_10)
    write(conversation, MON_10)
    assert fresh(conversation).response_due_at == berlin(2026, 3, 12, 10)  # C: 24 business hours
    change_priority(conversation, "B", berlin(2026, 3, 9, 11))
    conversation = fresh(conversation)
    assert conversation.response_due_at == berlin(2026, 3, 9, 12)  # B: 2 h from Monday 10:00
    assert conversation.resolution_due_at == berlin(2026, 3, 17, 10)  # B: 48 business hours from Monday 10:00
    scheduled = sla_rows(conversation, status=FollowUpStatus.SCHEDULED)
    assert [(kind, target, due) for kind, target, due, _ in scheduled][:2] == [
        ("sla_warning", "first_response", berlin(2026, 3, 9, 11, 30)),
        ("sla_breach", "first_response", berlin(2026, 3, 9, 12))]
    assert FollowUp.objects.filter(kind__in=SLA_KINDS, outcome="sla_priority_changed").count() == 4


def test_a_tighter_tier_already_past_breaches_at_once(shop):
    conversation = ConversationFactory(shop=shop, priority="C", last_activity_at=MON_10)
    write(conversation, MON_10)
    change_priority(conversation, "A", berlin(2026, 3, 9, 12))  # 2 h used of A's 1 h
    assert fresh(conversation).response_due_at == berlin(2026, 3, 9, 11)
    assert run_due(berlin(2026, 3, 9, 12)) == [("sla_breach", "breached")]  # no warning in the past


def test_the_sla_events_belong_to_the_conversations_shop(conversation, shop):
    write(conversation, MON_10)
    run_due(berlin(2026, 3, 9, 11) + timedelta(minutes=1))
    assert set(SlaEvent.objects.values_list("shop_id", flat=True)) == {shop.pk}
