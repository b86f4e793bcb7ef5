"""``POST /webhooks/shopify`` and ``POST /webhooks/compliance``: verify -> record -> wake a drainer -> 200.
No business work happens in the request."""
import json
import logging

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from shopapp.shopify.app import shopify_app
from shopapp.shopify.domains import normalize_shop_domain

from .actions import PayloadNotStorable, record_delivery

logger = logging.getLogger(__name__)

COMPLIANCE_TOPICS = {"customers/data_request", "customers/redact", "shop/redact"}


def _header(request, name):
    """Shopify sends ``X-Shopify-Topic`` and, newer, ``shopify-topic``; accept both."""
    key = name.upper().replace("-", "_")
    return request.META.get(f"HTTP_X_SHOPIFY_{key}") or request.META.get(f"HTTP_SHOPIFY_{key}") or ""


def _signed_request(request, body: str) -> dict:
    """What the webhook check reads, as shopifyapp expects it: the method, the signature and shop
    headers and the raw body (a webhook's signature covers the body only)."""
    headers = {f"x-shopify-{name.lower()}": _header(request, name) for name in ("Hmac-Sha256", "Shop-Domain")}
    return {
        "method": request.method,
        "headers": {name: value for name, value in headers.items() if value},
        "url": "",
        "body": body,
    }


def _refuse(status, reason):
    logger.info("webhooks.delivery.refused", extra={"reason": reason, "status": status})
    return JsonResponse({"detail": "webhook refused", "code": reason}, status=status)


def _ingest(request, *, compliance: bool):
    try:
        body, utf8 = request.body.decode("utf-8"), True
    except UnicodeDecodeError:
        body, utf8 = request.body.decode("utf-8", "replace"), False
    result = shopify_app().verify_webhook_req(_signed_request(request, body))
    if not result.ok:
        code = result.log.code
        status = 401 if code in ("invalid_hmac", "missing_hmac_header") else result.response.status
        return _refuse(status, code)
    topic = _header(request, "Topic")
    webhook_id = _header(request, "Webhook-Id")
    shop_domain = normalize_shop_domain(_header(request, "Shop-Domain"))
    if not topic or not webhook_id or len(webhook_id) > 64 or len(topic) > 64:
        return _refuse(400, "missing_headers")
    if shop_domain is None:
        return _refuse(400, "invalid_shop_domain")
    if (topic in COMPLIANCE_TOPICS) != compliance:
        return _refuse(400, "wrong_endpoint_for_topic")
    try:
        if not utf8:
            raise ValueError("not UTF-8")
        json.loads(body)  # checked here, stored as it came
    except ValueError:
        return _refuse(400, "malformed_json")
    try:
        record_delivery(
            webhook_id=webhook_id,
            event_id=_header(request, "Event-Id")[:64],
            topic=topic,
            shop_domain=shop_domain,
            payload_json=body,
            api_version=_header(request, "API-Version")[:16],
            triggered_at=_header(request, "Triggered-At")[:40],
        )
    except PayloadNotStorable as refused:
        return _refuse(400, refused.reason)
    return JsonResponse({"ok": True})


@csrf_exempt
@require_POST
def shopify_webhook(request):
    return _ingest(request, compliance=False)


@csrf_exempt
@require_POST
def compliance_webhook(request):
    return _ingest(request, compliance=True)
