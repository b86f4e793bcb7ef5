"""Pure functions: search syntax, query cost, projection, money, transport rewriting."""

import asyncio

import httpx
import pytest
from graphql import parse

from shopapp.devstore.gql_cost import requested_cost
from shopapp.devstore.gql_projection import Connection, ExecContext, execute_root
from shopapp.devstore.ids import convert, gid, normalise_shop, parse_gid
from shopapp.devstore.search_query import SearchField, Term, matcher, parse_search
from shopapp.devstore.transport import AsyncDevStoreTransport, DevStoreTransport


def test_parse_search_terms():
    terms = parse_search("updated_at:>='2026-01-01T00:00:00Z' -status:cancelled NOT tag:vip AND bob name:#1001*")

    assert terms == [
        Term("updated_at", ">=", "2026-01-01T00:00:00Z"),
        Term("status", ":", "cancelled", negate=True),
        Term("tag", ":", "vip", negate=True),
        Term(None, ":", "bob"),
        Term("name", ":", "#1001*"),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["a", "b", "c"]),
        ("when:>2026-01-02", ["c"]),  # a bare date is its midnight (UTC)
        ("when:<=2026-01-02T00:00:00Z", ["a", "b"]),
        ("n:>=2", ["b", "c"]),
        ("label:be*", ["b"]),
        ("-label:alpha", ["b", "c"]),
        ("unknown_field:x", ["a", "b", "c"]),
        ("CHAR", ["c"]),
    ],
)
def test_matcher(query, expected):
    records = [
        {"label": "alpha", "when": "2026-01-01T00:00:00Z", "n": 1},
        {"label": "beta", "when": "2026-01-02T00:00:00Z", "n": 2},
        {"label": "charlie", "when": "2026-01-03T00:00:00Z", "n": 3},
    ]
    fields = {
        "label": SearchField(lambda r: r["label"]),
        "when": SearchField(lambda r: r["when"], "date"),
        "n": SearchField(lambda r: r["n"], "number"),
    }

    keep = matcher(parse_search(query), fields, ("label",))

    assert [r["label"][0] for r in records if keep(r)] == expected


@pytest.mark.parametrize(
    ("query", "cost"),
    [
        ("{ shop { name } }", 1),
        ("{ shop { name plan { displayName } } }", 2),
        ("{ orders(first: 10) { edges { cursor node { id } } pageInfo { hasNextPage } } }", 12),
        (
            "{ orders(first: 5) { nodes { id customer { id } lineItems(first: 3) { nodes { sku } } } } }",
            2 + 5 * (1 + 1 + (2 + 3 * 1)),
        ),
        (
            '{ order(id: "x") { fulfillments(first: 2) { trackingInfo(first: 1) { number } } } }',
            1 + 2 * (1 + 1),
        ),
        ("query { ...F } fragment F on QueryRoot { shop { name } }", 1),
        (
            "mutation { a: giftCardCreate(input: {}) { userErrors { code } } "
            "b: giftCardCreate(input: {}) { giftCardCode } }",
            20,
        ),
    ],
)
def test_requested_cost(query, cost):
    document = parse(query)
    operation = document.definitions[0]
    fragments = {d.name.value: d for d in document.definitions[1:]}

    assert requested_cost(operation, fragments, {}) == cost


def _execute(root, query, variables=None):
    document = parse(query)
    fragments = {d.name.value: d for d in document.definitions[1:]}
    ctx = ExecContext(variables=variables or {}, fragments=fragments)
    return execute_root(root, document.definitions[0].selection_set, ctx, "query"), ctx


def test_projection_resolves_callables_lazily_and_counts_actual_cost():
    calls = []

    def things(args):
        calls.append(args)
        return Connection([{"__typename": "Thing", "id": str(n)} for n in range(5)], "Thing")

    root = {"__typename": "QueryRoot", "things": things, "never": lambda args: calls.append("never")}

    data, ctx = _execute(root, "{ things(first: 2, reverse: true) { nodes { id } pageInfo { hasNextPage } } }")

    assert data == {"things": {"nodes": [{"id": "4"}, {"id": "3"}], "pageInfo": {"hasNextPage": True}}}
    assert calls == [{"first": 2, "reverse": True}]
    assert ctx.actual_cost == 2 + 2


def test_projection_reports_each_bad_field_once():
    root = {
        "__typename": "QueryRoot",
        "items": [{"__typename": "Item", "a": 1}, {"__typename": "Item", "a": 2}],
    }

    data, ctx = _execute(root, "{ items { a b } }")

    assert data is None
    assert [e["message"] for e in ctx.errors] == ["Field 'b' doesn't exist on type 'Item'"]


def test_projection_rejects_selections_on_scalars_and_bare_objects():
    root = {"__typename": "QueryRoot", "n": 1, "obj": {"__typename": "Obj", "x": 1}}

    _, scalar = _execute(root, "{ n { x } }")
    _, bare = _execute(root, "{ obj }")

    assert scalar.errors[0]["extensions"] == {"code": "selectionMismatch"}
    assert bare.errors[0]["extensions"] == {"code": "selectionMismatch"}


def test_undefined_fragment_is_an_error():
    data, ctx = _execute({"__typename": "QueryRoot", "n": 1}, "{ ...Missing }")

    assert data is None
    assert ctx.errors[0]["message"] == "Fragment Missing was used, but not defined"


def test_ids_and_money_helpers():
    assert gid("Order", 9100000000200001) == "gid://shopify/Order/9100000000200001"
    assert parse_gid("gid://shopify/MailingAddress/9100000000100001?model_name=CustomerAddress") == (
        "MailingAddress",
        9100000000100001,
    )
    assert parse_gid("9100000000200001") is None
    assert convert("10.00", "150", "JPY") == "1500.00"
    assert convert("12.34", "0.92", "EUR") == "11.35"
    assert normalise_shop("https://Demo-Store.myshopify.com/") == "demo-store.myshopify.com"
    assert normalise_shop("demo-store") == "demo-store.myshopify.com"
    assert normalise_shop("bad shop") is None


def test_transport_rewrites_only_myshopify_hosts():
    seen = []

    def handler(request):
        seen.append((str(request.url), request.headers["host"]))
        return httpx.Response(200)

    transport = DevStoreTransport("http://127.0.0.1:8765", inner=httpx.MockTransport(handler))
    with httpx.Client(transport=transport) as client:
        client.get("https://demo-store.myshopify.com/admin/api/2026-07/graphql.json?x=1")
        client.get("https://example.com/other")

    assert seen == [
        ("http://127.0.0.1:8765/admin/api/2026-07/graphql.json?x=1", "demo-store.myshopify.com"),
        ("https://example.com/other", "example.com"),
    ]


def test_async_transport_rewrites_too():
    seen = []

    def handler(request):
        seen.append((str(request.url), request.headers["host"]))
        return httpx.Response(200)

    async def call():
        transport = AsyncDevStoreTransport("http://127.0.0.1:8765", inner=httpx.MockTransport(handler))
        async with httpx.AsyncClient(transport=transport) as client:
            await client.post("https://shop-a.myshopify.com/admin/oauth/access_token")

    asyncio.run(call())

    assert seen == [("http://127.0.0.1:8765/admin/oauth/access_token", "shop-a.myshopify.com")]
