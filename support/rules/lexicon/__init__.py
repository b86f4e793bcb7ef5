"""Language data for the shopper-facing rules, one module per language the app answers in.

Each module holds plain tables, no logic:

- ``INTENTS``: ``{intent value: (pattern, ...)}`` for ``support.rules.intents``;
- ``SIGNALS``: ``{signal value: (pattern, ...)}``, same shape;
- ``STOP_WORDS``: words that say nothing about the topic, for ``support.rules.faq``.

Patterns are regular expressions over *folded* text (``support.rules.intents.fold``: lower case,
accents removed, typographic apostrophes made plain). Write them in lower case; accents may stay
for readability (they are folded at compile time the same way as the text). Never use an upper-case
escape (``\\W``, ``\\S``, ``\\D``, ``\\B``): folding would turn it into its opposite, so compiling refuses
it. Word boundaries are added around every pattern except for Chinese; end a pattern with ``\\w*``
to accept the inflections of a stem. Prefer several precise phrases to one broad word: a message
with no intent goes to a person, a wrong intent gets a wrong answer."""
from . import de, en, es, fr, it, nl, pt, zh

LEXICONS = {"en": en, "es": es, "fr": fr, "de": de, "pt": pt, "it": it, "nl": nl, "zh": zh}
