"""`DevStoreServer`: the dev store on a stdlib ThreadingHTTPServer, startable in a test thread.

with DevStoreServer(api_key="k", api_secret="s", app_url="http://127.0.0.1:9", port=0) as ds:
    ds.url  # "http://127.0.0.1:<port>"
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .core import (
    DEFAULT_SCOPES,
    DEV_API_KEY,
    DEV_API_SECRET,
    Config,
    DevStore,
    Request,
    Response,
    json_response,
)
from .http_app import dispatch
from .seed import build_shop, summarise
from .session_tokens import mint_session_token

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 10 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out separately: avoid delayed-ACK stalls
    server_version = "DevStore/1.0"
    sys_version = ""

    def do_GET(self) -> None:  # noqa: N802 (stdlib naming)
        self._handle()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = do_GET  # noqa: N815

    def _handle(self) -> None:
        store: DevStore = self.server.store  # type: ignore[attr-defined]
        response = self._dispatch(store)
        if response.hold > 0:
            store.stopping.wait(response.hold)
        try:
            self.send_response(response.status)
            for name, value in {**response.headers, "Content-Length": str(len(response.body))}.items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _dispatch(self, store: DevStore) -> Response:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            return json_response(413, {"errors": "Request Entity Too Large"})
        body = self.rfile.read(length) if length > 0 else b""
        split = urlsplit(self.path)
        request = Request(
            method=self.command,
            path=split.path,
            query=parse_qs(split.query, keep_blank_values=True),
            headers={name.lower(): value for name, value in self.headers.items()},
            body=body,
        )
        try:
            return dispatch(store, request)
        except Exception:
            logger.exception("devstore.request.failed", extra={"method": self.command, "path": split.path})
            return json_response(500, {"errors": "Internal Server Error"})

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (stdlib signature)
        logger.debug("devstore.http.access", extra={"line": format % args})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address, store: DevStore) -> None:
        self.store = store
        super().__init__(address, _Handler)


class DevStoreServer:
    """A dev store on a background thread; also a context manager."""

    def __init__(
        self,
        *,
        api_key: str = DEV_API_KEY,
        api_secret: str = DEV_API_SECRET,
        app_url: str = "http://127.0.0.1:8000",
        host: str = "127.0.0.1",
        port: int = 0,
        state_path=None,
        token_ttl: int = 3600,
        restore_rate: float = 100.0,
        bucket_size: float = 2000.0,
        scopes: str = DEFAULT_SCOPES,
        webhook_attempts: int = 3,
        webhook_backoff: float = 0.2,
        clock: Callable[[], float] = time.time,
        extension_assets: str | None = None,
    ) -> None:
        config = Config(
            api_key=api_key,
            api_secret=api_secret,
            app_url=app_url,
            scopes=scopes,
            token_ttl=token_ttl,
            restore_rate=restore_rate,
            bucket_size=bucket_size,
            webhook_attempts=webhook_attempts,
            webhook_backoff=webhook_backoff,
            extension_assets=str(extension_assets) if extension_assets else None,
        )
        self.store = DevStore(config, state_path=state_path, clock=clock)
        self.host, self.port = host, port
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the dev store is not running")
        return f"http://{self.host}:{self._httpd.server_address[1]}"

    def start(self) -> DevStoreServer:
        self.store.start()
        self._httpd = _Server((self.host, self.port), self.store)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, name="devstore-http", daemon=True
        )
        self._thread.start()
        logger.info("devstore.server.started", extra={"url": self.url})
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self.store.stop()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd, self._thread = None, None
        logger.info("devstore.server.stopped")

    def __enter__(self) -> DevStoreServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def seed(
        self,
        shop: str = "demo-store.myshopify.com",
        *,
        seed: int = 1,
        customers: int = 50,
        orders: int = 200,
        today: date | None = None,
    ) -> dict:
        """Create or refresh a seeded shop without HTTP (same as POST /_devstore/shops)."""
        seeded = build_shop(shop, seed=seed, customers=customers, orders=orders, today=today)
        with self.store.state.mutate() as data:
            if shop in data["shops"]:
                seeded["installed"] = data["shops"][shop]["installed"]
            data["shops"][shop] = seeded
            return summarise(seeded)

    def session_token(self, shop: str, *, user_id: str | None = None, ttl: int = 60, **overrides) -> str:
        """A session token for a staff member (default: the owner) of a seeded shop."""
        with self.store.state.read() as data:
            owner = data["shops"][shop]["staff"][0]["id"]
        config = self.store.config
        return mint_session_token(
            shop=shop,
            user_id=user_id or str(owner),
            api_key=config.api_key,
            api_secret=config.api_secret,
            ttl=ttl,
            now=self.store.clock(),
            **overrides,
        )

    def wait_for_webhooks(self, timeout: float = 5.0) -> bool:
        """Wait until every queued webhook has been attempted."""
        return self.store.webhooks.wait_idle(timeout)
