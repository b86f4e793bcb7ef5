"""``POST /webhooks/shopify`` and ``POST /webhooks/compliance``: verify -> record -> enqueue -> 200.
No business work happens in the request."""
import json
import logging

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from shopapp.shopify.app import shopify_app, to_shopify_request
from shopapp.shopify.domains import normalize_shop_domain

from .actions import record_delivery

logger = logging.getLogger(__name__)

COMPLIANCE_TOPICS = {"customers/data_request", "customers/redact", "shop/redact"}


def _header(request, name):
    """Shopify sends ``X-Shopify-Topic`` and, newer, ``shopify-topic``; accept both."""
    return request.headers.get(f"X-Shopify-{name}") or request.headers.get(f"shopify-{name}") or ""


def _refuse(status, reason):
    logger.info("webhooks.delivery.refused", extra={"reason": reason, "status": status})
    return JsonResponse({"detail": "webhook refused", "code": reason}, status=status)


def _ingest(request, *, compliance: bool):
    result = shopify_app().verify_webhook_req(to_shopify_request(request))
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
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _refuse(400, "malformed_json")
    record_delivery(
        webhook_id=webhook_id,
        event_id=_header(request, "Event-Id")[:64],
        topic=topic,
        shop_domain=shop_domain,
        payload=payload,
        api_version=_header(request, "API-Version")[:16],
        triggered_at=_header(request, "Triggered-At")[:40],
    )
    return JsonResponse({"ok": True})


@csrf_exempt
@require_POST
def shopify_webhook(request):
    return _ingest(request, compliance=False)


@csrf_exempt
@require_POST
def compliance_webhook(request):
    return _ingest(request, compliance=True)
