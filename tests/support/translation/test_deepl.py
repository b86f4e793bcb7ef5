"""The DeepL client against the local stand-in over real HTTP: exact requests, every error mapped
to its reason, one retry at most, and neither the text nor the key in any log record."""
import socket

import httpx
import pytest

from support.translation.base import Translated, TranslationUnavailable
from support.translation.deepl import FREE_URL, PRO_URL, DeepLTranslator, base_url_for
from tests.support.translation.fake_providers import DEEPL_KEY, providers  # noqa: F401 (fixture)


def client(server, key=DEEPL_KEY, **options):
    return DeepLTranslator(key, base_url=server.url, retry_delay=0, **options)


def test_request_is_shaped_as_deepl_expects(providers):  # noqa: F811
    providers.learn("Wo ist mein Paket?", "de", en="Where is my parcel?")

    result = client(providers).translate(["Wo ist mein Paket?"], "en", None)

    assert result == [Translated(text="Where is my parcel?", detected_source="de")]
    [request] = providers.requests
    assert request.path == "/v2/translate"
    assert request.query == {}
    assert request.headers["authorization"] == f"DeepL-Auth-Key {DEEPL_KEY}"
    assert request.headers["content-type"] == "application/json"
    assert request.body == {"text": ["Wo ist mein Paket?"], "target_lang": "EN-US"}


def test_source_and_variants_use_deepls_codes(providers):  # noqa: F811
    translator = client(providers)
    translator.translate(["Hello"], "pt-BR", "en-GB")
    translator.translate(["Hello"], "zh-TW", None)
    translator.translate(["Hello"], "en-GB", "pt-PT")

    assert [request.body for request in providers.requests] == [
        {"text": ["Hello"], "target_lang": "PT-BR", "source_lang": "EN"},
        {"text": ["Hello"], "target_lang": "ZH-HANT"},
        {"text": ["Hello"], "target_lang": "EN-GB", "source_lang": "PT"},
    ]


def test_several_texts_come_back_in_order_in_one_request(providers):  # noqa: F811
    providers.learn("Danke", "de", fr="Merci")
    providers.learn("Gracias", "es", fr="Merci beaucoup")

    result = client(providers).translate(["Danke", "Gracias"], "fr", None)

    assert result == [Translated("Merci", "de"), Translated("Merci beaucoup", "es")]
    assert len(providers.requests) == 1


def test_nothing_to_translate_sends_nothing(providers):  # noqa: F811
    assert client(providers).translate([], "de", None) == []
    assert providers.requests == []


def test_free_keys_go_to_the_free_host_and_others_to_pro():
    assert base_url_for("279a2e9d-83b3-c416-7e2d-f721593e42a0:fx") == FREE_URL == "https://api-free.deepl.com"
    assert base_url_for("279a2e9d-83b3-c416-7e2d-f721593e42a0") == PRO_URL == "https://api.deepl.com"
    assert DeepLTranslator("k:fx").url == "https://api-free.deepl.com/v2/translate"
    assert DeepLTranslator("k").url == "https://api.deepl.com/v2/translate"
    assert "k:fx" not in repr(DeepLTranslator("k:fx"))


@pytest.mark.parametrize(("kind", "reason", "status"), [("quota", "quota", 456), ("auth", "auth", 403)])
def test_quota_and_refused_key_fail_at_once_without_retry(providers, kind, reason, status):  # noqa: F811
    providers.fail("deepl", kind)

    with pytest.raises(TranslationUnavailable) as raised:
        client(providers).translate(["Hallo"], "en", None)

    assert (raised.value.reason, raised.value.status, raised.value.provider) == (reason, status, "deepl")
    assert len(providers.requests) == 1


def test_a_wrong_key_is_refused_by_the_service(providers):  # noqa: F811
    with pytest.raises(TranslationUnavailable) as raised:
        client(providers, key="not-the-key").translate(["Hallo"], "en", None)
    assert raised.value.reason == "auth"


def test_one_rate_limit_is_retried_once(providers):  # noqa: F811
    providers.fail("deepl", "rate_limited")

    assert client(providers).translate(["Hello"], "de", None) == [Translated("[DE] Hello", "en")]
    assert len(providers.requests) == 2


@pytest.mark.parametrize(("kind", "reason"), [("rate_limited", "rate_limited"), ("server_error", "provider_error")])
def test_a_second_failure_is_not_retried_again(providers, kind, reason):  # noqa: F811
    providers.fail("deepl", kind, times=3)

    with pytest.raises(TranslationUnavailable) as raised:
        client(providers).translate(["Hello"], "de", None)

    assert raised.value.reason == reason
    assert len(providers.requests) == 2


def test_a_slow_service_times_out(providers):  # noqa: F811
    providers.fail("deepl", "slow")

    with pytest.raises(TranslationUnavailable) as raised:
        client(providers, timeout=httpx.Timeout(0.2)).translate(["Hello"], "de", None)

    assert raised.value.reason == "timeout"
    assert len(providers.requests) == 1


def test_an_answer_without_translations_is_a_provider_error(providers):  # noqa: F811
    providers.fail("deepl", "garbage")

    with pytest.raises(TranslationUnavailable) as raised:
        client(providers).translate(["Hello"], "de", None)
    assert raised.value.reason == "provider_error"


def test_an_unreachable_service_is_a_provider_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(TranslationUnavailable) as raised:
        DeepLTranslator(DEEPL_KEY, base_url=f"http://127.0.0.1:{port}", retry_delay=0).translate(["Hi"], "de")
    assert raised.value.reason == "provider_error"


def test_failures_log_neither_the_text_nor_the_key(providers, caplog):  # noqa: F811
    providers.fail("deepl", "quota")

    with pytest.raises(TranslationUnavailable):
        client(providers).translate(["My card is secret text"], "de", None)

    records = [record for record in caplog.records if record.name.startswith("support.translation")]
    assert [(record.getMessage(), record.reason, record.status) for record in records] == [
        ("translation.provider.failed", "quota", 456)
    ]
    logged = repr([record.__dict__ for record in caplog.records])
    assert "secret text" not in logged
    assert DEEPL_KEY not in logged
