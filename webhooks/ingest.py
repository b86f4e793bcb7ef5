"""One webhook delivery in: verify -> check -> record -> answer. No business work happens here.

``ingest`` takes the request's WSGI environ (Django's ``request.META`` is the same mapping) and its
raw body, so the Django views and the WSGI front door (``frontdoor``) answer every delivery the same
way: 200 for an accepted or duplicate delivery, 401 for a bad or missing signature, 400 with a
reason for the rest. A refusal is logged once, with its reason and status only."""
import json
import logging
from dataclasses import dataclass

from django.conf import settings

from shopapp.shopify.domains import normalize_shop_domain

from .actions import PayloadRefused, record_delivery
from .signature import signature_problem

logger = logging.getLogger(__name__)

COMPLIANCE_TOPICS = {"customers/data_request", "customers/redact", "shop/redact"}
ACCEPTED_BODY = b'{"ok": true}'  # the same answer for every accepted delivery, duplicates included


@dataclass(frozen=True)
class Answer:
    status: int
    code: str = ""  # the refusal's reason; empty when the delivery was accepted

    @property
    def body(self) -> bytes:
        if not self.code:
            return ACCEPTED_BODY
        return json.dumps({"detail": "webhook refused", "code": self.code}).encode()


ACCEPTED = Answer(200)


def header(environ, name: str) -> str:
    """Shopify sends ``X-Shopify-Topic`` and, newer, ``shopify-topic``; accept both."""
    key = name.upper().replace("-", "_")
    return environ.get(f"HTTP_X_SHOPIFY_{key}") or environ.get(f"HTTP_SHOPIFY_{key}") or ""


def refuse(status: int, reason: str) -> Answer:
    logger.info("webhooks.delivery.refused", extra={"reason": reason, "status": status})
    return Answer(status, reason)


def ingest(environ, raw: bytes, *, compliance: bool) -> Answer:
    """Verify the signature over the raw body (``signature``), check the headers, record the
    delivery once (a duplicate webhook id does nothing; the database checks the JSON as it stores
    it) and wake a drainer after commit."""
    problem = signature_problem(raw, header(environ, "Hmac-Sha256"), settings.SHOPIFY_API_SECRET,
                                settings.SHOPIFY_OLD_API_SECRET)
    if problem:
        return refuse(401, problem)
    topic = header(environ, "Topic")
    webhook_id = header(environ, "Webhook-Id")
    shop_domain = normalize_shop_domain(header(environ, "Shop-Domain"))
    if not topic or not webhook_id or len(webhook_id) > 64 or len(topic) > 64:
        return refuse(400, "missing_headers")
    if shop_domain is None:
        return refuse(400, "invalid_shop_domain")
    if (topic in COMPLIANCE_TOPICS) != compliance:
        return refuse(400, "wrong_endpoint_for_topic")
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        return refuse(400, "malformed_json")
    try:
        record_delivery(
            webhook_id=webhook_id,
            event_id=header(environ, "Event-Id")[:64],
            topic=topic,
            shop_domain=shop_domain,
            payload_json=body,
            api_version=header(environ, "API-Version")[:16],
            triggered_at=header(environ, "Triggered-At")[:40],
        )
    except PayloadRefused as refused:
        return refuse(400, refused.reason)
    return ACCEPTED
