"""The shopper-facing texts of business hours: the greeting on a new conversation and the
out-of-hours auto-reply that says when a person will answer, in the app's eight languages.

The opening reads as the shopper would say it ("tomorrow at 9:00 AM", "am Montag um 09:00 Uhr"),
with Babel's localized weekday, date and time. It is in the shopper's time zone when the widget
told us one (no zone named: it is their own clock); otherwise in the shop's, and the zone is named.
Texts are plain text; the merchant may override them per language (``support.rules.texts``)."""
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, get_timezone_name

from support.rules.hours import Schedule, is_open, is_time_zone, next_opening
from support.rules.texts import pick_language, render, text_for

TEXTS = {
    "hours.greeting": {
        "en": "Hi there, welcome to {shop_name}! How can we help you today?",
        "es": "¡Hola! Te damos la bienvenida a {shop_name}. ¿En qué podemos ayudarte?",
        "fr": "Bonjour et bienvenue chez {shop_name} ! Comment pouvons-nous vous aider ?",
        "de": "Hallo und willkommen bei {shop_name}! Wie können wir Ihnen helfen?",
        "pt": "Olá! Aqui é a equipe de {shop_name}. Como podemos ajudar?",
        "it": "Ciao! Qui è il team di {shop_name}. Come possiamo aiutarti?",
        "nl": "Hallo en welkom bij {shop_name}! Waarmee kunnen we je helpen?",
        "zh": "您好，欢迎光临{shop_name}！请问有什么可以帮您？",
    },
    "hours.out_of_hours": {
        "en": "Thanks for your message! We're away right now. Someone from our team will reply {opening}.",
        "es": "¡Gracias por tu mensaje! Ahora mismo no estamos disponibles. "
              "Alguien de nuestro equipo te responderá {opening}.",
        "fr": "Merci pour votre message ! Nous sommes absents pour le moment. "
              "Un membre de notre équipe vous répondra {opening}.",
        "de": "Danke für Ihre Nachricht! Wir sind gerade nicht erreichbar. "
              "Jemand aus unserem Team antwortet Ihnen {opening}.",
        "pt": "Obrigado pela sua mensagem! Estamos fora do horário de atendimento. "
              "Alguém da nossa equipe vai responder {opening}.",
        "it": "Grazie per il tuo messaggio! Al momento non siamo disponibili. "
              "Qualcuno del nostro team ti risponderà {opening}.",
        "nl": "Bedankt voor je bericht! We zijn op dit moment niet bereikbaar. Iemand van ons team reageert {opening}.",
        "zh": "感谢您的留言！我们目前不在线，客服人员将于{opening}回复您。",
    },
    # Out of hours with no opening in the coming year (a schedule with no open time left).
    "hours.closed": {
        "en": "Thanks for your message! We're away right now. Someone from our team will reply as soon as we're back.",
        "es": "¡Gracias por tu mensaje! Ahora mismo no estamos disponibles. "
              "Te responderemos en cuanto volvamos.",
        "fr": "Merci pour votre message ! Nous sommes absents pour le moment. "
              "Nous vous répondrons dès notre retour.",
        "de": "Danke für Ihre Nachricht! Wir sind gerade nicht erreichbar. "
              "Wir antworten Ihnen, sobald wir wieder da sind.",
        "pt": "Obrigado pela sua mensagem! Estamos fora do horário de atendimento. "
              "Vamos responder assim que voltarmos.",
        "it": "Grazie per il tuo messaggio! Al momento non siamo disponibili. Ti risponderemo appena torniamo.",
        "nl": "Bedankt voor je bericht! We zijn op dit moment niet bereikbaar. We reageren zodra we terug zijn.",
        "zh": "感谢您的留言！我们目前不在线，回来后会尽快回复您。",
    },
}

# How an opening reads: the day words, how day and time join ("at_one": the form for 1 o'clock
# where the language says it differently), and how the shop's zone is named after it.
PHRASES = {
    "en": {"today": "today", "tomorrow": "tomorrow", "weekday": "{weekday}", "date": "on {date}",
           "at": "{day} at {time}", "zone": "{when} ({zone})"},
    "es": {"today": "hoy", "tomorrow": "mañana", "weekday": "el {weekday}", "date": "el {date}",
           "at": "{day} a las {time}", "at_one": "{day} a la {time}", "zone": "{when} ({zone})"},
    "fr": {"today": "aujourd'hui", "tomorrow": "demain", "weekday": "{weekday}", "date": "le {date}",
           "at": "{day} à {time}", "zone": "{when} ({zone})"},
    "de": {"today": "heute", "tomorrow": "morgen", "weekday": "am {weekday}", "date": "am {date}",
           "at": "{day} um {time} Uhr", "zone": "{when} ({zone})"},
    "pt": {"today": "hoje", "tomorrow": "amanhã", "weekday": "{weekday}", "date": "{date}",
           "at": "{day} às {time}", "at_one": "{day} à {time}", "zone": "{when} ({zone})"},
    "it": {"today": "oggi", "tomorrow": "domani", "weekday": "{weekday}", "date": "{date}",
           "at": "{day} alle {time}", "zone": "{when} ({zone})"},
    "nl": {"today": "vandaag", "tomorrow": "morgen", "weekday": "{weekday}", "date": "{date}",
           "at": "{day} om {time}", "zone": "{when} ({zone})"},
    "zh": {"today": "今天", "tomorrow": "明天", "weekday": "{weekday}", "date": "{date}",
           "at": "{day} {time}", "zone": "{when}（{zone}）"},
}

Overrides = Mapping[tuple[str, str], str]


def describe_opening(opening: datetime, *, language: str, shopper_tz: str | None, now: datetime) -> str:
    """``opening`` (aware, in the shop's zone as ``next_opening`` gives it) as words: "today at
    2:00 PM", "tomorrow at ...", a weekday within the week, else the full date. In ``shopper_tz``
    when it is a known zone; otherwise in the shop's, with the zone's name."""
    language = pick_language(language)
    phrases = PHRASES[language]
    zone = _zone(shopper_tz)
    local = opening.astimezone(zone or opening.tzinfo)
    day = _day_words(local.date(), now.astimezone(local.tzinfo).date(), language, phrases)
    clock = format_time(local, format="short", tzinfo=local.tzinfo, locale=language)
    joiner = phrases.get("at_one", phrases["at"]) if local.hour == 1 else phrases["at"]
    when = joiner.format(day=day, time=clock)
    if zone is not None:
        return when
    return phrases["zone"].format(when=when, zone=get_timezone_name(local, width="long", locale=language))


def greeting_text(language: str, shop_name: str, overrides: Overrides | None = None) -> str:
    """The greeting on a new conversation (raises ``MissingVariable`` for a blank shop name)."""
    return render(text_for(TEXTS, "hours.greeting", language, overrides), {"shop_name": shop_name})


def out_of_hours_text(schedule: Schedule, now: datetime, language: str, shopper_tz: str | None,
                      overrides: Overrides | None = None) -> str | None:
    """The auto-reply when nobody is there at ``now``, naming when a person will answer; None when
    the shop is open."""
    if is_open(schedule, now):
        return None
    opening = next_opening(schedule, now)
    if opening is None:
        return render(text_for(TEXTS, "hours.closed", language, overrides), {})
    words = describe_opening(opening, language=language, shopper_tz=shopper_tz, now=now)
    return render(text_for(TEXTS, "hours.out_of_hours", language, overrides), {"opening": words})


def _zone(name: str | None) -> tzinfo | None:
    return ZoneInfo(name) if is_time_zone(name) else None


def _day_words(day: date, today: date, language: str, phrases: Mapping[str, str]) -> str:
    ahead = (day - today).days
    if ahead == 0:
        return phrases["today"]
    if ahead == 1:
        return phrases["tomorrow"]
    if 1 < ahead < 7:
        return phrases["weekday"].format(weekday=format_date(day, format="EEEE", locale=language))
    return phrases["date"].format(date=format_date(day, format="full", locale=language))
