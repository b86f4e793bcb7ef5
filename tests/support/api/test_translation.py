"""``/api/admin/settings/translation`` and ``"translate": true`` on the agent reply, against the
local provider stand-in over real HTTP: the key is write-only, owners and admins change settings,
a translated reply keeps the agent's words for agents only, a provider failure answers 502/503 and
sends nothing, and the widget never sees an original or a translation."""
import pytest

from support.api.translation import TranslationFailed
from support.models import AuditEvent, Message, TranslationSettings
from tests.factories import ConversationFactory, ShopTokenFactory, TranslationSettingsFactory
from tests.support.api.test_widget import proxy_query
from tests.support.translation.fake_providers import DEEPL_KEY, GOOGLE_KEY, providers  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

SHOP, OTHER = "shop-a.myshopify.com", "shop-b.myshopify.com"
OWNER, STAFF = "9100000000000601", "9100000000000602"
SETTINGS = "/api/admin/settings/translation"
OFF = {"provider": "", "enabled": False, "switched_on": True, "agent_language": "en", "key_set": False,
       "reason": "no_key"}


@pytest.fixture
def shop():
    return ShopTokenFactory(shop__domain=SHOP).shop


@pytest.fixture
def admin_api(client, session_token, shop):
    def call(method, path, data=None, user_id=OWNER, domain=SHOP):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {session_token(domain, user_id)}"}
        if method == "get":
            return client.get(path, **headers)
        return getattr(client, method)(path, data or {}, content_type="application/json", **headers)

    assert call("get", "/api/admin/me").json()["agent"]["role"] == "owner"
    assert call("get", "/api/admin/me", user_id=STAFF).json()["agent"]["role"] == "agent"
    return call


def test_without_settings_translation_is_off_and_says_why(admin_api):
    response = admin_api("get", SETTINGS)

    assert (response.status_code, response.json()) == (200, OFF)


def test_settings_round_trip_never_returns_the_key(admin_api, shop):
    saved = admin_api("put", SETTINGS, {"provider": "deepl", "api_key": f"  {DEEPL_KEY} ", "agent_language": "pt_br"})
    read = admin_api("get", SETTINGS)

    expected = {"provider": "deepl", "enabled": True, "switched_on": True, "agent_language": "pt-BR",
                "key_set": True, "reason": None}
    assert (saved.status_code, saved.json(), read.json()) == (200, expected, expected)
    assert DEEPL_KEY not in saved.content.decode() + read.content.decode()
    assert TranslationSettings.objects.get(shop=shop).api_key == DEEPL_KEY


def test_switching_off_and_removing_the_key_turn_translation_off(admin_api):
    admin_api("put", SETTINGS, {"provider": "google", "api_key": GOOGLE_KEY})

    switched_off = admin_api("put", SETTINGS, {"enabled": False}).json()
    no_key = admin_api("put", SETTINGS, {"enabled": True, "api_key": ""}).json()

    assert (switched_off["enabled"], switched_off["switched_on"], switched_off["reason"]) == (False, False, "disabled")
    assert (no_key["enabled"], no_key["key_set"], no_key["reason"]) == (False, False, "no_key")


def test_an_agent_reads_but_cannot_change_settings(admin_api, shop):
    assert admin_api("get", SETTINGS, user_id=STAFF).json() == OFF

    response = admin_api("put", SETTINGS, {"provider": "deepl", "api_key": DEEPL_KEY}, user_id=STAFF)

    assert response.status_code == 403
    assert not TranslationSettings.objects.filter(shop=shop).exists()
    assert not AuditEvent.objects.filter(shop=shop).exists()


@pytest.mark.parametrize("data", [{"provider": "bing"}, {"agent_language": "english please"},
                                  {"enabled": "maybe"}, {"api_key": "x" * 201}])
def test_invalid_settings_are_refused_and_nothing_is_stored(admin_api, shop, data):
    response = admin_api("put", SETTINGS, data)

    assert (response.status_code, response.json()["code"]) == (400, "invalid_input")
    assert list(response.json()["fields"]) == list(data)
    assert not TranslationSettings.objects.filter(shop=shop).exists()


def test_another_shops_settings_are_not_seen(admin_api):
    TranslationSettingsFactory(shop=ShopTokenFactory(shop__domain=OTHER).shop, agent_language="de")

    assert admin_api("get", SETTINGS).json() == OFF


def reply_url(conversation):
    return f"/api/admin/conversations/{conversation.pk}/messages"


def test_a_reply_is_sent_translated_and_agents_see_the_original(admin_api, shop, providers):  # noqa: F811
    TranslationSettingsFactory(shop=shop)
    conversation = ConversationFactory(shop=shop, language="de")

    response = admin_api("post", reply_url(conversation), {"body": "Your parcel left today.", "client_id": "c1",
                                                            "translate": True})

    assert response.status_code == 201
    sent = response.json()
    assert (sent["body"], sent["original_body"], sent["machine_translated"], sent["language"], sent["translation"]) == (
        "[DE] Your parcel left today.", "Your parcel left today.", True, "de", {})
    assert [request.body for request in providers.requests] == [
        {"text": ["Your parcel left today."], "target_lang": "DE"}
    ]
    [listed] = admin_api("get", reply_url(conversation)).json()
    assert (listed["id"], listed["original_body"], listed["machine_translated"]) == (
        sent["id"], "Your parcel left today.", True)


@pytest.mark.parametrize(("kind", "status", "code"), [
    ("quota", 503, "quota"), ("rate_limited", 503, "rate_limited"), ("auth", 502, "auth"),
    ("server_error", 502, "provider_error"),
])
def test_a_provider_failure_answers_with_the_reason_and_sends_nothing(admin_api, shop, providers,  # noqa: F811
                                                                      kind, status, code):
    TranslationSettingsFactory(shop=shop)
    conversation = ConversationFactory(shop=shop, language="de")
    providers.fail("deepl", kind, times=2)

    response = admin_api("post", reply_url(conversation), {"body": "Hello", "client_id": "c1", "translate": True})

    assert (response.status_code, response.json()["code"]) == (status, code)
    assert Message.objects.filter(conversation=conversation).count() == 0


def test_a_timeout_is_a_503():
    assert (TranslationFailed("timeout").status_code, TranslationFailed("timeout").get_codes()) == (503, "timeout")


def test_translate_with_translation_off_is_refused(admin_api, shop, providers):  # noqa: F811
    conversation = ConversationFactory(shop=shop, language="de")

    response = admin_api("post", reply_url(conversation), {"body": "Hello", "client_id": "c1", "translate": True})

    assert (response.status_code, response.json()["code"]) == (400, "translation_off")
    assert Message.objects.filter(conversation=conversation).count() == 0
    assert providers.requests == []


def test_a_note_is_never_translated(admin_api, shop, providers):  # noqa: F811
    TranslationSettingsFactory(shop=shop)
    conversation = ConversationFactory(shop=shop, language="de")

    response = admin_api("post", reply_url(conversation), {"body": "Call her", "client_id": "n1", "internal": True,
                                                            "translate": True})

    assert (response.status_code, response.json()["body"], response.json()["machine_translated"]) == (
        201, "Call her", False)
    assert providers.requests == []


def test_another_shops_conversation_is_404_and_nothing_is_translated(admin_api, shop, providers):  # noqa: F811
    TranslationSettingsFactory(shop=shop)
    other = ConversationFactory(shop=ShopTokenFactory(shop__domain=OTHER).shop, language="de")

    response = admin_api("post", reply_url(other), {"body": "Hello", "client_id": "c1", "translate": True})

    assert response.status_code == 404
    assert Message.objects.filter(conversation=other).count() == 0
    assert providers.requests == []


WIDGET_FIELDS = {"id", "kind", "body", "client_id", "created_at", "attachments", "machine_translated"}


def test_the_widget_never_sees_originals_or_translations(client, admin_api, shop, providers, redis_client,  # noqa: F811
                                                         django_capture_on_commit_callbacks):
    from shopapp.celery import app as celery_app

    TranslationSettingsFactory(shop=shop)
    providers.learn("Wo ist mein Paket?", "de", en="Where is my parcel?")
    providers.learn("It left today.", "en", de="Es ist heute losgegangen.")
    started = client.post(f"/api/widget/conversations?{proxy_query()}", {"locale": "de"},
                          content_type="application/json").json()
    headers = {"HTTP_X_VISITOR_TOKEN": started["visitor_token"]}
    messages_url = f"/api/widget/conversations/{started['conversation']['id']}/messages?{proxy_query()}"
    celery_app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(messages_url, {"body": "Wo ist mein Paket?", "client_id": "w1"},
                        content_type="application/json", **headers)
    finally:
        celery_app.conf.task_always_eager = False
    conversation_url = f"/api/admin/conversations/{started['conversation']['id']}/messages"
    admin_api("post", conversation_url, {"body": "It left today.", "client_id": "c1", "translate": True})

    agents_view = [m for m in admin_api("get", conversation_url).json() if m["kind"] != "bot"]  # the bot may greet
    shoppers_view = client.get(messages_url, **headers).json()
    resumed = client.post(f"/api/widget/conversations?{proxy_query()}", {}, content_type="application/json",
                          **headers).json()

    assert [(m["translation"], m["original_body"]) for m in agents_view] == [
        ({"language": "en", "text": "Where is my parcel?", "provider": "deepl"}, ""), ({}, "It left today.")]
    assert [(m["body"], m["machine_translated"]) for m in shoppers_view if m["kind"] != "bot"] == [
        ("Wo ist mein Paket?", False), ("Es ist heute losgegangen.", True)]
    assert all(set(m) == WIDGET_FIELDS for m in shoppers_view + resumed["messages"])
    assert len(resumed["messages"]) == len(shoppers_view) >= 2
    assert "It left today." not in str(shoppers_view) + str(resumed)
