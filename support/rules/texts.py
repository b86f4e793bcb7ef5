"""Shopper-facing text in the languages the app answers in.

Each sub-domain keeps its own catalogue ``{key: {language: text}}`` next to its rules (keys are
dotted and start with the sub-domain: ``"hours.out_of_hours"``). A text names its variables as
``{name}``; rendering is strict: a variable that is missing or empty raises ``MissingVariable``
instead of sending a blank. The merchant may override any key per language; the override wins.
Texts are plain text, never HTML."""
import string
from collections.abc import Mapping

LANGUAGES = ("en", "es", "fr", "de", "pt", "it", "nl", "zh")
DEFAULT_LANGUAGE = "en"

Catalogue = Mapping[str, Mapping[str, str]]


class MissingVariable(ValueError):
    def __init__(self, names):
        self.names = sorted(names)
        super().__init__(f"missing variables: {', '.join(self.names)}")


def pick_language(code: str | None) -> str:
    """A supported language for a locale such as ``"pt-BR"`` or ``"zh_Hans"``; English otherwise."""
    base = (code or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def variables_of(text: str) -> set[str]:
    """The names a text refers to."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def render(text: str, variables: Mapping[str, object]) -> str:
    """``text`` with its variables filled in; raises ``MissingVariable`` for a missing or blank one."""
    names = variables_of(text)
    missing = {name for name in names if str(variables.get(name) or "").strip() == ""}
    if missing:
        raise MissingVariable(missing)
    return text.format_map({name: variables[name] for name in names})


def text_for(catalogue: Catalogue, key: str, language: str,
             overrides: Mapping[tuple[str, str], str] | None = None) -> str:
    """The text of ``key`` in ``language``: the merchant's override, else the catalogue's, else English
    (the merchant's English override before the catalogue's). A shopper is never answered in English
    while the catalogue has their language."""
    language = pick_language(language)
    overrides = overrides or {}
    variants = catalogue[key]
    for lang in dict.fromkeys((language, DEFAULT_LANGUAGE)):
        text = overrides.get((key, lang)) or variants.get(lang)
        if text:
            return text
    return variants[DEFAULT_LANGUAGE]
