"""Which translator a shop uses: built from its ``TranslationSettings`` row, or ``None`` when the
feature is off (and ``off_reason`` says why). No queries here: the caller passes the row."""
from django.conf import settings

from .base import Translator
from .deepl import DeepLTranslator
from .google import GoogleTranslator

NO_PROVIDER, NO_KEY, DISABLED = "no_provider", "no_key", "disabled"


def off_reason(settings_row) -> str:
    """Why translation is off for this row (``""`` when it is on). A missing row is off: no key."""
    if settings_row is None or not settings_row.api_key:
        return NO_KEY
    if not settings_row.provider:
        return NO_PROVIDER
    if not settings_row.enabled:
        return DISABLED
    return ""


def translator_for(settings_row) -> Translator | None:
    if off_reason(settings_row):
        return None
    if settings_row.provider == "deepl":
        return DeepLTranslator(settings_row.api_key, base_url=settings.DEEPL_API_URL)
    if settings_row.provider == "google":
        return GoogleTranslator(settings_row.api_key, url=settings.GOOGLE_TRANSLATE_URL)
    return None
