"""The FAQ matcher: a confident match answers; a weak, ambiguous or unrelated one does not."""
import pytest

from support.rules import faq
from support.rules.faq import FaqCandidate, FaqMatch, Scored, best_match, entry_problem, rank, same_word, tokens

ENTRIES = [
    FaqCandidate(1, ("Do you offer gift wrapping?", "Can you gift wrap my order?"), "Gift wrapping is free."),
    FaqCandidate(2, ("Do you have a physical store?", "Where is your shop located?"), "We are online only."),
    FaqCandidate(3, ("Can I pick up my order in store?", "Is local pickup available?"), "No pickup, sorry."),
    FaqCandidate(4, ("How do I care for a leather bag?", "How to clean leather?"), "Use a damp cloth."),
    FaqCandidate(5, ("Do you have a loyalty program?", "Do you have a rewards program?"), "1 point per euro."),
    FaqCandidate(6, ("Are your products vegan?",), "All of them are."),
    FaqCandidate(7, ("¿Tienen tienda física?", "¿Dónde está su tienda?"), "Solo vendemos online.", "es"),
    FaqCandidate(8, ("你们有实体店吗", "店在哪里"), "我们只在网上销售。", "zh"),
    FaqCandidate(9, ("Wie reinige ich Leder?",), "Mit einem feuchten Tuch.", "de"),
]


@pytest.mark.parametrize(("text", "language", "entry_id", "question", "score"), [
    ("hi, do you gift wrap?", "en", 1, "Do you offer gift wrapping?", 0.8),
    ("Is there a rewards program", "en", 5, "Do you have a rewards program?", 1.0),
    ("how should I clean my leather handbag", "en", 4, "How to clean leather?", 0.8),
    ("can I pick it up locally?", "en", 3, "Is local pickup available?", 0.8),
    ("¿tienen una tienda física en Madrid?", "es", 7, "¿Tienen tienda física?", 0.8),
    ("你们有实体店吗？", "zh", 8, "你们有实体店吗", 1.0),
    ("Wie reinige ich meine Ledertasche?", "de", 9, "Wie reinige ich Leder?", 1.0),  # a compound
    ("DO YOU OFFER GIFT-WRAPPING?", "en", 1, "Do you offer gift wrapping?", 1.0),
    ("do you offer gift wraping", "en", 1, "Do you offer gift wrapping?", 1.0),  # a typo
])
def test_a_confident_match_answers_with_its_entry(text, language, entry_id, question, score):
    match = best_match(text, ENTRIES, language)
    answer = next(entry.answer for entry in ENTRIES if entry.id == entry_id)
    assert match == FaqMatch(entry_id=entry_id, question=question, answer=answer, score=score,
                             runner_up=match.runner_up)
    assert match.score - match.runner_up >= faq.MIN_MARGIN


@pytest.mark.parametrize(("text", "language"), [
    ("What is the capital of France?", "en"),
    ("Do you offer student discounts?", "en"),
    ("hello", "en"),
    ("", "en"),
    ("1045", "en"),
    ("¿Cuál es la capital de Francia?", "es"),
    ("今天天气很好", "zh"),
])
def test_unrelated_questions_get_nothing(text, language):
    assert best_match(text, ENTRIES, language) is None


def test_a_half_match_is_not_guessed():
    """The bag and leather words fit the care entry, but the question is whether it is vegan."""
    ranked = rank("is the bag vegan leather?", ENTRIES, "en")
    assert [(s.entry_id, s.score) for s in ranked[:2]] == [(4, 0.667), (6, 0.4)]
    assert best_match("is the bag vegan leather?", ENTRIES, "en") is None


def test_two_entries_that_fit_alike_are_ambiguous():
    entries = [
        FaqCandidate(1, ("Do you ship to Canada?",), "Yes, in 5 days."),
        FaqCandidate(2, ("Can you ship to Canada?",), "Yes, for 10 EUR."),  # the same question twice
    ]
    assert [(s.entry_id, s.score) for s in rank("do you ship to canada", entries, "en")] == [(1, 1.0), (2, 1.0)]
    assert best_match("do you ship to canada", entries, "en") is None


def test_a_word_shared_with_two_questions_is_not_enough():
    entries = [
        FaqCandidate(1, ("What is your return window?",), "30 days."),
        FaqCandidate(2, ("What is your return address?",), "Rue 1, Paris."),
    ]
    assert [(s.entry_id, s.score) for s in rank("return?", entries, "en")] == [(1, 0.667), (2, 0.667)]
    assert best_match("return?", entries, "en") is None
    assert best_match("what's your return window", entries, "en").entry_id == 1


def test_the_lead_must_be_clear():
    entries = [
        FaqCandidate(1, ("Do you have a physical store?",), "Online only."),
        FaqCandidate(2, ("Can I visit a physical store near me?",), "No."),
    ]
    ranked = rank("physical store near me", entries, "en")
    assert [(s.entry_id, s.score) for s in ranked] == [(2, 0.857), (1, 0.8)]
    assert best_match("physical store near me", entries, "en") is None


def test_entries_of_another_language_never_answer():
    assert best_match("tienda física", ENTRIES, "es").entry_id == 7
    assert best_match("tienda física", [entry for entry in ENTRIES if entry.id != 7], "es") is None
    assert [s.entry_id for s in rank("Wie reinige ich Leder?", ENTRIES, "en")] == [1, 2, 3, 4, 5, 6]


def test_an_entry_without_a_language_answers_in_any():
    entries = [FaqCandidate(1, ("Garantie?", "Warranty?"), "2 years.")]
    assert best_match("Garantie", entries, "fr").entry_id == 1
    assert best_match("warranty", entries, "de").entry_id == 1


def test_no_entries():
    assert best_match("do you gift wrap?", [], "en") is None
    assert rank("do you gift wrap?", [], "en") == []


def test_rank_reports_each_entry_by_its_best_variant():
    assert rank("where is your shop located", ENTRIES, "en")[0] == Scored(
        entry_id=2, question="Where is your shop located?", score=1.0)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("ship", "shipping", True), ("envio", "envios", True), ("geschenk", "geschenkverpackung", True),
    ("wraping", "wrapping", True), ("livraison", "livrer", True), ("card", "cart", False),
    ("price", "prime", False), ("shirts", "skirts", False), ("adress", "address", True),
    ("order", "ordinary", False), ("gift", "gifts", True), ("cat", "car", False), ("实体", "实体", True),
])
def test_same_word(a, b, same):
    assert same_word(a, b) is same


def test_tokens_drop_stop_words_numbers_and_cut_chinese_into_pairs():
    assert tokens("Hi! Do you offer gift-wrapping for order 1045?", "en") == {"offer", "gift", "wrapping", "order"}
    assert tokens("¿Dónde está su tienda?", "es") == {"tienda"}
    assert tokens("你们有实体店吗？", "zh") == {"实体", "体店"}


@pytest.mark.parametrize(("questions", "answer", "language", "reason"), [
    (["Do you gift wrap?"], "Yes, for free.", "en", None),
    (["Garantie ?"], "Deux ans.", "", None),
    ([], "Yes.", "en", "no_questions"),
    (["Do you gift wrap?", "   "], "Yes.", "en", "question_without_words"),
    (["hello?"], "Yes.", "en", "question_without_words"),
    (["Do you gift wrap?", "do you GIFT wrap?"], "Yes.", "en", "duplicate_question"),
    (["Do you gift wrap?"], "  ", "en", "blank_answer"),
    (["Do you gift wrap?"], "Yes, <b>free</b>!", "en", "answer_not_plain_text"),
    (["Do you gift wrap?"], "Yes <3 and 2 < 3 > 1", "en", None),
])
def test_entry_problem(questions, answer, language, reason):
    assert entry_problem(questions, answer, language) == reason
