"""Machine translation actions against the local provider stand-in (real HTTP), real PostgreSQL and
the real Redis channel layer: a shopper's message gets its translation for the agents, only the
agents hear about it, nothing is called when the feature is off, replies are translated with card
numbers masked first, and a redaction erases translations too."""
import pytest

from shopapp.celery import app as celery_app
from support import realtime
from support.actions import translation as translation_actions
from support.actions.messages import receive_customer_message
from support.actions.privacy import redact_customer
from support.models import AuditEvent, Message, TranslationSettings
from support.tasks import translate_message_task
from support.translation.base import TranslationUnavailable
from tests.factories import (
    AgentFactory,
    ConversationFactory,
    MessageFactory,
    ShopTokenFactory,
    TranslationSettingsFactory,
)
from tests.support.translation.fake_providers import DEEPL_KEY, GOOGLE_KEY, providers  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

GERMAN = "Wo ist mein Paket?"
ENGLISH = "Where is my parcel?"


@pytest.fixture(autouse=True)
def eager_celery():
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


@pytest.fixture
def conversation():
    return ConversationFactory(language="de")


def about(message, events):
    """The events about ``message`` (the bot may answer the shopper in the same run)."""
    return [event for event in events
            if str(message.pk) in (event["payload"].get("id"), event["payload"].get("message_id"))]


def shopper_writes(conversation, body, capture, client_id="s1"):
    with capture(execute=True):
        message, _ = receive_customer_message(conversation, body=body, client_id=client_id)
    message.refresh_from_db()
    return message


def test_a_shoppers_message_gets_its_translation_for_the_agents(conversation, providers, listen,  # noqa: F811
                                                                django_capture_on_commit_callbacks):
    TranslationSettingsFactory(shop=conversation.shop)
    providers.learn(GERMAN, "de", en=ENGLISH)
    agents = listen(realtime.agents_group(conversation.shop_id))
    shopper = listen(realtime.shopper_group(conversation.pk))

    message = shopper_writes(conversation, GERMAN, django_capture_on_commit_callbacks)

    assert (message.body, message.language) == (GERMAN, "de")
    assert message.translation == {"language": "en", "text": ENGLISH, "provider": "deepl"}
    assert [request.body for request in providers.requests] == [{"text": [GERMAN], "target_lang": "EN-US"}]
    heard = about(message, agents())
    assert [event["event"] for event in heard] == ["message.created", "message.translated"]
    assert heard[1]["payload"] == {"message_id": str(message.pk), "conversation_id": str(conversation.pk),
                                   "language": "de", "translation": message.translation}
    assert "translation" in heard[0]["payload"]
    [created] = about(message, shopper())
    assert created["event"] == "message.created"
    assert "translation" not in created["payload"] and "original_body" not in created["payload"]


def test_google_translates_into_the_agents_language(conversation, providers,  # noqa: F811
                                                    django_capture_on_commit_callbacks):
    TranslationSettingsFactory(shop=conversation.shop, provider="google", api_key=GOOGLE_KEY, agent_language="fr")
    providers.learn(GERMAN, "de", fr="Où est mon colis ?")

    message = shopper_writes(conversation, GERMAN, django_capture_on_commit_callbacks)

    assert message.translation == {"language": "fr", "text": "Où est mon colis ?", "provider": "google"}
    assert [request.body for request in providers.requests] == [{"q": [GERMAN], "target": "fr", "format": "text"}]


def test_a_message_in_the_agents_language_gets_no_translation(conversation, providers, listen,  # noqa: F811
                                                              django_capture_on_commit_callbacks):
    TranslationSettingsFactory(shop=conversation.shop)
    agents = listen(realtime.agents_group(conversation.shop_id))

    message = shopper_writes(conversation, ENGLISH, django_capture_on_commit_callbacks)

    assert (message.language, message.translation) == ("en", {})
    assert len(providers.requests) == 1
    assert [event["event"] for event in about(message, agents())] == ["message.created"]


def test_a_message_known_to_be_in_the_agents_language_costs_no_call(providers):  # noqa: F811
    message = MessageFactory(body=ENGLISH, language="en-GB")
    TranslationSettingsFactory(shop=message.shop)

    assert translation_actions.translate_for_agents(message.pk) == "same_language"
    assert providers.requests == []


@pytest.mark.parametrize("settings_row", [None, {"api_key": ""}, {"enabled": False}, {"provider": ""}])
def test_translation_off_calls_nothing_and_stores_nothing(conversation, providers, settings_row,  # noqa: F811
                                                          django_capture_on_commit_callbacks):
    if settings_row is not None:
        TranslationSettingsFactory(shop=conversation.shop, **settings_row)

    message = shopper_writes(conversation, GERMAN, django_capture_on_commit_callbacks)

    assert (message.language, message.translation) == ("", {})
    assert translation_actions.translate_for_agents(message.pk) == "off"
    assert providers.requests == []


def test_a_provider_failure_leaves_the_message_untranslated(providers, caplog):  # noqa: F811
    message = MessageFactory(body=GERMAN)
    TranslationSettingsFactory(shop=message.shop)
    providers.fail("deepl", "quota")

    assert translation_actions.translate_for_agents(message.pk) == "quota"

    message.refresh_from_db()
    assert (message.language, message.translation) == ("", {})
    assert ("translation.message.failed", "quota") in [
        (record.getMessage(), getattr(record, "reason", None)) for record in caplog.records
    ]


def test_the_task_tries_a_failing_provider_twice_more_then_gives_up(providers):  # noqa: F811
    message = MessageFactory(body=GERMAN)
    TranslationSettingsFactory(shop=message.shop)
    providers.fail("deepl", "server_error", times=6)

    translate_message_task.delay(message.pk)

    assert len(providers.requests) == 6  # three runs, each with its one retry
    message.refresh_from_db()
    assert message.translation == {}


def test_the_task_does_not_retry_a_used_up_quota(providers):  # noqa: F811
    message = MessageFactory(body=GERMAN)
    TranslationSettingsFactory(shop=message.shop)
    providers.fail("deepl", "quota", times=3)

    assert translate_message_task.delay(message.pk).get() == "quota"
    assert len(providers.requests) == 1


def test_the_task_of_a_gone_message_does_nothing(providers, caplog):  # noqa: F811
    assert translate_message_task.delay(987654321).get() == "gone"
    assert providers.requests == []
    assert "translation.message_gone" in [record.getMessage() for record in caplog.records]


@pytest.mark.parametrize("kind", ["agent", "note", "bot"])
def test_only_shopper_messages_are_translated(providers, kind):  # noqa: F811
    message = MessageFactory(body=GERMAN, kind=kind)
    TranslationSettingsFactory(shop=message.shop)

    assert translation_actions.translate_for_agents(message.pk) == "skipped"
    assert providers.requests == []


def test_a_translated_message_is_not_translated_twice(providers):  # noqa: F811
    message = MessageFactory(body=GERMAN, translation={"language": "en", "text": ENGLISH, "provider": "deepl"})
    TranslationSettingsFactory(shop=message.shop)

    assert translation_actions.translate_for_agents(message.pk) == "already_translated"
    assert providers.requests == []


def test_a_reply_is_sent_translated_with_card_numbers_masked_first(conversation, providers,  # noqa: F811
                                                                   django_capture_on_commit_callbacks):
    TranslationSettingsFactory(shop=conversation.shop)
    agent = AgentFactory(shop=conversation.shop)

    with django_capture_on_commit_callbacks(execute=True):
        message, created = translation_actions.send_translated_reply(
            conversation, agent=agent, body="Is your card 4111 1111 1111 1111?", client_id="a1"
        )

    [request] = providers.requests
    assert request.body == {"text": ["Is your card •••• 1111?"], "target_lang": "DE"}
    assert created is True
    assert (message.body, message.original_body) == ("[DE] Is your card •••• 1111?",
                                                     "Is your card •••• 1111?")
    assert (message.machine_translated, message.language) == (True, "de")


def test_a_retried_reply_is_not_translated_again(conversation, providers):  # noqa: F811
    TranslationSettingsFactory(shop=conversation.shop)
    agent = AgentFactory(shop=conversation.shop)
    first, _ = translation_actions.send_translated_reply(conversation, agent=agent, body="Hello", client_id="a1")

    again, created = translation_actions.send_translated_reply(conversation, agent=agent, body="Hello", client_id="a1")

    assert (again.pk, created) == (first.pk, False)
    assert len(providers.requests) == 1


def test_a_reply_goes_to_the_language_the_shopper_writes_in(conversation, providers):  # noqa: F811
    TranslationSettingsFactory(shop=conversation.shop)
    MessageFactory(conversation=conversation, body="Olá", language="pt-BR")

    message, _ = translation_actions.send_translated_reply(conversation, agent=AgentFactory(shop=conversation.shop),
                                                           body="Hello", client_id="a1")

    assert providers.requests[0].body["target_lang"] == "PT-BR"
    assert (message.body, message.language) == ("[PT-BR] Hello", "pt-BR")


def test_a_reply_to_a_shopper_reading_the_agents_language_is_sent_as_written(providers):  # noqa: F811
    conversation = ConversationFactory(language="en-US")
    TranslationSettingsFactory(shop=conversation.shop)

    message, _ = translation_actions.send_translated_reply(conversation, agent=AgentFactory(shop=conversation.shop),
                                                           body="Hello", client_id="a1")

    assert (message.body, message.machine_translated, message.original_body) == ("Hello", False, "")
    assert providers.requests == []


@pytest.mark.parametrize(("language", "settings_row", "reason"), [
    ("de", None, "translation_off"), ("", {}, "language_unknown"),
])
def test_a_reply_that_cannot_be_translated_is_refused_and_not_stored(providers, language, settings_row,  # noqa: F811
                                                                     reason):
    conversation = ConversationFactory(language=language)
    if settings_row is not None:
        TranslationSettingsFactory(shop=conversation.shop)

    with pytest.raises(translation_actions.TranslationRefused) as refused:
        translation_actions.send_translated_reply(conversation, agent=AgentFactory(shop=conversation.shop),
                                                  body="Hello", client_id="a1")

    assert refused.value.reason == reason
    assert Message.objects.filter(conversation=conversation).count() == 0
    assert providers.requests == []


def test_a_provider_failure_on_a_reply_stores_nothing(conversation, providers):  # noqa: F811
    TranslationSettingsFactory(shop=conversation.shop)
    providers.fail("deepl", "auth")

    with pytest.raises(TranslationUnavailable):
        translation_actions.send_translated_reply(conversation, agent=AgentFactory(shop=conversation.shop),
                                                  body="Hello", client_id="a1")

    assert Message.objects.filter(conversation=conversation).count() == 0


def test_translate_reply_is_none_when_off_and_the_text_otherwise(providers):  # noqa: F811
    shop = TranslationSettingsFactory(enabled=False).shop
    assert translation_actions.translate_reply(shop, "Hello", "fr") is None
    TranslationSettings.objects.filter(shop=shop).update(enabled=True)

    result = translation_actions.translate_reply(shop, "Hello", "fr")

    assert (result.text, result.detected_source) == ("[FR] Hello", "en")


def test_settings_changes_are_audited_without_the_key():
    shop = ShopTokenFactory().shop
    agent = AgentFactory(shop=shop, role="admin")

    row = translation_actions.update_translation_settings(
        shop, agent=agent, changes={"provider": "deepl", "api_key": DEEPL_KEY, "agent_language": "de"}
    )
    switched = translation_actions.update_translation_settings(shop, agent=agent, changes={"provider": "google"})

    assert (row.provider, row.agent_language) == ("deepl", "de")
    assert (switched.provider, switched.api_key) == ("google", "")  # a DeepL key is no Google key
    assert TranslationSettings.objects.get(shop=shop).api_key == ""
    events = list(AuditEvent.objects.filter(shop=shop).order_by("pk").values_list("action", "data"))
    assert events == [
        ("settings.translation.updated",
         {"fields": ["agent_language", "api_key", "provider"], "provider": "deepl", "off_reason": ""}),
        ("settings.translation.updated", {"fields": ["api_key", "provider"], "provider": "google",
                                          "off_reason": "no_key"}),
    ]
    assert DEEPL_KEY not in repr(events)


def test_an_unchanged_setting_writes_no_audit_event():
    row = TranslationSettingsFactory()
    agent = AgentFactory(shop=row.shop, role="admin")

    translation_actions.update_translation_settings(row.shop, agent=agent, changes={"provider": "deepl"})

    assert AuditEvent.objects.filter(shop=row.shop).count() == 0


def test_the_key_is_encrypted_at_rest():
    from django.db import connection

    row = TranslationSettingsFactory()
    with connection.cursor() as cursor:
        cursor.execute("SELECT api_key FROM support_translationsettings WHERE id = %s", [row.pk])
        stored = cursor.fetchone()[0]
    assert stored and DEEPL_KEY not in stored
    assert TranslationSettings.objects.get(pk=row.pk).api_key == DEEPL_KEY


def test_redacting_a_shopper_erases_translations_and_originals():
    shop = ShopTokenFactory(shop__domain="redact-shop.myshopify.com").shop
    conversation = ConversationFactory(shop=shop, customer__shopify_id=9100000000190077,
                                       customer__email="ana@example.com")
    MessageFactory(conversation=conversation, body="Ich bin ana@example.com", language="de",
                   translation={"language": "en", "text": "I am ana@example.com", "provider": "deepl"})
    MessageFactory(conversation=conversation, kind="agent", body="Hola Ana", original_body="Hello Ana",
                   machine_translated=True, language="es")

    redact_customer(shop.domain, {"shop_domain": shop.domain, "orders_to_redact": [],
                                  "customer": {"id": 9100000000190077, "email": "ana@example.com"}})

    assert list(Message.objects.filter(conversation=conversation).order_by("pk").values_list(
        "body", "original_body", "translation")) == [("", "", {}), ("", "", {})]


def test_the_shopper_hears_the_translated_reply_without_the_agents_words(conversation, providers, listen,  # noqa: F811
                                                                         django_capture_on_commit_callbacks):
    TranslationSettingsFactory(shop=conversation.shop)
    providers.learn("It left today.", "en", de="Es ist heute losgegangen.")
    agents = listen(realtime.agents_group(conversation.shop_id))
    shopper = listen(realtime.shopper_group(conversation.pk))

    with django_capture_on_commit_callbacks(execute=True):
        message, _ = translation_actions.send_translated_reply(
            conversation, agent=AgentFactory(shop=conversation.shop), body="It left today.", client_id="a1"
        )

    [for_agents] = about(message, agents())
    [for_shopper] = about(message, shopper())
    assert (for_agents["payload"]["body"], for_agents["payload"]["original_body"]) == (
        "Es ist heute losgegangen.", "It left today.")
    assert (for_shopper["payload"]["body"], for_shopper["payload"]["machine_translated"]) == (
        "Es ist heute losgegangen.", True)
    assert "It left today." not in repr(for_shopper)
