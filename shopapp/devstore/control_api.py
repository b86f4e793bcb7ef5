"""The dev/test control API under `/_devstore/` (JSON in, JSON out)."""

from __future__ import annotations

import logging
import re
from datetime import date

from .core import BadRequest, DevStore, Request, Response, json_response
from .faults import FaultError, parse_fault
from .ids import normalise_shop
from .oauth import expire_shop_tokens, revoke_shop
from .seed import build_shop, summarise
from .session_tokens import mint_session_token
from .webhooks import WebhookTargetError

logger = logging.getLogger(__name__)

MAX_WAIT_SECONDS = 30.0


class ControlError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _int(body: dict, name: str, default: int, low: int, high: int) -> int:
    value = body.get(name, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ControlError(400, f"{name} must be an integer between {low} and {high}")
    return value


def _known_shop(store: DevStore, name: object) -> str:
    shop = normalise_shop(name)
    if shop is None:
        raise ControlError(400, "shop must be a myshopify.com domain")
    with store.state.read() as data:
        if shop not in data["shops"]:
            raise ControlError(404, f"unknown shop {shop}")
    return shop


def health(store: DevStore, request: Request, match) -> Response:
    return json_response(200, {"ok": True})


def session_token(store: DevStore, request: Request, match) -> Response:
    body = request.json()
    shop = _known_shop(store, body.get("shop"))
    with store.state.read() as data:
        owner = data["shops"][shop]["staff"][0]
    user_id = str(body.get("user_id") or owner["id"])
    if not user_id.isdigit():
        raise ControlError(400, "user_id must be a string of digits")
    ttl = _int(body, "ttl", 60, 1, 86_400)
    token = mint_session_token(
        shop=shop,
        user_id=user_id,
        api_key=store.config.api_key,
        api_secret=store.config.api_secret,
        ttl=ttl,
        now=store.clock(),
    )
    return json_response(200, {"token": token})


def seed_shop(store: DevStore, request: Request, match) -> Response:
    body = request.json()
    shop = normalise_shop(body.get("shop"))
    if shop is None:
        raise ControlError(400, "shop must be a myshopify.com domain")
    seed = _int(body, "seed", 1, 0, 2**31)
    customers, orders = _int(body, "customers", 50, 1, 1000), _int(body, "orders", 200, 0, 5000)
    try:
        today = date.fromisoformat(body["today"]) if body.get("today") else None
    except (TypeError, ValueError) as exc:
        raise ControlError(400, "today must be a date (YYYY-MM-DD)") from exc
    seeded = build_shop(shop, seed=seed, customers=customers, orders=orders, today=today)
    with store.state.mutate() as data:
        previous = data["shops"].get(shop)
        if previous is not None:
            seeded["installed"] = previous["installed"]
        data["shops"][shop] = seeded
        summary = summarise(seeded)
    logger.info("devstore.shop.seeded", extra={"shop": shop, "seed": seed, "is_new": previous is None})
    return json_response(200, {**summary, "created": previous is None})


def list_shops(store: DevStore, request: Request, match) -> Response:
    with store.state.read() as data:
        return json_response(200, {"shops": [summarise(s) for s in data["shops"].values()]})


def shop_summary(store: DevStore, request: Request, match) -> Response:
    shop = _known_shop(store, match["shop"])
    with store.state.read() as data:
        return json_response(200, summarise(data["shops"][shop]))


def raw_records(store: DevStore, request: Request, match) -> Response:
    shop = _known_shop(store, match["shop"])
    collection = match["collection"]
    with store.state.read() as data:
        return json_response(200, {collection: list(data["shops"][shop][collection].values())})


def raw_order(store: DevStore, request: Request, match) -> Response:
    shop = _known_shop(store, match["shop"])
    with store.state.read() as data:
        order = data["shops"][shop]["orders"].get(match["id"])
        if order is None:
            raise ControlError(404, "unknown order")
        return json_response(200, order)


def raw_store_credit(store: DevStore, request: Request, match) -> Response:
    shop = _known_shop(store, match["shop"])
    with store.state.read() as data:
        book = data["shops"][shop]["credit"]
        cards = [
            {k: v for k, v in card.items() if k != "code_digest"} for card in book["gift_cards"].values()
        ]
        return json_response(
            200,
            {
                "accounts": list(book["accounts"].values()),
                "transactions": list(book["transactions"].values()),
                "gift_cards": cards,
            },
        )


def uninstall(store: DevStore, request: Request, match) -> Response:
    shop = _known_shop(store, match["shop"])
    with store.state.mutate() as data:
        revoked = revoke_shop(data, shop)
        data["shops"][shop]["installed"] = False
    delivery = store.send_webhook("app/uninstalled", shop)
    logger.info("devstore.shop.uninstalled", extra={"shop": shop, "revoked": revoked})
    return json_response(200, {"shop": shop, "revoked": revoked, "webhook_id": delivery.webhook_id})


def expire_tokens(store: DevStore, request: Request, match) -> Response:
    shop = _known_shop(store, match["shop"])
    with store.state.mutate() as data:
        expired = expire_shop_tokens(data, shop, store.clock())
    return json_response(200, {"shop": shop, "expired": expired})


def send_webhook(store: DevStore, request: Request, match) -> Response:
    shop = _known_shop(store, match["shop"])
    body = request.json()
    try:
        delivery = store.send_webhook(str(body.get("topic")), shop, body.get("id"))
    except WebhookTargetError as exc:
        raise ControlError(400 if "topic" in str(exc) or "id must" in str(exc) else 404, str(exc)) from exc
    return json_response(
        202, {"topic": delivery.topic, "webhook_id": delivery.webhook_id, "event_id": delivery.event_id}
    )


def faults(store: DevStore, request: Request, match) -> Response:
    if request.method == "POST":
        try:
            fault = store.faults.add(parse_fault(request.json()))
        except FaultError as exc:
            raise ControlError(400, str(exc)) from exc
        logger.info("devstore.fault.added", extra={"kind": fault["kind"], "count": fault["count"]})
        return json_response(201, {"fault": fault, "faults": store.faults.pending()})
    if request.method == "DELETE":
        store.faults.clear()
        store.webhooks.release_held()
        return json_response(200, {"faults": []})
    return json_response(200, {"faults": store.faults.pending()})


def request_log(store: DevStore, request: Request, match) -> Response:
    if request.method == "DELETE":
        store.log.clear()
        return json_response(200, {"entries": []})
    shop = normalise_shop(request.arg("shop")) if request.arg("shop") else None
    return json_response(200, {"entries": store.log.entries(shop=shop, kind=request.arg("kind") or None)})


def webhook_deliveries(store: DevStore, request: Request, match) -> Response:
    if request.method == "DELETE":
        store.webhooks.clear()
        return json_response(200, {"deliveries": []})
    try:
        wait = min(float(request.arg("wait") or 0), MAX_WAIT_SECONDS)
    except ValueError as exc:
        raise ControlError(400, "wait must be a number of seconds") from exc
    idle = store.webhooks.wait_idle(wait) if wait > 0 else None
    return json_response(200, {"deliveries": store.webhooks.records(), "idle": idle})


_SHOP = r"/_devstore/shops/(?P<shop>[^/]+)"
ROUTES = (
    (("GET",), re.compile(r"^/_devstore/health$"), health),
    (("POST",), re.compile(r"^/_devstore/session-token$"), session_token),
    (("GET",), re.compile(r"^/_devstore/shops$"), list_shops),
    (("POST",), re.compile(r"^/_devstore/shops$"), seed_shop),
    (("GET",), re.compile(rf"^{_SHOP}$"), shop_summary),
    (("GET",), re.compile(rf"^{_SHOP}/(?P<collection>customers|orders)$"), raw_records),
    (("GET",), re.compile(rf"^{_SHOP}/orders/(?P<id>\d+)$"), raw_order),
    (("GET",), re.compile(rf"^{_SHOP}/store-credit$"), raw_store_credit),
    (("POST",), re.compile(rf"^{_SHOP}/uninstall$"), uninstall),
    (("POST",), re.compile(rf"^{_SHOP}/tokens/expire$"), expire_tokens),
    (("POST",), re.compile(rf"^{_SHOP}/webhooks$"), send_webhook),
    (("GET", "POST", "DELETE"), re.compile(r"^/_devstore/faults$"), faults),
    (("GET", "DELETE"), re.compile(r"^/_devstore/log$"), request_log),
    (("GET", "DELETE"), re.compile(r"^/_devstore/webhooks$"), webhook_deliveries),
)


def handle_control(store: DevStore, request: Request) -> Response:
    allowed_elsewhere = False
    for methods, pattern, handler in ROUTES:
        match = pattern.match(request.path)
        if match is None:
            continue
        if request.method not in methods:
            allowed_elsewhere = True
            continue
        try:
            return handler(store, request, match)
        except ControlError as exc:
            return json_response(exc.status, {"error": exc.message})
        except BadRequest as exc:
            return json_response(400, {"error": str(exc)})
    if allowed_elsewhere:
        return json_response(405, {"error": "method not allowed"})
    return json_response(404, {"error": "not found"})
