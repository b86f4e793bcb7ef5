"""The language a shopper writes in: one of ``texts.LANGUAGES``, from the text when it is clear,
else from the browser's locale. No ORM; the detector is built once per process, on first use.

How:

1. Links, e-mail addresses and tokens with digits (order numbers, sizes, prices) are removed: they
   say nothing about the language.
2. Chinese is recognised by its script, without the detector: Han characters that are at least a
   third as many as the Latin letters (one Han character carries about a word). Japanese kana or
   Korean hangul mean a language the app does not answer in: the browser decides.
3. Otherwise lingua (restricted to the seven Latin-script languages) decides, but only when the text
   has ``MIN_LETTERS`` letters or more, its top language has a confidence of ``MIN_CONFIDENCE`` or
   more, and leads the runner-up by ``MIN_MARGIN``. Otherwise the browser's locale decides
   (``texts.pick_language``: English when it is missing or unsupported).

Thresholds, from a corpus of 337 short chat messages in the seven languages (the phrasebook of
``tests/support/rules/test_intents.py``): 10 letters / 0.5 / 0.2 accept 85% of them with one
mistake; "ok", "Danke!", "hello" and "merci" are left to the browser, as they should be.

Mode, measured on the same corpus (2 cores): lingua's high-accuracy mode takes 2 ms a message,
0.4 s to load and 180 MiB of memory; the low-accuracy mode takes 0.03 ms and 15 MiB but, on
messages this short, is confidently wrong (11 mistakes among the 306 it accepts, e.g. "Do you ship
to Canada?" as Portuguese at 0.73). Chat messages are short, so the high-accuracy mode is used;
the detector is built lazily so that processes that never detect do not pay for it."""
import re
import threading

from lingua import Language, LanguageDetectorBuilder

from .texts import pick_language

MIN_LETTERS = 10
MIN_CONFIDENCE = 0.5
MIN_MARGIN = 0.2

LINGUA_LANGUAGES = {
    Language.ENGLISH: "en",
    Language.SPANISH: "es",
    Language.FRENCH: "fr",
    Language.GERMAN: "de",
    Language.PORTUGUESE: "pt",
    Language.ITALIAN: "it",
    Language.DUTCH: "nl",
}

_NOISE = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\S*\d\S*")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_OTHER_CJK = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u1100-\u11ff\uac00-\ud7af]")  # kana, hangul

_detector = None
_detector_lock = threading.Lock()


def detector():
    """The process's lingua detector, built on first use."""
    global _detector
    if _detector is None:
        with _detector_lock:
            if _detector is None:
                _detector = LanguageDetectorBuilder.from_languages(*LINGUA_LANGUAGES).build()
    return _detector


def warm_up() -> None:
    """Build the detector and load its language models now (a Celery worker does it once, before
    forking its pool processes, which then share the models' memory instead of loading their own)."""
    detector().compute_language_confidence_values("Where is my order? Wo ist meine Bestellung?")


def text_language(text: str) -> str | None:
    """The language ``text`` is clearly written in, or None when the text alone cannot tell."""
    cleaned = _NOISE.sub(" ", text or "")
    if _OTHER_CJK.search(cleaned):
        return None
    han = len(_HAN.findall(cleaned))
    letters = sum(char.isalpha() for char in cleaned) - han
    if han and 3 * han >= letters:
        return "zh"
    if letters < MIN_LETTERS:
        return None
    ranked = detector().compute_language_confidence_values(cleaned)
    top, runner_up = ranked[0], ranked[1]
    if top.value < MIN_CONFIDENCE or top.value - runner_up.value < MIN_MARGIN:
        return None
    return LINGUA_LANGUAGES[top.language]


def detect_language(text: str, *, browser_locale: str | None = None) -> str:
    """The language to answer ``text`` in: the text's own when clear, else the browser's locale."""
    return text_language(text) or pick_language(browser_locale)
