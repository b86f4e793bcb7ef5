"""The dev store's core: configuration, plain request/response values and the shared services
(state, throttle buckets, faults, request log, webhook sender) every endpoint works with."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qs

from .faults import FaultBook
from .request_log import RequestLog
from .state import StateStore
from .throttle import Buckets
from .webhook_sender import WebhookSender
from .webhooks import Delivery, build_delivery

logger = logging.getLogger(__name__)

DEFAULT_SCOPES = (
    "read_customers,read_orders,read_all_orders,read_fulfillments,read_gift_cards,write_gift_cards,"
    "read_store_credit_accounts,read_store_credit_account_transactions,"
    "write_store_credit_account_transactions"
)
DEV_API_KEY = "dev-api-key"
DEV_API_SECRET = "dev-api-secret-for-local-development"
REFRESH_TOKEN_TTL = 7_776_000  # 90 days, as Shopify
AUTH_CODE_TTL = 60


@dataclass(frozen=True)
class Config:
    api_key: str = "dev-api-key"
    api_secret: str = "dev-api-secret-for-local-development"
    app_url: str = "http://127.0.0.1:8000"
    scopes: str = DEFAULT_SCOPES
    token_ttl: int = 3600
    restore_rate: float = 100.0
    bucket_size: float = 2000.0
    webhook_attempts: int = 3
    webhook_backoff: float = 0.2
    extension_assets: str | None = None  # the folder served at /store/<shop>/cdn/extensions/


class BadRequest(ValueError):
    """The request body cannot be read; the message is safe to return."""


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes = b""
    shop: str | None = None
    base: str = ""  # "/store/<shop>" when the path named the shop, "" when the Host did

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def json(self) -> dict:
        if not self.body.strip():
            return {}
        try:
            data = json.loads(self.body)
        except (UnicodeDecodeError, ValueError) as exc:
            raise BadRequest("body is not valid JSON") from exc
        if not isinstance(data, dict):
            raise BadRequest("body must be a JSON object")
        return data

    def params(self) -> dict:
        """JSON body, or a form-encoded one (single values)."""
        content_type = (self.header("content-type") or "").lower()
        if content_type.startswith("application/x-www-form-urlencoded"):
            form = parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)
            return {key: values[0] for key, values in form.items()}
        return self.json()


@dataclass
class Response:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    hold: float = 0.0  # seconds to wait before answering (timeout fault)


def json_response(status: int, data: object, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(status, body, {"Content-Type": "application/json; charset=utf-8", **(headers or {})})


class DevStore:
    """Everything a request handler needs; thread-safe through the state lock."""

    def __init__(self, config: Config, state_path=None, clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.clock = clock
        self.state = StateStore(state_path)
        self.buckets = Buckets(config.bucket_size, config.restore_rate)
        self.faults = FaultBook()
        self.log = RequestLog(clock)
        self.stopping = threading.Event()
        self.webhooks = WebhookSender(
            app_url=config.app_url,
            api_secret=config.api_secret,
            faults=self.faults,
            log=self.log,
            attempts=config.webhook_attempts,
            backoff=config.webhook_backoff,
        )
        from .app_proxy import AppProxy  # it builds on this module's Request and Response

        self.app_proxy = AppProxy(app_url=config.app_url, api_secret=config.api_secret, log=self.log, clock=clock)

    def start(self) -> None:
        self.stopping.clear()
        self.state.load()
        self.webhooks.start()

    def stop(self) -> None:
        self.stopping.set()
        self.webhooks.stop()
        self.app_proxy.close()

    def send_webhook(self, topic: str, shop: str, object_id: object = None) -> Delivery:
        """Build the delivery from the current state and queue it (raises WebhookTargetError)."""
        with self.state.read() as data:
            delivery = build_delivery(
                topic, data["shops"][shop], object_id, datetime.fromtimestamp(self.clock(), UTC)
            )
        self.webhooks.enqueue(delivery)
        logger.info(
            "devstore.webhook.queued", extra={"topic": topic, "shop": shop, "webhook_id": delivery.webhook_id}
        )
        return delivery
