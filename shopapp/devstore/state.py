"""The dev store's persistent state: one JSON-able dict behind one lock.

Layout::

    {"version": 1,
     "shops": {"demo.myshopify.com": {"shop": {...}, "staff": [...], "customers": {id: {...}},
                                      "orders": {id: {...}}, "credit": {...}, "installed": bool}},
     "tokens": {sha256(access token): {...}},
     "refresh_tokens": {sha256(refresh token): {...}},
     "codes": {sha256(authorization code): {...}}}

Secrets are only kept as SHA-256 digests, so the state file and the control API never
expose a usable token.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

logger = logging.getLogger(__name__)

STATE_VERSION = 1


def empty_state() -> dict:
    return {"version": STATE_VERSION, "shops": {}, "tokens": {}, "refresh_tokens": {}, "codes": {}}


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_credit_book() -> dict:
    return {"accounts": {}, "transactions": {}, "gift_cards": {}, "next_id": 1}


class StateStore:
    """Holds the state dict; `mutate()` saves it (atomically) when a path is configured."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.lock = threading.RLock()
        self.path = Path(path) if path else None
        self.data = empty_state()

    def load(self) -> None:
        if self.path is None or not self.path.exists():
            return
        with self.lock:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if loaded.get("version") != STATE_VERSION:
                logger.warning("devstore.state.version_mismatch", extra={"found": loaded.get("version")})
                return
            self.data = {**empty_state(), **loaded}
            logger.info("devstore.state.loaded", extra={"shops": len(self.data["shops"])})

    @contextmanager
    def read(self):
        with self.lock:
            yield self.data

    @contextmanager
    def mutate(self):
        """Hold the lock for a change and persist it afterwards (also when it raised)."""
        with self.lock:
            try:
                yield self.data
            finally:
                self.save()

    def save(self) -> None:
        if self.path is None:
            return
        with self.lock:
            write_atomically(self.path, json.dumps(self.data, separators=(",", ":")))


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file in the same directory, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
