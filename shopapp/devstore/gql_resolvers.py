"""Root fields of the Admin GraphQL API the dev store implements: ONE table, `ROOT_FIELDS`.

A resolver takes (ResolveContext, arguments) and returns a plain dict (or a Connection);
the projector in gql_projection.py shapes it to the query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import gql_views as views
from .gql_projection import Connection, GraphQLError
from .ids import parse_gid
from .search_query import SearchField, matcher, parse_search
from .store_credit import gift_card_create, store_credit_account_credit


@dataclass
class ResolveContext:
    shop: dict  # the shop's state (see state.py)
    now: float


@dataclass(frozen=True)
class RootField:
    operation: str  # "query" or "mutation"
    resolve: Callable[[ResolveContext, dict], object]


def _require_gid(value: object, expected: str | None = None) -> tuple[str, int] | None:
    parsed = parse_gid(value)
    if parsed is None:
        raise GraphQLError(f"Invalid global id '{value}'", "argumentLiteralsIncompatible")
    if expected is not None and parsed[0] != expected:
        return None
    return parsed


def _find_fulfillment(shop: dict, fulfillment_id: int):
    for order in shop["orders"].values():
        for fulfillment in order["fulfillments"]:
            if fulfillment["id"] == fulfillment_id:
                return order, fulfillment
    return None


def _node_fulfillment(rc: ResolveContext, numeric_id: int):
    found = _find_fulfillment(rc.shop, numeric_id)
    return views.fulfillment_view(rc.shop, *found) if found else None


def _node_event(rc: ResolveContext, numeric_id: int):
    for order in rc.shop["orders"].values():
        for fulfillment in order["fulfillments"]:
            for event in fulfillment["events"]:
                if event["id"] == numeric_id:
                    return views.event_view(event)
    return None


def _node_line_item(rc: ResolveContext, numeric_id: int):
    for order in rc.shop["orders"].values():
        for item in order["line_items"]:
            if item["id"] == numeric_id:
                return views.line_item_view(order, item)
    return None


def _node_from(collection: str, view):
    def lookup(rc: ResolveContext, numeric_id: int):
        record = (
            rc.shop[collection].get(str(numeric_id))
            if collection in rc.shop
            else rc.shop["credit"][collection].get(str(numeric_id))
        )
        return view(rc.shop, record) if record else None

    return lookup


NODE_LOOKUPS: dict[str, Callable[[ResolveContext, int], dict | None]] = {
    "Customer": _node_from("customers", views.customer_view),
    "Order": _node_from("orders", views.order_view),
    "Fulfillment": _node_fulfillment,
    "FulfillmentEvent": _node_event,
    "LineItem": _node_line_item,
    "StoreCreditAccount": _node_from("accounts", views.account_view),
    "StoreCreditAccountCreditTransaction": _node_from("transactions", views.transaction_view),
    "GiftCard": _node_from("gift_cards", views.gift_card_view),
    "Shop": lambda rc, numeric_id: views.shop_view(rc.shop) if numeric_id == rc.shop["shop"]["id"] else None,
}


def resolve_node(rc: ResolveContext, value: object) -> dict | None:
    type_name, numeric_id = _require_gid(value)  # type: ignore[misc]
    lookup = NODE_LOOKUPS.get(type_name)
    return lookup(rc, numeric_id) if lookup else None


def _typed_node(type_name: str):
    def resolve(rc: ResolveContext, args: dict):
        parsed = _require_gid(args.get("id"), type_name)
        return NODE_LOOKUPS[type_name](rc, parsed[1]) if parsed else None

    return resolve


ORDER_SEARCH = {
    "created_at": SearchField(lambda o: o["created_at"], "date"),
    "updated_at": SearchField(lambda o: o["updated_at"], "date"),
    "processed_at": SearchField(lambda o: o["processed_at"], "date"),
    "name": SearchField(lambda o: [o["name"], o["name"].lstrip("#")]),
    "email": SearchField(lambda o: o["email"]),
    "customer_id": SearchField(lambda o: o["customer_id"], "id"),
    "id": SearchField(lambda o: o["id"], "id"),
    "financial_status": SearchField(lambda o: o["financial_status"]),
    "fulfillment_status": SearchField(lambda o: o["fulfillment_status"]),
    "status": SearchField(
        lambda o: "cancelled" if o["cancelled_at"] else "closed" if o["closed_at"] else "open"
    ),
    "tag": SearchField(lambda o: o["tags"]),
}

CUSTOMER_SEARCH = {
    "created_at": SearchField(lambda c: c["created_at"], "date"),
    "updated_at": SearchField(lambda c: c["updated_at"], "date"),
    "email": SearchField(lambda c: c["email"]),
    "phone": SearchField(lambda c: c["phone"]),
    "first_name": SearchField(lambda c: c["first_name"]),
    "last_name": SearchField(lambda c: c["last_name"]),
    "name": SearchField(lambda c: f"{c['first_name']} {c['last_name']}"),
    "country": SearchField(lambda c: [c["address"]["country"], c["address"]["country_code"]]),
    "id": SearchField(lambda c: c["id"], "id"),
    "tag": SearchField(lambda c: c["tags"]),
    "orders_count": SearchField(lambda c: c["orders_count"], "number"),
}

ORDER_SORT = {
    "ID": "id",
    "CREATED_AT": "created_at",
    "UPDATED_AT": "updated_at",
    "PROCESSED_AT": "processed_at",
    "ORDER_NUMBER": "number",
}
CUSTOMER_SORT = {"ID": "id", "CREATED_AT": "created_at", "UPDATED_AT": "updated_at", "NAME": "last_name"}


def _list_resolver(collection: str, fields: dict, text: tuple[str, ...], sorts: dict, view, typename: str):
    def resolve(rc: ResolveContext, args: dict) -> Connection:
        sort_key = args.get("sortKey") or "ID"
        if sort_key not in sorts:
            raise GraphQLError(
                f"Argument 'sortKey' has an invalid value ({sort_key}).", "argumentLiteralsIncompatible"
            )
        keep = matcher(parse_search(args.get("query")), fields, text)
        records = [r for r in rc.shop[collection].values() if keep(r)]
        records.sort(key=lambda r: (r[sorts[sort_key]], r["id"]))
        return Connection([view(rc.shop, r) for r in records], typename)

    return resolve


def _nodes(rc: ResolveContext, args: dict) -> list:
    return [resolve_node(rc, value) for value in args.get("ids") or []]


ROOT_FIELDS: dict[str, RootField] = {
    "shop": RootField("query", lambda rc, args: views.shop_view(rc.shop)),
    "customer": RootField("query", _typed_node("Customer")),
    "customers": RootField(
        "query",
        _list_resolver(
            "customers", CUSTOMER_SEARCH, ("name", "email"), CUSTOMER_SORT, views.customer_view, "Customer"
        ),
    ),
    "order": RootField("query", _typed_node("Order")),
    "orders": RootField(
        "query",
        _list_resolver("orders", ORDER_SEARCH, ("name", "email"), ORDER_SORT, views.order_view, "Order"),
    ),
    "fulfillment": RootField("query", _typed_node("Fulfillment")),
    "giftCard": RootField("query", _typed_node("GiftCard")),
    "storeCreditAccount": RootField("query", _typed_node("StoreCreditAccount")),
    "node": RootField("query", lambda rc, args: resolve_node(rc, args.get("id"))),
    "nodes": RootField("query", _nodes),
    "storeCreditAccountCredit": RootField("mutation", store_credit_account_credit),
    "giftCardCreate": RootField("mutation", gift_card_create),
}

ROOT_TYPENAMES = {"query": "QueryRoot", "mutation": "Mutation"}


def root_object(operation: str, rc: ResolveContext) -> dict:
    """The root value for the projector: every root field of that operation, resolved lazily."""
    root: dict = {"__typename": ROOT_TYPENAMES[operation]}
    for name, entry in ROOT_FIELDS.items():
        if entry.operation == operation:
            root[name] = (lambda resolve: lambda args: resolve(rc, args))(entry.resolve)
    return root
