"""The reply guardrail: ``.../messages/check`` warns about promises, ``.../promise-decisions`` records
what the agent did (codes and decision on the timeline, never the text); other shops get 404s."""
import pytest

from support.models import TimelineEvent
from tests.factories import ConversationFactory, MessageFactory, ShopFactory, ShopTokenFactory

pytestmark = pytest.mark.django_db

SHOP, OTHER = "shop-a.myshopify.com", "shop-b.myshopify.com"
DRAFT = "So sorry! Guaranteed full refund, and we will compensate you."
WARNINGS = [{"code": "guarantee", "phrase": "Guaranteed"}, {"code": "refund", "phrase": "full refund"},
            {"code": "compensation", "phrase": "we will compensate"}]


@pytest.fixture
def shop():
    return ShopTokenFactory(shop__domain=SHOP).shop


@pytest.fixture
def post(client, session_token, shop):
    ShopTokenFactory(shop__domain=OTHER)
    token = session_token(SHOP, "9100000000000801")

    def request(path, data):
        return client.post(path, data, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")

    return request


def check(conversation):
    return f"/api/admin/conversations/{conversation.pk}/messages/check"


def decisions(conversation):
    return f"/api/admin/conversations/{conversation.pk}/promise-decisions"


def test_check_warns_about_promises_in_the_draft(post, shop):
    conversation = ConversationFactory(shop=shop)
    response = post(check(conversation), {"body": DRAFT})
    assert (response.status_code, response.json()) == (200, {"warnings": WARNINGS})
    assert post(check(conversation), {"body": "Wir versprechen eine volle Rückerstattung."}).json() == {"warnings": [
        {"code": "guarantee", "phrase": "Wir versprechen"}, {"code": "refund", "phrase": "volle Rückerstattung"}]}
    assert post(check(conversation), {"body": "Your parcel left Leipzig today."}).json() == {"warnings": []}
    assert not TimelineEvent.objects.exists()  # checking a draft records nothing


def test_a_decision_is_recorded_with_codes_not_text(post, shop):
    conversation = ConversationFactory(shop=shop)
    message = MessageFactory(conversation=conversation, kind="agent", body=DRAFT)
    response = post(decisions(conversation), {"warnings": WARNINGS, "decision": "sent", "message_id": message.pk})
    event = TimelineEvent.objects.get(conversation=conversation)
    assert response.status_code == 201
    assert response.json() == {"id": str(event.pk), "codes": ["compensation", "guarantee", "refund"],
                               "decision": "sent"}
    assert (event.kind, event.actor, event.agent.shopify_user_id) == (
        "reply.promise_warning", "agent", "9100000000000801")
    assert event.data == {"codes": ["compensation", "guarantee", "refund"], "decision": "sent",
                          "message_id": str(message.pk)}


@pytest.mark.parametrize("decision", ["edited", "cancelled"])
def test_edited_and_cancelled_need_no_message(post, shop, decision):
    conversation = ConversationFactory(shop=shop)
    response = post(decisions(conversation), {"warnings": WARNINGS[:1], "decision": decision})
    assert response.status_code == 201
    assert TimelineEvent.objects.get().data == {"codes": ["guarantee"], "decision": decision, "message_id": None}


@pytest.mark.parametrize("payload", [
    {"warnings": WARNINGS, "decision": "ignored"},
    {"warnings": [{"code": "discount", "phrase": "10% off"}], "decision": "sent"},
    {"warnings": [], "decision": "sent"},
])
def test_bad_decisions_are_refused_and_nothing_is_recorded(post, shop, payload):
    response = post(decisions(ConversationFactory(shop=shop)), payload)
    assert response.status_code == 400
    assert not TimelineEvent.objects.exists()


def test_another_shops_conversation_or_message_is_404_and_nothing_is_recorded(post, shop):
    theirs = ConversationFactory(shop=ShopFactory(domain=OTHER))
    mine = ConversationFactory(shop=shop)
    other_message = MessageFactory(conversation=theirs, kind="agent")
    elsewhere = MessageFactory(conversation=ConversationFactory(shop=shop), kind="agent")
    assert post(check(theirs), {"body": DRAFT}).status_code == 404
    assert post(decisions(theirs), {"warnings": WARNINGS, "decision": "sent"}).status_code == 404
    for message in (other_message, elsewhere):
        response = post(decisions(mine), {"warnings": WARNINGS, "decision": "sent", "message_id": message.pk})
        assert response.status_code == 404
    assert not TimelineEvent.objects.exists()


def reply(conversation):
    return f"/api/admin/conversations/{conversation.pk}/messages"


def test_a_reply_with_a_promise_is_not_sent_until_the_agent_confirms(post, shop, listen):
    from support import realtime
    from support.models import Message

    conversation = ConversationFactory(shop=shop)
    agents = listen(realtime.agents_group(shop.pk))
    response = post(reply(conversation), {"body": DRAFT, "client_id": "r-1"})
    assert response.status_code == 409
    assert response.json() == {"detail": "the reply promises what the shop's policy does not allow",
                               "code": "promise_warning", "warnings": WARNINGS}
    assert not Message.objects.exists() and not TimelineEvent.objects.exists() and agents() == []

    response = post(reply(conversation), {"body": DRAFT, "client_id": "r-1", "confirm_promises": True})
    assert response.status_code == 201
    message = Message.objects.get(conversation=conversation)
    assert (message.kind, message.body) == ("agent", DRAFT)
    decision = TimelineEvent.objects.get(conversation=conversation, kind="reply.promise_warning")
    assert decision.data == {"codes": ["compensation", "guarantee", "refund"], "decision": "sent",
                             "message_id": str(message.pk)}


def test_a_harmless_reply_and_a_note_are_sent_without_confirmation(post, shop):
    from support.models import Message

    conversation = ConversationFactory(shop=shop)
    assert post(reply(conversation), {"body": "Your parcel left Leipzig today."}).status_code == 201
    note = post(reply(conversation), {"body": "Offer a full refund? Ask Kim.", "internal": True})
    assert note.status_code == 201  # notes never reach the shopper: no guardrail
    assert list(Message.objects.order_by("pk").values_list("kind", flat=True)) == ["agent", "note"]
    assert not TimelineEvent.objects.filter(kind="reply.promise_warning").exists()
