"""What the shopper is told about store credit, in every language the app answers in. Pure: plain
values in, no ORM.

The sentences state the fact and nothing more: how much was added (or which gift card was issued)
and until when it is valid. They promise nothing about what the credit will buy or what happens next.
Money is formatted by Babel in the shopper's language and the grant's currency (``7,50 €``,
``US$1,234.50``), dates in the shopper's language (``1. März 2027``).

Not editable by the merchant (they are not in ``rules/reply_texts.CATALOGUES``): they give amounts
and dates the app is accountable for, and the promise guardrail would refuse any rewording of them."""
from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency

from . import texts

STORE_CREDIT = "store_credit"
GIFT_CARD = "gift_card"

TEXTS = {
    "credit.issued": {
        "en": "We've added {amount} in store credit to your account. It's valid until {date}.",
        "es": "Hemos añadido {amount} de crédito de tienda a tu cuenta. Es válido hasta el {date}.",
        "fr": "Nous avons ajouté un avoir de {amount} à votre compte. Il est valable jusqu'au {date}.",
        "de": "Wir haben deinem Kundenkonto {amount} Guthaben gutgeschrieben. Es ist bis zum {date} gültig.",
        "pt": "Adicionámos {amount} de crédito de loja à sua conta. É válido até {date}.",
        "it": "Abbiamo aggiunto {amount} di credito del negozio al tuo account. È valido fino al {date}.",
        "nl": "We hebben {amount} winkeltegoed aan je account toegevoegd. Het is geldig tot {date}.",
        "zh": "我们已向您的账户添加 {amount} 的店铺余额，有效期至 {date}。",
    },
    "credit.issued_no_expiry": {
        "en": "We've added {amount} in store credit to your account.",
        "es": "Hemos añadido {amount} de crédito de tienda a tu cuenta.",
        "fr": "Nous avons ajouté un avoir de {amount} à votre compte.",
        "de": "Wir haben deinem Kundenkonto {amount} Guthaben gutgeschrieben.",
        "pt": "Adicionámos {amount} de crédito de loja à sua conta.",
        "it": "Abbiamo aggiunto {amount} di credito del negozio al tuo account.",
        "nl": "We hebben {amount} winkeltegoed aan je account toegevoegd.",
        "zh": "我们已向您的账户添加 {amount} 的店铺余额。",
    },
    "credit.gift_card_issued": {
        "en": "We've issued you a gift card worth {amount}. It's valid until {date}. Its code: {code}.",
        "es": "Te hemos emitido una tarjeta regalo de {amount}. Es válida hasta el {date}. Su código: {code}.",
        "fr": "Nous vous avons émis une carte cadeau de {amount}. Elle est valable jusqu'au {date}. Son code : {code}.",
        "de": "Wir haben dir einen Geschenkgutschein über {amount} ausgestellt. Er ist bis zum {date} gültig."
              " Der Code: {code}.",
        "pt": "Emitimos um cartão de oferta de {amount} para si. É válido até {date}. O código: {code}.",
        "it": "Ti abbiamo emesso una carta regalo da {amount}. È valida fino al {date}. Il codice: {code}.",
        "nl": "We hebben een cadeaukaart van {amount} voor je aangemaakt. Die is geldig tot {date}. De code: {code}.",
        "zh": "我们已为您发放一张面值 {amount} 的礼品卡，有效期至 {date}。卡号：{code}。",
    },
    "credit.gift_card_issued_no_expiry": {
        "en": "We've issued you a gift card worth {amount}. Its code: {code}.",
        "es": "Te hemos emitido una tarjeta regalo de {amount}. Su código: {code}.",
        "fr": "Nous vous avons émis une carte cadeau de {amount}. Son code : {code}.",
        "de": "Wir haben dir einen Geschenkgutschein über {amount} ausgestellt. Der Code: {code}.",
        "pt": "Emitimos um cartão de oferta de {amount} para si. O código: {code}.",
        "it": "Ti abbiamo emesso una carta regalo da {amount}. Il codice: {code}.",
        "nl": "We hebben een cadeaukaart van {amount} voor je aangemaakt. De code: {code}.",
        "zh": "我们已为您发放一张面值 {amount} 的礼品卡。卡号：{code}。",
    },
    "credit.feedback_ask": {
        "en": "How was your order {order}? Please rate it from 1 to 5 and tell us in a few words how it went.",
        "es": "¿Qué tal tu pedido {order}? Valóralo del 1 al 5 y cuéntanos en pocas palabras qué te pareció.",
        "fr": "Comment s'est passée votre commande {order} ? Donnez-lui une note de 1 à 5 et dites-nous en "
              "quelques mots ce que vous en pensez.",
        "de": "Wie war deine Bestellung {order}? Bitte bewerte sie von 1 bis 5 und sag uns in ein paar Worten, "
              "wie es gelaufen ist.",
        "pt": "Como correu a sua encomenda {order}? Avalie-a de 1 a 5 e diga-nos em poucas palavras o que achou.",
        "it": "Com'è andato il tuo ordine {order}? Dagli un voto da 1 a 5 e raccontaci in poche parole com'è "
              "andata.",
        "nl": "Hoe was je bestelling {order}? Geef een cijfer van 1 tot 5 en vertel ons in een paar woorden hoe "
              "het ging.",
        "zh": "您的订单 {order} 体验如何？请打 1 到 5 分，并用几句话告诉我们您的感受。",
    },
}


def format_amount(amount: Decimal, currency: str, language: str) -> str:
    """``7,50 €`` in German, ``€7.50`` in English: the grant's currency in the shopper's language."""
    return format_currency(amount, currency.upper(), locale=texts.pick_language(language))


def format_expiry(day: date, language: str) -> str:
    """``1. März 2027``, ``March 1, 2027``: the last day the credit can be used."""
    return format_date(day, format="long", locale=texts.pick_language(language))


def issued_key(instrument: str, *, expires: bool) -> str:
    base = "credit.gift_card_issued" if instrument == GIFT_CARD else "credit.issued"
    return base if expires else f"{base}_no_expiry"


def issued_text(*, instrument: str, amount: Decimal, currency: str, expires_on: date | None,
                language: str, code: str = "") -> tuple[str, str]:
    """``(key, text)`` telling the shopper a credit (or gift card, with its ``code``) was issued, in
    their language."""
    key = issued_key(instrument, expires=expires_on is not None)
    values = {"amount": format_amount(amount, currency, language), "code": code}
    if expires_on is not None:
        values["date"] = format_expiry(expires_on, language)
    return key, texts.render(texts.text_for(TEXTS, key, language), values)


def feedback_ask_text(*, order_name: str, language: str) -> tuple[str, str]:
    """``(key, text)`` asking the shopper to rate their order and say how it went."""
    key = "credit.feedback_ask"
    return key, texts.render(texts.text_for(TEXTS, key, language), {"order": order_name})
