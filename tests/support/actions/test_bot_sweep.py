"""A bot turn whose task was lost (broker down, Redis flushed) is queued again by the sweep after a
grace minute and runs once; a turn owed for too long is dropped; a newer message keeps the mark."""
import json
from datetime import timedelta

import pytest

from support.actions.autoresponses import respond
from support.actions.bot_sweep import sweep_bot_turns
from support.actions.messages import receive_customer_message
from support.models import Conversation, Message, MessageKind
from support.rules import hours_text
from tests.factories import ConversationFactory, ShopFactory

pytestmark = pytest.mark.django_db


def queued(redis_client) -> list[tuple[str, str]]:
    """(task name, its arguments) of every task waiting in the broker's default queue."""
    return [(m["headers"]["task"], m["headers"]["argsrepr"])
            for m in (json.loads(raw) for raw in redis_client.lrange("celery", 0, -1))]


def bot_bodies(conversation) -> list[str]:
    return list(Message.objects.filter(conversation=conversation, kind=MessageKind.BOT).values_list("body", flat=True))


@pytest.fixture
def chat():
    return ConversationFactory(shop=ShopFactory(name="Nordlicht Shop"), channel="chat")


def test_a_lost_turn_is_queued_again_after_a_minute_and_runs_once(chat, redis_client):
    # The message commits; its task is never published (as with the broker down).
    message, _ = receive_customer_message(chat, body="Hello?", client_id="c-1")
    chat.refresh_from_db()
    assert chat.bot_pending_message_id == message.pk

    assert sweep_bot_turns(now=message.created_at + timedelta(seconds=30)) == {"requeued": 0, "dropped": 0}
    assert queued(redis_client) == []

    assert sweep_bot_turns(now=message.created_at + timedelta(minutes=2)) == {"requeued": 1, "dropped": 0}
    assert queued(redis_client) == [("support.tasks.auto_respond_task", f"({message.pk},)")]

    respond(message.pk)  # what the worker runs for that task
    chat.refresh_from_db()
    assert chat.bot_pending_message_id is None
    assert bot_bodies(chat) == [hours_text.greeting_text("en", "Nordlicht Shop")]
    assert sweep_bot_turns(now=message.created_at + timedelta(minutes=3)) == {"requeued": 0, "dropped": 0}
    assert len(queued(redis_client)) == 1
    respond(message.pk)  # a duplicate of the task (the sweep raced a slow worker) sends nothing again
    assert len(bot_bodies(chat)) == 1


def test_a_newer_message_keeps_the_mark_and_a_turn_owed_too_long_is_dropped(chat, redis_client):
    first, _ = receive_customer_message(chat, body="Hello?", client_id="c-1")
    second, _ = receive_customer_message(chat, body="Anyone there?", client_id="c-2")
    respond(first.pk)
    chat.refresh_from_db()
    assert chat.bot_pending_message_id == second.pk  # the first turn ran; the second is still owed

    assert sweep_bot_turns(now=second.created_at + timedelta(minutes=20)) == {"requeued": 0, "dropped": 1}
    assert Conversation.objects.get(pk=chat.pk).bot_pending_message_id is None
    assert queued(redis_client) == []


def test_an_email_conversation_owes_no_bot_turn(redis_client):
    conversation = ConversationFactory(channel="email")
    receive_customer_message(conversation, body="Where is my parcel?", client_id="e-1")
    conversation.refresh_from_db()
    assert conversation.bot_pending_message_id is None
    assert sweep_bot_turns() == {"requeued": 0, "dropped": 0}
