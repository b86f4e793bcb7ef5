"""Background delivery of webhooks to the app, with retries and the webhook faults.

One worker thread sends deliveries in order. A non-2xx answer or a connection error is
retried (`attempts` in total, `backoff` x attempt seconds apart). The `duplicate_webhook`
fault sends the same delivery (same X-Shopify-Webhook-Id) twice; `reorder_webhooks` holds
the next N deliveries and sends them in reverse order once N are held.
"""

from __future__ import annotations

import logging
import queue
import threading

import httpx

from .faults import FaultBook
from .request_log import RequestLog
from .webhooks import Delivery, delivery_headers

logger = logging.getLogger(__name__)


class WebhookSender:
    def __init__(
        self,
        *,
        app_url: str,
        api_secret: str,
        faults: FaultBook,
        log: RequestLog,
        attempts: int = 3,
        backoff: float = 0.2,
        timeout: float = 5.0,
    ) -> None:
        self.app_url = app_url.rstrip("/")
        self._secret = api_secret
        self._faults, self._log = faults, log
        self._attempts, self._backoff, self._timeout = max(attempts, 1), backoff, timeout
        self._queue: queue.Queue[tuple[Delivery, bool] | None] = queue.Queue()
        self._held: dict[int, list[Delivery]] = {}
        self._records: list[dict] = []
        self._pending = 0
        self._idle = threading.Condition()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="devstore-webhooks", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def enqueue(self, delivery: Delivery) -> None:
        fault = self._faults.take_webhook_fault(shop=delivery.shop, topic=delivery.topic)
        if fault is not None and fault["kind"] == "reorder_webhooks":
            with self._idle:
                held = self._held.setdefault(fault["id"], [])
                held.append(delivery)
                if fault["count"] > 0:
                    return
                del self._held[fault["id"]]
            for item in reversed(held):
                self._put(item, duplicate=False)
            return
        self._put(delivery, duplicate=False)
        if fault is not None and fault["kind"] == "duplicate_webhook":
            self._put(delivery, duplicate=True)

    def release_held(self) -> None:
        """Send every held delivery now (reversed), e.g. when the faults are cleared."""
        with self._idle:
            groups, self._held = list(self._held.values()), {}
        for held in groups:
            for item in reversed(held):
                self._put(item, duplicate=False)

    def _put(self, delivery: Delivery, duplicate: bool) -> None:
        with self._idle:
            self._pending += 1
        self._queue.put((delivery, duplicate))

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until every queued delivery has been attempted; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout=timeout)

    def records(self) -> list[dict]:
        with self._idle:
            return [dict(record) for record in self._records]

    def clear(self) -> None:
        with self._idle:
            self._records.clear()

    def _run(self) -> None:
        with httpx.Client(timeout=self._timeout) as client:
            while not self._stop.is_set():
                item = self._queue.get()
                if item is None:
                    break
                try:
                    self._deliver(client, *item)
                finally:
                    with self._idle:
                        self._pending -= 1
                        self._idle.notify_all()

    def _deliver(self, client: httpx.Client, delivery: Delivery, duplicate: bool) -> None:
        url = f"{self.app_url}{delivery.path}"
        statuses: list[int | None] = []
        for attempt in range(1, self._attempts + 1):
            status = self._attempt(client, url, delivery)
            statuses.append(status)
            if status is not None and 200 <= status < 300:
                break
            if attempt < self._attempts and self._stop.wait(self._backoff * attempt):
                break
        self._record(delivery, duplicate, statuses)

    def _attempt(self, client: httpx.Client, url: str, delivery: Delivery) -> int | None:
        try:
            response = client.post(
                url, content=delivery.body, headers=delivery_headers(delivery, self._secret)
            )
        except httpx.HTTPError as exc:
            logger.warning(
                "devstore.webhook.failed",
                extra={
                    "topic": delivery.topic,
                    "shop": delivery.shop,
                    "webhook_id": delivery.webhook_id,
                    "error": type(exc).__name__,
                },
            )
            return None
        return response.status_code

    def _record(self, delivery: Delivery, duplicate: bool, statuses: list[int | None]) -> None:
        final = statuses[-1]
        delivered = final is not None and 200 <= final < 300
        record = {
            "topic": delivery.topic,
            "shop": delivery.shop,
            "webhook_id": delivery.webhook_id,
            "event_id": delivery.event_id,
            "path": delivery.path,
            "triggered_at": delivery.triggered_at,
            "status": final,
            "attempts": statuses,
            "delivered": delivered,
            "duplicate": duplicate,
        }
        with self._idle:
            self._records.append(record)
        self._log.record(
            shop=delivery.shop,
            kind="webhook",
            status=final,
            topic=delivery.topic,
            webhook_id=delivery.webhook_id,
            attempts=len(statuses),
            duplicate=duplicate,
        )
        logger.info(
            "devstore.webhook.sent",
            extra={
                "topic": delivery.topic,
                "shop": delivery.shop,
                "webhook_id": delivery.webhook_id,
                "status": final,
                "attempts": len(statuses),
            },
        )
