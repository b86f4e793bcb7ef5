"""What the follow-ups tell the shopper, in the eight languages the app answers in. Pure: plain values
in, no ORM; rendered strictly through ``rules.texts`` (a missing value raises, never a blank).

- ``followup.checkin``: a few days after delivery, how did it go, with five one-click rating links
  (one line each, ``1/5: <link>`` to ``5/5: <link>``: plain text, read alike in every language);
- ``followup.delay_notice``: the order is running late, and its new delivery window on a line of its own
  (no full stop after it: a German date ends with one);
- ``followup.nudge``: the shop answered and the shopper has not replied for a while.

Not editable by the merchant (not in ``rules/reply_texts.CATALOGUES``): the check-in carries links the
app signs, the delay notice a window the app computes."""
from collections.abc import Sequence

from . import texts

TEXTS = {
    "followup.checkin": {
        "en": "Your order {order} has arrived. How did it go? Rate it with one click:\n{links}",
        "es": "Tu pedido {order} ha llegado. ¿Qué tal ha ido? Valóralo con un clic:\n{links}",
        "fr": "Votre commande {order} est arrivée. Comment cela s'est-il passé ? Notez-la en un clic :\n{links}",
        "de": "Ihre Bestellung {order} ist angekommen. Wie ist alles gelaufen? Bewerten Sie sie mit einem Klick:"
              "\n{links}",
        "pt": "Seu pedido {order} chegou. Como foi? Avalie com um clique:\n{links}",
        "it": "Il tuo ordine {order} è arrivato. Com'è andata? Valutalo con un clic:\n{links}",
        "nl": "Je bestelling {order} is aangekomen. Hoe is het gegaan? Geef een cijfer met één klik:\n{links}",
        "zh": "您的订单 {order} 已送达。体验如何？一键评分：\n{links}",
    },
    "followup.delay_notice": {
        "en": "Your order {order} is taking longer than expected to arrive. We're sorry for the wait.\n"
              "New expected delivery: {window}",
        "es": "Tu pedido {order} está tardando más de lo previsto en llegar. Sentimos la espera.\n"
              "Nueva entrega prevista: {window}",
        "fr": "Votre commande {order} met plus de temps que prévu à arriver. Nous sommes désolés pour l'attente.\n"
              "Nouvelle livraison prévue : {window}",
        "de": "Ihre Bestellung {order} braucht länger als erwartet. Entschuldigen Sie bitte die Wartezeit.\n"
              "Neue voraussichtliche Zustellung: {window}",
        "pt": "Seu pedido {order} está demorando mais do que o previsto para chegar. Desculpe pela espera.\n"
              "Nova previsão de entrega: {window}",
        "it": "Il tuo ordine {order} sta impiegando più tempo del previsto ad arrivare. Ci scusiamo per l'attesa.\n"
              "Nuova consegna prevista: {window}",
        "nl": "Je bestelling {order} doet er langer over dan verwacht. Sorry voor het wachten.\n"
              "Nieuwe verwachte bezorging: {window}",
        "zh": "您的订单 {order} 的送达时间比预期要长，很抱歉让您久等。\n新的预计送达时间：{window}",
    },
    "followup.nudge": {
        "en": "Just checking in: do you still need help with this? Reply here and we'll pick it up.",
        "es": "Solo queríamos saber: ¿todavía necesitas ayuda con esto? Responde aquí y seguimos.",
        "fr": "Petit suivi : avez-vous encore besoin d'aide à ce sujet ? Répondez ici et nous reprendrons.",
        "de": "Kurze Nachfrage: Brauchen Sie hierzu noch Hilfe? Antworten Sie einfach hier, dann kümmern wir uns "
              "darum.",
        "pt": "Só para saber: você ainda precisa de ajuda com isso? Responda aqui e continuamos.",
        "it": "Ti scriviamo per sapere: hai ancora bisogno di aiuto? Rispondi qui e ce ne occupiamo.",
        "nl": "Even checken: heb je hier nog hulp bij nodig? Reageer hier en we pakken het op.",
        "zh": "想跟您确认一下：这个问题您还需要帮助吗？直接在这里回复，我们会继续跟进。",
    },
}


def _say(key: str, language: str, **variables) -> tuple[str, str]:
    return key, texts.render(texts.text_for(TEXTS, key, language), variables)


def checkin_text(*, order_name: str, links: Sequence[str], language: str) -> tuple[str, str]:
    """``(key, text)``: the check-in with ``links`` (the 1- to 5-star links, in that order)."""
    lines = "\n".join(f"{stars}/5: {link}" for stars, link in enumerate(links, 1))
    return _say("followup.checkin", language, order=order_name, links=lines)


def delay_text(*, order_name: str, window: str, language: str) -> tuple[str, str]:
    """``(key, text)``: the order is late; ``window`` is the new window, already in the language."""
    return _say("followup.delay_notice", language, order=order_name, window=window)


def nudge_text(*, language: str) -> tuple[str, str]:
    return _say("followup.nudge", language)
