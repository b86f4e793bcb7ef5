"""Personal data in stored webhook payloads: scrubbed when a shopper is redacted, deleted with the
shop. Called by ``support.actions.privacy`` inside its transaction; portable ORM only (PostgreSQL
in production, SQLite in ``make dev``). Payloads are stored as ``json``: key lookups go through a
cast to ``jsonb``."""
from django.db.models import JSONField, Q, TextField
from django.db.models.functions import Cast

from .models import WebhookDelivery

MIN_PHONE_DIGITS = 6


def redacted_payload(payload) -> dict:
    """What a scrubbed delivery keeps: a marker and the payload's top-level id, if it had one."""
    scrubbed = {"redacted": True}
    if isinstance(payload, dict) and payload.get("id") is not None:
        scrubbed["id"] = payload["id"]
    return scrubbed


def _mentions(customer_id: int | None, email: str, phone: str) -> Q | None:
    """Payloads whose text holds the id as a whole number (not inside a longer one), the email
    (any case) or the phone. None when there is nothing safe to look for: a short or empty needle
    would match every delivery of the shop."""
    clauses = []
    if customer_id is not None:
        clauses.append(Q(payload_text__regex=rf"(^|[^0-9]){int(customer_id)}([^0-9]|$)"))
    if email and "@" in email:
        clauses.append(Q(payload_text__icontains=email))
    if phone and sum(char.isdigit() for char in phone) >= MIN_PHONE_DIGITS:
        clauses.append(Q(payload_text__contains=phone))
    if not clauses:
        return None
    mentions = clauses[0]
    for clause in clauses[1:]:
        mentions |= clause
    return mentions


def scrub_customer_deliveries(shop_domain: str, customer_id: int | None, email: str, phone: str) -> int:
    """Replace the payload of every delivery of the shop that mentions the shopper (including the
    ``customers/redact`` and ``customers/data_request`` deliveries themselves) with
    ``redacted_payload``. Already scrubbed deliveries are left alone. Returns how many changed."""
    mentions = _mentions(customer_id, (email or "").strip(), (phone or "").strip())
    if mentions is None:
        return 0
    rows = list(
        WebhookDelivery.objects.filter(shop_domain=shop_domain)
        .annotate(payload_text=Cast("payload", TextField()), payload_b=Cast("payload", JSONField()))
        .exclude(payload_b__has_key="redacted", payload_b__redacted=True)
        .filter(mentions)
        .only("pk", "payload")
        .order_by("pk")
    )
    for row in rows:
        row.payload = redacted_payload(row.payload)
    WebhookDelivery.objects.bulk_update(rows, ["payload"], batch_size=500)
    return len(rows)


def delete_shop_deliveries(shop_domain: str) -> int:
    """``shop/redact``: every delivery of the shop goes, whatever its topic or status."""
    deleted, _ = WebhookDelivery.objects.filter(shop_domain=shop_domain).delete()
    return deleted


def scrub_delivery(delivery: WebhookDelivery) -> None:
    """One delivery keeps only its id (a late webhook about a redacted shopper, an unknown shop)."""
    delivery.payload = redacted_payload(delivery.payload)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(payload=delivery.payload)
