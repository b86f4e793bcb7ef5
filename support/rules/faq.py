"""The merchant's FAQ: which entry answers a shopper's question, if any. Pure: plain values in.

A question and a message are compared as sets of content words: folded like the intents
(``intents.fold``: case, accents), without the language's stop words ("do", "you", "the", "hi",
"please"...) and without numbers. Chinese, written without spaces, is cut into character pairs
after its stop words are removed. Two words are the same word when equal, when one is the other
plus a short ending or a compound's tail (a shared start of 4 letters or more, differing by at most
two letters of the shorter: "ship"/"shipping", "envío"/"envíos", "geschenk"/"geschenkverpackung"),
or, from 5 letters, one left-out or doubled letter apart ("wraping").

The score of a question is its overlap with the message: matched words on both sides over all
words on both sides (Dice), so a message that also talks about something else, or a question only
half asked, scores lower. An entry scores as its best question variant. The best entry answers only
when it scores ``MIN_SCORE`` or more and leads every other entry by ``MIN_MARGIN``: two entries
that fit about as well mean the bot does not know, and nothing is guessed."""
import re
from dataclasses import dataclass
from functools import lru_cache

from .intents import fold
from .lexicon import LEXICONS
from .texts import DEFAULT_LANGUAGE, LANGUAGES, pick_language

# A message and a question sharing 2 of their 3 words each (0.67) is not enough: "is the bag vegan
# leather?" is no leather-care question. 2 words of 2 against 2 of 3 (0.8) is.
MIN_SCORE = 0.7
MIN_MARGIN = 0.15
MIN_STEM = 4
MAX_ENDING = 2
MIN_TYPO_LENGTH = 5

MAX_QUESTIONS = 20
MAX_QUESTION_LENGTH = 300
MAX_ANSWER_LENGTH = 2000
MAX_ENTRIES_PER_SHOP = 500

_WORD = re.compile(r"[^\W\d_]+")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HTML_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.IGNORECASE)


@dataclass(frozen=True)
class FaqCandidate:
    id: int
    questions: tuple[str, ...]
    answer: str
    language: str = ""  # "" answers in any language


@dataclass(frozen=True)
class Scored:
    entry_id: int
    question: str
    score: float


@dataclass(frozen=True)
class FaqMatch:
    entry_id: int
    question: str  # the variant that matched best
    answer: str
    score: float
    runner_up: float  # the best score of any other entry


_STOP_WORDS = {language: frozenset(fold(word) for word in LEXICONS[language].STOP_WORDS) for language in LANGUAGES}
_ZH_STOP = sorted(_STOP_WORDS["zh"], key=len, reverse=True)


def _stop_words(language: str) -> frozenset[str]:
    return _STOP_WORDS[language] | _STOP_WORDS[DEFAULT_LANGUAGE]


def _han_tokens(folded: str) -> set[str]:
    for word in _ZH_STOP:
        folded = folded.replace(word, " ")
    found = set()
    for run in _HAN_RUN.findall(folded):
        found |= {run} if len(run) == 1 else {run[i:i + 2] for i in range(len(run) - 1)}
    return found


@lru_cache(maxsize=4096)
def tokens(text: str, language: str) -> frozenset[str]:
    """The content words of ``text`` read as ``language``."""
    folded = fold(text)
    stop = _stop_words(pick_language(language))
    words = {word for word in _WORD.findall(_HAN_RUN.sub(" ", folded)) if len(word) > 1 and word not in stop}
    return frozenset(words | _han_tokens(folded))


def _one_letter_dropped(a: str, b: str) -> bool:
    """A letter left out or doubled ("wraping", "adress"). A changed letter is not a typo here: it too
    often makes another real word ("shirts"/"skirts", "price"/"prime")."""
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    if _HAN_RUN.match(a) or _HAN_RUN.match(b):
        return False
    shared = len(_common_prefix(a, b))
    if shared >= MIN_STEM and shared >= min(len(a), len(b)) - MAX_ENDING:
        return True
    return min(len(a), len(b)) >= MIN_TYPO_LENGTH and _one_letter_dropped(a, b)


def _common_prefix(a: str, b: str) -> str:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[:index]
    return a[:min(len(a), len(b))]


def similarity(message: frozenset[str], question: frozenset[str]) -> float:
    """Dice overlap of two word sets, words compared with ``same_word``; 0 when either is empty."""
    if not message or not question:
        return 0.0
    in_message = sum(any(same_word(word, other) for other in question) for word in message)
    in_question = sum(any(same_word(word, other) for other in message) for word in question)
    return (in_message + in_question) / (len(message) + len(question))


def rank(text: str, entries: list[FaqCandidate], language: str) -> list[Scored]:
    """Every entry that may answer in ``language``, with its best variant, best first."""
    language = pick_language(language)
    message = tokens(text or "", language)
    scored = []
    for entry in entries:
        if entry.language and entry.language != language:
            continue
        best = max(((similarity(message, tokens(q, language)), q) for q in entry.questions), default=(0.0, ""))
        scored.append(Scored(entry_id=entry.id, question=best[1], score=round(best[0], 3)))
    return sorted(scored, key=lambda item: (-item.score, item.entry_id))


def best_match(text: str, entries: list[FaqCandidate], language: str) -> FaqMatch | None:
    """The entry that confidently answers ``text``, or None (nothing fits well, or two fit alike)."""
    ranked = rank(text, entries, language)
    if not ranked or ranked[0].score < MIN_SCORE:
        return None
    top, runner_up = ranked[0], (ranked[1].score if len(ranked) > 1 else 0.0)
    if top.score - runner_up < MIN_MARGIN:
        return None
    answer = next(entry.answer for entry in entries if entry.id == top.entry_id)
    return FaqMatch(entry_id=top.entry_id, question=top.question, answer=answer, score=top.score, runner_up=runner_up)


def entry_problem(questions: list[str], answer: str, language: str) -> str | None:
    """Why an entry cannot be saved as written (a reason code), or None. Lengths and counts are the
    API's to check; these are the reasons a well-formed entry would still never answer well."""
    variants = [question.strip() for question in questions]
    readings = [language] if language else list(LANGUAGES)
    if not variants:
        return "no_questions"
    if any(not any(tokens(question, reading) for reading in readings) for question in variants):
        return "question_without_words"
    if len({fold(question) for question in variants}) != len(variants):
        return "duplicate_question"
    if not answer.strip():
        return "blank_answer"
    if _HTML_TAG.search(answer):
        return "answer_not_plain_text"
    return None
