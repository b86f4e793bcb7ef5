"""Merchant templates (macros): the variable syntax, the fixed registry of typed variables, and strict
rendering. Pure: plain values in, plain text out, no ORM.

A body names its variables as ``{{customer.first_name}}`` (spaces inside the braces allowed). Only the
variables of ``VARIABLES`` exist; a body naming any other is refused with the names. Rendering never
leaves a blank: a variable whose value is missing or blank (after strip) raises ``MissingValues``.
Values are typed: money is an amount with its currency, a date window is two dates, an order status is
a code turned into words of the shopper's language."""
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from babel.dates import format_interval
from babel.numbers import format_currency

from support.rules.texts import DEFAULT_LANGUAGE, LANGUAGES, MissingVariable

TEXT, STATUS, URL, MONEY, DATE_WINDOW = "text", "status", "url", "money", "date_window"


@dataclass(frozen=True)
class Variable:
    name: str
    type: str
    agent_supplied: bool  # when the context lacks it, the agent may type it; otherwise the template is not offered
    description: str


VARIABLES = {v.name: v for v in (
    Variable("customer.first_name", TEXT, False, "the shopper's first name"),
    Variable("order.name", TEXT, False, "the order's number, e.g. #1001 (latest order of the shopper)"),
    Variable("order.status", STATUS, False, "where the order stands, in the shopper's language"),
    Variable("tracking.url", URL, True, "the parcel's tracking page"),
    Variable("tracking.number", TEXT, False, "the parcel's tracking number"),
    Variable("tracking.carrier", TEXT, False, "the carrier of the parcel"),
    Variable("order.eta_window", DATE_WINDOW, True, "when the parcel should arrive"),
    Variable("credit.offered", MONEY, True, "the store credit offered, with its currency"),
    Variable("agent.name", TEXT, True, "the name of the agent who sends"),
    Variable("shop.name", TEXT, True, "the shop's name"),
)}

_SLOT = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
MAX_SUPPLIED = 200  # characters of one agent-supplied text value


class TemplateError(ValueError):
    """A body or a set of values that cannot be used; ``names`` says which variables."""

    reason = "template_error"

    def __init__(self, names: Iterable[str]):
        self.names = sorted(set(names))
        super().__init__(f"{self.reason}: {', '.join(self.names)}")


class UnknownVariables(TemplateError):
    reason = "unknown_variables"


class MalformedTemplate(TemplateError):
    reason = "malformed_template"


class InvalidValues(TemplateError):
    reason = "invalid_values"


class MissingValues(MissingVariable):
    """Some variables have no value: nothing may be rendered or sent."""

    reason = "missing_values"


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class DateWindow:
    start: date
    end: date


def parse(body: str) -> list[str]:
    """The variables a body uses, in order of first use; ``UnknownVariables`` for names outside the
    registry, ``MalformedTemplate`` for stray ``{{`` or ``}}``."""
    names = list(dict.fromkeys(match.group(1) for match in _SLOT.finditer(body)))
    unknown = [name for name in names if name not in VARIABLES]
    if unknown:
        raise UnknownVariables(unknown)
    rest = _SLOT.sub("", body)
    if "{{" in rest or "}}" in rest:
        raise MalformedTemplate(["{{"])
    return names


def render(body: str, values: Mapping[str, object], *, language: str = DEFAULT_LANGUAGE) -> str:
    """The body with every variable filled in; ``MissingValues`` when any used one is missing or blank."""
    names = parse(body)
    text = {name: format_value(name, values.get(name), language) for name in names}
    missing = [name for name, value in text.items() if not value]
    if missing:
        raise MissingValues(missing)
    return _SLOT.sub(lambda match: text[match.group(1)], body)


def needs(names: Iterable[str], values: Mapping[str, object]) -> tuple[list[str], list[str]]:
    """Of the variables ``names``, those without a value: (the agent may supply them, nobody can)."""
    lacking = [name for name in names if not format_value(name, values.get(name), DEFAULT_LANGUAGE)]
    suppliable = [name for name in lacking if VARIABLES[name].agent_supplied]
    return suppliable, [name for name in lacking if name not in suppliable]


def format_value(name: str, value: object, language: str) -> str:
    """The text of one value in ``language``; "" when there is none (so the caller refuses)."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return format_currency(value.amount, value.currency, locale=language)
    if isinstance(value, DateWindow):
        return format_interval(value.start, value.end, "MMMd", locale=language)
    text = " ".join(str(value).split())
    if VARIABLES[name].type == STATUS:
        return STATUS_LABELS.get(text, {}).get(language) or STATUS_LABELS.get(text, {}).get(DEFAULT_LANGUAGE) or text
    return text


def merge(context: Mapping[str, object], supplied: Mapping[str, str], *, currency: str) -> tuple[dict, list[str]]:
    """The context's values plus the agent's for variables the context lacks and the agent may supply
    (any other supplied value is ignored). Returns (values, names the agent supplied); ``UnknownVariables``
    for names outside the registry, ``InvalidValues`` for values of the wrong shape."""
    unknown = [name for name in supplied if name not in VARIABLES]
    if unknown:
        raise UnknownVariables(unknown)
    values, used, invalid = dict(context), [], []
    for name, raw in supplied.items():
        if format_value(name, context.get(name), DEFAULT_LANGUAGE) or not VARIABLES[name].agent_supplied:
            continue
        if raw is None or str(raw).strip() == "":
            continue
        try:
            values[name] = coerce(name, str(raw), currency=currency)
        except ValueError:
            invalid.append(name)
            continue
        used.append(name)
    if invalid:
        raise InvalidValues(invalid)
    return values, sorted(used)


def coerce(name: str, raw: str, *, currency: str) -> object:
    """An agent-typed value as its variable's type; ValueError when it is not one."""
    text = " ".join(raw.split())
    if len(text) > MAX_SUPPLIED or "{{" in text or "}}" in text:
        raise ValueError(name)
    kind = VARIABLES[name].type
    if kind == URL:
        if not re.fullmatch(r"https?://[^\s/?#]+\.[^\s/?#]+(/\S*)?", text, flags=re.IGNORECASE):
            raise ValueError(name)
        return text
    if kind == MONEY:
        if not re.fullmatch(r"[A-Z]{3}", currency or ""):
            raise ValueError(name)  # a shop without a currency cannot offer an amount
        return Money(_amount(text), currency)
    return text


def _amount(text: str) -> Decimal:
    """A positive amount with at most two decimals; "12,50" reads as 12.50."""
    if not re.fullmatch(r"\d{1,9}([.,]\d{1,2})?", text):
        raise ValueError(text)
    try:
        amount = Decimal(text.replace(",", "."))
    except InvalidOperation as error:
        raise ValueError(text) from error
    if amount <= 0:
        raise ValueError(text)
    return amount.quantize(Decimal("0.01"))


def choose_language(available: Iterable[str], *, conversation_language: str | None,
                    shop_language: str = DEFAULT_LANGUAGE) -> str | None:
    """The variant to use: the conversation's language, else the shop's, else English, else the
    first variant there is (in the order of ``LANGUAGES``); None when there is no variant."""
    have = set(available)
    base = (conversation_language or "").replace("_", "-").split("-")[0].lower()
    for language in (base, shop_language, DEFAULT_LANGUAGE, *LANGUAGES):
        if language in have:
            return language
    return None


# --- order status --------------------------------------------------------------------------------

def order_status(*, cancelled: bool, financial_status: str, fulfillment_status: str,
                 shipment_statuses: Iterable[str]) -> str:
    """One code for where an order stands, from the mirror's fields."""
    shipments = [status or "" for status in shipment_statuses]
    if cancelled:
        return "cancelled"
    if financial_status == "refunded":
        return "refunded"
    if shipments and all(status == "delivered" for status in shipments):
        return "delivered"
    if fulfillment_status == "partial":
        return "partially_shipped"
    if shipments or fulfillment_status == "fulfilled":
        return "shipped"
    if financial_status in ("pending", "authorized"):
        return "awaiting_payment"
    return "processing"


STATUS_LABELS = {
    "cancelled": {"en": "cancelled", "es": "cancelado", "fr": "annulée", "de": "storniert", "pt": "cancelado",
                  "it": "annullato", "nl": "geannuleerd", "zh": "已取消"},
    "refunded": {"en": "refunded", "es": "reembolsado", "fr": "remboursée", "de": "erstattet", "pt": "reembolsado",
                 "it": "rimborsato", "nl": "terugbetaald", "zh": "已退款"},
    "delivered": {"en": "delivered", "es": "entregado", "fr": "livrée", "de": "zugestellt", "pt": "entregue",
                  "it": "consegnato", "nl": "bezorgd", "zh": "已送达"},
    "partially_shipped": {"en": "partly shipped", "es": "enviado en parte", "fr": "expédiée en partie",
                          "de": "teilweise versandt", "pt": "enviado em parte", "it": "spedito in parte",
                          "nl": "deels verzonden", "zh": "部分已发货"},
    "shipped": {"en": "shipped", "es": "enviado", "fr": "expédiée", "de": "versandt", "pt": "enviado",
                "it": "spedito", "nl": "verzonden", "zh": "已发货"},
    "awaiting_payment": {"en": "awaiting payment", "es": "pendiente de pago", "fr": "en attente de paiement",
                         "de": "wartet auf Zahlung", "pt": "aguardando pagamento", "it": "in attesa di pagamento",
                         "nl": "wacht op betaling", "zh": "待付款"},
    "processing": {"en": "being prepared", "es": "en preparación", "fr": "en préparation", "de": "in Bearbeitung",
                   "pt": "em preparação", "it": "in preparazione", "nl": "wordt voorbereid", "zh": "备货中"},
}
