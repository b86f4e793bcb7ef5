"""The bot's texts a merchant may reword, per key and language, and what a rewording must keep.
Pure: plain values in, no ORM.

``CATALOGUES`` holds every editable key with its default text per language: the greeting and the
out-of-hours replies (``hours_text``), the bot's own sentences (``bot_text``) and the sentences and
labels of the "where is my order" answer (``wismo``). Not the status words ``wismo.status.*``: agents
and templates show them too, and an override there would only change the bot's copy.

``check_override`` raises ``OverrideRefused`` with one reason code, checked in this order:

- ``unknown_key``, ``unsupported_language`` (one of ``texts.LANGUAGES``);
- ``blank_body``, ``too_long`` (more than ``MAX_LENGTH`` characters), ``not_plain_text`` (an HTML tag);
- ``bad_placeholder``: a variable is written ``{name}`` and nothing else (no ``{}``, ``{0}``,
  ``{name!r}``, ``{name:>9}``, ``{name.attr}``, no lone brace; a literal brace is ``{{`` or ``}}``);
- ``unknown_variables``, ``missing_variables``: the override uses exactly the variables of the key's
  English default. An unknown one has no value to fill in; a left-out one is the fact the sentence is
  there to give (the opening hour, the order's name, the tracking link, the shop's name);
- ``promises_money``: ``promises.check_promises`` under ``BOT_POLICY`` warns about the text. The bot
  never promises a refund, compensation, a guarantee, a free replacement or a payment.

``preview`` fills a checked body with realistic sample values in its language."""
import re
import string
from datetime import date, datetime
from zoneinfo import ZoneInfo

from shopapp.refusals import Refused

from . import eta, hours_text, texts
from .bot_text import TEXTS as BOT_TEXTS
from .promises import BOT_POLICY, check_promises
from .wismo import TEXTS as WISMO_TEXTS

MAX_LENGTH = 1000
NOT_EDITABLE_PREFIXES = ("wismo.status.",)

CATALOGUES: dict[str, dict[str, str]] = {
    key: dict(variants)
    for key, variants in {**hours_text.TEXTS, **BOT_TEXTS, **WISMO_TEXTS}.items()
    if not key.startswith(NOT_EDITABLE_PREFIXES)
}

_HTML_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.IGNORECASE)


class OverrideRefused(Refused):
    """An override that may not replace the default; ``names`` lists the variables or promise codes at fault."""

    def __init__(self, reason: str, names=()):
        super().__init__(reason)
        self.names = sorted(names)

    @property
    def detail(self) -> str:
        return f"refused: {self.reason}" + (f" ({', '.join(self.names)})" if self.names else "")


def clean_body(body: str) -> str:
    """The body as stored: Unix line ends, no surrounding white space."""
    return (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def default_text(key: str, language: str) -> str:
    variants = CATALOGUES[key]
    return variants.get(language) or variants[texts.DEFAULT_LANGUAGE]


def variables_for(key: str) -> list[str]:
    """The variables an override of ``key`` must use: those of its English default."""
    return sorted(texts.variables_of(CATALOGUES[key][texts.DEFAULT_LANGUAGE]))


def placeholders(body: str) -> set[str]:
    """The variables ``body`` names; raises ``OverrideRefused("bad_placeholder")`` for anything but ``{name}``."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(body)
                  if name is not None]
    except ValueError:
        raise OverrideRefused("bad_placeholder") from None
    bad = [name for name, spec, conversion in fields if spec or conversion or not name.isidentifier()]
    if bad:
        raise OverrideRefused("bad_placeholder", {name for name in bad if name})
    return {name for name, _, _ in fields}


def check_override(key: str, language: str, body: str) -> None:
    """Raises ``OverrideRefused`` when ``body`` may not replace ``key`` in ``language`` (see the module)."""
    if key not in CATALOGUES:
        raise OverrideRefused("unknown_key")
    if language not in texts.LANGUAGES:
        raise OverrideRefused("unsupported_language")
    body = clean_body(body)
    if not body:
        raise OverrideRefused("blank_body")
    if len(body) > MAX_LENGTH:
        raise OverrideRefused("too_long")
    if _HTML_TAG.search(body):
        raise OverrideRefused("not_plain_text")
    used, expected = placeholders(body), set(variables_for(key))
    if used - expected:
        raise OverrideRefused("unknown_variables", used - expected)
    if expected - used:
        raise OverrideRefused("missing_variables", expected - used)
    warnings = check_promises(body, BOT_POLICY)
    if warnings:
        raise OverrideRefused("promises_money", {warning.code for warning in warnings})


def usable(key: str, language: str, body: str) -> bool:
    """Whether a stored override still passes today's checks (a default's variables or the promise
    patterns may have changed since it was saved)."""
    try:
        check_override(key, language, body)
    except OverrideRefused:
        return False
    return True


# A Monday evening in Berlin; the sample opening is the next morning, the parcel due later that week.
_SAMPLE_NOW = datetime(2026, 3, 2, 20, 15, tzinfo=ZoneInfo("Europe/Berlin"))
_SAMPLE_OPENING = datetime(2026, 3, 3, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
_SAMPLE_WINDOW = eta.Window(date(2026, 3, 5), date(2026, 3, 9), "history")
_SAMPLE_FIXED = {
    "name": "#1001", "shipped": 2, "total": 3, "count": 2, "index": 1, "carrier": "DHL Express",
    "number": "JD014600006281", "url": "https://www.dhl.com/track?tracking-id=JD014600006281",
}


def sample_values(language: str, *, shop_name: str, overrides=None) -> dict[str, object]:
    """A value for every variable of the catalogues, as the bot would fill it in ``language``; the
    order and parcel labels in the merchant's wording when they changed it."""
    order = texts.text_for(CATALOGUES, "wismo.order", language, overrides)
    return {
        **_SAMPLE_FIXED,
        "shop_name": shop_name,
        "opening": hours_text.describe_opening(_SAMPLE_OPENING, language=language, shopper_tz="Europe/Berlin",
                                               now=_SAMPLE_NOW),
        "order": texts.render(order, {"name": _SAMPLE_FIXED["name"]}),
        "parcel": texts.text_for(CATALOGUES, "wismo.parcel_one", language, overrides),
        "window": eta.format_window(_SAMPLE_WINDOW, language),
        "date": eta.format_day(date(2026, 3, 4), language),
    }


def preview(key: str, language: str, body: str, *, shop_name: str, overrides=None) -> str:
    """``body`` as a shopper would read it, with sample values; raises ``OverrideRefused`` as
    ``check_override`` does."""
    check_override(key, language, body)
    return texts.render(clean_body(body), sample_values(language, shop_name=shop_name, overrides=overrides))
