"""What an injected request fault looks like on the wire."""

from __future__ import annotations

import logging

from .core import Response, json_response

logger = logging.getLogger(__name__)


def http_fault_response(kind: str) -> Response:
    if kind == "http_500":
        return json_response(500, {"errors": "Internal Server Error"})
    if kind == "http_502":
        body = (
            b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
        )
        return Response(502, body, {"Content-Type": "text/html; charset=utf-8"})
    if kind == "http_503":
        return json_response(503, {"errors": "Service Unavailable"}, {"Retry-After": "1"})
    raise ValueError(kind)


def before_response(fault: dict) -> Response | None:
    """The answer for a fault taken before execution (None: throttle, handled by the caller)."""
    logger.info(
        "devstore.fault.applied", extra={"kind": fault["kind"], "phase": "before", "shop": fault["shop"]}
    )
    if fault["kind"] == "timeout":
        response = json_response(504, {"errors": "Gateway Timeout"})
        response.hold = fault["delay"]
        return response
    if fault["kind"].startswith("http_"):
        return http_fault_response(fault["kind"])
    return None


def after_response(fault: dict, response: Response) -> Response:
    """The answer for a fault taken after execution: the change is applied, the answer is lost."""
    logger.info(
        "devstore.fault.applied", extra={"kind": fault["kind"], "phase": "after", "shop": fault["shop"]}
    )
    if fault["kind"] == "timeout":
        response.hold = fault["delay"]
        return response
    return http_fault_response(fault["kind"])
