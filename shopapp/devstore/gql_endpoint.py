"""`POST /admin/api/<version>/graphql.json`: authentication, parsing, faults, cost and
throttling, then execution through the root-field table and the generic projector."""

from __future__ import annotations

import copy
import logging
from contextlib import nullcontext

from graphql import GraphQLSyntaxError, parse
from graphql.language import DocumentNode, FragmentDefinitionNode, OperationDefinitionNode
from graphql.utilities import value_from_ast_untyped

from .core import BadRequest, DevStore, Request, Response, json_response
from .fault_responses import after_response, before_response
from .gql_cost import MAX_QUERY_COST, requested_cost, root_field_names
from .gql_projection import ExecContext, execute_root
from .gql_resolvers import ResolveContext, root_object
from .oauth import find_access_token

logger = logging.getLogger(__name__)

INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)"
RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits"


class QueryError(Exception):
    def __init__(self, errors: list[dict], outcome: str) -> None:
        super().__init__(outcome)
        self.errors, self.outcome = errors, outcome


def handle_graphql(store: DevStore, request: Request) -> Response:
    shop = request.shop
    with store.state.read() as data:
        token = find_access_token(data, request.header("x-shopify-access-token"), shop, store.clock())
    if token is None:
        store.log.record(shop=shop, kind="graphql", status=401, outcome="invalid_token", root_fields=[])
        return json_response(401, {"errors": INVALID_TOKEN})
    try:
        operation, fragments, variables = _prepare(request)
    except BadRequest:
        store.log.record(shop=shop, kind="graphql", status=400, outcome="bad_request", root_fields=[])
        return json_response(400, {"errors": {"query": "Required parameter missing or invalid"}})
    except QueryError as exc:
        store.log.record(shop=shop, kind="graphql", status=200, outcome=exc.outcome, root_fields=[])
        return json_response(200, {"errors": exc.errors})
    return _run(store, shop, operation, fragments, variables)


def _prepare(request: Request) -> tuple[OperationDefinitionNode, dict, dict]:
    content_type = (request.header("content-type") or "").lower()
    if content_type.startswith("application/graphql"):
        body = {"query": request.body.decode("utf-8", "replace")}
    else:
        body = request.json()
    query, variables = body.get("query"), body.get("variables") or {}
    if not isinstance(query, str) or not query.strip() or not isinstance(variables, dict):
        raise BadRequest("query is required")
    try:
        document = parse(query)
    except GraphQLSyntaxError as exc:
        locations = [{"line": loc.line, "column": loc.column} for loc in exc.locations or []]
        raise QueryError([{"message": exc.message, "locations": locations}], "syntax_error") from exc
    operation = _select_operation(document, body.get("operationName"))
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    return operation, fragments, _with_defaults(operation, variables)


def _select_operation(document: DocumentNode, name: object) -> OperationDefinitionNode:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name:
        chosen = [op for op in operations if op.name and op.name.value == name]
        if not chosen:
            raise QueryError([{"message": f'No operation named "{name}"'}], "unknown_operation")
        return chosen[0]
    if len(operations) != 1:
        message = "An operation name is required" if operations else "No operations in query document"
        raise QueryError([{"message": message}], "operation_required")
    if operations[0].operation.value == "subscription":
        raise QueryError([{"message": "Subscriptions are not supported"}], "unsupported_operation")
    return operations[0]


def _with_defaults(operation: OperationDefinitionNode, variables: dict) -> dict:
    values = dict(variables)
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        if name not in values and definition.default_value is not None:
            values[name] = value_from_ast_untyped(definition.default_value, {})
    return values


def _path_root(operation: OperationDefinitionNode) -> str:
    kind = operation.operation.value
    return f"{kind} {operation.name.value}" if operation.name else kind


def _run(store: DevStore, shop: str, operation, fragments: dict, variables: dict) -> Response:
    kind = operation.operation.value
    roots = root_field_names(operation, fragments, variables)
    log = {
        "shop": shop,
        "kind": "graphql",
        "root_fields": roots,
        "operation": kind,
        "operation_name": operation.name.value if operation.name else None,
    }
    fault = store.faults.take_request_fault(phase="before", shop=shop, target="graphql", root_fields=roots)
    if fault is not None and fault["kind"] != "throttle":
        response = before_response(fault)
        store.log.record(status=response.status, outcome=f"fault:{fault['kind']}", **log)
        return response
    requested = requested_cost(operation, fragments, variables)
    with store.state.mutate() if kind == "mutation" else nullcontext(None):
        with store.state.read() as data:
            response, outcome = _execute_charged(
                store,
                data["shops"][shop],
                operation,
                fragments,
                variables,
                requested,
                drain=fault is not None,
            )
    after = None
    if outcome == "ok":
        after = store.faults.take_request_fault(phase="after", shop=shop, target="graphql", root_fields=roots)
    if after is not None:
        response, outcome = after_response(after, response), f"fault:{after['kind']}"
    store.log.record(
        status=response.status,
        outcome=outcome,
        requested_cost=requested,
        applied=outcome == "ok" or after is not None,
        **log,
    )
    return response


def _execute_charged(
    store: DevStore, shop_state: dict, operation, fragments, variables, requested: int, drain: bool
) -> tuple[Response, str]:
    now = store.clock()
    domain = shop_state["shop"]["myshopify_domain"]
    bucket = store.buckets.for_shop(domain, now)
    if drain:
        bucket.drain(now)
    if requested > MAX_QUERY_COST:
        return json_response(200, max_cost_body(requested)), "max_cost_exceeded"
    if requested > bucket.available(now):
        logger.info("devstore.graphql.throttled", extra={"shop": domain, "requested_cost": requested})
        return json_response(200, throttled_body(requested, bucket.status(now))), "throttled"
    data, ctx = _execute(shop_state, operation, fragments, variables, now)
    if data is None:
        return json_response(200, {"errors": ctx.errors}), "errors"
    actual = requested if operation.operation.value == "mutation" else ctx.actual_cost
    bucket.take(actual, now)
    cost = {"requestedQueryCost": requested, "actualQueryCost": actual, "throttleStatus": bucket.status(now)}
    return json_response(200, {"data": data, "extensions": {"cost": cost}}), "ok"


def max_cost_body(requested: int) -> dict:
    message = f"Query cost is {requested}, which exceeds the single query max cost limit ({MAX_QUERY_COST})."
    extensions = {"code": "MAX_COST_EXCEEDED", "cost": requested, "maxCost": MAX_QUERY_COST}
    return {"errors": [{"message": message, "extensions": extensions}]}


def throttled_body(requested: int, throttle_status: dict) -> dict:
    error = {"message": "Throttled", "extensions": {"code": "THROTTLED", "documentation": RATE_LIMIT_DOCS}}
    cost = {"requestedQueryCost": requested, "actualQueryCost": None, "throttleStatus": throttle_status}
    return {"errors": [error], "extensions": {"cost": cost}}


def _execute(shop_state: dict, operation, fragments, variables, now: float):
    """Run the operation; a mutation whose query has errors is rolled back (nothing applied)."""
    kind = operation.operation.value
    snapshot = copy.deepcopy(shop_state["credit"]) if kind == "mutation" else None
    ctx = ExecContext(variables=variables, fragments=fragments)
    root = root_object(kind, ResolveContext(shop=shop_state, now=now))
    data = execute_root(root, operation.selection_set, ctx, _path_root(operation))
    if data is None and snapshot is not None:
        shop_state["credit"] = snapshot
    return data, ctx
