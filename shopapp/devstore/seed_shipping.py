"""Fulfillments, tracking numbers and carrier events for seeded orders.

All times are laid out between the order's creation and the anchor (the start of the
current UTC day), so every event is in the past and every promise is plausible.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from .ids import iso
from .seed_catalog import CARRIERS, LOCATIONS, MARKETS_BY_CODE, carriers_for

_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)

EVENT_SEQUENCES: dict[str, tuple[str, ...]] = {
    "delivered": ("LABEL_PRINTED", "CONFIRMED", "IN_TRANSIT", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"),
    "in_transit": ("LABEL_PRINTED", "CONFIRMED", "IN_TRANSIT", "IN_TRANSIT"),
    "out_for_delivery": ("LABEL_PRINTED", "CONFIRMED", "IN_TRANSIT", "IN_TRANSIT", "OUT_FOR_DELIVERY"),
    "delayed": ("LABEL_PRINTED", "CONFIRMED", "IN_TRANSIT", "DELAYED"),
    "attempted_delivery": (
        "LABEL_PRINTED",
        "CONFIRMED",
        "IN_TRANSIT",
        "OUT_FOR_DELIVERY",
        "ATTEMPTED_DELIVERY",
    ),
    "failure": (
        "LABEL_PRINTED",
        "CONFIRMED",
        "IN_TRANSIT",
        "OUT_FOR_DELIVERY",
        "ATTEMPTED_DELIVERY",
        "FAILURE",
    ),
}

EVENT_MESSAGES = {
    "LABEL_PRINTED": "Shipping label created",
    "CONFIRMED": "Carrier picked up the parcel",
    "IN_TRANSIT": "In transit to the next facility",
    "OUT_FOR_DELIVERY": "Out for delivery",
    "DELIVERED": "Delivered",
    "DELAYED": "Delayed: held at customs for inspection",
    "ATTEMPTED_DELIVERY": "Delivery attempted: recipient not available",
    "FAILURE": "Delivery failed: address could not be verified, returning to sender",
}

Ids = Callable[[str], int]  # kind -> next id


def s10_number(rng: random.Random, prefix: str, country: str) -> str:
    """A UPU S10 item number (e.g. LK123456785CN) with a valid check digit."""
    digits = [rng.randint(0, 9) for _ in range(8)]
    check = 11 - sum(d * w for d, w in zip(digits, _S10_WEIGHTS, strict=True)) % 11
    check = {10: 0, 11: 5}.get(check, check)
    return f"{prefix}{''.join(map(str, digits))}{check}{country}"


def tracking_number(rng: random.Random, carrier: str) -> str:
    pattern = CARRIERS[carrier][0]
    if pattern.startswith("S10:"):
        _, prefix, country = pattern.split(":")
        return s10_number(rng, prefix, country)
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    return "".join(
        str(rng.randint(0, 9)) if ch == "#" else rng.choice(letters) if ch == "A" else ch for ch in pattern
    )


def tracking_info(rng: random.Random, origin: str, country_code: str) -> dict:
    carrier = rng.choice(carriers_for(origin, country_code))
    number = tracking_number(rng, carrier)
    return {"company": carrier, "number": number, "url": CARRIERS[carrier][1].format(n=number)}


def build_fulfillments(
    rng: random.Random, *, state: str, order: dict, anchor: datetime, ids: Ids
) -> list[dict]:
    """Fulfillments for one order in the given shipping state (none when unshipped)."""
    items = order["line_items"]
    if state in ("unfulfilled", "cancelled"):
        return []
    created = datetime.fromisoformat(order["created_at"].replace("Z", "+00:00"))
    if state == "partially_fulfilled":
        first = _parcel(rng, "delivered", [items[0]], order, created, anchor, ids, 1)
        second = _parcel(rng, "in_transit", [items[1]], order, created, anchor, ids, 2)
        return [first, second]
    return [_parcel(rng, state, items, order, created, anchor, ids, 1)]


def _parcel(rng, state, items, order, created, anchor, ids, index) -> dict:
    origin = "US" if any(item["origin"] == "US" for item in items) else "CN"
    country_code = order["shipping_address"]["country_code"]
    span = anchor - created
    label_at = created + span * rng.uniform(0.05, 0.2)
    last_at = _last_event_time(rng, state, created, label_at, span, country_code, origin)
    times = _spread(rng, label_at, last_at, len(EVENT_SEQUENCES[state]))
    estimated = _estimated_delivery(rng, state, anchor, times[-1], label_at)
    events = [
        _event(ids("event"), status, moment, estimated, _event_place(status, origin, order))
        for status, moment in zip(EVENT_SEQUENCES[state], times, strict=True)
    ]
    statuses = [event["status"] for event in events]
    return {
        "id": ids("fulfillment"),
        "name": f"{order['name']}.{index}",
        "status": "SUCCESS",
        "display_status": statuses[-1],
        "origin": origin,
        "location_name": LOCATIONS[origin]["name"],
        "created_at": iso(label_at),
        "updated_at": iso(times[-1]),
        "in_transit_at": _first_time(events, "IN_TRANSIT"),
        "delivered_at": _first_time(events, "DELIVERED"),
        "estimated_delivery_at": iso(estimated) if estimated else None,
        "tracking": [tracking_info(rng, origin, country_code)],
        "line_items": [{"line_item_id": item["id"], "quantity": item["quantity"]} for item in items],
        "events": events,
    }


def _last_event_time(rng, state, created, label_at, span, country_code, origin) -> datetime:
    latest = created + span * rng.uniform(0.85, 0.97)
    if state != "delivered":
        return latest
    domestic = (origin == "US" and country_code == "US") or (origin == "CN" and country_code == "CN")
    transit = timedelta(days=rng.uniform(2, 5) if domestic else rng.uniform(5, 12))
    return min(label_at + transit, latest)


def _spread(rng: random.Random, start: datetime, end: datetime, count: int) -> list[datetime]:
    """`count` increasing moments from start to end, the first at start and the last at end."""
    if count == 1:
        return [start]
    step = (end - start) / (count - 1)
    middle = [start + step * (i + rng.uniform(-0.3, 0.3)) for i in range(1, count - 1)]
    return [start, *middle, end]


def _estimated_delivery(rng, state, anchor, last_at, label_at) -> datetime | None:
    if state in ("in_transit",):
        return anchor + timedelta(days=rng.randint(1, 4), hours=rng.randint(10, 18))
    if state == "out_for_delivery":
        return anchor + timedelta(hours=rng.randint(12, 20))
    if state == "delayed":
        return max(label_at + timedelta(days=2), anchor - timedelta(days=rng.randint(1, 5)))
    if state in ("attempted_delivery", "failure"):
        return last_at.replace(hour=20, minute=0, second=0) if last_at.hour < 20 else last_at
    return last_at + timedelta(hours=rng.randint(-20, 30))


def _event_place(status: str, origin: str, order: dict) -> dict:
    if status in ("LABEL_PRINTED", "CONFIRMED"):
        location = LOCATIONS[origin]
        return {
            "city": location["city"],
            "province": location["province_code"],
            "country": MARKETS_BY_CODE[location["country_code"]].country,
            "zip": location["zip"],
        }
    address = order["shipping_address"]
    return {
        "city": address["city"],
        "province": address["province"],
        "country": address["country"],
        "zip": address["zip"],
    }


def _event(event_id: int, status: str, moment: datetime, estimated, place: dict) -> dict:
    return {
        "id": event_id,
        "status": status,
        "happened_at": iso(moment),
        "estimated_delivery_at": iso(estimated) if estimated else None,
        "message": EVENT_MESSAGES[status],
        **place,
    }


def _first_time(events: list[dict], status: str) -> str | None:
    return next((event["happened_at"] for event in events if event["status"] == status), None)


def fulfilled_quantities(fulfillments: list[dict]) -> dict[int, int]:
    totals: dict[int, int] = {}
    for fulfillment in fulfillments:
        for entry in fulfillment["line_items"]:
            totals[entry["line_item_id"]] = totals.get(entry["line_item_id"], 0) + entry["quantity"]
    return totals
