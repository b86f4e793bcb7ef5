"""Dispute deadline reminders: a dispute tag schedules reminders 24 h and 4 h before its evidence
deadline; each writes a timeline event for the agents unless the tag went or the conversation was
resolved."""
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from support.actions.conversations import set_status, set_tags
from support.actions.followups import run_followup
from support.models import ConversationTag, FollowUp, TimelineEvent
from support.realtime import agents_group, shopper_group
from tests.factories import AgentFactory, ConversationFactory, SupportSettingsFactory

from .kit import run, state

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation():
    return ConversationFactory(status="open")


@pytest.fixture
def agent(conversation):
    return AgentFactory(shop=conversation.shop)


def tagged(conversation, agent, names):
    before = timezone.now()
    set_tags(conversation, agent=agent, names=names)
    return before, timezone.now()


def reminders(conversation):
    return list(FollowUp.objects.filter(conversation=conversation, kind="dispute_reminder").order_by("due_at"))


def test_a_chargeback_tag_schedules_two_reminders_before_the_deadline(conversation, agent):
    before, after = tagged(conversation, agent, ["vip", "chargeback"])
    tag = ConversationTag.objects.get(conversation=conversation, name="chargeback")

    first, second = reminders(conversation)
    deadline = first.data["deadline"]
    assert [(r.key, r.data) for r in (first, second)] == [
        (f"dispute:{tag.pk}:24h", {"tag": "chargeback", "tag_id": tag.pk, "deadline": deadline, "hours_before": 24}),
        (f"dispute:{tag.pk}:4h", {"tag": "chargeback", "tag_id": tag.pk, "deadline": deadline, "hours_before": 4})]
    assert before + timedelta(hours=48) <= first.due_at <= after + timedelta(hours=48)
    assert [r.due_at for r in (first, second)] == [datetime.fromisoformat(deadline) - timedelta(hours=hours)
                                                  for hours in (24, 4)]


def test_other_tags_schedule_nothing_and_a_short_deadline_keeps_only_the_4h_reminder(conversation, agent):
    tagged(conversation, agent, ["vip", "refund"])
    assert reminders(conversation) == []
    SupportSettingsFactory(shop=conversation.shop, dispute_deadline_hours=12)
    tagged(conversation, agent, ["payment-dispute"])
    assert [r.data["hours_before"] for r in reminders(conversation)] == [4]


def test_the_reminder_tells_the_agents_on_the_timeline_and_live(conversation, agent, listen,
                                                                django_capture_on_commit_callbacks):
    tagged(conversation, agent, ["dispute"])
    first = reminders(conversation)[0]
    agents, shopper = listen(agents_group(conversation.shop_id)), listen(shopper_group(conversation.pk))

    with django_capture_on_commit_callbacks(execute=True):
        assert run(first, first.due_at) == "reminded"
    assert [(e["event"], e["payload"]) for e in agents()] == [("conversation.updated", {
        "conversation_id": str(conversation.pk), "change": "dispute.reminder", "tag": "dispute",
        "deadline": first.data["deadline"], "hours_before": 24})]
    assert shopper() == []
    assert run_followup(first.pk, now=first.due_at) == "not_queued"

    events = TimelineEvent.objects.filter(conversation=conversation, kind="dispute.reminder")
    assert [(e.actor, e.data) for e in events] == [("system", {"tag": "dispute", "deadline": first.data["deadline"],
                                                                "hours_before": 24})]
    assert state(first) == ("done", "reminded")


def test_a_removed_tag_or_a_resolved_conversation_gets_no_reminder(conversation, agent):
    tagged(conversation, agent, ["chargeback"])
    first, second = reminders(conversation)
    set_tags(conversation, agent=agent, names=["vip"])
    assert run(first, first.due_at) == "skipped_tag_removed"

    tagged(conversation, agent, ["chargeback"])  # added again: a new tag event with its own reminders
    third, fourth = [r for r in reminders(conversation) if r.pk not in (first.pk, second.pk)]
    assert third.key != first.key
    set_status(conversation, agent=agent, status="resolved")
    assert run(third, third.due_at) == "skipped_resolved"
    assert not TimelineEvent.objects.filter(conversation=conversation, kind="dispute.reminder").exists()
