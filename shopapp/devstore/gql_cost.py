"""Requested query cost, after Shopify's published calculation (roughly).

* a scalar or enum field costs 0, an object field costs 1;
* a connection costs 2 plus `first` (or `last`) times the cost of one node (1 + its fields);
* a list field with `first` costs `first` times one item;
* every mutation root field costs 10.
"""

from __future__ import annotations

from graphql.language import FieldNode, FragmentSpreadNode, InlineFragmentNode, OperationDefinitionNode

from .gql_projection import field_arguments, is_skipped

MUTATION_COST = 10
MAX_QUERY_COST = 1000
CONNECTION_FIELDS = ("edges", "nodes", "pageInfo")


def requested_cost(operation: OperationDefinitionNode, fragments: dict, variables: dict) -> int:
    roots = _fields(operation.selection_set, fragments, variables)
    if operation.operation.value == "mutation":
        return MUTATION_COST * len(roots)
    return sum(field_cost(node, fragments, variables) for node in roots)


def root_field_names(operation: OperationDefinitionNode, fragments: dict, variables: dict) -> list[str]:
    names = []
    for node in _fields(operation.selection_set, fragments, variables):
        if node.name.value not in names:
            names.append(node.name.value)
    return names


def _fields(selection_set, fragments: dict, variables: dict) -> list[FieldNode]:
    """The fields of a selection set with every fragment flattened in (unions are summed)."""
    found: list[FieldNode] = []
    if selection_set is None:
        return found
    for selection in selection_set.selections:
        if is_skipped(selection, variables):
            continue
        if isinstance(selection, FieldNode):
            found.append(selection)
        elif isinstance(selection, InlineFragmentNode):
            found.extend(_fields(selection.selection_set, fragments, variables))
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value in fragments:
            found.extend(_fields(fragments[selection.name.value].selection_set, fragments, variables))
    return found


def selection_cost(selection_set, fragments: dict, variables: dict) -> int:
    return sum(
        field_cost(node, fragments, variables) for node in _fields(selection_set, fragments, variables)
    )


def field_cost(node: FieldNode, fragments: dict, variables: dict) -> int:
    if node.selection_set is None:
        return 0
    args = field_arguments(node, variables)
    size = _size(args)
    children = _fields(node.selection_set, fragments, variables)
    if any(child.name.value in CONNECTION_FIELDS for child in children):
        return 2 + (size if size is not None else 1) * _node_cost(children, fragments, variables)
    one = 1 + selection_cost(node.selection_set, fragments, variables)
    return one * size if size is not None else one


def _node_cost(children: list[FieldNode], fragments: dict, variables: dict) -> int:
    costs = [0]
    for child in children:
        if child.name.value == "nodes":
            costs.append(1 + selection_cost(child.selection_set, fragments, variables))
        elif child.name.value == "edges":
            for edge_field in _fields(child.selection_set, fragments, variables):
                if edge_field.name.value == "node":
                    costs.append(1 + selection_cost(edge_field.selection_set, fragments, variables))
    return max(costs)


def _size(args: dict) -> int | None:
    for name in ("first", "last"):
        value = args.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
    return None
