"""What every provider client is: ``Translator.translate(texts, target, source)`` returns one
``Translated`` per text or raises ``TranslationUnavailable(reason)``.

The HTTP policy is shared: short timeouts (a reply waits for it), at most one retry and only after a
429 or a 5xx (``Retry-After`` honoured up to two seconds), and nothing logged but the provider,
the status and the reason: never a text, never a key."""
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import httpx

logger = logging.getLogger(__name__)

QUOTA, AUTH, RATE_LIMITED, PROVIDER_ERROR, TIMEOUT = "quota", "auth", "rate_limited", "provider_error", "timeout"
REASONS = (QUOTA, AUTH, RATE_LIMITED, PROVIDER_ERROR, TIMEOUT)

HTTP_TIMEOUT = httpx.Timeout(6.0, connect=3.0)
RETRY_DELAY = 0.5  # seconds before the one retry, when the provider does not say
MAX_RETRY_WAIT = 2.0


@dataclass(frozen=True)
class Translated:
    text: str
    detected_source: str  # normalized language tag ("pt", "zh-Hans"); "" when the provider did not say


class TranslationUnavailable(Exception):  # noqa: N818 - a state the caller reports, named as such
    """The provider could not translate; ``reason`` is one of ``REASONS``."""

    def __init__(self, reason: str, *, provider: str = "", status: int | None = None):
        super().__init__(reason)
        self.reason, self.provider, self.status = reason, provider, status


class Translator(Protocol):
    name: str

    def translate(self, texts: list[str], target: str, source: str | None = None) -> list[Translated]:
        ...


def retry_wait(response: httpx.Response, default: float) -> float:
    """Seconds before the retry: the provider's ``Retry-After`` (in seconds) capped, else ``default``."""
    try:
        asked = float(response.headers.get("Retry-After", ""))
    except ValueError:
        return default
    return min(max(asked, 0.0), MAX_RETRY_WAIT)


def send(request: Callable[[], httpx.Response], *, provider: str, retry_delay: float) -> httpx.Response:
    """The response to ``request()``, sent again once after a 429 or a 5xx. A timeout raises
    ``TranslationUnavailable("timeout")``, any other transport error ``"provider_error"``."""
    for attempt in (1, 2):
        try:
            response = request()
        except httpx.TimeoutException:
            raise fail(TIMEOUT, provider=provider) from None
        except httpx.HTTPError:
            raise fail(PROVIDER_ERROR, provider=provider) from None
        retryable = response.status_code == 429 or response.status_code >= 500
        if attempt == 2 or not retryable:
            return response
        logger.info("translation.provider.retry", extra={"provider": provider, "status": response.status_code})
        time.sleep(retry_wait(response, retry_delay))
    raise AssertionError("unreachable")


def fail(reason: str, *, provider: str, status: int | None = None) -> TranslationUnavailable:
    """The error to raise, logged once (provider, status and reason only)."""
    logger.warning("translation.provider.failed", extra={"provider": provider, "status": status, "reason": reason})
    return TranslationUnavailable(reason, provider=provider, status=status)


def json_body(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
