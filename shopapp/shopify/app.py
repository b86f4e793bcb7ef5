"""The shopifyapp package configured for this app, and conversions between Django and it."""
from django.conf import settings
from django.http import HttpResponse
from shopify_app import ShopifyApp

PATCH_ID_TOKEN_PATH = "/auth/patch-id-token"


def shopify_app() -> ShopifyApp:
    return ShopifyApp(
        client_id=settings.SHOPIFY_API_KEY,
        client_secret=settings.SHOPIFY_API_SECRET,
        old_client_secret=settings.SHOPIFY_OLD_API_SECRET,
    )


def to_shopify_request(request, *, include_body=True) -> dict:
    """The raw request as shopifyapp expects it: method, all headers, full URL, unmodified body.
    Session-token checks do not sign the body, so API authentication leaves it unread."""
    body = request.body if include_body and request.method not in ("GET", "HEAD") else b""
    return {
        "method": request.method,
        "headers": dict(request.headers),
        "url": request.build_absolute_uri(),
        "body": body.decode("utf-8", errors="replace") if body else "",
    }


def result_response(result) -> HttpResponse:
    """The package's own response for a failed verification, returned as it is."""
    return HttpResponse(result.response.body, status=result.response.status, headers=result.response.headers)
