"""Shopify's mandatory compliance topics, and the merchant downloading an export.

``export_customer_data``, ``redact_customer`` and ``redact_shop`` take ``(shop_domain, payload)``
exactly as the webhook handlers get them. Each runs in one transaction under the shop's row lock
(so two requests for one shop never interleave), is idempotent, and is safe for ids we never saw.
Logs carry ids and counts only: never an email, a phone or a name."""
import logging

from django.db import transaction
from django.utils import timezone

from shopapp.models import Agent, OAuthState, Shop
from support.actions.attachments import delete_attachments
from support.models import Attachment, AuditEvent, CreditGrant, Customer, DataExport, Message, Order
from support.payloads import gid_to_int
from support.selectors.privacy import customer_export, customer_scope, order_scope
from webhooks.privacy import delete_shop_deliveries, scrub_customer_deliveries

logger = logging.getLogger(__name__)


def _ids(values) -> list[int]:
    return [parsed for parsed in (gid_to_int(value) for value in values or []) if parsed is not None]


def _shopper(payload: dict) -> tuple[int | None, str, str]:
    """(customer id, email, phone) of a compliance payload; blanks when absent."""
    customer = payload.get("customer") or {}
    email = str(customer.get("email") or "").strip()
    phone = str(customer.get("phone") or "").strip()
    return gid_to_int(customer.get("id")), email, phone


def _locked_shop(shop_domain: str) -> Shop | None:
    return Shop.objects.select_for_update().filter(domain=shop_domain).first()


# --- customers/data_request --------------------------------------------------------------------

def export_customer_data(shop_domain: str, payload: dict) -> DataExport | None:
    """Store one export per data request (a repeated request id returns the first export and does
    nothing else) and audit it. Returns None for an unknown shop or a payload without a customer id."""
    customer_id, email, _ = _shopper(payload)
    request_id = gid_to_int((payload.get("data_request") or {}).get("id"))
    with transaction.atomic():
        shop = _locked_shop(shop_domain)
        if shop is None or customer_id is None:
            reason = "unknown_shop" if shop is None else "no_customer_id"
            logger.info("privacy.data_request.skipped", extra={"reason": reason})
            return None
        if request_id is not None:
            existing = DataExport.objects.filter(shop=shop, data_request_id=request_id).first()
            if existing is not None:
                logger.info("privacy.data_request.duplicate", extra={"shop_id": shop.pk, "export_id": existing.pk})
                return existing
        content = customer_export(shop, customer_id, email=email, order_ids=_ids(payload.get("orders_requested")))
        content["data_request_id"] = str(request_id) if request_id is not None else None
        export = DataExport.objects.create(
            shop=shop, customer_shopify_id=customer_id, data_request_id=request_id, content=content,
            completed_at=timezone.now(),
        )
        AuditEvent.objects.create(
            shop=shop, action="privacy.data_request.completed", actor="shopify", target=f"customer:{customer_id}",
            data={"export_id": str(export.pk), "data_request_id": content["data_request_id"]},
        )
    logger.info(
        "privacy.data_request.completed",
        extra={"shop_id": shop.pk, "export_id": export.pk, "customer_id": str(customer_id)},
    )
    return export


# --- customers/redact ---------------------------------------------------------------------------

CUSTOMER_ERASED = {
    "first_name": "", "last_name": "", "email": "", "phone": "", "city": "", "province_code": "", "tags": [],
}
ORDER_ERASED = {"email": "", "shipping_zip": "", "shipping_city": ""}
COUNTED = ("customers", "orders", "messages", "attachments", "exports", "credit_notes", "deliveries")


def _erase(queryset, fields: dict, now, **stamp) -> int:
    """Blank ``fields`` on every row of ``queryset``; returns how many rows were not redacted yet
    (they get ``redacted_at``; rows redacted before keep their first time)."""
    newly = queryset.filter(redacted_at__isnull=True).update(**fields, redacted_at=now, **stamp)
    queryset.update(**fields)
    return newly


def _redact_rows(shop: Shop, customer_id: int, email: str, order_ids: list[int], now) -> dict:
    """Erase the shopper's personal data in the shop's mirror, conversations and exports. Rows
    stay (tombstones, anonymous orders and messages); counts are of rows newly redacted."""
    _, tombstone_created = Customer.objects.get_or_create(
        shop=shop, shopify_id=customer_id, defaults={"redacted_at": now}
    )
    customer_pks = list(
        Customer.objects.select_for_update().filter(shop=shop).filter(customer_scope(customer_id, email))
        .order_by("pk").values_list("pk", flat=True)
    )
    order_shopify_ids = sorted(
        Order.objects.filter(shop=shop).filter(order_scope(customer_id, email, order_ids))
        .values_list("shopify_id", flat=True)
    )
    customers = Customer.objects.filter(pk__in=customer_pks)
    orders = Order.objects.filter(shop=shop, shopify_id__in=order_shopify_ids)
    messages = Message.objects.filter(shop=shop, conversation__customer_id__in=customer_pks)
    return {
        "customers": _erase(customers, CUSTOMER_ERASED, now, updated_at=now) + int(tombstone_created),
        "orders": _erase(orders, ORDER_ERASED, now, updated_at=now),
        "messages": _erase(messages, {"body": "", "original_body": "", "translation": {}}, now),
        # Files in the shopper's conversations (theirs and the agents'): rows now, bytes after commit.
        "attachments": delete_attachments(
            Attachment.objects.filter(shop=shop, conversation__customer_id__in=customer_pks)
        ),
        "exports": DataExport.objects.filter(shop=shop, customer_shopify_id=customer_id).delete()[0],
        # Credits stay (the shop's accounts need them), without what agents wrote about the shopper.
        "credit_notes": CreditGrant.objects.filter(shop=shop, customer_id__in=customer_pks).exclude(
            note="", decision_note="").update(note="", decision_note=""),
        "order_ids": [str(order_id) for order_id in order_shopify_ids],
    }


def redact_customer(shop_domain: str, payload: dict) -> dict:
    """Erase everything personal the app holds on the shopper in the shop: the mirror row (kept as
    a tombstone, created for a shopper we never saw, so a late ``customers/update`` cannot bring
    data back), their orders' contact and address fields, the text of their messages, their
    exports, and the stored webhook payloads that mention them. Returns the counts."""
    customer_id, email, phone = _shopper(payload)
    order_ids = _ids(payload.get("orders_to_redact"))
    now = timezone.now()
    with transaction.atomic():
        shop = _locked_shop(shop_domain)
        counts = {"customers": 0, "orders": 0, "messages": 0, "attachments": 0, "exports": 0, "credit_notes": 0,
                  "order_ids": []}
        if shop is not None and customer_id is not None:
            counts = _redact_rows(shop, customer_id, email, order_ids, now)
        counts["deliveries"] = scrub_customer_deliveries(shop_domain, customer_id, email, phone)
        changed = any(counts[key] for key in COUNTED)
        if shop is not None and customer_id is not None and changed:
            AuditEvent.objects.create(
                shop=shop, action="privacy.customer_redacted", actor="shopify", target=f"customer:{customer_id}",
                data={"customer_id": str(customer_id), "order_ids": counts["order_ids"]},
            )
    logger.info(
        "privacy.customer_redacted",
        extra={
            "shop_id": shop.pk if shop else None,
            "customer_id": str(customer_id) if customer_id is not None else None,
            **{key: counts[key] for key in COUNTED},
        },
    )
    return counts


# --- shop/redact --------------------------------------------------------------------------------

def redact_shop(shop_domain: str, payload: dict) -> bool:
    """Delete everything of the shop: the ``Shop`` row (its customers, orders, conversations,
    messages, exports, audit log, agents and token go with it), its pending OAuth nonces and every
    stored webhook delivery of the domain. A shop we never saw: just the deliveries. Returns whether
    the shop existed."""
    with transaction.atomic():
        shop = _locked_shop(shop_domain)
        shop_id = shop.pk if shop else None
        was_active = bool(shop and shop.is_active)
        if shop is not None:
            delete_attachments(Attachment.objects.filter(shop=shop))  # the files too, after commit
            shop.delete()
        OAuthState.objects.filter(shop_domain=shop_domain).delete()
        deliveries = delete_shop_deliveries(shop_domain)
    logger.info(
        "privacy.shop_redacted",
        extra={
            "shop_id": shop_id, "known_shop": shop_id is not None, "was_active": was_active, "deliveries": deliveries,
        },
    )
    return shop_id is not None


# --- the merchant's download ---------------------------------------------------------------------

def record_export_download(export: DataExport, *, agent: Agent) -> None:
    """Audit one download of an export by a staff member."""
    AuditEvent.objects.create(
        shop_id=export.shop_id, action="privacy.export.downloaded", actor="agent", agent=agent,
        target=f"customer:{export.customer_shopify_id}", data={"export_id": str(export.pk)},
    )
    logger.info(
        "privacy.export.downloaded", extra={"shop_id": export.shop_id, "export_id": export.pk, "agent_id": agent.pk}
    )
