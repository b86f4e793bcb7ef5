"""The Google Cloud Translation (basic, v2) client against the local stand-in over real HTTP: exact
requests (the key in a header, never in the URL), Google's error bodies mapped to reasons, one retry
at most."""
import httpx
import pytest

from support.translation.base import Translated, TranslationUnavailable
from support.translation.google import DEFAULT_URL, GoogleTranslator, error_reasons, reason_for
from tests.support.translation.fake_providers import GOOGLE_BAD_KEY, GOOGLE_KEY, providers  # noqa: F401 (fixture)


def client(server, key=GOOGLE_KEY, **options):
    return GoogleTranslator(key, url=server.google_url, retry_delay=0, **options)


def test_request_is_shaped_as_google_expects(providers):  # noqa: F811
    providers.learn("¿Dónde está mi paquete?", "es", en="Where is my package?")

    result = client(providers).translate(["¿Dónde está mi paquete?"], "en-GB", None)

    assert result == [Translated(text="Where is my package?", detected_source="es")]
    [request] = providers.requests
    assert request.path == "/language/translate/v2"
    assert request.query == {}  # the key is not in the URL
    assert request.headers["x-goog-api-key"] == GOOGLE_KEY
    assert request.headers["content-type"] == "application/json"
    assert request.body == {"q": ["¿Dónde está mi paquete?"], "target": "en", "format": "text"}


def test_codes_follow_google_and_a_given_source_is_the_detected_one(providers):  # noqa: F811
    translator = client(providers)
    assert translator.translate(["Hello"], "zh-Hant", "en-US") == [Translated("[zh-TW] Hello", "en")]
    translator.translate(["Hello"], "zh", None)
    translator.translate(["Hello"], "pt-PT", None)
    translator.translate(["Hello"], "pt-BR", None)

    assert [request.body for request in providers.requests] == [
        {"q": ["Hello"], "target": "zh-TW", "format": "text", "source": "en"},
        {"q": ["Hello"], "target": "zh-CN", "format": "text"},
        {"q": ["Hello"], "target": "pt-PT", "format": "text"},
        {"q": ["Hello"], "target": "pt", "format": "text"},
    ]


def test_detected_chinese_comes_back_as_a_script_tag(providers):  # noqa: F811
    providers.learn("我的包裹在哪里", "zh-CN", en="Where is my parcel")

    assert client(providers).translate(["我的包裹在哪里"], "en", None) == [
        Translated("Where is my parcel", "zh-Hans")
    ]


def test_default_url_is_googles():
    assert GoogleTranslator("k").url == DEFAULT_URL == "https://translation.googleapis.com/language/translate/v2"
    assert "secret-key" not in repr(GoogleTranslator("secret-key"))


@pytest.mark.parametrize(("kind", "reason", "status"), [("quota", "quota", 403), ("auth", "auth", 400)])
def test_daily_limit_and_bad_key_fail_at_once(providers, kind, reason, status):  # noqa: F811
    providers.fail("google", kind)

    with pytest.raises(TranslationUnavailable) as raised:
        client(providers).translate(["Hola"], "en", None)

    assert (raised.value.reason, raised.value.status, raised.value.provider) == (reason, status, "google")
    assert len(providers.requests) == 1


def test_a_wrong_key_is_refused_by_the_service(providers):  # noqa: F811
    with pytest.raises(TranslationUnavailable) as raised:
        client(providers, key="AIza-wrong").translate(["Hola"], "en", None)
    assert (raised.value.reason, raised.value.status) == ("auth", 400)


def test_no_key_is_refused_by_the_service(providers):  # noqa: F811
    with pytest.raises(TranslationUnavailable) as raised:
        client(providers, key="").translate(["Hola"], "en", None)
    assert (raised.value.reason, raised.value.status) == ("auth", 403)


def test_one_rate_limit_is_retried_once(providers):  # noqa: F811
    providers.fail("google", "rate_limited")

    assert client(providers).translate(["Hello"], "de", None) == [Translated("[de] Hello", "en")]
    assert len(providers.requests) == 2


@pytest.mark.parametrize(("kind", "reason"), [("rate_limited", "rate_limited"), ("server_error", "provider_error")])
def test_a_second_failure_is_not_retried_again(providers, kind, reason):  # noqa: F811
    providers.fail("google", kind, times=3)

    with pytest.raises(TranslationUnavailable) as raised:
        client(providers).translate(["Hello"], "de", None)

    assert raised.value.reason == reason
    assert len(providers.requests) == 2


def test_a_slow_service_times_out(providers):  # noqa: F811
    providers.fail("google", "slow")

    with pytest.raises(TranslationUnavailable) as raised:
        client(providers, timeout=httpx.Timeout(0.2)).translate(["Hello"], "de", None)
    assert raised.value.reason == "timeout"


def test_an_answer_without_translations_is_a_provider_error(providers):  # noqa: F811
    providers.fail("google", "garbage")

    with pytest.raises(TranslationUnavailable) as raised:
        client(providers).translate(["Hello"], "de", None)
    assert raised.value.reason == "provider_error"


def test_error_reasons_read_both_google_error_lists():
    assert error_reasons(GOOGLE_BAD_KEY) == {"badRequest", "API_KEY_INVALID"}
    assert error_reasons({"error": "nonsense"}) == set()
    assert error_reasons({}) == set()


@pytest.mark.parametrize(("status", "reasons", "reason"), [
    (403, {"dailyLimitExceeded"}, "quota"),
    (403, {"quotaExceeded"}, "quota"),
    (429, {"dailyLimitExceeded"}, "quota"),
    (403, {"userRateLimitExceeded"}, "rate_limited"),
    (429, set(), "rate_limited"),
    (403, {"accessNotConfigured"}, "auth"),
    (401, set(), "auth"),
    (400, {"badRequest", "API_KEY_INVALID"}, "auth"),
    (400, {"invalid"}, "provider_error"),
    (500, {"backendError"}, "provider_error"),
])
def test_reason_for_google_errors(status, reasons, reason):
    assert reason_for(status, reasons) == reason
