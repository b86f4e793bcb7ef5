"""Language tags between the app and the providers (pure)."""
import pytest

from support.translation.languages import (
    base,
    deepl_source,
    deepl_target,
    google_code,
    normalize,
    same_language,
)


@pytest.mark.parametrize(("code", "tag"), [
    ("EN", "en"), ("pt_br", "pt-BR"), ("PT-PT", "pt-PT"), ("zh", "zh"), ("ZH-HANT", "zh-Hant"),
    ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh-CN", "zh-Hans"), ("zh-Hans-CN", "zh-Hans"),
    ("es-419", "es-419"), ("iw", "he"), ("no", "nb"), ("", ""), (None, ""), ("1a", ""), ("english", ""),
])
def test_normalize(code, tag):
    assert normalize(code) == tag


def test_same_language_ignores_variants_and_needs_both():
    assert same_language("en-GB", "EN")
    assert same_language("zh-TW", "zh-Hans")
    assert not same_language("pt", "es")
    assert not same_language("", "")
    assert not same_language(None, "en")
    assert base("pt-BR") == "pt"


@pytest.mark.parametrize(("code", "target", "source"), [
    ("en", "EN-US", "EN"), ("en-GB", "EN-GB", "EN"), ("en-US", "EN-US", "EN"), ("pt", "PT-BR", "PT"),
    ("pt-PT", "PT-PT", "PT"), ("pt_BR", "PT-BR", "PT"), ("zh", "ZH-HANS", "ZH"), ("zh-TW", "ZH-HANT", "ZH"),
    ("de-AT", "DE", "DE"), ("no", "NB", "NB"),
])
def test_deepl_codes(code, target, source):
    assert (deepl_target(code), deepl_source(code)) == (target, source)


@pytest.mark.parametrize(("code", "google"), [
    ("en-GB", "en"), ("zh", "zh-CN"), ("zh-Hant", "zh-TW"), ("pt-PT", "pt-PT"), ("pt-BR", "pt"), ("nb", "no"),
    ("FR", "fr"),
])
def test_google_codes(code, google):
    assert google_code(code) == google
