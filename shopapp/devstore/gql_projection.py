"""Generic projection of plain-dict results onto a GraphQL selection set.

There is no schema: an object is a dict with a `__typename` key; a value may be a scalar,
a dict (object), a list, a `Connection`, or a callable taking the field's arguments
(a lazily resolved relation). A selected field the dict does not have is reported the
way Shopify reports it (`Field 'x' doesn't exist on type 'Y'`, code `undefinedField`).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from graphql.language import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    Node,
    SelectionSetNode,
)
from graphql.language.location import get_location
from graphql.pyutils import Undefined
from graphql.utilities import value_from_ast_untyped

MAX_PAGE_SIZE = 250


@dataclass
class Connection:
    """A list exposed as a Relay connection; pagination is applied by the projector."""

    nodes: list[dict]
    node_type: str
    cursor_of: Callable[[dict], object] = field(default=lambda node: node.get("id"))


class GraphQLError(Exception):
    def __init__(self, message: str, code: str | None = None, node: Node | None = None, **details):
        super().__init__(message)
        self.message, self.code, self.node, self.details = message, code, node, details


@dataclass
class ExecContext:
    variables: dict
    fragments: dict[str, FragmentDefinitionNode]
    errors: list[dict] = field(default_factory=list)
    actual_cost: int = 0

    def add_error(self, error: GraphQLError, path: list, node: Node | None = None) -> None:
        entry: dict = {"message": error.message}
        located = error.node or node
        if located is not None and located.loc is not None:
            where = get_location(located.loc.source, located.loc.start)
            entry["locations"] = [{"line": where.line, "column": where.column}]
        entry["path"] = list(path)
        if error.code:
            entry["extensions"] = {"code": error.code, **error.details}
        if entry not in self.errors:  # list items repeat the same selection: report it once
            self.errors.append(entry)


def field_arguments(node: FieldNode, variables: dict) -> dict:
    """Argument values from literals or variables; an unset variable leaves its field out."""
    values = {}
    for argument in node.arguments or ():
        value = _defined(value_from_ast_untyped(argument.value, variables))
        values[argument.name.value] = None if value is Undefined else value
    return values


def _defined(value):
    if isinstance(value, dict):
        return {key: _defined(item) for key, item in value.items() if item is not Undefined}
    if isinstance(value, list):
        return [None if item is Undefined else _defined(item) for item in value]
    return value


def is_skipped(selection: Node, variables: dict) -> bool:
    for directive in getattr(selection, "directives", None) or ():
        name = directive.name.value
        if name not in ("skip", "include"):
            continue
        condition = bool(field_arguments(directive, variables).get("if"))
        if (name == "skip" and condition) or (name == "include" and not condition):
            return True
    return False


def type_matches(condition: str | None, obj: dict) -> bool:
    if condition is None:
        return True
    typename = obj.get("__typename")
    if condition == typename or condition in obj.get("__implements", ()):
        return True
    return condition == "Node" and "id" in obj


def collect_fields(obj: dict, selections, ctx: ExecContext) -> dict[str, list[FieldNode]]:
    """Group the selected fields by response key, expanding fragments that apply to obj."""
    grouped: dict[str, list[FieldNode]] = {}
    for selection in selections:
        if is_skipped(selection, ctx.variables):
            continue
        if isinstance(selection, FieldNode):
            key = selection.alias.value if selection.alias else selection.name.value
            grouped.setdefault(key, []).append(selection)
            continue
        fragment = _fragment_for(selection, ctx)
        condition = fragment.type_condition.name.value if fragment.type_condition else None
        if type_matches(condition, obj):
            for key, nodes in collect_fields(obj, fragment.selection_set.selections, ctx).items():
                grouped.setdefault(key, []).extend(nodes)
    return grouped


def _fragment_for(selection, ctx: ExecContext) -> InlineFragmentNode | FragmentDefinitionNode:
    if isinstance(selection, InlineFragmentNode):
        return selection
    assert isinstance(selection, FragmentSpreadNode)
    name = selection.name.value
    if name not in ctx.fragments:
        raise GraphQLError(f"Fragment {name} was used, but not defined", "useAndDefineFragment", selection)
    return ctx.fragments[name]


def merged_selections(nodes: list[FieldNode]) -> list | None:
    sets = [node.selection_set for node in nodes if node.selection_set is not None]
    if not sets:
        return None
    return [selection for selection_set in sets for selection in selection_set.selections]


def project_object(obj: dict, selections, ctx: ExecContext, path: list, counted: bool = True) -> dict:
    if counted and not obj.get("__free"):
        ctx.actual_cost += 1
    result = {}
    for key, nodes in collect_fields(obj, selections, ctx).items():
        try:
            result[key] = _project_field(obj, key, nodes, ctx, [*path, nodes[0].name.value])
        except GraphQLError as error:
            ctx.add_error(error, [*path, nodes[0].name.value], nodes[0])
            result[key] = None
    return result


def _project_field(obj: dict, key: str, nodes: list[FieldNode], ctx: ExecContext, path: list):
    node = nodes[0]
    name = node.name.value
    typename = obj.get("__typename", "Object")
    if name == "__typename":
        return typename
    if name not in obj or name.startswith("__"):
        raise GraphQLError(
            f"Field '{name}' doesn't exist on type '{typename}'",
            "undefinedField",
            node,
            typeName=typename,
            fieldName=name,
        )
    args = field_arguments(node, ctx.variables)
    value = obj[name]
    if callable(value):
        value = value(args)
    return project_value(value, merged_selections(nodes), args, node, ctx, path)


def project_value(value, selections, args: dict, node: FieldNode, ctx: ExecContext, path: list):
    name = node.name.value
    if value is None or value == []:
        return value
    is_object = isinstance(value, dict | Connection) or (
        isinstance(value, list) and any(isinstance(item, dict) for item in value)
    )
    if selections is None:
        if is_object:
            raise GraphQLError(
                f"Field must have selections (field '{name}' returns an object but has "
                f"no selections. Did you mean '{name} {{ ... }}'?)",
                "selectionMismatch",
                node,
            )
        return value
    if not is_object:
        raise GraphQLError(
            f"Selections can't be made on scalars (field '{name}' returns a scalar but has selections)",
            "selectionMismatch",
            node,
        )
    if isinstance(value, Connection):
        return project_connection(value, selections, args, node, ctx, path)
    if isinstance(value, list):
        items = _slice_list(value, args, node)
        return [None if item is None else project_object(item, selections, ctx, path) for item in items]
    return project_object(value, selections, ctx, path)


def _slice_list(items: list, args: dict, node: FieldNode) -> list:
    first, last = _page_size(args, "first", node), _page_size(args, "last", node)
    if first is not None:
        items = items[:first]
    if last is not None:
        items = items[-last:] if last else []
    return items


def _page_size(args: dict, name: str, node: FieldNode) -> int | None:
    value = args.get(name)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_PAGE_SIZE:
        raise GraphQLError(
            f"Argument '{name}' must be an integer between 0 and {MAX_PAGE_SIZE}",
            "argumentLiteralsIncompatible",
            node,
        )
    return value


def encode_cursor(key: object) -> str:
    raw = json.dumps({"last_id": key, "last_value": key}, separators=(",", ":"))
    return base64.b64encode(raw.encode("utf-8")).decode("ascii")


def decode_cursor(cursor: object, node: FieldNode) -> object:
    try:
        return json.loads(base64.b64decode(str(cursor), validate=True))["last_id"]
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise GraphQLError("Invalid cursor for current pagination sort.", "invalidCursor", node) from exc


def paginate(conn: Connection, args: dict, node: FieldNode) -> tuple[list[dict], dict]:
    """Apply reverse/after/before/first/last; return the window and the PageInfo dict."""
    first, last = _page_size(args, "first", node), _page_size(args, "last", node)
    if first is None and last is None:
        raise GraphQLError("you must provide one of first or last", "missingRequiredArguments", node)
    nodes = list(reversed(conn.nodes)) if args.get("reverse") else list(conn.nodes)
    keys = [conn.cursor_of(item) for item in nodes]
    start, end = 0, len(nodes)
    if args.get("after") is not None:
        start = _cursor_index(keys, decode_cursor(args["after"], node), node) + 1
    if args.get("before") is not None:
        end = _cursor_index(keys, decode_cursor(args["before"], node), node)
    window = nodes[start:end]
    has_next = end < len(nodes)
    has_previous = start > 0
    if first is not None:
        has_next = has_next or len(window) > first
        window = window[:first]
    if last is not None:
        has_previous = has_previous or len(window) > last
        window = window[-last:] if last else []
    cursors = [encode_cursor(conn.cursor_of(item)) for item in window]
    page_info = {
        "__typename": "PageInfo",
        "__free": True,
        "hasNextPage": has_next,
        "hasPreviousPage": has_previous,
        "startCursor": cursors[0] if cursors else None,
        "endCursor": cursors[-1] if cursors else None,
    }
    return window, page_info


def _cursor_index(keys: list, key: object, node: FieldNode) -> int:
    try:
        return keys.index(key)
    except ValueError as exc:
        raise GraphQLError("Invalid cursor for current pagination sort.", "invalidCursor", node) from exc


def project_connection(
    conn: Connection, selections, args: dict, node: FieldNode, ctx: ExecContext, path: list
) -> dict:
    window, page_info = paginate(conn, args, node)
    ctx.actual_cost += 2
    edges = [
        {
            "__typename": f"{conn.node_type}Edge",
            "__free": True,
            "cursor": encode_cursor(conn.cursor_of(item)),
            "node": item,
        }
        for item in window
    ]
    wrapper = {
        "__typename": f"{conn.node_type}Connection",
        "__free": True,
        "edges": edges,
        "nodes": window,
        "pageInfo": page_info,
    }
    return project_object(wrapper, selections, ctx, path)


def execute_root(
    root: dict, selection_set: SelectionSetNode, ctx: ExecContext, path_root: str
) -> dict | None:
    """Project every root field; on any error the data is withheld like Shopify's validation.

    `path_root` starts error paths the way Shopify does ("query", "mutation Name").
    """
    try:
        data = project_object(root, selection_set.selections, ctx, [path_root], counted=False)
    except GraphQLError as error:
        ctx.add_error(error, [path_root])
        return None
    return None if ctx.errors else data
