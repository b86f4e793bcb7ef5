"""Which of the bot's texts a merchant may reword, and what a rewording must keep: its variables,
plain text, no promise of money."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from support.rules import bot_text, hours_text, wismo
from support.rules.promises import BOT_POLICY, check_promises
from support.rules.reply_texts import (
    CATALOGUES,
    MAX_LENGTH,
    OverrideRefused,
    check_override,
    clean_body,
    default_text,
    preview,
    sample_values,
    usable,
    variables_for,
)
from support.rules.texts import LANGUAGES, variables_of

ALL_DEFAULTS = [(key, language, text) for catalogue in (hours_text.TEXTS, bot_text.TEXTS, wismo.TEXTS)
                for key, variants in catalogue.items() for language, text in variants.items()]


def refusal(key, language, body):
    with pytest.raises(OverrideRefused) as caught:
        check_override(key, language, body)
    return caught.value.reason, caught.value.names


def test_the_registry_holds_the_three_catalogues_but_not_the_status_words():
    wismo_keys = (key for key in wismo.TEXTS if not key.startswith("wismo.status."))
    expected = {*hours_text.TEXTS, *bot_text.TEXTS, *wismo_keys}
    assert set(CATALOGUES) == expected
    assert {"hours.greeting", "hours.out_of_hours", "hours.closed", "bot.handoff", "wismo.tracking_url",
            "wismo.parcel.delivered"} <= set(CATALOGUES)
    assert not any(key.startswith("wismo.status.") for key in CATALOGUES)
    assert all(set(variants) == set(LANGUAGES) for variants in CATALOGUES.values())


@pytest.mark.parametrize(("key", "language", "text"), ALL_DEFAULTS, ids=lambda value: str(value)[:40])
def test_no_default_text_promises_anything(key, language, text):
    assert check_promises(text, BOT_POLICY) == []


@pytest.mark.parametrize("key", list(CATALOGUES))
def test_every_default_in_every_language_would_pass_as_an_override(key):
    for language in LANGUAGES:
        check_override(key, language, default_text(key, language))
        assert variables_of(default_text(key, language)) == set(variables_for(key))


@pytest.mark.parametrize(("key", "variables"), [
    ("hours.greeting", ["shop_name"]), ("hours.out_of_hours", ["opening"]), ("hours.closed", []),
    ("bot.handoff", []), ("wismo.partial", ["order", "shipped", "total"]), ("wismo.tracking_url", ["url"]),
    ("wismo.parcel.delivered", ["date", "parcel"]),
])
def test_the_variables_of_a_key_are_those_of_its_english_default(key, variables):
    assert variables_for(key) == variables


@pytest.mark.parametrize(("key", "language", "body"), [
    ("hours.greeting", "de", "Moin bei {shop_name}! Was können wir für Sie tun?"),
    ("hours.out_of_hours", "en", "We're offline. A person answers {opening}. Literal braces: {{like this}}."),
    ("hours.closed", "fr", "Nous sommes fermés pour les vacances. Nous vous répondrons à notre retour."),
    ("bot.handoff", "zh", "我们已经收到您的消息，客服会尽快回复。"),
    ("wismo.partial", "en", "Part of {order} is on its way: {shipped} of {total} items."),
    ("wismo.tracking_url", "nl", "Volg je pakket: {url}"),
    ("hours.greeting", "en", "  Hi from {shop_name}!\r\nHow can we help?  "),
    ("bot.handoff", "en", "x" * MAX_LENGTH),
])
def test_a_rewording_that_keeps_the_variables_is_accepted(key, language, body):
    assert check_override(key, language, body) is None
    assert usable(key, language, body) is True


@pytest.mark.parametrize(("key", "language", "body", "reason", "names"), [
    ("hours.welcome", "en", "Hi!", "unknown_key", []),
    ("wismo.status.delivered", "en", "Delivered", "unknown_key", []),
    ("hours.greeting", "ja", "ようこそ {shop_name}", "unsupported_language", []),
    ("hours.greeting", "EN", "Hi {shop_name}", "unsupported_language", []),
    ("hours.greeting", "en", "   \n ", "blank_body", []),
    ("bot.handoff", "en", "x" * (MAX_LENGTH + 1), "too_long", []),
    ("hours.greeting", "en", "Hi <b>{shop_name}</b>!", "not_plain_text", []),
    ("hours.greeting", "en", "Hi {shop_name}, {}", "bad_placeholder", []),
    ("hours.greeting", "en", "Hi {0}", "bad_placeholder", ["0"]),
    ("hours.greeting", "en", "Hi {shop_name!r}", "bad_placeholder", ["shop_name"]),
    ("hours.greeting", "en", "Hi {shop_name:>40}", "bad_placeholder", ["shop_name"]),
    ("hours.greeting", "en", "Hi {shop_name.__class__}", "bad_placeholder", ["shop_name.__class__"]),
    ("hours.greeting", "en", "Hi {shop_name[0]}", "bad_placeholder", ["shop_name[0]"]),
    ("hours.greeting", "en", "Hi {shop_name", "bad_placeholder", []),
    ("hours.greeting", "en", "Hi {shop_name} :}", "bad_placeholder", []),
    ("hours.greeting", "en", "Hi {customer_name}, welcome to {shop_name}", "unknown_variables", ["customer_name"]),
    ("hours.closed", "en", "Closed until {opening}.", "unknown_variables", ["opening"]),
    ("hours.out_of_hours", "en", "We're away right now, we'll be back soon.", "missing_variables", ["opening"]),
    ("wismo.tracking_url", "en", "Track your parcel on the carrier's site.", "missing_variables", ["url"]),
    ("wismo.partial", "de", "{order} wurde teilweise versandt.", "missing_variables", ["shipped", "total"]),
    ("bot.handoff", "en", "A person will reply here shortly and we will refund you in full.", "promises_money",
     ["refund"]),
    ("hours.out_of_hours", "de", "Wir sind weg. Als Entschädigung antworten wir {opening}.", "promises_money",
     ["compensation"]),
    ("wismo.late", "en", "It was due by {date}. We guarantee it arrives this week.", "promises_money",
     ["guarantee"]),
])
def test_a_rewording_the_bot_may_not_send_is_refused_with_a_reason(key, language, body, reason, names):
    assert refusal(key, language, body) == (reason, names)
    assert usable(key, language, body) is False


def test_the_refusal_names_what_is_wrong_for_people():
    with pytest.raises(OverrideRefused) as caught:
        check_override("wismo.partial", "en", "{order} partly shipped.")
    assert caught.value.detail == "refused: missing_variables (shipped, total)"
    with pytest.raises(OverrideRefused) as caught:
        check_override("hours.greeting", "en", "")
    assert caught.value.detail == "refused: blank_body"


def test_a_stored_body_has_unix_line_ends_and_no_surrounding_space():
    assert clean_body("  Hi {shop_name}!\r\nHow can we help?\r ") == "Hi {shop_name}!\nHow can we help?"


@pytest.mark.parametrize(("key", "language", "body", "expected"), [
    ("hours.out_of_hours", "en", default_text("hours.out_of_hours", "en"),
     "Thanks for your message! We're away right now. Someone from our team will reply tomorrow at 9:00\u202fAM."),
    ("hours.out_of_hours", "de", "Wir sind ab {opening} wieder da.", "Wir sind ab morgen um 09:00 Uhr wieder da."),
    ("hours.greeting", "fr", "Bienvenue chez {shop_name} !", "Bienvenue chez Nordlicht Shop !"),
    ("wismo.partial", "de", default_text("wismo.partial", "de"),
     "Bestellung #1001 wurde teilweise versandt (2 von 3 Artikeln); der Rest folgt separat."),
    ("wismo.shipped_many", "zh", default_text("wismo.shipped_many", "zh"), "订单 #1001 已分2个包裹发货。"),
    ("wismo.parcel.delivered", "en", "{parcel} arrived on {date}.", "The parcel arrived on Wed 4 Mar."),
    ("wismo.window", "en", "Due: {window}", "Due: Thu 5 – Mon 9 Mar"),
    ("wismo.tracking_url", "en", "{{Track}} {url}", "{Track} https://www.dhl.com/track?tracking-id=JD014600006281"),
    ("bot.handoff", "en", "  One moment, a person will answer.  ", "One moment, a person will answer."),
])
def test_a_preview_fills_in_realistic_sample_values_in_the_language(key, language, body, expected):
    assert preview(key, language, body, shop_name="Nordlicht Shop") == expected


def test_a_preview_uses_the_shops_own_order_label():
    overrides = {("wismo.order", "en"): "Your order {name}"}
    assert preview("wismo.shipped", "en", "{order} is on its way.", shop_name="Nordlicht Shop",
                   overrides=overrides) == "Your order #1001 is on its way."


def test_a_preview_is_checked_like_a_save():
    with pytest.raises(OverrideRefused) as caught:
        preview("hours.out_of_hours", "en", "Back soon.", shop_name="Nordlicht Shop")
    assert caught.value.reason == "missing_variables"


@pytest.mark.parametrize("language", LANGUAGES)
def test_there_is_a_sample_for_every_variable_of_every_key(language):
    samples = sample_values(language, shop_name="Nordlicht Shop")
    for key in CATALOGUES:
        assert set(variables_for(key)) <= set(samples), key
        assert preview(key, language, default_text(key, language), shop_name="Nordlicht Shop")


@given(st.text(max_size=60), st.sampled_from(sorted(CATALOGUES)), st.sampled_from(LANGUAGES))
def test_any_text_is_either_accepted_or_refused_with_a_reason(body, key, language):
    try:
        check_override(key, language, body)
    except OverrideRefused as refused:
        assert refused.reason in {"blank_body", "not_plain_text", "bad_placeholder", "unknown_variables",
                                  "missing_variables", "promises_money"}
    else:
        assert preview(key, language, body, shop_name="Nordlicht Shop")
