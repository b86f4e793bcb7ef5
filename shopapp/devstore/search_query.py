"""A small subset of Shopify's search syntax for the `query:` argument of list fields.

Supported: `field:value`, `field:>value` (also >=, <, <=), quoted values ('...' or "..."),
negation with a leading `-` or `NOT`, a trailing `*` for prefix matches, implicit or
explicit AND between terms, and bare words matched against the resource's text fields.
Unknown fields are ignored, like Shopify does. OR is not supported (treated as AND).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from .ids import parse_gid, parse_iso

_TOKEN_RE = re.compile(r"""(-?[\w.]+:(?:[<>]=?)?(?:'[^']*'|"[^"]*"|\S+)|'[^']*'|"[^"]*"|\S+)""")
_TERM_RE = re.compile(r"""^(?P<neg>-?)(?P<field>[\w.]+):(?P<op>[<>]=?)?(?P<value>.*)$""")


@dataclass(frozen=True)
class Term:
    field: str | None  # None: free text
    op: str  # ":", ">", ">=", "<", "<="
    value: str
    negate: bool = False


@dataclass(frozen=True)
class SearchField:
    get: Callable[[dict], object]
    kind: str = "text"  # "text", "date", "id", "number"


def parse_search(query: str | None) -> list[Term]:
    terms: list[Term] = []
    negate_next = False
    for token in _TOKEN_RE.findall(query or ""):
        if token in ("AND", "OR"):
            continue
        if token == "NOT":
            negate_next = True
            continue
        terms.append(_term(token, negate_next))
        negate_next = False
    return terms


def _term(token: str, negate: bool) -> Term:
    match = _TERM_RE.match(token)
    if match is None:
        text = token.removeprefix("-") if token.startswith("-") and len(token) > 1 else token
        return Term(None, ":", _unquote(text), negate or text != token)
    return Term(
        match["field"].lower(), match["op"] or ":", _unquote(match["value"]), negate or bool(match["neg"])
    )


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def matcher(terms: list[Term], fields: dict[str, SearchField], text_fields: tuple[str, ...]):
    """A predicate over records; every term must hold."""

    def predicate(record: dict) -> bool:
        return all(_holds(term, record, fields, text_fields) for term in terms)

    return predicate


def _holds(term: Term, record: dict, fields: dict[str, SearchField], text_fields: tuple[str, ...]) -> bool:
    if term.field is None:
        haystack = " ".join(str(fields[name].get(record) or "") for name in text_fields).lower()
        result = term.value.lower().rstrip("*") in haystack
    elif term.field not in fields:
        return True
    else:
        spec = fields[term.field]
        result = _compare(spec.kind, spec.get(record), term.op, term.value)
    return result != term.negate


def _compare(kind: str, actual: object, op: str, expected: str) -> bool:
    if actual is None:
        return False
    if isinstance(actual, list | tuple | set):
        return any(_compare(kind, item, op, expected) for item in actual)
    try:
        left, right = _coerce(kind, actual, expected)
    except ValueError:
        return False
    if op == ":":
        if kind == "text" and isinstance(right, str) and right.endswith("*"):
            return str(left).startswith(right[:-1])
        return left == right
    return {">": left > right, ">=": left >= right, "<": left < right, "<=": left <= right}[op]


def _coerce(kind: str, actual: object, expected: str) -> tuple:
    if kind == "date":
        left = actual if isinstance(actual, datetime) else parse_iso(str(actual))
        return left, parse_iso(expected)
    if kind in ("id", "number"):
        parsed = parse_gid(expected)
        right = parsed[1] if parsed else (float(expected) if kind == "number" else int(expected))
        return (float(actual) if kind == "number" else int(actual)), right  # type: ignore[arg-type]
    return str(actual).lower(), expected.lower()
