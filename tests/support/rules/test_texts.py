import pytest

from support.rules.texts import LANGUAGES, MissingVariable, pick_language, render, text_for, variables_of

CATALOGUE = {"hours.greeting": {"en": "Hi, welcome to {shop_name}!", "de": "Hallo, willkommen bei {shop_name}!"}}


@pytest.mark.parametrize(("code", "expected"), [
    ("pt-BR", "pt"), ("zh_Hans", "zh"), ("DE", "de"), ("nl-BE", "nl"), ("ar", "en"), ("", "en"), (None, "en"),
])
def test_pick_language(code, expected):
    assert pick_language(code) == expected


def test_languages_are_the_eight_the_app_answers_in():
    assert LANGUAGES == ("en", "es", "fr", "de", "pt", "it", "nl", "zh")


def test_render_fills_variables():
    filled = render("Order {order} ships {when}.", {"order": "#1001", "when": "Tue 3 Dec"})
    assert filled == "Order #1001 ships Tue 3 Dec."
    assert variables_of("{a} and {b}") == {"a", "b"}


@pytest.mark.parametrize("value", [None, "", "   "])
def test_render_refuses_a_blank_variable(value):
    with pytest.raises(MissingVariable) as caught:
        render("Order {order} for {name}", {"order": "#1", "name": value})
    assert caught.value.names == ["name"]


def test_render_refuses_an_absent_variable():
    with pytest.raises(MissingVariable) as caught:
        render("{b} {a}", {})
    assert caught.value.names == ["a", "b"]


def test_text_for_prefers_the_override_then_the_language_then_english():
    assert text_for(CATALOGUE, "hours.greeting", "de-AT") == "Hallo, willkommen bei {shop_name}!"
    assert text_for(CATALOGUE, "hours.greeting", "fr") == "Hi, welcome to {shop_name}!"
    overrides = {("hours.greeting", "de"): "Servus bei {shop_name}"}
    assert text_for(CATALOGUE, "hours.greeting", "de", overrides) == "Servus bei {shop_name}"
    assert text_for(CATALOGUE, "hours.greeting", "it", {("hours.greeting", "en"): "Hey"}) == "Hey"


def test_an_english_override_never_replaces_the_catalogues_text_in_the_shoppers_language():
    overrides = {("hours.greeting", "en"): "Hey, this is {shop_name}"}
    assert text_for(CATALOGUE, "hours.greeting", "de", overrides) == "Hallo, willkommen bei {shop_name}!"
    assert text_for(CATALOGUE, "hours.greeting", "en", overrides) == "Hey, this is {shop_name}"
