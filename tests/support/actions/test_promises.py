"""Recording the agent's decision after a promise warning: codes and decision, never the text."""
import pytest

from shopapp.refusals import Refused
from support.actions.promises import record_promise_decision
from support.models import TimelineEvent
from support.rules.promises import PromiseWarning
from tests.factories import AgentFactory, ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db

WARNINGS = [PromiseWarning("refund", "full refund"), PromiseWarning("refund", "we will refund"),
            PromiseWarning("guarantee", "guaranteed")]


def test_the_decision_is_on_the_timeline_with_distinct_codes():
    conversation = ConversationFactory()
    agent = AgentFactory(shop=conversation.shop)
    message = MessageFactory(conversation=conversation, kind="agent")
    event = record_promise_decision(conversation, agent=agent, warnings=WARNINGS, decision="sent", message=message)
    assert TimelineEvent.objects.get() == event
    assert (event.kind, event.actor, event.agent_id, event.shop_id) == (
        "reply.promise_warning", "agent", agent.pk, conversation.shop_id)
    assert event.data == {"codes": ["guarantee", "refund"], "decision": "sent", "message_id": str(message.pk)}


@pytest.mark.parametrize(("kwargs", "reason"), [
    ({"warnings": WARNINGS, "decision": "maybe"}, "unknown_decision"),
    ({"warnings": [], "decision": "sent"}, "unknown_warning"),
    ({"warnings": [PromiseWarning("discount", "10%")], "decision": "sent"}, "unknown_warning"),
])
def test_refusals_record_nothing(kwargs, reason):
    conversation = ConversationFactory()
    with pytest.raises(Refused) as caught:
        record_promise_decision(conversation, agent=AgentFactory(shop=conversation.shop), **kwargs)
    assert caught.value.reason == reason
    assert not TimelineEvent.objects.exists()


def test_a_message_of_another_conversation_is_refused():
    conversation = ConversationFactory()
    elsewhere = MessageFactory(conversation=ConversationFactory(shop=conversation.shop), kind="agent")
    with pytest.raises(Refused) as caught:
        record_promise_decision(conversation, agent=AgentFactory(shop=conversation.shop), warnings=WARNINGS,
                                decision="sent", message=elsewhere)
    assert caught.value.reason == "unknown_message"
    assert not TimelineEvent.objects.exists()
