"""Awaiting the shopper: an agent's reply that leaves the conversation pending schedules a nudge and an
automatic resolve; the shopper writing cancels them; each checks again before it acts."""
from datetime import timedelta

import pytest
from django.core import mail

from support.actions.followups import run_followup
from support.actions.messages import receive_customer_message, send_agent_reply
from support.models import FollowUp, Message, TimelineEvent
from tests.factories import AgentFactory, ConversationFactory, MessageFactory, SupportSettingsFactory

from .kit import bot_messages, noon_after, run, state

pytestmark = pytest.mark.django_db

NUDGE_EN = "Just checking in: do you still need help with this? Reply here and we'll pick it up."
NUDGE_FR = "Petit suivi : avez-vous encore besoin d'aide à ce sujet ? Répondez ici et nous reprendrons."


@pytest.fixture
def conversation():
    conversation = ConversationFactory(customer__first_name="Ana", customer__last_name="Souza")
    receive_customer_message(conversation, body="Can I change my address?", client_id="s1")
    return conversation


@pytest.fixture
def agent(conversation):
    return AgentFactory(shop=conversation.shop)


def reply(conversation, agent, client_id="a1"):
    message, _ = send_agent_reply(conversation, agent=agent, body="Yes, which address?", client_id=client_id)
    return message


KINDS = ("awaiting_nudge", "awaiting_resolve")


def awaiting(conversation):
    return FollowUp.objects.filter(conversation=conversation, kind__in=KINDS).order_by("pk")


def followups(conversation):
    return {f.kind: f for f in awaiting(conversation)}


def test_an_agents_reply_schedules_a_nudge_and_a_resolve(conversation, agent):
    message = reply(conversation, agent)

    rows = followups(conversation)
    fields = {kind: (row.key, row.due_at, row.status, row.agent, row.customer, row.data) for kind, row in rows.items()}
    assert fields == {
        "awaiting_nudge": (f"nudge:{message.pk}", message.created_at + timedelta(hours=24), "scheduled", agent,
                           conversation.customer, {"message_id": message.pk, "hours": 24}),
        "awaiting_resolve": (f"resolve:{message.pk}", message.created_at + timedelta(hours=72), "scheduled", agent,
                             conversation.customer, {"message_id": message.pk, "hours": 72}),
    }


def test_the_shops_settings_decide_the_delays_and_zero_turns_one_off(conversation, agent):
    SupportSettingsFactory(shop=conversation.shop, nudge_after_hours=0, resolve_after_hours=48)
    message = reply(conversation, agent)
    assert [(f.kind, f.due_at) for f in awaiting(conversation)] == [
        ("awaiting_resolve", message.created_at + timedelta(hours=48))]


def test_a_reply_on_a_resolved_conversation_schedules_nothing(conversation, agent):
    conversation.status = "resolved"
    conversation.save(update_fields=["status"])
    reply(conversation, agent)
    assert not awaiting(conversation).exists()


def test_the_shopper_writing_cancels_both(conversation, agent):
    reply(conversation, agent)
    receive_customer_message(conversation, body="Here it is", client_id="s2")
    assert {kind: (row.status, row.outcome) for kind, row in followups(conversation).items()} == {
        "awaiting_nudge": ("cancelled", "shopper_replied"), "awaiting_resolve": ("cancelled", "shopper_replied")}


def test_a_second_reply_replaces_the_first_ones(conversation, agent):
    first = reply(conversation, agent)
    second = reply(conversation, agent, client_id="a2")
    rows = awaiting(conversation)
    assert [(r.key, r.status, r.outcome) for r in rows] == [
        (f"nudge:{first.pk}", "cancelled", "superseded"), (f"resolve:{first.pk}", "cancelled", "superseded"),
        (f"nudge:{second.pk}", "scheduled", ""), (f"resolve:{second.pk}", "scheduled", "")]


def test_the_nudge_asks_once_and_keeps_the_conversation_pending(conversation, agent,
                                                               django_capture_on_commit_callbacks):
    reply(conversation, agent)
    nudge = followups(conversation)["awaiting_nudge"]
    now = noon_after(nudge.due_at)

    with django_capture_on_commit_callbacks(execute=True):
        assert run(nudge, now) == "sent"
        assert run_followup(nudge.pk, now=now) == "not_queued"
        run(nudge, now + timedelta(minutes=1))

    assert bot_messages(conversation) == [(f"followup:{nudge.pk}", NUDGE_EN)]
    assert state(nudge) == ("done", "sent")
    conversation.refresh_from_db()
    assert conversation.status == "pending"
    assert followups(conversation)["awaiting_resolve"].status == "scheduled"
    assert [m.body.split("\n\n-- ")[0] for m in mail.outbox] == [NUDGE_EN]  # no widget open: by email, once


def test_the_nudge_speaks_the_shoppers_language(conversation, agent):
    conversation.language = "fr"
    conversation.save(update_fields=["language"])
    reply(conversation, agent)
    nudge = followups(conversation)["awaiting_nudge"]
    run(nudge, noon_after(nudge.due_at))
    assert bot_messages(conversation) == [(f"followup:{nudge.pk}", NUDGE_FR)]


def test_a_shopper_message_not_seen_by_the_cancel_still_stops_both(conversation, agent):
    reply(conversation, agent)
    rows = followups(conversation)
    MessageFactory(conversation=conversation, kind="shopper", body="Sorry, late answer")  # a race with the cancel
    now = noon_after(rows["awaiting_resolve"].due_at)
    assert [run(rows[kind], now) for kind in ("awaiting_nudge", "awaiting_resolve")] == [
        "skipped_shopper_answered", "skipped_shopper_answered"]
    assert bot_messages(conversation) == []
    conversation.refresh_from_db()
    assert conversation.status == "pending"


def test_a_conversation_no_longer_pending_is_left_alone(conversation, agent):
    reply(conversation, agent)
    conversation.status = "resolved"
    conversation.save(update_fields=["status"])
    rows = followups(conversation)
    now = noon_after(rows["awaiting_resolve"].due_at)
    assert [run(rows[kind], now) for kind in ("awaiting_nudge", "awaiting_resolve")] == [
        "skipped_not_pending", "skipped_not_pending"]
    assert bot_messages(conversation) == []
    assert not TimelineEvent.objects.filter(conversation=conversation, kind="conversation.auto_resolved").exists()


def test_the_resolve_resolves_as_the_system_without_writing_to_the_shopper(conversation, agent):
    message = reply(conversation, agent)
    resolve = followups(conversation)["awaiting_resolve"]
    before = Message.objects.filter(conversation=conversation).count()

    assert run(resolve, resolve.due_at + timedelta(minutes=1)) == "resolved"

    conversation.refresh_from_db()
    assert (conversation.status, conversation.waiting_since) == ("resolved", None)
    events = TimelineEvent.objects.filter(conversation=conversation).order_by("pk")
    assert [(e.kind, e.actor, e.data) for e in events][-2:] == [
        ("conversation.status_changed", "system", {"from": "pending", "to": "resolved"}),
        ("conversation.auto_resolved", "system", {"after_hours": 72, "message_id": str(message.pk)})]
    assert Message.objects.filter(conversation=conversation).count() == before
    assert state(resolve) == ("done", "resolved")


def test_the_resolve_is_not_held_back_by_the_shoppers_night(conversation, agent):
    reply(conversation, agent)
    resolve = followups(conversation)["awaiting_resolve"]
    night = noon_after(resolve.due_at) + timedelta(hours=11)  # 23:00 in Toronto
    assert run(resolve, night) == "resolved"
