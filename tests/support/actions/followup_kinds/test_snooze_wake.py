"""Snooze wake-up: snoozing schedules a wake-up at that time; it opens the conversation again (the
system's status change, an agents' event) only while it is still snoozed until that time."""
from datetime import timedelta

import pytest
from django.utils import timezone

from support.actions.conversations import set_status, snooze
from support.actions.followups import run_followup
from support.actions.messages import receive_customer_message
from support.models import FollowUp, TimelineEvent
from support.realtime import agents_group
from tests.factories import AgentFactory, ConversationFactory

from .kit import run, state

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation():
    return ConversationFactory(status="open")


@pytest.fixture
def agent(conversation):
    return AgentFactory(shop=conversation.shop)


def status_events(conversation):
    return list(TimelineEvent.objects.filter(conversation=conversation, kind="conversation.status_changed")
                .order_by("pk").values_list("actor", "data"))


def test_snoozing_schedules_the_wake_up_and_it_opens_the_conversation(conversation, agent, listen,
                                                                     django_capture_on_commit_callbacks):
    until = (timezone.now() + timedelta(hours=3)).replace(microsecond=0)
    snooze(conversation, agent=agent, until=until)

    wake = FollowUp.objects.get(conversation=conversation, kind="snooze_wake")
    assert (wake.kind, wake.key, wake.due_at, wake.agent, wake.data) == (
        "snooze_wake", f"snooze:{conversation.pk}:{until.isoformat()}", until, agent, {"until": until.isoformat()})

    agents = listen(agents_group(conversation.shop_id))
    with django_capture_on_commit_callbacks(execute=True):
        assert run(wake, until) == "woke"
    assert [(e["event"], e["payload"]) for e in agents() if e["payload"].get("change")] == [(
        "conversation.updated", {"conversation_id": str(conversation.pk), "change": "conversation.status_changed",
                                 "from": "snoozed", "to": "open"})]
    conversation.refresh_from_db()
    assert (conversation.status, conversation.snoozed_until) == ("open", None)
    assert status_events(conversation) == [("system", {"from": "snoozed", "to": "open"})]
    assert state(wake) == ("done", "woke")
    assert run_followup(wake.pk, now=until) == "not_queued"


def test_a_snooze_moved_later_leaves_the_first_wake_up_nothing_to_do(conversation, agent):
    first = timezone.now() + timedelta(hours=1)
    later = timezone.now() + timedelta(hours=5)
    snooze(conversation, agent=agent, until=first)
    snooze(conversation, agent=agent, until=later)
    early, late = FollowUp.objects.filter(conversation=conversation, kind="snooze_wake").order_by("due_at")

    assert run(early, first) == "skipped_snooze_changed"
    conversation.refresh_from_db()
    assert (conversation.status, conversation.snoozed_until) == ("snoozed", later)
    assert run(late, later) == "woke"


@pytest.mark.parametrize("wake_by", ["shopper", "agent"])
def test_a_conversation_already_woken_is_left_alone(conversation, agent, wake_by):
    until = timezone.now() + timedelta(hours=1)
    snooze(conversation, agent=agent, until=until)
    if wake_by == "shopper":
        receive_customer_message(conversation, body="Any news?", client_id="s1")
    else:
        set_status(conversation, agent=agent, status="pending")
    wake = FollowUp.objects.get(conversation=conversation, kind="snooze_wake")
    before = status_events(conversation)

    assert run(wake, until) == "skipped_snooze_changed"
    assert state(wake) == ("skipped", "skipped_snooze_changed")
    assert status_events(conversation) == before


def test_the_wake_up_is_for_agents_and_ignores_the_shoppers_night(conversation, agent):
    until = timezone.now() + timedelta(hours=1)
    snooze(conversation, agent=agent, until=until)
    wake = FollowUp.objects.get(conversation=conversation, kind="snooze_wake")
    assert run(wake, until.replace(hour=4)) == "woke"  # 23:00 or so in Toronto
