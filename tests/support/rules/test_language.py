"""The shopper's language: the text's when clear, else the browser's locale."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support.rules import language
from support.rules.language import detect_language, text_language
from support.rules.texts import LANGUAGES
from tests.support.rules.phrasebook import NO_INTENT, PHRASES


@pytest.mark.parametrize(("text", "expected"), [
    ("Hello, I ordered a jacket last week and it still has not arrived", "en"),
    ("Hola, ¿dónde está mi pedido? Lo compré hace dos semanas", "es"),
    ("Bonjour, je n'ai toujours pas reçu ma commande", "fr"),
    ("Guten Tag, wo ist meine Bestellung? Ich warte seit zwei Wochen", "de"),
    ("Olá, ainda não recebi a minha encomenda", "pt"),
    ("Buongiorno, non ho ancora ricevuto il mio ordine", "it"),
    ("Hallo, ik heb mijn bestelling nog steeds niet ontvangen", "nl"),
    ("你好，我的订单还没到", "zh"),
    ("請問我的訂單什麼時候到", "zh"),  # traditional characters
])
def test_a_clear_sentence_decides_whatever_the_browser_says(text, expected):
    assert detect_language(text, browser_locale="ja-JP") == expected
    assert detect_language(text, browser_locale="de-DE") == expected
    assert text_language(text) == expected


@pytest.mark.parametrize(("text", "locale", "expected"), [
    ("ok", "fr-FR", "fr"),
    ("merci", "de-CH", "de"),  # too short to tell: the browser decides, even against the word
    ("Danke!", "nl-NL", "nl"),
    ("hello", None, "en"),
    ("👍", "it-IT", "it"),
    ("", "pt-BR", "pt"),
    ("ok", "ja-JP", "en"),  # an unsupported locale: English
    ("ok", "zh_Hans", "zh"),
])
def test_short_text_goes_to_the_browser_locale(text, locale, expected):
    assert detect_language(text, browser_locale=locale) == expected


def test_an_unclear_text_goes_to_the_browser_even_when_long_enough():
    assert text_language("Het product is defect") is None  # 18 letters, but nl and en are close
    assert detect_language("Het product is defect", browser_locale="fr-FR") == "fr"


def test_links_addresses_and_numbers_do_not_count_as_letters():
    text = "#1045 https://shop.example.com/orders/1045 anna.k@example.com 42EU"
    assert text_language(text) is None
    assert detect_language(text, browser_locale="es-ES") == "es"


def test_chinese_by_script_even_mixed_with_latin():
    assert text_language("PayPal争议") == "zh"
    assert text_language("我的订单 #1234 where") == "zh"
    assert text_language("I bought 这个 yesterday and it still has not arrived") == "en"


def test_japanese_and_korean_are_not_chinese():
    assert text_language("注文はまだ届いていません") is None
    assert detect_language("注文はまだ届いていません", browser_locale="ja-JP") == "en"
    assert detect_language("주문이 아직 도착하지 않았어요", browser_locale="es") == "es"


def test_the_detector_is_built_once_and_knows_only_the_latin_script_languages():
    assert language.detector() is language.detector()
    assert set(language.LINGUA_LANGUAGES.values()) == set(LANGUAGES) - {"zh"}


def test_thresholds_hold_on_the_phrasebook():
    """The corpus the thresholds were chosen on: most messages decided, almost never wrongly."""
    samples = [(lang, text) for lang, table in PHRASES.items() for texts in table.values() for text in texts]
    samples += [(lang, text) for lang, texts in NO_INTENT.items() for text in texts]
    decided = [(lang, text_language(text)) for lang, text in samples]
    decided = [(expected, found) for expected, found in decided if found is not None]
    wrong = [pair for pair in decided if pair[0] != pair[1]]
    assert len(decided) >= 0.85 * len(samples)
    assert len(wrong) <= 2


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.one_of(st.none(), st.text(max_size=12)))
def test_always_one_of_the_answered_languages(text, locale):
    assert detect_language(text, browser_locale=locale) in LANGUAGES
