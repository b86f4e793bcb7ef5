"""Google Cloud Translation, basic edition (v2): ``POST {GOOGLE_TRANSLATE_URL}`` (by default
``https://translation.googleapis.com/language/translate/v2``) with a JSON body
``{"q": [...], "target": "de", "format": "text", "source"?: "en"}``. The API key goes in the
``X-goog-api-key`` header, which Google accepts in place of the ``?key=`` parameter, so the key
never sits in a URL (access logs, proxies).

Answers: 200 ``{"data": {"translations": [{"translatedText": "...", "detectedSourceLanguage": "en"}]}}``
(no detected language when a source was given); errors
``{"error": {"code", "message", "errors": [{"domain", "reason", "message"}], "status", "details"}}``:
400 ``keyInvalid`` / ``API_KEY_INVALID`` for a bad key, 403 ``dailyLimitExceeded`` or
``quotaExceeded`` for a used-up quota, 403 ``userRateLimitExceeded`` / ``rateLimitExceeded`` or 429
for too many requests, other 401/403 for a key that may not call the API."""
import httpx

from . import languages
from .base import (
    AUTH,
    HTTP_TIMEOUT,
    PROVIDER_ERROR,
    QUOTA,
    RATE_LIMITED,
    RETRY_DELAY,
    Translated,
    fail,
    json_body,
    send,
)

DEFAULT_URL = "https://translation.googleapis.com/language/translate/v2"
KEY_REASONS = {"keyInvalid", "API_KEY_INVALID", "keyExpired", "API_KEY_EXPIRED"}
QUOTA_REASONS = {"dailyLimitExceeded", "dailyLimitExceededUnreg", "quotaExceeded"}
RATE_REASONS = {"userRateLimitExceeded", "userRateLimitExceededUnreg", "rateLimitExceeded", "RATE_LIMIT_EXCEEDED"}


def error_reasons(body: dict) -> set[str]:
    """Every ``reason`` of a Google error body (``errors[]`` and ``details[]``)."""
    error = body.get("error")
    if not isinstance(error, dict):
        return set()
    items = [*(error.get("errors") or []), *(error.get("details") or [])]
    return {item["reason"] for item in items if isinstance(item, dict) and isinstance(item.get("reason"), str)}


def reason_for(status: int, reasons: set[str]) -> str:
    """Pure rule: our reason for a Google error."""
    if reasons & QUOTA_REASONS:
        return QUOTA
    if status == 429 or reasons & RATE_REASONS:
        return RATE_LIMITED
    if status in (401, 403) or reasons & KEY_REASONS:
        return AUTH
    return PROVIDER_ERROR


class GoogleTranslator:
    name = "google"

    def __init__(self, api_key: str, *, url: str = "", timeout=HTTP_TIMEOUT, retry_delay: float = RETRY_DELAY):
        self._key = api_key
        self.url = url or DEFAULT_URL
        self.timeout, self.retry_delay = timeout, retry_delay

    def __repr__(self):  # never shows the key
        return f"GoogleTranslator(url={self.url!r})"

    def translate(self, texts: list[str], target: str, source: str | None = None) -> list[Translated]:
        if not texts:
            return []
        body = {"q": list(texts), "target": languages.google_code(target), "format": "text"}
        if source:
            body["source"] = languages.google_code(source)
        headers = {"X-goog-api-key": self._key}
        with httpx.Client(timeout=self.timeout) as client:
            response = send(lambda: client.post(self.url, json=body, headers=headers), provider=self.name,
                            retry_delay=self.retry_delay)
        if response.status_code != 200:
            reason = reason_for(response.status_code, error_reasons(json_body(response)))
            raise fail(reason, provider=self.name, status=response.status_code)
        return self._parse(json_body(response), count=len(texts), source=source)

    def _parse(self, body: dict, *, count: int, source: str | None) -> list[Translated]:
        data = body.get("data")
        rows = data.get("translations") if isinstance(data, dict) else None
        if not isinstance(rows, list) or len(rows) != count:
            raise fail(PROVIDER_ERROR, provider=self.name, status=200)
        result = []
        for row in rows:
            if not isinstance(row, dict) or not isinstance(row.get("translatedText"), str):
                raise fail(PROVIDER_ERROR, provider=self.name, status=200)
            detected = row.get("detectedSourceLanguage")
            if not (isinstance(detected, str) and detected):
                detected = languages.google_code(source) if source else ""  # the language we said it is in
            result.append(Translated(text=row["translatedText"], detected_source=languages.normalize(detected)))
        return result
