import pytest

from support.actions.messages import add_internal_note, receive_customer_message, send_agent_reply
from support.actions.reads import mark_read
from tests.factories import AgentFactory, ConversationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(django_capture_on_commit_callbacks):
    conversation = ConversationFactory()
    agent = AgentFactory(shop=conversation.shop)
    asked, _ = receive_customer_message(conversation, body="Where is my parcel?", client_id="s1")
    note, _ = add_internal_note(conversation, agent=agent, body="check DHL", client_id="n1")
    reply, _ = send_agent_reply(conversation, agent=agent, body="It left today", client_id="a1")
    return conversation, asked, note, reply


def test_read_receipts_only_move_forward(thread, django_capture_on_commit_callbacks):
    conversation, asked, note, reply = thread
    with django_capture_on_commit_callbacks() as callbacks:
        assert mark_read(conversation, side="agent", up_to=reply.pk) == reply.pk
    assert len(callbacks) == 1
    with django_capture_on_commit_callbacks() as callbacks:
        assert mark_read(conversation, side="agent", up_to=asked.pk) == reply.pk  # never backwards
    assert callbacks == []  # and no signal for a non-change
    conversation.refresh_from_db()
    assert (conversation.agent_read_id, conversation.shopper_read_id) == (reply.pk, 0)


def test_a_shopper_cannot_read_past_what_they_can_see(thread):
    conversation, asked, note, reply = thread
    assert mark_read(conversation, side="shopper", up_to=note.pk) == asked.pk  # the note is not theirs
    assert mark_read(conversation, side="shopper", up_to=reply.pk + 1000) == reply.pk  # nor beyond the last
    conversation.refresh_from_db()
    assert conversation.shopper_read_id == reply.pk
