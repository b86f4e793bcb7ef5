"""The promise guardrail: phrases in the eight languages, the policy, negations, harmless text."""
import pytest

from support.rules.promises import (
    BOT_POLICY,
    CODES,
    PATTERNS,
    PromisePolicy,
    PromiseWarning,
    check_promises,
)
from support.rules.texts import LANGUAGES

NOTHING_ALLOWED = PromisePolicy()


def test_every_code_has_patterns_in_every_language():
    assert set(PATTERNS) == set(CODES)
    for by_language in PATTERNS.values():
        assert sorted(by_language) == sorted(LANGUAGES)
        assert all(by_language.values())


@pytest.mark.parametrize(("text", "expected"), [
    ("Guaranteed full refund, promise!", [("guarantee", "Guaranteed"), ("refund", "full refund")]),
    ("Sorry! We will compensate you for the delay.", [("compensation", "We will compensate")]),
    ("No worries, we’ll gladly refund you.", [("refund", "we’ll gladly refund")]),
    ("We'll send you a new one free of charge.", [("free_replacement", "send you a new one free of charge")]),
    ("We will pay the customs fees.", [("payment", "We will pay")]),
    ("Le reembolsaremos el importe y, como compensación, un regalo.",
     [("refund", "Le reembolsaremos"), ("compensation", "como compensación")]),
    ("Nous vous rembourserons intégralement.", [("refund", "vous rembourserons")]),
    ("Sie erhalten eine volle Rückerstattung.", [("refund", "volle Rückerstattung")]),
    ("Sie erhalten eine VOLLE RUECKERSTATTUNG.", [("refund", "VOLLE RUECKERSTATTUNG")]),
    ("Wir werden Sie selbstverständlich entschädigen.",
     [("compensation", "Wir werden Sie selbstverständlich entschädigen")]),
    ("Vamos reembolsar o valor e pagaremos o frete.", [("refund", "Vamos reembolsar"), ("payment", "pagaremos")]),
    ("Le garantiamo un rimborso completo.", [("guarantee", "garantiamo"), ("refund", "rimborso completo")]),
    ("We zullen het volledige bedrag terugbetalen.", [("refund", "We zullen het volledige bedrag terugbetalen")]),
    ("我们保证会全额退款，并免费补发。",
     [("guarantee", "我们保证"), ("refund", "全额退款"), ("free_replacement", "免费补发")]),
])
def test_promises_are_found_in_several_languages(text, expected):
    assert check_promises(text, NOTHING_ALLOWED) == [PromiseWarning(code, phrase) for code, phrase in expected]


@pytest.mark.parametrize("text", [
    "Thanks for your patience, your parcel left our warehouse on Monday.",
    "Your refund request was passed to the team, they answer within two days.",
    "We cannot offer a full refund for opened items.",
    "We will not refund shipping costs.",
    "Wir erstatten die Versandkosten nicht.",
    "Nous ne vous rembourserons pas les frais de port.",
    "No le reembolsaremos el envío.",
    "我们无法全额退款。",
    "We zullen het bedrag niet terugbetalen.",
    "",
])
def test_harmless_or_negated_text_warns_nothing(text):
    assert check_promises(text, NOTHING_ALLOWED) == []


def test_what_the_policy_allows_is_not_a_warning():
    text = "Guaranteed full refund, and as compensation a free replacement. We will pay the return."
    assert [w.code for w in check_promises(text, NOTHING_ALLOWED)] == [
        "guarantee", "refund", "compensation", "free_replacement", "payment"]
    refunds_ok = PromisePolicy(refunds_allowed=True)
    assert [w.code for w in check_promises(text, refunds_ok)] == ["guarantee", "compensation", "free_replacement",
                                                                "payment"]
    everything = PromisePolicy(refunds_allowed=True, compensation_allowed=True, replacements_allowed=True,
                               guarantees_allowed=True)
    assert check_promises(text, everything) == []


def test_the_bot_may_promise_nothing():
    assert BOT_POLICY == PromisePolicy()
    assert [w.code for w in check_promises("We will refund you in full.", BOT_POLICY)] == ["refund"]
