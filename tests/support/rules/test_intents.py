"""Intents and signals of shoppers' messages in the eight languages, by the pattern tables."""
import pytest

from support.rules import intents
from support.rules.intents import (
    Classification,
    Intent,
    Signal,
    classify,
    extract_order_reference,
    extract_postcode,
    fold,
)
from support.rules.lexicon import LEXICONS
from support.rules.texts import LANGUAGES
from tests.support.rules.phrasebook import NO_INTENT, PHRASES

CASES = [(language, intent, text) for language, table in PHRASES.items() for intent, texts in table.items()
         for text in texts]


def test_the_phrasebook_covers_every_intent_in_every_language():
    assert set(PHRASES) == set(LANGUAGES) == set(LEXICONS)
    for table in PHRASES.values():
        assert set(table) == set(Intent)
        assert all(len(texts) >= 3 for texts in table.values())


@pytest.mark.parametrize(("language", "intent", "text"), CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_shopper_phrasing_gets_its_intent(language, intent, text):
    assert classify(text, language).intent == intent


@pytest.mark.parametrize(("language", "text"), [(lang, text) for lang, texts in NO_INTENT.items() for text in texts])
def test_small_talk_and_unrelated_text_has_no_intent(language, text):
    assert classify(text, language) == Classification(intent=None, signals=frozenset(), matched=frozenset())


@pytest.mark.parametrize(("text", "language"), [
    ("I ordered the wrong size, can I get the next one up?", "en"),  # the shopper's mistake, not a wrong item
    ("I feel ripped off", "en"),
    ("Is it on sale?", "en"),
    ("Pedí la talla equivocada", "es"),
    ("Ich habe die falsche Größe bestellt", "de"),
    ("Ik heb de verkeerde maat besteld", "nl"),
])
def test_near_misses_get_no_intent(text, language):
    """Each contains a tempting word ("wrong size", "ripped", "sale") in a sense that is not the intent."""
    assert classify(text, language).intent is None


@pytest.mark.parametrize(("text", "language", "intent", "matched"), [
    ("The lamp arrived broken, I want a refund", "en", "damaged_or_wrong", {"damaged_or_wrong", "returns"}),
    ("Cancel my order and refund me", "en", "cancel_or_change", {"cancel_or_change", "returns"}),
    ("Thanks, but where is my order?", "en", "order_status", {"order_status", "thanks"}),
    ("It arrived damaged, let me talk to a real person", "en", "human", {"human", "damaged_or_wrong"}),
    ("The price dropped, can you refund the difference?", "en", "price_complaint", {"price_complaint", "returns"}),
    ("¿Dónde está mi pedido? ¿Cuándo llega?", "es", "order_status", {"order_status", "delivery_time"}),
])
def test_several_intents_resolve_by_precedence_and_all_are_kept(text, language, intent, matched):
    result = classify(text, language)
    assert (result.intent, result.matched) == (intent, frozenset(matched))


def test_precedence_lists_every_intent_once():
    assert sorted(intents.PRECEDENCE) == sorted(Intent)


def test_a_message_in_english_is_understood_whatever_the_detected_language():
    assert classify("where is my order", "de").intent == Intent.ORDER_STATUS
    assert classify("where is my order", "xx").intent == Intent.ORDER_STATUS  # unknown language: English


def test_the_patterns_of_another_language_are_not_tried_beyond_english():
    assert classify("Wo ist meine Bestellung?", "fr").intent is None


def test_case_accents_apostrophes_and_full_width_forms_do_not_matter():
    assert classify("OÙ EST MA COMMANDE", "fr").intent == Intent.ORDER_STATUS
    assert classify("ou est ma commande", "fr").intent == Intent.ORDER_STATUS
    assert classify("Je n\u2019ai toujours pas reçu mon colis", "fr").intent == Intent.ORDER_STATUS
    assert classify("WHERE\u2019S my order", "en").intent == Intent.ORDER_STATUS
    assert fold("  Größe   ÄNDERN\t ") == "grosse andern"
    assert fold("Ｗｈｅｒｅ") == "where"


def test_words_match_whole_words_only():
    assert classify("My order was cancelled?", "en").intent == Intent.CANCEL_OR_CHANGE  # a stem with its endings
    assert classify("Tell me about betarays", "en").intent is None  # "eta" inside a word is not ETA
    assert classify("I am hellbent on this", "en").signals == frozenset()  # "hell" inside a word


def test_chinese_matches_without_word_boundaries_and_mixed_with_latin():
    assert classify("请问我的订单#1234在哪里", "zh").intent == Intent.ORDER_STATUS
    assert Signal.LEGAL in classify("我要开PayPal争议", "zh").signals


# --- signals -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("I will file a chargeback with my bank", "en"), ("I opened a PayPal case", "en"),
    ("My lawyer will contact you", "en"),
    ("I'll file an A-to-z claim", "en"), ("I am going to dispute the charge", "en"),
    ("Voy a abrir una disputa en PayPal", "es"), ("Hablaré con mi abogado", "es"),
    ("Je vais ouvrir un litige", "fr"), ("Je vais contacter un avocat", "fr"),
    ("Ich mache eine Rückbuchung", "de"), ("Mein Anwalt meldet sich", "de"),
    ("Vou abrir uma disputa", "pt"), ("Vou falar com o meu advogado", "pt"),
    ("Apro una controversia su PayPal", "it"), ("Chiamo il mio avvocato", "it"),
    ("Ik start een geschil bij PayPal", "nl"), ("Mijn advocaat neemt contact op", "nl"),
    ("我要申请拒付", "zh"), ("我会找律师", "zh"),
])
def test_legal_words_in_every_language(text, language):
    assert Signal.LEGAL in classify(text, language).signals


def test_legal_words_are_caught_even_when_the_language_was_misread():
    assert Signal.LEGAL in classify("ich mache eine Rückbuchung", "en").signals
    assert Signal.LEGAL in classify("abogado", "it").signals


@pytest.mark.parametrize(("text", "language"), [
    ("This is ridiculous, worst service ever", "en"), ("WHERE IS MY ORDER I PAID THREE WEEKS AGO", "en"),
    ("where is my order!!!", "en"), ("Es una vergüenza, sois unos estafadores", "es"),
    ("C'est inadmissible, j'en ai marre", "fr"), ("Eine Frechheit, totaler Betrug", "de"),
    ("Que vergonha, péssimo atendimento", "pt"), ("È una vergogna, siete dei truffatori", "it"),
    ("Belachelijk, jullie zijn oplichters", "nl"), ("垃圾店，骗子", "zh"),
])
def test_anger_from_words_and_from_style(text, language):
    assert Signal.ANGRY in classify(text, language).signals


@pytest.mark.parametrize(("text", "language"), [
    ("WHERE IS IT", "en"),  # short emphasis, not shouting
    ("Where is my order?!", "en"),
    ("I love it, thanks!", "en"),
])
def test_emphasis_is_not_anger(text, language):
    assert Signal.ANGRY not in classify(text, language).signals


@pytest.mark.parametrize(("text", "language"), [
    ("I'll leave a 1-star review on Trustpilot", "en"), ("I will write a bad review", "en"),
    ("Voy a dejar una mala reseña", "es"), ("Je vais laisser un avis négatif", "fr"),
    ("Ich schreibe eine schlechte Bewertung", "de"), ("Vou deixar uma avaliação negativa", "pt"),
    ("Lascerò una recensione negativa", "it"), ("Ik geef een slechte review", "nl"), ("我要给差评", "zh"),
])
def test_review_threats(text, language):
    assert Signal.REVIEW_THREAT in classify(text, language).signals


def test_a_kind_review_is_not_a_threat():
    assert Signal.REVIEW_THREAT not in classify("Thanks, I'll leave a great review!", "en").signals


@pytest.mark.parametrize(("text", "language"), [
    ("I want my money back", "en"), ("You charged me twice", "en"), ("Where is my refund?", "en"),
    ("Me cobraron dos veces", "es"), ("J'ai été débité deux fois", "fr"), ("Ich wurde doppelt abgebucht", "de"),
    ("Fui cobrado duas vezes", "pt"), ("Mi avete addebitato due volte", "it"), ("Ik ben dubbel afgeschreven", "nl"),
    ("被扣了两次钱", "zh"), ("我要退款", "zh"),
])
def test_money_topics(text, language):
    assert Signal.MONEY in classify(text, language).signals


def test_a_return_question_without_money_is_not_money():
    result = classify("How do I return an item?", "en")
    assert (result.intent, result.signals) == (Intent.RETURNS, frozenset())


def test_order_reference_signal():
    assert classify("Order #1045 hasn't arrived", "en").signals == frozenset({Signal.ORDER_REFERENCE})
    assert Signal.ORDER_REFERENCE not in classify("I ordered 2 items", "en").signals


@pytest.mark.parametrize(("text", "expected"), [
    ("where is #1045?", ("#1045", None)),
    ("order # 1045 please", ("#1045", None)),
    ("My order number is 1045, email anna.k+shop@example.co.uk.", ("#1045", "anna.k+shop@example.co.uk")),
    ("pedido nº 20451", ("#20451", None)),
    ("Bestellnummer: 1045", ("#1045", None)),
    ("commande n° 1045", ("#1045", None)),
    ("我的订单号1045还没到", ("#1045", None)),
    ("订单＃1045", ("#1045", None)),
    ("order #eu1045", ("#EU1045", None)),
    ("reach me at jo@shop.example", (None, "jo@shop.example")),
    ("I ordered 2 items on 12 May", (None, None)),
    ("call me on +44 7700 900123", (None, None)),
    ("#1 best seller", (None, None)),
    ("", (None, None)),
])
def test_extract_order_reference(text, expected):
    assert extract_order_reference(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("order #1045, zip 90210", "90210"),
    ("my zip code is 90210-1234 thanks", "90210-1234"),
    ("postcode: sw1a 1aa", "SW1A 1AA"),
    ("Postal code K1A 0B6", "K1A 0B6"),
    ("Meine PLZ ist 10115", "10115"),
    ("código postal 1000-001", "1000-001"),
    ("code postal 75001", "75001"),
    ("CAP 20121", "20121"),
    ("postcode 1012 AB", "1012 AB"),
    ("邮编100000", "100000"),
    ("90210", None),  # no label: could be anything
    ("order 1045 to 75001 Paris", None),
    ("zip it up", None),
    ("I bought a cap 2 weeks ago", None),
])
def test_extract_postcode(text, expected):
    assert extract_postcode(text) == expected


def test_a_pattern_with_an_upper_case_escape_is_refused():
    with pytest.raises(ValueError, match="upper-case escape"):
        intents.compile_patterns([r"order\S+"], bounded=True)


def test_empty_text_has_nothing():
    assert classify("", "en") == Classification(intent=None)
    assert classify(None, "en") == Classification(intent=None)


def test_an_unsure_language_is_read_in_the_one_language_whose_patterns_match():
    from support.rules.intents import classify_unsure

    language, found = classify_unsure("Come posso fare un reso?", "en")
    assert (language, found.intent) == ("it", Intent.RETURNS)
    language, found = classify_unsure("where is my order", "de")
    assert (language, found.intent) == ("en", Intent.ORDER_STATUS)
    assert classify_unsure("Purple elephants", "fr") == ("fr", classify("Purple elephants", "fr"))
