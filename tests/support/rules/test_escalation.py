"""Priority tiers and hand-off reasons, from classifications of real messages and built ones."""
from decimal import Decimal

import pytest

from support.models import Priority
from support.rules.escalation import hand_off_reason, is_high_value, priority_for
from support.rules.intents import Classification, Intent, Signal, classify

NO_VALUE = {"lifetime_value": None, "high_value_threshold": None}


def tier(text, language="en", **kwargs):
    return priority_for(classify(text, language), **{**NO_VALUE, **kwargs})


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("I will file a chargeback", "en", Priority.A),
    ("This is unacceptable, worst shop ever", "en", Priority.A),
    ("I'll leave a 1-star review", "en", Priority.A),
    ("The mug arrived broken", "en", Priority.A),
    ("Voy a abrir una disputa", "es", Priority.A),
    ("Is this jacket in stock?", "en", Priority.B),
    ("How do I return an item?", "en", Priority.B),
    ("Please cancel my order", "en", Priority.B),
    ("Do you ship to Canada?", "en", Priority.B),
    ("You charged me twice", "en", Priority.B),
    ("Can I talk to a real person?", "en", Priority.B),
    ("Thanks!", "en", Priority.C),
    ("Where is my order?", "en", Priority.C),
    ("hello", "en", Priority.C),
])
def test_tiers_from_the_message(text, language, expected):
    assert tier(text, language) == expected


def test_the_most_urgent_of_all_matched_intents_counts_not_only_the_winner():
    result = classify("It arrived damaged, let me talk to a real person", "en")
    assert result.intent == Intent.HUMAN
    assert priority_for(result, **NO_VALUE) == Priority.A


def test_a_shipping_exception_makes_any_message_urgent():
    assert tier("Where is my order?", shipping_exception=True) == Priority.A
    assert tier("Where is my order?", shipping_exception=False) == Priority.C


@pytest.mark.parametrize(("text", "expected"), [
    ("Thanks!", Priority.B), ("Is this in stock?", Priority.A), ("I will file a chargeback", Priority.A),
])
def test_a_high_value_shopper_moves_up_one_tier(text, expected):
    assert tier(text, lifetime_value=Decimal("500.00"), high_value_threshold=Decimal("500")) == expected


@pytest.mark.parametrize(("value", "threshold", "expected"), [
    (Decimal("499.99"), Decimal("500"), False),
    (Decimal("500"), Decimal("500"), True),
    (None, Decimal("500"), False),
    (Decimal("900"), None, False),
    (Decimal("900"), Decimal("0"), False),  # no threshold set: nobody is singled out
])
def test_high_value(value, threshold, expected):
    assert is_high_value(value, threshold) is expected
    assert tier("Thanks!", lifetime_value=value, high_value_threshold=threshold) == (
        Priority.B if expected else Priority.C)


@pytest.mark.parametrize(("text", "language", "failures", "expected"), [
    ("I want to talk to a human", "en", 0, "asked_for_human"),
    ("Quiero hablar con una persona", "es", 0, "asked_for_human"),
    ("This is ridiculous", "en", 0, "angry"),
    ("WHERE IS MY ORDER I PAID THREE WEEKS AGO", "en", 0, "angry"),
    ("My lawyer will contact you", "en", 0, "legal"),
    ("I opened a PayPal case", "en", 0, "legal"),
    ("Ich werde eine negative Bewertung schreiben", "de", 0, "review_threat"),
    ("Where is my refund?", "en", 0, "money"),
    ("The price dropped after I bought it", "en", 0, "money"),
    ("我要退款", "zh", 0, "money"),
    ("What is your return policy?", "en", 0, None),
    ("Where is my order?", "en", 1, None),
    ("hello", "en", 2, "bot_failed_twice"),
    ("Where is my order?", "en", 3, "bot_failed_twice"),
])
def test_hand_off_reasons(text, language, failures, expected):
    assert hand_off_reason(classify(text, language), bot_failures=failures) == expected


def test_the_most_serious_reason_is_reported_first():
    everything = Classification(intent=Intent.HUMAN, signals=frozenset(Signal), matched=frozenset({Intent.HUMAN}))
    assert hand_off_reason(everything, bot_failures=5) == "legal"
    assert hand_off_reason(Classification(intent=Intent.HUMAN, signals=frozenset({Signal.MONEY})),
                           bot_failures=5) == "asked_for_human"
    assert hand_off_reason(Classification(intent=None, signals=frozenset({Signal.ORDER_REFERENCE})),
                           bot_failures=0) is None
