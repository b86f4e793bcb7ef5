"""The bot's turn end to end over the real database and Redis: a shopper's message in, bot messages,
priority, hand-off and broadcasts out."""
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from support import realtime
from support.actions.autoresponses import respond
from support.actions.messages import receive_customer_message, send_agent_reply
from support.models import Message, MessageKind, TimelineEvent
from support.rules import bot_text, hours_text
from support.rules.texts import text_for
from support.selectors.hours import schedule_for
from support.selectors.wismo import wismo_answer
from tests.factories import (
    AgentFactory,
    BusinessHoursFactory,
    ConversationFactory,
    CustomerFactory,
    FaqEntryFactory,
    FulfillmentFactory,
    OrderFactory,
    ShopFactory,
    SupportSettingsFactory,
)

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def shop():
    return ShopFactory(name="Nordlicht Shop", timezone="Europe/Berlin")


def says(conversation, body, n=[0]):  # noqa: B006 - a counter for distinct client ids
    n[0] += 1
    message, _ = receive_customer_message(conversation, body=body, client_id=f"c-{n[0]}")
    return respond(message.pk)


def bodies(conversation):
    return list(Message.objects.filter(conversation=conversation, kind=MessageKind.BOT).order_by("pk")
                .values_list("body", flat=True))


def greeting(language):
    return hours_text.greeting_text(language, "Nordlicht Shop")


def bot(key, language):
    return text_for(bot_text.TEXTS, key, language)


@pytest.mark.parametrize(("language", "question"), [
    ("en", "Hi, where is my order?"),
    ("de", "Hallo, wo ist meine Bestellung?"),
    ("es", "Hola, ¿dónde está mi pedido?"),
])
def test_a_logged_in_shopper_gets_greeting_and_their_order_status(shop, redis_client, language, question):
    customer = CustomerFactory(shop=shop, locale=language)
    order = OrderFactory(shop=shop, customer=customer, shipping_country_code="DE", fulfillment_status="fulfilled",
                         shopify_created_at=timezone.now() - timedelta(days=3))
    FulfillmentFactory(order=order, shipment_status="in_transit", shopify_created_at=timezone.now() - timedelta(days=2),
                       tracking=[{"company": "DHL", "number": "JD0001", "url": "https://track.example/JD0001"}])
    conversation = ConversationFactory(shop=shop, customer=customer)

    sent = says(conversation, question)

    expected = wismo_answer(order, language=language).text
    assert [m.body for m in sent] == [greeting(language), expected]
    assert "JD0001" in expected and "https://track.example/JD0001" in expected
    conversation.refresh_from_db()
    assert (conversation.language, conversation.bot_failures, conversation.last_bot_key, conversation.intent) == (
        language, 0, "wismo.answer", "order_status")
    assert conversation.handed_off_at is None


def test_an_anonymous_shopper_is_asked_for_details_then_answered(shop, redis_client):
    order = OrderFactory(shop=shop, name="#2001", email="ana@example.com", fulfillment_status="unfulfilled",
                         shopify_created_at=timezone.now() - timedelta(hours=2))
    conversation = ConversationFactory(shop=shop, customer=CustomerFactory(shop=shop, shopify_id=None,
                                                                           visitor_id="v_anon", email=""))
    asked = says(conversation, "where is my order?")
    assert [m.body for m in asked] == [greeting("en"), bot("bot.order_details", "en")]
    sent = says(conversation, "It's order #2001, ana@example.com - where is my order?")
    assert [m.body for m in sent] == [wismo_answer(order, language="en").text]


def test_a_wrong_email_reveals_nothing(shop, redis_client):
    OrderFactory(shop=shop, name="#2001", email="ana@example.com")
    wrong, missing = (ConversationFactory(shop=shop, customer=CustomerFactory(shop=shop, shopify_id=None,
                                                                               visitor_id=f"v_{n}", email=""))
                      for n in range(2))
    says(wrong, "hello")
    says(missing, "hello")
    said_wrong = says(wrong, "Where is my order #2001? eve@example.com")
    said_missing = says(missing, "Where is my order #9999? eve@example.com")
    assert [m.body for m in said_wrong] == [m.body for m in said_missing] == [bot("bot.order_not_found", "en")]


@pytest.mark.parametrize(("language", "question"), [
    ("fr", "Comment retourner un article ?"),
    ("it", "Come posso fare un reso?"),
    ("nl", "Hoe kan ik een artikel retourneren?"),
])
def test_a_question_the_bot_cannot_answer_goes_to_a_person_without_a_guess(
        shop, redis_client, listen, django_capture_on_commit_callbacks, language, question):
    conversation = ConversationFactory(shop=shop)
    says(conversation, "Hello")  # not the first message any more: English so far
    agents = listen(realtime.agents_group(shop.pk))
    shopper = listen(realtime.shopper_group(conversation.pk))

    with django_capture_on_commit_callbacks(execute=True):
        sent = says(conversation, question)

    assert [m.body for m in sent] == [bot("bot.handoff", language)]
    conversation.refresh_from_db()
    assert (conversation.handoff_reason, conversation.priority) == ("needs_person", "B")
    escalated = TimelineEvent.objects.get(conversation=conversation, kind=realtime.CONVERSATION_ESCALATED)
    assert escalated.data["reason"] == "needs_person"
    agent_events = [event["event"] for event in agents()]
    assert realtime.CONVERSATION_ESCALATED in agent_events
    assert realtime.CONVERSATION_ESCALATED not in [event["event"] for event in shopper()]


@pytest.mark.parametrize(("body", "reason", "priority"), [
    ("I will file a chargeback with my bank", "legal", "A"),
    ("Je veux parler à un humain", "asked_for_human", "B"),
    ("Quero falar com uma pessoa", "asked_for_human", "B"),
    ("我要找人工客服", "asked_for_human", "B"),
])
def test_escalation_words_hand_off_at_once(shop, redis_client, body, reason, priority):
    customer = CustomerFactory(shop=shop)
    OrderFactory(shop=shop, customer=customer)
    conversation = ConversationFactory(shop=shop, customer=customer)
    sent = says(conversation, body)
    conversation.refresh_from_db()
    assert sent[-1].body == bot("bot.handoff", conversation.language)
    assert (conversation.handoff_reason, conversation.priority) == (reason, priority)
    assert not any("refund" in m.body.lower() for m in sent)


def test_a_high_value_customer_moves_up_a_tier(shop, redis_client):
    SupportSettingsFactory(shop=shop, high_value_threshold="500.00")
    customer = CustomerFactory(shop=shop)
    OrderFactory(shop=shop, customer=customer, total_price="650.00")
    conversation = ConversationFactory(shop=shop, customer=customer)
    says(conversation, "Do you have this jacket in blue?")  # pre-sale: B, one up for 650 spent
    conversation.refresh_from_db()
    assert conversation.priority == "A"


def test_the_bot_fails_twice_then_hands_off(shop, redis_client):
    conversation = ConversationFactory(shop=shop)
    assert [m.body for m in says(conversation, "Hello")] == [greeting("en")]
    assert says(conversation, "Purple elephants dance quietly") == []
    conversation.refresh_from_db()
    assert (conversation.bot_failures, conversation.handed_off_at) == (1, None)
    assert [m.body for m in says(conversation, "Banana telescope")] == [bot("bot.handoff", "en")]
    conversation.refresh_from_db()
    assert conversation.handoff_reason == "bot_failed_twice"


def test_a_confident_faq_answer(shop, redis_client):
    FaqEntryFactory(shop=shop)
    conversation = ConversationFactory(shop=shop)
    says(conversation, "hi")
    assert [m.body for m in says(conversation, "Can you gift wrap my order?")] == [
        "Yes: tick 'gift wrap' at checkout, it is free."]


def test_out_of_hours_says_when_a_person_answers_and_never_twice_in_a_row(shop, redis_client):
    today = timezone.now().astimezone(BERLIN).weekday()
    open_day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[(today + 2) % 7]
    BusinessHoursFactory(shop=shop, weekly={open_day: [["09:00", "17:00"]]}, holiday_countries=[])
    conversation = ConversationFactory(shop=shop)
    sent = says(conversation, "Hello there")
    expected = hours_text.out_of_hours_text(schedule_for(shop), timezone.now(), "en", None)
    assert [m.body for m in sent] == [greeting("en"), expected]
    agent = AgentFactory(shop=shop)
    send_agent_reply(conversation, agent=agent, body="We'll look at it first thing.", client_id="a-1")
    assert says(conversation, "Thanks, one more thing") == []  # the same automatic reply would repeat


def test_once_an_agent_has_replied_the_bot_stays_quiet_in_hours(shop, redis_client):
    conversation = ConversationFactory(shop=shop)
    says(conversation, "hi")
    send_agent_reply(conversation, agent=AgentFactory(shop=shop), body="Hi, how can I help?", client_id="a-1")
    assert says(conversation, "Where is my order?") == []


def test_running_the_turn_twice_sends_nothing_twice(shop, redis_client):
    conversation = ConversationFactory(shop=shop)
    message, _ = receive_customer_message(conversation, body="hello", client_id="c-once")
    first = respond(message.pk)
    assert respond(message.pk) == []
    assert bodies(conversation) == [m.body for m in first] == [greeting("en")]


def test_a_gone_or_email_message_gets_no_reply(shop, redis_client):
    assert respond(987654321) == []
    conversation = ConversationFactory(shop=shop, channel="email")
    message, _ = receive_customer_message(conversation, body="Where is my order?", client_id="e-1")
    assert respond(message.pk) == []
    assert bodies(conversation) == []


@pytest.mark.django_db(transaction=True)
def test_the_bot_answers_through_a_real_celery_worker(redis_client):
    import time

    from celery.contrib.testing.worker import start_worker

    from shopapp.celery import app as celery_app

    shop = ShopFactory(name="Nordlicht Shop", timezone="Europe/Berlin")
    conversation = ConversationFactory(shop=shop)
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        receive_customer_message(conversation, body="Hi there", client_id="c-live")  # enqueued on commit
        deadline = time.monotonic() + 15
        while not bodies(conversation) and time.monotonic() < deadline:
            time.sleep(0.05)
    assert bodies(conversation) == [greeting("en")]


def test_the_shops_own_german_greeting_reaches_a_german_shopper_and_english_shoppers_keep_the_default(
        shop, redis_client):
    from tests.factories import ReplyTextFactory

    ReplyTextFactory(shop=shop, key="hours.greeting", language="de",
                     body="Moin bei {shop_name}! Wie können wir helfen?")
    ReplyTextFactory(key="hours.greeting", language="en", body="Howdy from {shop_name}!")  # another shop's
    german = ConversationFactory(shop=shop, customer=CustomerFactory(shop=shop, locale="de"))
    english = ConversationFactory(shop=shop, customer=CustomerFactory(shop=shop, locale="en"))

    assert [m.body for m in says(german, "Hallo, ich habe eine Frage zu meiner Bestellung.")][:1] == [
        "Moin bei Nordlicht Shop! Wie können wir helfen?"]
    assert [m.body for m in says(english, "Hello, I have a question about my order.")][:1] == [greeting("en")]
    assert greeting("en") == "Hi there, welcome to Nordlicht Shop! How can we help you today?"


def test_the_shops_wording_is_used_in_the_order_answer_and_the_bots_own_sentences(shop, redis_client):
    from tests.factories import ReplyTextFactory

    ReplyTextFactory(shop=shop, key="wismo.parcel.in_transit", language="de",
                     body="{parcel} ist mit der Post unterwegs.")
    ReplyTextFactory(shop=shop, key="bot.order_details", language="en",
                     body="Send us your order number and email, please.")
    customer = CustomerFactory(shop=shop, locale="de")
    order = OrderFactory(shop=shop, customer=customer, shipping_country_code="DE", fulfillment_status="fulfilled",
                         shopify_created_at=timezone.now() - timedelta(days=3))
    FulfillmentFactory(order=order, shipment_status="in_transit", shopify_created_at=timezone.now() - timedelta(days=2),
                       tracking=[{"company": "DHL", "number": "JD0001", "url": ""}])
    anonymous = ConversationFactory(shop=shop, customer=CustomerFactory(shop=shop, shopify_id=None, visitor_id="v_1",
                                                                        email=""))

    answer = says(ConversationFactory(shop=shop, customer=customer), "Hallo, wo ist meine Bestellung?")[-1].body
    asked = says(anonymous, "where is my order?")

    assert "Das Paket ist mit der Post unterwegs." in answer.split("\n")
    assert answer != wismo_answer(order, language="de").text
    assert [m.body for m in asked] == [greeting("en"), "Send us your order number and email, please."]


def test_the_turn_queues_the_translation_for_agents_when_the_shop_has_it_on(
        shop, redis_client, django_capture_on_commit_callbacks):
    import json

    from tests.factories import TranslationSettingsFactory

    TranslationSettingsFactory(shop=shop)
    conversation = ConversationFactory(shop=shop)
    message, _ = receive_customer_message(conversation, body="Wo ist meine Bestellung?", client_id="c-de")
    with django_capture_on_commit_callbacks(execute=True):
        respond(message.pk)
    queued = [json.loads(raw)["headers"] for raw in redis_client.lrange("celery", 0, -1)]
    assert [(h["task"], h["argsrepr"]) for h in queued] == [
        ("support.tasks.translate_message_task", f"({message.pk},)")]


def test_out_of_hours_names_the_time_on_the_shoppers_clock_when_the_browser_told_it(shop, redis_client):
    today = timezone.now().astimezone(BERLIN).weekday()
    open_day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[(today + 2) % 7]
    BusinessHoursFactory(shop=shop, weekly={open_day: [["09:00", "17:00"]]}, holiday_countries=[])
    conversation = ConversationFactory(shop=shop, customer=CustomerFactory(shop=shop, time_zone="Asia/Tokyo"))
    sent = says(conversation, "Hello there")
    tokyo = hours_text.out_of_hours_text(schedule_for(shop), timezone.now(), "en", "Asia/Tokyo")
    assert [m.body for m in sent] == [greeting("en"), tokyo]
    assert tokyo != hours_text.out_of_hours_text(schedule_for(shop), timezone.now(), "en", None)
