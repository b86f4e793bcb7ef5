"""Pure rules: language tags between the app and the providers.

The app keeps BCP 47 tags as the widget and providers give them, normalized: a lowercase language,
then a region in capitals (``"pt-BR"``) or, for Chinese, the script (``"zh-Hans"``, ``"zh-Hant"``).
DeepL wants capitals and a variant for English and Portuguese targets (``"EN-US"``, ``"PT-BR"``) but
only the language for a source; Google wants lowercase with ``"zh-CN"`` / ``"zh-TW"`` for Chinese."""

TRADITIONAL_CHINESE_REGIONS = {"TW", "HK", "MO"}
# Old codes some providers still answer with.
ALIASES = {"iw": "he", "jw": "jv", "in": "id", "no": "nb"}


def normalize(code: str | None) -> str:
    """``"pt_br"`` -> ``"pt-BR"``, ``"ZH-HANT"`` / ``"zh-TW"`` -> ``"zh-Hant"``, ``"EN"`` -> ``"en"``;
    ``""`` for anything that is not a language tag."""
    parts = [part for part in (code or "").strip().replace("_", "-").split("-") if part]
    if not parts or not parts[0].isalpha() or not 2 <= len(parts[0]) <= 3:
        return ""
    language = parts[0].lower()
    language = ALIASES.get(language, language)
    script = next((part.title() for part in parts[1:] if len(part) == 4 and part.isalpha()), "")
    region = next((part.upper() for part in parts[1:]
                   if (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit())), "")
    if language == "zh":
        if script in ("Hans", "Hant"):
            return f"zh-{script}"
        if region:
            return "zh-Hant" if region in TRADITIONAL_CHINESE_REGIONS else "zh-Hans"
        return "zh"
    return f"{language}-{region}" if region else language


def base(code: str | None) -> str:
    """The language alone: ``"pt-BR"`` -> ``"pt"``."""
    return normalize(code).split("-")[0]


def same_language(first: str | None, second: str | None) -> bool:
    """Both known and the same language (variants alike: ``"en-GB"`` and ``"en"`` are the same)."""
    return bool(base(first)) and base(first) == base(second)


def deepl_target(code: str) -> str:
    """DeepL's ``target_lang``: English and Portuguese need a variant (American, Brazilian unless
    asked otherwise), Chinese a script (simplified unless traditional is asked)."""
    tag = normalize(code)
    language = base(tag)
    if language == "en":
        return "EN-GB" if tag == "en-GB" else "EN-US"
    if language == "pt":
        return "PT-PT" if tag == "pt-PT" else "PT-BR"
    if language == "zh":
        return "ZH-HANT" if tag == "zh-Hant" else "ZH-HANS"
    return language.upper()


def deepl_source(code: str) -> str:
    """DeepL's ``source_lang``: the language alone (``"PT"``, ``"ZH"``)."""
    return base(code).upper()


def google_code(code: str) -> str:
    """Google's ``target`` / ``source``: lowercase, ``"zh-CN"`` / ``"zh-TW"``, ``"pt-PT"`` kept,
    Norwegian as ``"no"``."""
    tag = normalize(code)
    language = base(tag)
    if language == "zh":
        return "zh-TW" if tag == "zh-Hant" else "zh-CN"
    if tag == "pt-PT":
        return tag
    return "no" if language == "nb" else language
