"""The inspectable log of Shopify-facing traffic (GraphQL, token, authorize, webhooks).

Entries hold no secrets and no personal data: shop, kind, root fields, status, outcome.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque

from .ids import iso

MAX_ENTRIES = 10_000


class RequestLog:
    def __init__(self, clock) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: deque[dict] = deque(maxlen=MAX_ENTRIES)
        self._seq = itertools.count(1)

    def record(self, *, shop: str | None, kind: str, status: int | None, **details: object) -> dict:
        with self._lock:
            entry = {
                "seq": next(self._seq),
                "at": iso(self._clock()),
                "shop": shop,
                "kind": kind,
                "status": status,
                **details,
            }
            self._entries.append(entry)
            return entry

    def entries(self, shop: str | None = None, kind: str | None = None) -> list[dict]:
        with self._lock:
            return [
                dict(e)
                for e in self._entries
                if (shop is None or e["shop"] == shop) and (kind is None or e["kind"] == kind)
            ]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
