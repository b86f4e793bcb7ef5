"""Messages: exact effects, idempotent sends, PAN masking, and who receives the broadcast (real
Redis channel layer)."""
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from support import realtime
from support.actions import conversations as conversation_actions
from support.actions.attachments import store_upload
from support.actions.messages import (
    MessageRefused,
    add_internal_note,
    receive_customer_message,
    send_agent_reply,
)
from support.models import Attachment, ConversationStatus, Message, MessageKind, TimelineEvent
from tests.factories import AgentFactory, ConversationFactory
from tests.support.actions.test_attachments import PNG


@pytest.mark.django_db
def test_shopper_message_is_stored_and_opens_the_wait(django_capture_on_commit_callbacks, redis_client):
    conversation = ConversationFactory(status=ConversationStatus.RESOLVED)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message, created = receive_customer_message(conversation, body="  Where is #1001?  ", client_id="c-1")
    conversation.refresh_from_db()
    assert created is True
    assert (message.kind, message.body, message.client_id) == (MessageKind.SHOPPER, "Where is #1001?", "c-1")
    assert conversation.status == ConversationStatus.OPEN
    assert conversation.waiting_since == message.created_at
    assert conversation.last_activity_at == message.created_at
    assert list(TimelineEvent.objects.filter(conversation=conversation).values_list("kind", "actor")) == [
        ("message.created", "shopper")
    ]
    assert len(callbacks) == 2  # the broadcast, and the bot's turn as a task on the broker:
    queued = [json.loads(raw)["headers"] for raw in redis_client.lrange("celery", 0, -1)]
    assert [(headers["task"], headers["argsrepr"]) for headers in queued] == [
        ("support.tasks.auto_respond_task", f"({message.pk},)")]


@pytest.mark.django_db
def test_retried_send_with_the_same_client_id_is_stored_once(django_capture_on_commit_callbacks):
    conversation = ConversationFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        first, created_first = receive_customer_message(conversation, body="hello", client_id="retry-me")
        again, created_again = receive_customer_message(conversation, body="hello", client_id="retry-me")
    assert (created_first, created_again) == (True, False)
    assert again.pk == first.pk
    assert Message.objects.filter(conversation=conversation).count() == 1
    assert TimelineEvent.objects.filter(conversation=conversation).count() == 1
    assert len(callbacks) == 2  # one broadcast, one bot turn


@pytest.mark.django_db
def test_a_sent_message_holds_the_uploads_it_linked_without_reading_them_again(django_assert_num_queries, settings,
                                                                                tmp_path):
    settings.ATTACHMENTS_DIR = tmp_path
    conversation = ConversationFactory()
    agent = AgentFactory(shop=conversation.shop)
    uploads = [store_upload(conversation, upload=SimpleUploadedFile(f"{n}.png", PNG), uploaded_by="agent", agent=agent)
               for n in range(2)]
    message, _ = send_agent_reply(conversation, agent=agent, body="labels", client_id="a1",
                                  attachment_ids=[upload.pk for upload in reversed(uploads)])
    with django_assert_num_queries(0):
        held = [(attachment.pk, attachment.message_id) for attachment in message.attachments.all()]
    assert held == [(upload.pk, message.pk) for upload in uploads]  # in id order, as a read would list them
    assert sorted(Attachment.objects.filter(message=message).values_list("pk", flat=True)) == [u.pk for u in uploads]


@pytest.mark.django_db
def test_card_numbers_are_masked_before_storage():
    conversation = ConversationFactory()
    message, _ = receive_customer_message(conversation, body="charge 4242 4242 4242 4242 again", client_id="")
    assert message.body == "charge •••• 4242 again"
    assert not Message.objects.filter(body__contains="4242 4242").exists()
    assert TimelineEvent.objects.get(conversation=conversation).data["cards_masked"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body, reason", [("   ", "empty_body"), ("x" * 5001, "body_too_long"), (None, "body_not_text")]
)
def test_refused_bodies_store_nothing(body, reason, django_capture_on_commit_callbacks):
    conversation = ConversationFactory()
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(MessageRefused) as refused:
        receive_customer_message(conversation, body=body, client_id="c")
    assert refused.value.reason == reason
    assert not Message.objects.exists() and not TimelineEvent.objects.exists()
    assert callbacks == []


@pytest.mark.django_db
def test_agent_reply_records_first_response_and_waits_for_the_shopper():
    conversation = ConversationFactory()
    agent = AgentFactory(shop=conversation.shop)
    receive_customer_message(conversation, body="hi", client_id="s1")
    reply, _ = send_agent_reply(conversation, agent=agent, body="On its way!", client_id="a1")
    conversation.refresh_from_db()
    assert (reply.kind, reply.agent_id) == (MessageKind.AGENT, agent.pk)
    assert conversation.first_response_at == reply.created_at
    assert conversation.waiting_since is None
    assert conversation.status == ConversationStatus.PENDING
    first = conversation.first_response_at
    send_agent_reply(conversation, agent=agent, body="Tracking: JD1", client_id="a2")
    conversation.refresh_from_db()
    assert conversation.first_response_at == first


@pytest.mark.django_db
def test_note_changes_no_conversation_state():
    conversation = ConversationFactory()
    agent = AgentFactory(shop=conversation.shop)
    receive_customer_message(conversation, body="hi", client_id="s1")
    conversation.refresh_from_db()
    before = (conversation.status, conversation.waiting_since, conversation.first_response_at)
    note, _ = add_internal_note(conversation, agent=agent, body="VIP, be nice", client_id="n1")
    conversation.refresh_from_db()
    assert note.kind == MessageKind.NOTE
    assert (conversation.status, conversation.waiting_since, conversation.first_response_at) == before


@pytest.mark.django_db(transaction=True)
def test_notes_reach_agents_but_never_the_shopper(listen):
    conversation = ConversationFactory()
    agent = AgentFactory(shop=conversation.shop)
    agents = listen(realtime.agents_group(conversation.shop_id))
    shopper = listen(realtime.shopper_group(conversation.pk))

    add_internal_note(conversation, agent=agent, body="internal: refund approved?", client_id="n1")
    reply, _ = send_agent_reply(conversation, agent=agent, body="Hello!", client_id="a1")

    agent_events = [(e["event"], e["payload"]["kind"]) for e in agents()]
    shopper_events = shopper()
    assert agent_events == [("message.created", "note"), ("message.created", "agent")]
    assert [(e["event"], e["payload"]["id"]) for e in shopper_events] == [("message.created", str(reply.pk))]
    assert all("internal" not in e["payload"]["body"] for e in shopper_events)


@pytest.mark.django_db(transaction=True)
def test_the_shopper_hears_of_a_resolution_but_not_of_an_assignment(listen):
    conversation = ConversationFactory()
    agent = AgentFactory(shop=conversation.shop)
    agents = listen(realtime.agents_group(conversation.shop_id))
    shopper = listen(realtime.shopper_group(conversation.pk))

    conversation_actions.assign(conversation, agent=agent, assignee=agent)
    conversation_actions.set_status(conversation, agent=agent, status="resolved")

    assert [e["payload"]["change"] for e in agents()] == ["conversation.assigned", "conversation.status_changed"]
    assert [(e["event"], e["payload"]) for e in shopper()] == [
        ("conversation.updated", {"conversation_id": str(conversation.pk), "change": "conversation.status_changed",
                                  "from": "open", "to": "resolved"}),
    ]


def test_audiences_rule():
    assert realtime.audiences("message.created", shop_id=1, conversation_id=2, message_kind="agent") == [
        "shop.1.agents", "conversation.2.shopper"
    ]
    assert realtime.audiences("message.created", shop_id=1, conversation_id=2, message_kind="note") == ["shop.1.agents"]
    assert realtime.audiences("conversation.updated", shop_id=1, conversation_id=2) == ["shop.1.agents"]
    for agents_only in ("conversation.assigned", "conversation.tagged", "conversation.priority", None):
        assert realtime.audiences("conversation.updated", shop_id=1, conversation_id=2, change=agents_only) == [
            "shop.1.agents"]
    assert realtime.audiences("conversation.updated", shop_id=1, conversation_id=2,
                              change="conversation.status_changed") == ["shop.1.agents", "conversation.2.shopper"]
