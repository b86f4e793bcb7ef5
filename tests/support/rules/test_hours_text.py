"""The greeting and the out-of-hours reply in the eight languages, with the opening in the
shopper's time zone when known and in the shop's (named) otherwise."""
from datetime import UTC, datetime

import pytest

from support.rules.hours import ALWAYS_OPEN, dump_schedule, next_opening, parse_schedule
from support.rules.hours_text import PHRASES, TEXTS, describe_opening, greeting_text, out_of_hours_text
from support.rules.texts import LANGUAGES, MissingVariable, variables_of

NNBSP = "\u202f"  # CLDR puts a narrow no-break space before AM/PM in English
SHOP = parse_schedule({
    "timezone": "Europe/Berlin",
    "weekly": {day: [["09:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")},
    "holiday_countries": ["DE"],
})
FRIDAY_EVENING = datetime(2026, 3, 13, 17, 0, tzinfo=UTC)  # 18:00 in Berlin; next opening Monday 09:00 CET
THURSDAY_EVENING = datetime(2026, 3, 12, 17, 0, tzinfo=UTC)  # next opening Friday 09:00 CET (08:00 UTC)


def test_every_text_exists_in_every_language_with_its_variables():
    expected = {"hours.greeting": {"shop_name"}, "hours.out_of_hours": {"opening"}, "hours.closed": set()}
    assert set(TEXTS) == set(expected)
    for key, variants in TEXTS.items():
        assert set(variants) == set(LANGUAGES)
        assert all(variables_of(text) == expected[key] for text in variants.values()), key
        assert all("<" not in text for text in variants.values())
    assert set(PHRASES) == set(LANGUAGES)


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Hi there, welcome to Tea & Co! How can we help you today?"),
    ("es", "¡Hola! Te damos la bienvenida a Tea & Co. ¿En qué podemos ayudarte?"),
    ("fr", "Bonjour et bienvenue chez Tea & Co ! Comment pouvons-nous vous aider ?"),
    ("de", "Hallo und willkommen bei Tea & Co! Wie können wir Ihnen helfen?"),
    ("pt", "Olá! Aqui é a equipe de Tea & Co. Como podemos ajudar?"),
    ("it", "Ciao! Qui è il team di Tea & Co. Come possiamo aiutarti?"),
    ("nl", "Hallo en welkom bij Tea & Co! Waarmee kunnen we je helpen?"),
    ("zh", "您好，欢迎光临Tea & Co！请问有什么可以帮您？"),
])
def test_greeting_in_each_language(language, expected):
    assert greeting_text(language, "Tea & Co") == expected


def test_greeting_falls_back_to_english_and_takes_the_merchants_override():
    assert greeting_text("ja", "Tea & Co") == "Hi there, welcome to Tea & Co! How can we help you today?"
    overrides = {("hours.greeting", "de"): "Servus bei {shop_name}!"}
    assert greeting_text("de-AT", "Tea & Co", overrides) == "Servus bei Tea & Co!"


def test_greeting_refuses_a_blank_shop_name():
    with pytest.raises(MissingVariable):
        greeting_text("en", " ")


@pytest.mark.parametrize(("language", "expected"), [
    ("en", f"Thanks for your message! We're away right now. Someone from our team will reply Monday at 4:00{NNBSP}AM."),
    ("es", "¡Gracias por tu mensaje! Ahora mismo no estamos disponibles. "
           "Alguien de nuestro equipo te responderá el lunes a las 4:00."),
    ("fr", "Merci pour votre message ! Nous sommes absents pour le moment. "
           "Un membre de notre équipe vous répondra lundi à 04:00."),
    ("de", "Danke für Ihre Nachricht! Wir sind gerade nicht erreichbar. "
           "Jemand aus unserem Team antwortet Ihnen am Montag um 04:00 Uhr."),
    ("pt", "Obrigado pela sua mensagem! Estamos fora do horário de atendimento. "
           "Alguém da nossa equipe vai responder segunda-feira às 04:00."),
    ("it", "Grazie per il tuo messaggio! Al momento non siamo disponibili. "
           "Qualcuno del nostro team ti risponderà lunedì alle 04:00."),
    ("nl", "Bedankt voor je bericht! We zijn op dit moment niet bereikbaar. "
           "Iemand van ons team reageert maandag om 04:00."),
    ("zh", "感谢您的留言！我们目前不在线，客服人员将于星期一 04:00回复您。"),
])
def test_out_of_hours_in_each_language_in_the_shoppers_zone(language, expected):
    # Monday 09:00 in Berlin (UTC+1) is 04:00 in New York (UTC-4 since 8 March).
    assert out_of_hours_text(SHOP, FRIDAY_EVENING, language, "America/New_York") == expected


@pytest.mark.parametrize(("language", "expected"), [
    ("en", f"Monday at 9:00{NNBSP}AM (Central European Standard Time)"),
    ("es", "el lunes a las 9:00 (hora estándar de Europa central)"),
    ("fr", "lundi à 09:00 (heure normale d’Europe centrale)"),
    ("de", "am Montag um 09:00 Uhr (Mitteleuropäische Normalzeit)"),
    ("pt", "segunda-feira às 09:00 (Horário Padrão da Europa Central)"),
    ("it", "lunedì alle 09:00 (Ora standard dell’Europa centrale)"),
    ("nl", "maandag om 09:00 (Midden-Europese standaardtijd)"),
    ("zh", "星期一 09:00（中欧标准时间）"),
])
def test_without_the_shoppers_zone_the_shops_zone_is_named(language, expected):
    opening = next_opening(SHOP, FRIDAY_EVENING)
    assert describe_opening(opening, language=language, shopper_tz=None, now=FRIDAY_EVENING) == expected


def test_an_unknown_shopper_zone_counts_as_none():
    opening = next_opening(SHOP, FRIDAY_EVENING)
    assert describe_opening(opening, language="en", shopper_tz="Mars/Olympus_Mons", now=FRIDAY_EVENING) == (
        f"Monday at 9:00{NNBSP}AM (Central European Standard Time)"
    )


@pytest.mark.parametrize(("zone", "language", "expected"), [
    # Friday 08:00 UTC: 04:00 Friday in New York, where it is still Thursday afternoon ...
    ("America/New_York", "en", f"tomorrow at 4:00{NNBSP}AM"),
    ("America/New_York", "de", "morgen um 04:00 Uhr"),
    ("America/New_York", "fr", "demain à 04:00"),
    # ... 21:00 Friday in Auckland, where it is already Friday morning ...
    ("Pacific/Auckland", "en", f"today at 9:00{NNBSP}PM"),
    ("Pacific/Auckland", "de", "heute um 21:00 Uhr"),
    ("Pacific/Auckland", "fr", "aujourd'hui à 21:00"),
    # ... and 01:00 Friday in Los Angeles (Spanish says "a la" for one o'clock).
    ("America/Los_Angeles", "en", f"tomorrow at 1:00{NNBSP}AM"),
    ("America/Los_Angeles", "es", "mañana a la 1:00"),
    ("America/Los_Angeles", "pt", "amanhã à 01:00"),
])
def test_the_opening_in_the_shoppers_zone_and_their_today(zone, language, expected):
    opening = next_opening(SHOP, THURSDAY_EVENING)
    assert opening.isoformat() == "2026-03-13T09:00:00+01:00"
    assert describe_opening(opening, language=language, shopper_tz=zone, now=THURSDAY_EVENING) == expected


def test_an_opening_a_week_or_more_away_gives_the_date():
    closed = parse_schedule({**dump_schedule(SHOP), "closed_dates": [f"2026-03-{day}" for day in range(16, 28)]})
    assert out_of_hours_text(closed, FRIDAY_EVENING, "en", None) == (
        "Thanks for your message! We're away right now. Someone from our team will reply "
        f"on Monday, March 30, 2026 at 9:00{NNBSP}AM (Central European Summer Time)."
    )
    assert out_of_hours_text(closed, FRIDAY_EVENING, "de", "Europe/Vienna") == (
        "Danke für Ihre Nachricht! Wir sind gerade nicht erreichbar. "
        "Jemand aus unserem Team antwortet Ihnen am Montag, 30. März 2026 um 09:00 Uhr."
    )


def test_no_reply_while_open():
    assert out_of_hours_text(SHOP, datetime(2026, 3, 13, 9, 0, tzinfo=UTC), "en", None) is None
    assert out_of_hours_text(ALWAYS_OPEN, FRIDAY_EVENING, "fr", "Europe/Paris") is None


def test_no_opening_in_sight_still_answers_without_a_time():
    never = parse_schedule({"timezone": "Europe/Berlin", "weekly": {}})
    assert out_of_hours_text(never, FRIDAY_EVENING, "nl", None) == (
        "Bedankt voor je bericht! We zijn op dit moment niet bereikbaar. We reageren zodra we terug zijn."
    )


def test_the_merchants_override_gets_the_opening():
    overrides = {("hours.out_of_hours", "en"): "Closed. Back {opening}."}
    assert out_of_hours_text(SHOP, FRIDAY_EVENING, "en-GB", "Europe/London", overrides) == (
        f"Closed. Back Monday at 8:00{NNBSP}AM."
    )
