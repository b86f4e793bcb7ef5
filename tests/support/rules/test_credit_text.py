"""The store-credit texts: every key in every language with the English default's variables, plain
text, and money and dates formatted in the shopper's language."""
from datetime import date
from decimal import Decimal

import pytest

from support.rules import credit_text, texts
from support.rules.promises import BOT_POLICY, check_promises

KEYS = ("credit.issued", "credit.issued_no_expiry", "credit.gift_card_issued", "credit.gift_card_issued_no_expiry",
        "credit.feedback_ask")


def test_every_key_is_there_in_every_language_with_the_same_variables():
    assert tuple(credit_text.TEXTS) == KEYS
    for key, variants in credit_text.TEXTS.items():
        assert tuple(variants) == texts.LANGUAGES, key
        expected = texts.variables_of(variants["en"])
        for language, text in variants.items():
            assert texts.variables_of(text) == expected, (key, language)
            assert "<" not in text and ">" not in text and text == text.strip(), (key, language)


def test_the_feedback_question_promises_nothing():
    for language, text in credit_text.TEXTS["credit.feedback_ask"].items():
        assert check_promises(text, BOT_POLICY) == [], language


@pytest.mark.parametrize(("language", "currency", "expected"), [
    ("en", "EUR", "€7.50"),
    ("de", "EUR", "7,50\xa0€"),
    ("fr", "USD", "7,50\xa0$US"),
    ("zh", "USD", "US$7.50"),
    ("pt-BR", "eur", "€\xa07,50"),
    ("xx", "JPY", "¥8"),  # an unknown language is English; yen has no cents
])
def test_money_is_in_the_shoppers_language_and_the_grants_currency(language, currency, expected):
    assert credit_text.format_amount(Decimal("7.50"), currency, language) == expected


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "March 1, 2027"), ("de", "1. März 2027"), ("es", "1 de marzo de 2027"), ("zh", "2027年3月1日"),
])
def test_expiry_is_a_long_date_in_the_shoppers_language(language, expected):
    assert credit_text.format_expiry(date(2027, 3, 1), language) == expected


@pytest.mark.parametrize(("instrument", "expires_on", "expected"), [
    ("store_credit", date(2027, 3, 1),
     ("credit.issued", "We've added €7.50 in store credit to your account. It's valid until March 1, 2027.")),
    ("store_credit", None, ("credit.issued_no_expiry", "We've added €7.50 in store credit to your account.")),
    ("gift_card", date(2027, 3, 1),
     ("credit.gift_card_issued",
      "We've issued you a gift card worth €7.50. It's valid until March 1, 2027. Its code: gc7k2m9x4p.")),
    ("gift_card", None,
     ("credit.gift_card_issued_no_expiry", "We've issued you a gift card worth €7.50. Its code: gc7k2m9x4p.")),
])
def test_issued_text_picks_the_instrument_and_expiry(instrument, expires_on, expected):
    assert credit_text.issued_text(instrument=instrument, amount=Decimal("7.50"), currency="EUR",
                                   expires_on=expires_on, language="en", code="gc7k2m9x4p") == expected


def test_a_gift_card_notice_never_goes_out_without_its_code():
    with pytest.raises(texts.MissingVariable):
        credit_text.issued_text(instrument="gift_card", amount=Decimal("7.50"), currency="EUR", expires_on=None,
                                language="en", code="")


def test_issued_text_in_german_and_italian():
    assert credit_text.issued_text(instrument="store_credit", amount=Decimal("12.00"), currency="CHF",
                                   expires_on=date(2026, 12, 31), language="de") == (
        "credit.issued",
        "Wir haben deinem Kundenkonto 12,00\xa0CHF Guthaben gutgeschrieben. Es ist bis zum 31. Dezember 2026 gültig.",
    )
    assert credit_text.issued_text(instrument="gift_card", amount=Decimal("5"), currency="EUR", expires_on=None,
                                   language="it-IT", code="gc7k2m9x4p") == (
        "credit.gift_card_issued_no_expiry", "Ti abbiamo emesso una carta regalo da 5,00\xa0€. Il codice: gc7k2m9x4p.")


def test_feedback_question_names_the_order_and_refuses_a_blank_one():
    assert credit_text.feedback_ask_text(order_name="#1042", language="nl") == (
        "credit.feedback_ask",
        "Hoe was je bestelling #1042? Geef een cijfer van 1 tot 5 en vertel ons in een paar woorden hoe het ging.",
    )
    with pytest.raises(texts.MissingVariable):
        credit_text.feedback_ask_text(order_name=" ", language="en")
