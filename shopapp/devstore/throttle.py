"""Leaky-bucket query cost limiting, one bucket per shop (Shopify's GraphQL rate limit)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Bucket:
    size: float
    restore_rate: float  # points per second
    level: float  # currently available points
    updated: float  # clock reading of `level`

    def available(self, now: float) -> float:
        return min(self.size, self.level + max(now - self.updated, 0.0) * self.restore_rate)

    def refill(self, now: float) -> None:
        self.level, self.updated = self.available(now), now

    def take(self, points: float, now: float) -> None:
        self.refill(now)
        self.level = max(self.level - points, 0.0)

    def give_back(self, points: float, now: float) -> None:
        self.refill(now)
        self.level = min(self.level + points, self.size)

    def drain(self, now: float) -> None:
        self.level, self.updated = 0.0, now

    def status(self, now: float) -> dict:
        return {
            "maximumAvailable": float(self.size),
            "currentlyAvailable": round(self.available(now), 1),
            "restoreRate": float(self.restore_rate),
        }


class Buckets:
    """Buckets by shop domain; callers hold the state lock."""

    def __init__(self, size: float, restore_rate: float) -> None:
        self.size, self.restore_rate = float(size), float(restore_rate)
        self._by_shop: dict[str, Bucket] = {}

    def for_shop(self, shop: str, now: float) -> Bucket:
        if shop not in self._by_shop:
            self._by_shop[shop] = Bucket(self.size, self.restore_rate, self.size, now)
        return self._by_shop[shop]
