"""A local stand-in for the translation providers, over real HTTP: DeepL's ``POST /v2/translate``
and Google Cloud Translation basic's ``POST /language/translate/v2`` on one stdlib
ThreadingHTTPServer (port 0, a daemon thread).

It checks what the real services check (the key, the JSON body, the language codes), records every
request, and answers with the real response and error shapes. Tests script it:
``providers.learn(text, "de", en="...")`` teaches a text its language and translations (an unknown
text is English and comes back as ``"[<target>] <text>"``); ``providers.fail("deepl", "quota")``
makes the next answer(s) a failure: ``quota``, ``auth``, ``rate_limited``, ``server_error``,
``slow`` (answers after ``SLOW_SECONDS``) or ``garbage`` (a 200 without translations)."""
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

DEEPL_KEY = "5a1f0c2e-7a55-4c1b-9a7e-000000000001:fx"
GOOGLE_KEY = "AIzaSyTestKey-000000000000000000000001"
DEEPL_PATH = "/v2/translate"
GOOGLE_PATH = "/language/translate/v2"
SLOW_SECONDS = 1.0

DEEPL_TARGETS = {"AR", "BG", "CS", "DA", "DE", "EL", "EN", "EN-GB", "EN-US", "ES", "ET", "FI", "FR", "HU", "ID", "IT",
                 "JA", "KO", "LT", "LV", "NB", "NL", "PL", "PT", "PT-BR", "PT-PT", "RO", "RU", "SK", "SL", "SV", "TR",
                 "UK", "ZH", "ZH-HANS", "ZH-HANT"}
DEEPL_SOURCES = {code for code in DEEPL_TARGETS if "-" not in code}
GOOGLE_CODES = {"ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hu", "id", "it", "ja", "ko",
                "lt", "lv", "nl", "no", "pl", "pt", "pt-PT", "ro", "ru", "sk", "sl", "sv", "tr", "uk", "zh-CN", "zh-TW"}

DEEPL_ERRORS = {
    "quota": (456, {"message": "Quota Exceeded"}),
    "auth": (403, {"message": "Authorization failure, check auth_key"}),
    "rate_limited": (429, {"message": "Too many requests"}),
    "server_error": (500, {"message": "Internal server error"}),
}


def google_error(code: int, message: str, reason: str, domain: str = "global", status: str = "") -> dict:
    error = {"code": code, "message": message, "errors": [{"message": message, "domain": domain, "reason": reason}]}
    if status:
        error["status"] = status
    return {"error": error}


GOOGLE_ERRORS = {
    "quota": (403, google_error(403, "Daily Limit Exceeded", "dailyLimitExceeded", "usageLimits")),
    "rate_limited": (429, google_error(429, "Rate Limit Exceeded", "rateLimitExceeded", "usageLimits",
                                       "RESOURCE_EXHAUSTED")),
    "server_error": (500, google_error(500, "Internal error encountered.", "backendError", status="INTERNAL")),
}
GOOGLE_BAD_KEY = {"error": {
    "code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT",
    "errors": [{"message": "API key not valid. Please pass a valid API key.", "domain": "global",
                "reason": "badRequest"}],
    "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
                 "domain": "googleapis.com"}],
}}
GOOGLE_ERRORS["auth"] = (400, GOOGLE_BAD_KEY)


@dataclass
class Recorded:
    provider: str
    path: str
    query: dict
    headers: dict
    body: object


@dataclass
class _State:
    requests: list = field(default_factory=list)
    failures: dict = field(default_factory=lambda: {"deepl": [], "google": []})
    known: dict = field(default_factory=dict)  # text -> (language, {target language: text})
    lock: threading.Lock = field(default_factory=threading.Lock)


def _base(code: str) -> str:
    return code.lower().split("-")[0]


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def do_POST(self):  # noqa: N802 (stdlib naming)
        url = urlsplit(self.path)
        provider = {DEEPL_PATH: "deepl", GOOGLE_PATH: "google"}.get(url.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        state = self.server.state
        with state.lock:
            headers = {name.lower(): value for name, value in self.headers.items()}
            state.requests.append(Recorded(provider or "", url.path, parse_qs(url.query), headers, body))
            failure = state.failures[provider].pop(0) if provider and state.failures[provider] else None
        if provider is None:
            return self._send(404, {"message": "Not found"})
        if failure == "slow":
            time.sleep(SLOW_SECONDS)
        elif failure == "garbage":
            return self._send(200, {"unexpected": True})
        elif failure:
            status, payload = (DEEPL_ERRORS if provider == "deepl" else GOOGLE_ERRORS)[failure]
            return self._send(status, payload)
        if provider == "deepl":
            return self._send(*self.server.deepl(self.headers, body))
        return self._send(*self.server.google(self.headers, parse_qs(url.query), body))

    def _send(self, status: int, payload: dict):
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout tests)

    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, state: _State):
        self.state = state
        super().__init__(("127.0.0.1", 0), _Handler)

    def _translate(self, text: str, target: str, source: str | None) -> tuple[str, str]:
        """(translated text, source language) of one text."""
        language, translations = self.state.known.get(text, ("en", {}))
        language = source or language
        if _base(language) == _base(target):
            return text, language
        return translations.get(_base(target), f"[{target}] {text}"), language

    def deepl(self, headers, body) -> tuple[int, dict]:
        if headers.get("Authorization") != f"DeepL-Auth-Key {DEEPL_KEY}":
            return DEEPL_ERRORS["auth"]
        if not isinstance(body, dict) or not isinstance(body.get("text"), list) or not body["text"]:
            return 400, {"message": "Parameter 'text' not specified."}
        target, source = body.get("target_lang"), body.get("source_lang")
        if target not in DEEPL_TARGETS:
            return 400, {"message": "Value for 'target_lang' not supported."}
        if source is not None and source not in DEEPL_SOURCES:
            return 400, {"message": "Value for 'source_lang' not supported."}
        rows = []
        for text in body["text"]:
            translated, language = self._translate(text, target, source)
            rows.append({"detected_source_language": _base(language).upper(), "text": translated})
        return 200, {"translations": rows}

    def google(self, headers, query, body) -> tuple[int, dict]:
        key = headers.get("X-goog-api-key") or (query.get("key") or [""])[0]
        if not key:
            return 403, google_error(403, "The request is missing a valid API key.", "forbidden",
                                     status="PERMISSION_DENIED")
        if key != GOOGLE_KEY:
            return 400, GOOGLE_BAD_KEY
        if not isinstance(body, dict) or not body.get("q") or not body.get("target"):
            return 400, google_error(400, "Required Text", "required")
        target, source = body["target"], body.get("source")
        if target not in GOOGLE_CODES or (source is not None and source not in GOOGLE_CODES):
            return 400, google_error(400, "Invalid Value", "invalid")
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        rows = []
        for text in texts:
            translated, language = self._translate(text, target, source)
            row = {"translatedText": translated}
            if source is None:
                row["detectedSourceLanguage"] = language
            rows.append(row)
        return 200, {"data": {"translations": rows}}


class FakeProviders:
    def __init__(self):
        self.state = _State()
        self._httpd = _Server(self.state)
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="fake-translation", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def google_url(self) -> str:
        return f"{self.url}{GOOGLE_PATH}"

    @property
    def requests(self) -> list[Recorded]:
        with self.state.lock:
            return list(self.state.requests)

    def learn(self, text: str, language: str, **translations: str) -> None:
        """``text`` is in ``language``; ``translations`` by target language (``en="..."``)."""
        self.state.known[text] = (language, translations)

    def fail(self, provider: str, kind: str, *, times: int = 1) -> None:
        with self.state.lock:
            self.state.failures[provider].extend([kind] * times)

    def reset(self) -> None:
        with self.state.lock:
            self.state.requests.clear()
            self.state.failures = {"deepl": [], "google": []}
            self.state.known.clear()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


_running: FakeProviders | None = None


def running() -> FakeProviders:
    """One stand-in per test process, started on first use (a daemon thread: it ends with the run)."""
    global _running
    if _running is None:
        _running = FakeProviders()
    return _running


@pytest.fixture
def providers(settings):
    """The stand-in, emptied, with the app's provider URLs pointing at it. Test modules import this
    fixture: ``from tests.support.translation.fake_providers import providers``."""
    server = running()
    server.reset()
    settings.DEEPL_API_URL = server.url
    settings.GOOGLE_TRANSLATE_URL = server.google_url
    yield server
    server.reset()
