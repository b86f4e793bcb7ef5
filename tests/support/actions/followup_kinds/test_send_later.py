"""Send later: an agent's reply kept in a follow-up and sent at its time (by default the shopper's next
morning) as that agent's reply, once; not sent into a closed conversation or by a gone agent."""
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail

from support.actions.followup_kinds.send_later import ScheduleRefused, cancel_reply, schedule_reply
from support.actions.followups import run_followup
from support.actions.messages import MessageRefused
from support.models import FollowUp, Message, TimelineEvent
from tests.factories import AgentFactory, ConversationFactory

from .kit import TORONTO, run, state

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 2, 17, 30, tzinfo=TORONTO)  # 22:30 in Berlin


@pytest.fixture
def conversation():
    return ConversationFactory(status="open", customer__first_name="Ana", customer__last_name="Souza")


@pytest.fixture
def agent(conversation):
    return AgentFactory(shop=conversation.shop)


def agent_messages(conversation):
    return list(Message.objects.filter(conversation=conversation, kind="agent").values_list("client_id", "body",
                                                                                            "agent_id"))


def test_without_a_time_it_goes_at_nine_on_the_shoppers_next_morning(conversation, agent):
    row, created = schedule_reply(conversation, agent=agent, body="  Good news: it shipped.  ", client_id="c1",
                                  now=NOW)
    assert created is True
    assert (row.kind, row.key, row.due_at, row.agent, row.customer, row.data) == (
        "send_later", f"later:{conversation.pk}:c1", datetime(2026, 12, 3, 9, 0, tzinfo=TORONTO), agent,
        conversation.customer, {"body": "Good news: it shipped.", "client_id": "c1"})
    assert [(e.kind, e.actor, e.agent, e.data) for e in TimelineEvent.objects.filter(conversation=conversation)] == [
        ("message.scheduled", "agent", agent, {"followup_id": str(row.pk), "send_at": row.due_at.isoformat()})]
    assert schedule_reply(conversation, agent=agent, body="Other", client_id="c1", now=NOW) == (row, False)


def test_the_browsers_zone_decides_the_morning(conversation, agent):
    conversation.customer.time_zone = "Europe/Berlin"
    conversation.customer.save(update_fields=["time_zone"])
    row, _ = schedule_reply(conversation, agent=agent, body="Hello", now=NOW)
    assert row.due_at == datetime(2026, 12, 3, 8, 0, tzinfo=UTC)  # 09:00 in Berlin


@pytest.mark.parametrize("send_at, reason", [(NOW - timedelta(minutes=1), "send_at_not_in_future"),
                                             (NOW + timedelta(days=31), "send_at_too_far")])
def test_a_time_in_the_past_or_too_far_ahead_is_refused(conversation, agent, send_at, reason):
    with pytest.raises(ScheduleRefused) as refused:
        schedule_reply(conversation, agent=agent, body="Hello", send_at=send_at, now=NOW)
    assert refused.value.reason == reason
    assert not FollowUp.objects.filter(kind="send_later").exists() and not TimelineEvent.objects.exists()


def test_a_closed_conversation_or_an_empty_body_is_refused(conversation, agent):
    with pytest.raises(MessageRefused):
        schedule_reply(conversation, agent=agent, body="   ", now=NOW)
    conversation.status = "closed"
    conversation.save(update_fields=["status"])
    with pytest.raises(ScheduleRefused) as refused:
        schedule_reply(conversation, agent=agent, body="Hello", now=NOW)
    assert refused.value.reason == "conversation_closed"
    assert not FollowUp.objects.filter(kind="send_later").exists()


def test_at_its_time_the_reply_is_sent_once_as_the_agents(conversation, agent, django_capture_on_commit_callbacks):
    row, _ = schedule_reply(conversation, agent=agent, body="Good news: it shipped.", send_at=NOW + timedelta(hours=1),
                            now=NOW)
    with django_capture_on_commit_callbacks(execute=True):
        assert run(row, NOW + timedelta(hours=1)) == "sent"
        assert run_followup(row.pk, now=NOW + timedelta(hours=1)) == "not_queued"
        run(row, NOW + timedelta(hours=2))

    assert agent_messages(conversation) == [(f"followup:{row.pk}", "Good news: it shipped.", agent.pk)]
    assert state(row) == ("done", "sent")
    conversation.refresh_from_db()
    assert conversation.status == "pending"  # now waiting for the shopper, as after any reply
    assert FollowUp.objects.filter(conversation=conversation, kind="awaiting_nudge").count() == 1
    assert [m.body.split("\n\n-- ")[0] for m in mail.outbox] == ["Good news: it shipped."]


def test_a_reply_scheduled_into_the_night_waits_for_the_morning(conversation, agent):
    row, _ = schedule_reply(conversation, agent=agent, body="Hello", send_at=NOW + timedelta(hours=5), now=NOW)
    assert run(row, NOW + timedelta(hours=5)) == "quiet_hours"  # 22:30 in Toronto
    row.refresh_from_db()
    assert (row.status, row.due_at) == ("scheduled", datetime(2026, 12, 3, 9, 0, tzinfo=TORONTO))
    assert agent_messages(conversation) == []


def test_a_closed_conversation_or_a_deactivated_agent_gets_nothing(conversation, agent):
    row, _ = schedule_reply(conversation, agent=agent, body="Hello", send_at=NOW + timedelta(hours=1), now=NOW)
    agent.is_active = False
    agent.save(update_fields=["is_active"])
    assert run(row, NOW + timedelta(hours=1)) == "skipped_agent_gone"

    other, _ = schedule_reply(conversation, agent=AgentFactory(shop=conversation.shop), body="Hi",
                              send_at=NOW + timedelta(hours=1), now=NOW)
    conversation.status = "closed"
    conversation.save(update_fields=["status"])
    assert run(other, NOW + timedelta(hours=1)) == "skipped_conversation_closed"
    assert agent_messages(conversation) == []
    assert [state(row), state(other)] == [("skipped", "skipped_agent_gone"), ("skipped", "skipped_conversation_closed")]


def test_a_cancelled_reply_is_never_sent_and_cannot_be_cancelled_twice(conversation, agent):
    row, _ = schedule_reply(conversation, agent=agent, body="Hello", send_at=NOW + timedelta(hours=1), now=NOW)
    cancel_reply(conversation, row, agent=agent)
    assert state(row) == ("cancelled", "cancelled_by_agent")
    assert run_followup(row.pk, now=NOW + timedelta(hours=1)) == "not_queued"
    with pytest.raises(ScheduleRefused) as refused:
        cancel_reply(conversation, row, agent=agent)
    assert refused.value.reason == "not_scheduled"
    assert agent_messages(conversation) == []
    assert list(TimelineEvent.objects.filter(conversation=conversation).values_list("kind", flat=True)) == [
        "message.scheduled", "message.schedule_cancelled"]
