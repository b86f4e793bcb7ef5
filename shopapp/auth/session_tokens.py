"""DRF authentication for ``/api/admin/...``: ``Authorization: Bearer <session token>``.

shopifyapp verifies the signature (current or old secret), ``exp``/``nbf`` with 10 s leeway and
``aud``; ``claims.shop_from_claims`` adds ``iss``/``dest`` agreement and the subject. The shop is
installed on its first valid token (token exchange) and the token's ``sub`` maps to a staff member.
Every refusal is a 401 with ``X-Shopify-Retry-Invalid-Session-Request: 1`` and one log line."""
import logging
from dataclasses import dataclass

from django.conf import settings
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication

from shopapp.actions.shops import install_with_session_token
from shopapp.actions.staff import provision_agent
from shopapp.models import Shop
from shopapp.shopify.app import PATCH_ID_TOKEN_PATH, shopify_app, to_shopify_request
from shopapp.shopify.errors import ShopifyError
from shopapp.shopify.staff import staff_profile

from .claims import ClaimsRejected, shop_from_claims

logger = logging.getLogger(__name__)

RETRY_HEADER = "X-Shopify-Retry-Invalid-Session-Request"


class InvalidSessionToken(exceptions.AuthenticationFailed):
    """401 that asks App Bridge to retry with a fresh token."""

    def __init__(self, reason: str):
        super().__init__(detail=f"invalid session token: {reason}", code=reason)
        self.reason = reason


@dataclass(frozen=True)
class SessionAuth:
    shop: Shop
    claims: dict


def verify_session_request(request) -> tuple[str, object]:
    """(shop domain, shopifyapp IdTokenDetails) for a request bearing a valid session token."""
    header = request.headers.get("Authorization", "")
    if not header:
        raise InvalidSessionToken("missing_token")
    if not header.startswith("Bearer ") or len(header) > 4096:
        raise InvalidSessionToken("malformed_header")
    result = shopify_app().verify_app_home_req(
        to_shopify_request(request, include_body=False), app_home_patch_id_token_path=PATCH_ID_TOKEN_PATH
    )
    if not result.ok:
        raise InvalidSessionToken(result.log.code)
    try:
        domain = shop_from_claims(result.id_token.claims, api_key=settings.SHOPIFY_API_KEY)
    except ClaimsRejected as rejected:
        raise InvalidSessionToken(rejected.reason) from None
    return domain, result.id_token


def shop_for_session(domain: str, id_token) -> Shop:
    shop = Shop.objects.filter(domain=domain, is_active=True, token__isnull=False).first()
    if shop is not None:
        return shop
    try:
        return install_with_session_token(domain, id_token)
    except ShopifyError as error:
        raise InvalidSessionToken("install_failed") from error


class SessionTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        try:
            domain, id_token = verify_session_request(request._request)
            shop = shop_for_session(domain, id_token)
        except InvalidSessionToken as error:
            logger.info("auth.session_token.rejected", extra={"reason": error.reason, "path": request.path})
            raise
        agent = provision_agent(shop, id_token.claims["sub"], lambda: staff_profile(id_token))
        if not agent.is_active:
            logger.info("auth.session_token.rejected", extra={"reason": "agent_disabled", "path": request.path})
            raise exceptions.PermissionDenied("this staff member is disabled in the support app")
        return agent, SessionAuth(shop=shop, claims=id_token.claims)

    def authenticate_header(self, request):
        return 'Bearer realm="shopify-session-token"'
