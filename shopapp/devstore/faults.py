"""Injected faults: the next `count` matching requests (or webhooks) misbehave on purpose.

Request faults (`throttle`, `http_500`, `http_502`, `http_503`, `timeout`) match Shopify-facing
requests by `shop`, `field` (a GraphQL root field) and `target` ("graphql" by default,
"token" for the token endpoint, "any"). Webhook faults (`duplicate_webhook`,
`reorder_webhooks`) match deliveries by `shop` and `field` (the topic).
"""

from __future__ import annotations

import itertools
import threading

from .ids import normalise_shop

REQUEST_KINDS = ("throttle", "http_500", "http_502", "http_503", "timeout")
WEBHOOK_KINDS = ("duplicate_webhook", "reorder_webhooks")
KINDS = REQUEST_KINDS + WEBHOOK_KINDS
TARGETS = ("graphql", "token", "any")
DEFAULT_TIMEOUT_DELAY = 5.0


class FaultError(ValueError):
    """The fault specification is invalid; the message is safe to return."""


def parse_fault(body: dict) -> dict:
    """Validate a fault specification from the control API into a fault dict (without id)."""
    kind = body.get("kind")
    if kind not in KINDS:
        raise FaultError(f"kind must be one of {', '.join(KINDS)}")
    count = body.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise FaultError("count must be a positive integer")
    when = body.get("when") or "before"
    if when not in ("before", "after"):
        raise FaultError("when must be 'before' or 'after'")
    target = body.get("target") or "graphql"
    if target not in TARGETS:
        raise FaultError(f"target must be one of {', '.join(TARGETS)}")
    shop = body.get("shop")
    if shop is not None and normalise_shop(shop) is None:
        raise FaultError("shop must be a myshopify.com domain")
    delay = body.get("delay", DEFAULT_TIMEOUT_DELAY)
    if not isinstance(delay, int | float) or isinstance(delay, bool) or not 0 <= delay <= 600:
        raise FaultError("delay must be a number of seconds between 0 and 600")
    field = body.get("field") or body.get("topic")
    return {
        "kind": kind,
        "count": count,
        "total": count,
        "shop": normalise_shop(shop) if shop else None,
        "field": field,
        "when": when,
        "delay": float(delay),
        "target": target,
    }


class FaultBook:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[dict] = []
        self._ids = itertools.count(1)

    def add(self, fault: dict) -> dict:
        with self._lock:
            stored = {"id": next(self._ids), **fault}
            self._faults.append(stored)
            return dict(stored)

    def pending(self) -> list[dict]:
        with self._lock:
            return [dict(fault) for fault in self._faults]

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take_request_fault(
        self, *, phase: str, shop: str, target: str, root_fields: list[str]
    ) -> dict | None:
        """Consume one request fault for this phase ("before" or "after" execution)."""

        def matches(fault: dict) -> bool:
            if fault["kind"] not in REQUEST_KINDS:
                return False
            fault_phase = "before" if fault["kind"] == "throttle" else fault["when"]
            return (
                fault_phase == phase
                and fault["target"] in (target, "any")
                and _common(fault, shop)
                and (fault["field"] is None or fault["field"] in root_fields)
            )

        return self._take(matches)

    def take_webhook_fault(self, *, shop: str, topic: str) -> dict | None:
        def matches(fault: dict) -> bool:
            return (
                fault["kind"] in WEBHOOK_KINDS
                and _common(fault, shop)
                and (fault["field"] is None or fault["field"] == topic)
            )

        return self._take(matches)

    def _take(self, matches) -> dict | None:
        with self._lock:
            for fault in self._faults:
                if matches(fault):
                    fault["count"] -= 1
                    taken = dict(fault)
                    if fault["count"] <= 0:
                        self._faults.remove(fault)
                    return taken
            return None


def _common(fault: dict, shop: str) -> bool:
    return fault["shop"] is None or fault["shop"] == shop
