"""Where is my order: the answer to a shopper, from a plain view of the order (no ORM).

``answer(view, language=..., today=...)`` says, in the shopper's language, where the order is: not
shipped yet (with the expected ship window), partly shipped, each parcel's state with its carrier,
tracking number and link and its delivery window, delivered, cancelled or refunded, and what
happens next. It also returns the same facts structured (state codes, status words, windows, the
late flag) for the agent's view and the templates. Every text goes through ``texts.render``: a
missing value picks another sentence, never a blank (a merchant's override that names a value we
do not have falls back to the catalogue's sentence)."""
from dataclasses import dataclass
from datetime import date

from . import eta, texts
from .wismo_states import PARCEL_SENTENCES, STATUS_WORDS
from .wismo_texts import SENTENCES

TEXTS = {**SENTENCES, **PARCEL_SENTENCES, **STATUS_WORDS}

PARCEL_STATES = ("shipped", "label_printed", "confirmed", "in_transit", "delayed", "out_for_delivery",
                 "attempted_delivery", "ready_for_pickup", "delivered", "failure", "not_delivered")
ORDER_STATES = ("unfulfilled", "partial", *PARCEL_STATES, "cancelled", "refunded")

# Shopify's shipment statuses (REST), display statuses (GraphQL) and event statuses, as parcel states.
_STATES = {
    "label_purchased": "label_printed", "label_printed": "label_printed", "confirmed": "confirmed",
    "carrier_picked_up": "in_transit", "in_transit": "in_transit", "delayed": "delayed",
    "out_for_delivery": "out_for_delivery", "attempted_delivery": "attempted_delivery",
    "ready_for_pickup": "ready_for_pickup", "picked_up": "delivered", "delivered": "delivered",
    "failure": "failure", "not_delivered": "not_delivered", "exception": "not_delivered",
}
# A parcel that is not going anywhere: a cancelled or failed fulfillment, a voided label.
_VOID_FULFILLMENT = {"cancelled", "canceled", "error", "failure"}
_VOID_SHIPMENT = {"cancelled", "canceled", "label_voided"}
_WINDOWED = {"shipped", "label_printed", "confirmed", "in_transit", "delayed"}  # states still ahead of delivery
# Which parcel state speaks for the order: the one that most needs the shopper's attention.
_ATTENTION = ("failure", "not_delivered", "attempted_delivery", "ready_for_pickup", "delayed", "out_for_delivery",
              "in_transit", "confirmed", "label_printed", "shipped", "delivered")


@dataclass(frozen=True)
class EventView:
    status: str
    happened_on: date | None = None
    estimate: date | None = None  # the carrier's estimated delivery, as of this event


@dataclass(frozen=True)
class ParcelView:
    status: str = "success"  # the fulfillment's own status (cancelled parcels are left out)
    shipment_status: str = ""
    carrier: str = ""
    tracking_number: str = ""
    tracking_url: str = ""
    shipped_on: date | None = None
    delivered_on: date | None = None
    carrier_estimate: date | None = None
    events: tuple[EventView, ...] = ()  # oldest first
    item_count: int | None = None
    transit: tuple[int, int] | None = None  # learned (p50, p90) for this carrier and destination


@dataclass(frozen=True)
class OrderView:
    name: str = ""
    created_on: date | None = None
    cancelled_on: date | None = None
    financial_status: str = ""
    fulfillment_status: str = ""
    item_count: int | None = None
    parcels: tuple[ParcelView, ...] = ()
    country: str = ""  # destination
    origin: str = ""  # the shop's country


@dataclass(frozen=True)
class WismoAnswer:
    text: str
    state: str
    late: bool
    data: dict


class _Say:
    def __init__(self, language: str, overrides):
        self.language, self.overrides = texts.pick_language(language), overrides

    def __call__(self, key: str, **variables) -> str:
        try:
            return texts.render(texts.text_for(TEXTS, key, self.language, self.overrides), variables)
        except texts.MissingVariable:
            if not self.overrides:
                raise
            return texts.render(texts.text_for(TEXTS, key, self.language), variables)


def parcel_state(parcel: ParcelView) -> str:
    """Delivered as soon as anything says so; else what Shopify's status says, else the latest scan."""
    if parcel.delivered_on is not None or any(event.status == "delivered" for event in parcel.events):
        return "delivered"
    status = _STATES.get(parcel.shipment_status.strip().lower())
    if status is None:
        known = [_STATES[event.status] for event in parcel.events if event.status in _STATES]
        status = known[-1] if known else "shipped"
    return status


def _delivered_on(parcel: ParcelView) -> date | None:
    days = [event.happened_on for event in parcel.events if event.status == "delivered" and event.happened_on]
    return parcel.delivered_on or (min(days) if days else None)


def _estimate(parcel: ParcelView) -> date | None:
    estimates = [event.estimate for event in parcel.events if event.estimate]
    return parcel.carrier_estimate or (estimates[-1] if estimates else None)


def _active(parcel: ParcelView) -> bool:
    return (parcel.status.strip().lower() not in _VOID_FULFILLMENT
            and parcel.shipment_status.strip().lower() not in _VOID_SHIPMENT)


def _url(value: str) -> str:
    """Only web links reach the shopper (a tracking URL is the merchant's or the carrier's text)."""
    value = value.strip()
    return value if value.lower().startswith(("https://", "http://")) else ""


def _window_data(window: eta.Window | None, language: str) -> dict | None:
    if window is None:
        return None
    return {"earliest": window.earliest.isoformat(), "latest": window.latest.isoformat(), "source": window.source,
            "text": eta.format_window(window, language)}


def _parcel_window(view: OrderView, parcel: ParcelView, state: str, today: date) -> eta.Window | None:
    if state not in _WINDOWED:
        return None
    return eta.eta_window(shipped_at=parcel.shipped_on or view.created_on or today, carrier_estimate=_estimate(parcel),
                          stats=parcel.transit, country=view.country, today=today, origin=view.origin)


def parcel_window(view: OrderView, parcel: ParcelView, *, today: date) -> eta.Window | None:
    """When ``parcel`` should arrive, as the answer says it; None when it is not on its way (delivered,
    void, or in a state with no window)."""
    if not _active(parcel):
        return None
    return _parcel_window(view, parcel, parcel_state(parcel), today)


def delivery_window(view: OrderView, *, today: date) -> eta.Window | None:
    """When the order's parcels still on their way should all have arrived: from the earliest day of
    their windows to the latest (a single parcel's own window); None when no parcel is on its way."""
    windows = [window for parcel in view.parcels if _active(parcel)
               if (window := _parcel_window(view, parcel, parcel_state(parcel), today)) is not None]
    if not windows:
        return None
    sources = {window.source for window in windows}
    source = next(name for name in reversed(eta.SOURCES) if name in sources)  # the least sure one
    return eta.Window(min(w.earliest for w in windows), max(w.latest for w in windows), source)


def _parcel(view: OrderView, parcel: ParcelView, index: int, count: int, say: _Say, today: date):
    """The parcel's lines and its structured form."""
    state = parcel_state(parcel)
    label = say("wismo.parcel_one") if count == 1 else say("wismo.parcel_nth", index=index, count=count)
    delivered = _delivered_on(parcel) if state == "delivered" else None
    if delivered is not None:
        lines = [say("wismo.parcel.delivered", parcel=label, date=eta.format_day(delivered, say.language))]
    else:
        lines = [say("wismo.parcel.delivered_undated" if state == "delivered" else f"wismo.parcel.{state}",
                     parcel=label)]
    carrier, number, url = parcel.carrier.strip(), parcel.tracking_number.strip(), _url(parcel.tracking_url)
    lines += [say(key, **{name: value}) for key, name, value in (
        ("wismo.carrier", "carrier", carrier), ("wismo.tracking_number", "number", number),
        ("wismo.tracking_url", "url", url)) if value]
    if not number and not url and state in _WINDOWED:
        lines.append(say("wismo.no_tracking"))
    window = _parcel_window(view, parcel, state, today)
    late = window is not None and eta.is_late(window, today)
    if window is not None:
        lines.append(say("wismo.late", date=eta.format_day(window.latest, say.language)) if late
                     else say("wismo.window", window=eta.format_window(window, say.language)))
    data = {
        "state": state, "status": say(f"wismo.status.{state}"), "carrier": carrier, "tracking_number": number,
        "tracking_url": url, "items": parcel.item_count,
        "shipped_on": parcel.shipped_on.isoformat() if parcel.shipped_on else None,
        "delivered_on": delivered.isoformat() if delivered else None,
        "window": _window_data(window, say.language), "late": late,
    }
    return lines, data


def _shipped_items(parcels: list[ParcelView]) -> int | None:
    counts = [parcel.item_count for parcel in parcels]
    return sum(counts) if counts and all(count is not None for count in counts) else None


def _is_partial(view: OrderView, parcels: list[ParcelView]) -> bool:
    if view.fulfillment_status in ("partial", "partially_fulfilled"):
        return True
    shipped = _shipped_items(parcels)
    return bool(parcels) and shipped is not None and view.item_count is not None and shipped < view.item_count


def _ship_window(view: OrderView, today: date) -> eta.Window:
    return eta.expected_ship_window(view.created_on or today, origin=view.origin, today=today)


def _result(lines, state, late, say: _Say, view: OrderView, **extra) -> WismoAnswer:
    text = "\n".join(lines)
    data = {"name": view.name, "state": state, "status": say(f"wismo.status.{state}"), "late": late,
            "ship_window": None, "items_total": view.item_count, "items_shipped": None, "parcels": [],
            "language": say.language, "text": text, **extra}
    return WismoAnswer(text=text, state=state, late=late, data=data)


def _closed(view: OrderView, order: str, say: _Say) -> WismoAnswer:
    """A cancelled or fully refunded order: what happened to it and to the money."""
    refunded = view.financial_status in ("refunded", "partially_refunded")
    if view.cancelled_on is not None:
        lines = [say("wismo.cancelled", order=order, date=eta.format_day(view.cancelled_on, say.language))]
        lines.append(say("wismo.refund_timing") if refunded else say("wismo.cancelled_next"))
        return _result(lines, "cancelled", False, say, view)
    return _result([say("wismo.refunded", order=order), say("wismo.refund_timing")], "refunded", False, say, view)


def _unshipped(view: OrderView, order: str, say: _Say, today: date) -> WismoAnswer:
    ship = _ship_window(view, today)
    late = eta.is_late(ship, today)
    lines = [say("wismo.unfulfilled_late", order=order)] if late else [
        say("wismo.unfulfilled", order=order), say("wismo.ship_window", window=eta.format_window(ship, say.language))]
    return _result(lines, "unfulfilled", late, say, view, ship_window=_window_data(ship, say.language))


def answer(view: OrderView, *, language: str, today: date, overrides=None) -> WismoAnswer:
    """The reply to "where is my order?" about ``view`` on ``today`` (the shop's local date)."""
    say = _Say(language, overrides)
    order = say("wismo.order", name=view.name.strip()) if view.name.strip() else say("wismo.order_unnamed")
    if view.cancelled_on is not None or view.financial_status == "refunded":
        return _closed(view, order, say)
    parcels = [parcel for parcel in view.parcels if _active(parcel)]
    partial = _is_partial(view, parcels)
    if not parcels and not partial and view.fulfillment_status != "fulfilled":
        return _unshipped(view, order, say, today)
    lines = [say("wismo.partially_refunded", order=order)] if view.financial_status == "partially_refunded" else []
    shipped_items, ship, rest_late = _shipped_items(parcels), None, False
    if partial:
        counted = shipped_items is not None and view.item_count and 0 < shipped_items < view.item_count
        lines.append(say("wismo.partial", order=order, shipped=shipped_items, total=view.item_count) if counted
                     else say("wismo.partial_uncounted", order=order))
        ship = _ship_window(view, today)
        rest_late = eta.is_late(ship, today)
        lines.append(say("wismo.rest_late") if rest_late
                     else say("wismo.rest_ship_window", window=eta.format_window(ship, say.language)))
    else:
        lines.append(say("wismo.shipped_many", order=order, count=len(parcels)) if len(parcels) > 1
                     else say("wismo.shipped", order=order))
    if not parcels:
        lines.append(say("wismo.no_tracking"))
    blocks = [_parcel(view, parcel, index, len(parcels), say, today) for index, parcel in enumerate(parcels, 1)]
    for block_lines, _ in blocks:
        lines += ["", *block_lines]
    states = [data["state"] for _, data in blocks] or ["shipped"]
    state = "partial" if partial else min(states, key=_ATTENTION.index)
    late = rest_late or any(data["late"] for _, data in blocks)
    return _result(lines, state, late, say, view, ship_window=_window_data(ship, say.language) if partial else None,
                   items_shipped=shipped_items, parcels=[data for _, data in blocks])
