"""DeepL API v2 text translation: ``POST {base}/v2/translate`` with a JSON body
``{"text": [...], "target_lang": "DE", "source_lang"?: "EN"}`` and the header
``Authorization: DeepL-Auth-Key <key>``. Free-plan keys end in ``":fx"`` and go to
``api-free.deepl.com``, others to ``api.deepl.com`` (``DEEPL_API_URL`` overrides both).

Answers: 200 ``{"translations": [{"detected_source_language": "EN", "text": "..."}]}``; 456 the
character quota is used up; 403 (or 401) the key is refused; 429 too many requests; 5xx and 529
the service is busy or failing."""
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

FREE_URL = "https://api-free.deepl.com"
PRO_URL = "https://api.deepl.com"
STATUS_REASONS = {456: QUOTA, 401: AUTH, 403: AUTH, 429: RATE_LIMITED}


def base_url_for(api_key: str) -> str:
    return FREE_URL if api_key.endswith(":fx") else PRO_URL


class DeepLTranslator:
    name = "deepl"

    def __init__(self, api_key: str, *, base_url: str = "", timeout=HTTP_TIMEOUT, retry_delay: float = RETRY_DELAY):
        self._key = api_key
        self.url = f"{(base_url or base_url_for(api_key)).rstrip('/')}/v2/translate"
        self.timeout, self.retry_delay = timeout, retry_delay

    def __repr__(self):  # never shows the key
        return f"DeepLTranslator(url={self.url!r})"

    def translate(self, texts: list[str], target: str, source: str | None = None) -> list[Translated]:
        if not texts:
            return []
        body = {"text": list(texts), "target_lang": languages.deepl_target(target)}
        if source:
            body["source_lang"] = languages.deepl_source(source)
        headers = {"Authorization": f"DeepL-Auth-Key {self._key}"}
        with httpx.Client(timeout=self.timeout) as client:
            response = send(lambda: client.post(self.url, json=body, headers=headers), provider=self.name,
                            retry_delay=self.retry_delay)
        if response.status_code != 200:
            raise fail(STATUS_REASONS.get(response.status_code, PROVIDER_ERROR), provider=self.name,
                       status=response.status_code)
        return self._parse(json_body(response), count=len(texts))

    def _parse(self, body: dict, *, count: int) -> list[Translated]:
        rows = body.get("translations")
        if not isinstance(rows, list) or len(rows) != count:
            raise fail(PROVIDER_ERROR, provider=self.name, status=200)
        result = []
        for row in rows:
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise fail(PROVIDER_ERROR, provider=self.name, status=200)
            detected = row.get("detected_source_language")
            result.append(Translated(text=row["text"], detected_source=languages.normalize(
                detected if isinstance(detected, str) else "")))
        return result
