"""Install and auth endpoints outside the APIs: the legacy OAuth grant and the App Bridge
token-refresh page."""
import logging

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.views.decorators.http import require_GET

from shopapp.auth import oauth
from shopapp.shopify.app import result_response, shopify_app, to_shopify_request

logger = logging.getLogger(__name__)


def _rejected(error: oauth.OAuthRejected):
    logger.info("auth.oauth.rejected", extra={"reason": error.reason})
    return JsonResponse({"detail": "install request refused", "code": error.reason}, status=error.status)


@require_GET
def oauth_install(request):
    try:
        location, nonce = oauth.begin(request.META.get("QUERY_STRING", ""))
    except oauth.OAuthRejected as error:
        return _rejected(error)
    response = HttpResponseRedirect(location)
    response.set_cookie(
        oauth.STATE_COOKIE,
        nonce,
        max_age=settings.SHOPIFY_OAUTH_MAX_AGE,
        httponly=True,
        secure=not settings.DEBUG,
        samesite="Lax",
    )
    return response


@require_GET
def oauth_callback(request):
    try:
        shop = oauth.complete(request.META.get("QUERY_STRING", ""), request.COOKIES.get(oauth.STATE_COOKIE))
    except oauth.OAuthRejected as error:
        return _rejected(error)
    response = HttpResponseRedirect(f"https://admin.shopify.com/store/{shop.handle}/apps/{settings.SHOPIFY_API_KEY}")
    if settings.SHOPIFY_DEVSTORE_URL:
        response = HttpResponseRedirect(f"/?installed={shop.domain}")
    response.delete_cookie(oauth.STATE_COOKIE)
    return response


@require_GET
def patch_id_token(request):
    return result_response(shopify_app().app_home_patch_id_token(to_shopify_request(request)))
