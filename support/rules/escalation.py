"""When the bot hands a conversation to a person, and how urgent it is. Pure: a classification
(``support.rules.intents``) and plain values in; a priority and a reason code out.

Priority tiers (``Priority``):

- A: a payment dispute or legal threat, a shipping exception (told by the caller, from the
  carrier's status), an angry shopper, a threatened review, a damaged or wrong item (a shipping
  exception seen from the shopper's side);
- B: pre-sale questions (product, shipping costs and times), returns, changes or cancellations
  before shipping, price complaints, money, a request for a person;
- C: everything else (thanks, where is my order without an exception, no intent).

The tier is the most urgent over the signals and every intent the message matched, not only the
winning one. A high-value shopper (lifetime value at or above the shop's threshold) moves up one
tier; a missing or non-positive threshold turns that off."""
from decimal import Decimal

from support.models.conversations import Priority

from .intents import Classification, Intent, Signal

SIGNAL_TIERS = {
    Signal.LEGAL: Priority.A,
    Signal.ANGRY: Priority.A,
    Signal.REVIEW_THREAT: Priority.A,
    Signal.MONEY: Priority.B,
}
INTENT_TIERS = {
    Intent.DAMAGED_OR_WRONG: Priority.A,
    Intent.PRE_SALE: Priority.B,
    Intent.SHIPPING_INFO: Priority.B,
    Intent.DELIVERY_TIME: Priority.B,
    Intent.RETURNS: Priority.B,
    Intent.CANCEL_OR_CHANGE: Priority.B,
    Intent.PRICE_COMPLAINT: Priority.B,
    Intent.HUMAN: Priority.B,
    Intent.ORDER_STATUS: Priority.C,
    Intent.THANKS: Priority.C,
}
TIERS = (Priority.A, Priority.B, Priority.C)  # most urgent first

BOT_FAILURE_LIMIT = 2

# Hand-off reasons, in the order they are reported when several apply (the most serious first).
LEGAL = "legal"
ANGRY = "angry"
REVIEW_THREAT = "review_threat"
ASKED_FOR_HUMAN = "asked_for_human"
MONEY = "money"
BOT_FAILED_TWICE = "bot_failed_twice"
MONEY_INTENTS = frozenset({Intent.PRICE_COMPLAINT})


def _intents(classification: Classification) -> frozenset[Intent]:
    return classification.matched | ({classification.intent} if classification.intent else set())


def is_high_value(lifetime_value: Decimal | None, high_value_threshold: Decimal | None) -> bool:
    if lifetime_value is None or high_value_threshold is None or high_value_threshold <= 0:
        return False
    return lifetime_value >= high_value_threshold


def priority_for(classification: Classification, *, lifetime_value: Decimal | None,
                 high_value_threshold: Decimal | None, shipping_exception: bool = False) -> Priority:
    """The conversation's priority for this message (see the module docstring)."""
    tiers = {SIGNAL_TIERS[signal] for signal in classification.signals if signal in SIGNAL_TIERS}
    tiers |= {INTENT_TIERS[intent] for intent in _intents(classification)}
    if shipping_exception:
        tiers.add(Priority.A)
    tier = next((tier for tier in TIERS if tier in tiers), Priority.C)
    if is_high_value(lifetime_value, high_value_threshold):
        tier = TIERS[max(TIERS.index(tier) - 1, 0)]
    return tier


def hand_off_reason(classification: Classification, *, bot_failures: int) -> str | None:
    """Why a person must take over, or None when the bot may go on. ``bot_failures`` counts the bot's
    answers that did not help in this conversation (no intent, no FAQ match, or "that didn't help")."""
    signals, intents = classification.signals, _intents(classification)
    reasons = (
        (LEGAL, Signal.LEGAL in signals),
        (ANGRY, Signal.ANGRY in signals),
        (REVIEW_THREAT, Signal.REVIEW_THREAT in signals),
        (ASKED_FOR_HUMAN, Intent.HUMAN in intents),
        (MONEY, Signal.MONEY in signals or bool(intents & MONEY_INTENTS)),
        (BOT_FAILED_TWICE, bot_failures >= BOT_FAILURE_LIMIT),
    )
    return next((reason for reason, applies in reasons if applies), None)
