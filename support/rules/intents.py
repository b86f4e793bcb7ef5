"""What a shopper's message is about (its intent) and what it warns of (its signals), by pattern
tables per language (``support.rules.lexicon``). Pure: plain text in, plain values out.

- The text is folded first (``fold``): compatibility forms (full-width characters), case and accents
  are ignored, typographic apostrophes are made plain, whitespace is collapsed.
- Patterns match whole words (Chinese, written without spaces, matches anywhere).
- Intents: the patterns of the message's language are tried, then English (shoppers mix in English
  words whatever their language). Several intents can match one message; ``intent`` is the first of
  ``PRECEDENCE`` and ``matched`` keeps them all (the priority looks at all of them). Precision wins
  over recall: a message that matches nothing has no intent and goes to a person.
- Signals: anger, legal, review threat and money in the message's language and English; legal words
  in every language (a dispute is never missed because the language was misread); anger also from
  the style of the message (shouting in capitals, "!!!"); an order reference from ``#1234`` or
  "order 1234" in any of the languages.
"""
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from .lexicon import LEXICONS
from .texts import DEFAULT_LANGUAGE, pick_language


class Intent(StrEnum):
    ORDER_STATUS = "order_status"
    DELIVERY_TIME = "delivery_time"
    RETURNS = "returns"
    CANCEL_OR_CHANGE = "cancel_or_change"
    SHIPPING_INFO = "shipping_info"
    PRICE_COMPLAINT = "price_complaint"
    DAMAGED_OR_WRONG = "damaged_or_wrong"
    HUMAN = "human"
    THANKS = "thanks"
    PRE_SALE = "pre_sale"


class Signal(StrEnum):
    ANGRY = "angry"
    LEGAL = "legal"
    REVIEW_THREAT = "review_threat"
    MONEY = "money"
    ORDER_REFERENCE = "order_reference"


# When several intents match, the first of these wins. An explicit request for a person beats any
# topic; a problem with what arrived beats the remedy asked for ("broken, I want a refund"); a change
# before shipping is time-critical; a price complaint is more specific than a return ("refund the
# difference"); where the order is beats when it arrives; a product question beats politeness.
PRECEDENCE = (
    Intent.HUMAN,
    Intent.DAMAGED_OR_WRONG,
    Intent.CANCEL_OR_CHANGE,
    Intent.PRICE_COMPLAINT,
    Intent.RETURNS,
    Intent.ORDER_STATUS,
    Intent.DELIVERY_TIME,
    Intent.SHIPPING_INFO,
    Intent.PRE_SALE,
    Intent.THANKS,
)

UNSPACED_LANGUAGES = frozenset({"zh"})
SHOUTING_MIN_LETTERS = 12  # "WHERE IS IT" is emphasis; a whole sentence in capitals is shouting
SHOUTING_CAPITALS = 0.7
EXCLAMATIONS = re.compile(r"!{3,}")


@dataclass(frozen=True)
class Classification:
    intent: Intent | None
    signals: frozenset[Signal] = frozenset()
    matched: frozenset[Intent] = frozenset()


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})
_UPPER_ESCAPE = re.compile(r"\\[A-Z]")
# A letter or digit of a script written with spaces: \w minus the CJK blocks (Han is \w in Python).
_SPACED_WORD = r"[^\W\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]"


def _fold_chars(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def fold(text: str) -> str:
    """``text`` as the patterns see it: ``"  Où est   MA commande ?"`` -> ``"ou est ma commande ?"``."""
    return " ".join(_fold_chars(text or "").split())


def compile_patterns(patterns, *, bounded: bool) -> re.Pattern:
    """One regular expression for a table row; refuses upper-case escapes (see ``lexicon``)."""
    for pattern in patterns:
        if _UPPER_ESCAPE.search(pattern):
            raise ValueError(f"upper-case escape in pattern {pattern!r}: folding would invert it")
    body = "|".join(f"(?:{_fold_chars(pattern)})" for pattern in patterns)
    if bounded:
        body = rf"(?<!{_SPACED_WORD})(?:{body})(?!{_SPACED_WORD})"
    return re.compile(body)


def _compile_lexicons():
    intents, signals = {}, {}
    for language, lexicon in LEXICONS.items():
        bounded = language not in UNSPACED_LANGUAGES
        intents[language] = {Intent(key): compile_patterns(rows, bounded=bounded)
                             for key, rows in lexicon.INTENTS.items()}
        signals[language] = {Signal(key): compile_patterns(rows, bounded=bounded)
                             for key, rows in lexicon.SIGNALS.items()}
    return intents, signals


INTENT_PATTERNS, SIGNAL_PATTERNS = _compile_lexicons()

_REF = r"([a-z]{0,4}-?\d{3,12})(?![0-9a-z-])"  # "1045", "EU1045", "EU-1045"; not part of a longer token
_ORDER_HASH = re.compile(r"(?<![0-9a-z#&])#\s?" + _REF, re.IGNORECASE)
_ORDER_WORD = re.compile(
    r"(?<![a-z0-9])(?:order|orden|pedido|encomenda|commande|bestellung|bestellnummer|auftrag|ordine|bestelling|"
    r"bestelnummer|订单|訂單)(?:\s*(?:number|nummer|numero|número|num|no|nr|n[°º]|号|號)\.?(?:\s*(?:is|es|est|ist|é|è))?)?"
    r"\s*[:#]?\s*" + _REF,
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
# A postcode only after its label (unlabelled numbers are order numbers, phone numbers, sizes...), in
# the common shapes: 12345 / 12345-6789 / 1234-567 (US, DE, FR, ES, IT, BR, PT...), 1234 AB (NL),
# SW1A 1AA (UK), K1A 0B6 (CA), 100000 (CN).
_POSTCODE = re.compile(
    r"(?<![a-z0-9])(?:post ?code|postal code|zip(?: ?code)?|código postal|codigo postal|code postal|plz|"
    r"postleitzahl|cap|codice postale|邮编|郵編|邮政编码)\s*(?:is|es|est|ist|è|é|:|=)?\s*"
    r"(\d{4} ?[a-z]{2}|[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}|[a-z]\d[a-z] ?\d[a-z]\d|\d{3,6}(?:-\d{3,4})?)(?![a-z0-9])",
    re.IGNORECASE,
)


def extract_order_reference(text: str) -> tuple[str | None, str | None]:
    """The first order name (``"#1234"``, also written "order 1234", "pedido nº 1234", "订单号1234")
    and the first email address in ``text``; None for what is absent."""
    text = unicodedata.normalize("NFKC", text or "")
    found = _ORDER_HASH.search(text) or _ORDER_WORD.search(text)
    email = _EMAIL.search(text)
    return ("#" + found.group(1).upper() if found else None), (email.group(0) if email else None)


def extract_postcode(text: str) -> str | None:
    """A postcode the shopper labelled ("zip 90210", "PLZ: 10115", "postcode SW1A 1AA", "邮编100000"),
    in capitals; None when there is none (an unlabelled number is never taken for one)."""
    found = _POSTCODE.search(unicodedata.normalize("NFKC", text or ""))
    return found.group(1).upper() if found else None


def _languages(language: str) -> tuple[str, ...]:
    language = pick_language(language)
    return (language,) if language == DEFAULT_LANGUAGE else (language, DEFAULT_LANGUAGE)


def intents_in(folded: str, language: str) -> frozenset[Intent]:
    """Every intent whose patterns of ``language`` match the folded text."""
    return frozenset(intent for intent, pattern in INTENT_PATTERNS[language].items() if pattern.search(folded))


def _shouting(text: str) -> bool:
    cased = [char for char in text if char.isupper() or char.islower()]
    capitals = sum(char.isupper() for char in cased)
    return len(cased) >= SHOUTING_MIN_LETTERS and capitals >= SHOUTING_CAPITALS * len(cased)


def signals_in(text: str, folded: str, languages: tuple[str, ...]) -> frozenset[Signal]:
    found = {signal for language in languages for signal, pattern in SIGNAL_PATTERNS[language].items()
             if pattern.search(folded)}
    if Signal.LEGAL not in found and any(SIGNAL_PATTERNS[lang][Signal.LEGAL].search(folded) for lang in LEXICONS):
        found.add(Signal.LEGAL)
    if _shouting(text) or EXCLAMATIONS.search(folded):
        found.add(Signal.ANGRY)
    if extract_order_reference(text)[0] is not None:
        found.add(Signal.ORDER_REFERENCE)
    return frozenset(found)


def classify(text: str, language: str) -> Classification:
    """The intent (None when nothing matched) and the signals of a shopper's message written in
    ``language`` (one of ``texts.LANGUAGES``; anything else counts as English)."""
    text = text or ""
    folded = fold(text)
    languages = _languages(language)
    matched = frozenset()
    for candidate in languages:
        matched = intents_in(folded, candidate)
        if matched:
            break
    intent = next((intent for intent in PRECEDENCE if intent in matched), None)
    return Classification(intent=intent, signals=signals_in(text, folded, languages), matched=matched)


def classify_unsure(text: str, fallback: str) -> tuple[str, Classification]:
    """For a message whose language the detector could not tell (short text): the fallback language
    (the browser's) when its patterns match, else the one other language whose patterns do, so that
    "Come posso fare un reso?" from an English browser is read, and answered, in Italian. Returns the
    language to answer in and the classification; several other languages matching is no answer."""
    fallback = pick_language(fallback)
    folded = fold(text or "")
    if intents_in(folded, fallback):
        return fallback, classify(text, fallback)
    others = [lang for lang in LEXICONS if lang != fallback and intents_in(folded, lang)]
    if len(others) == 1:
        return others[0], classify(text, others[0])
    return fallback, classify(text, fallback)
