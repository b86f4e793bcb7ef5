"""Who a staff member is: an online token exchange with their session token returns Shopify's
``associated_user`` (name, email, locale, account owner). Used once, when an agent is first seen;
the online token itself is not kept."""
import logging
from dataclasses import dataclass

from . import http
from .app import shopify_app

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StaffProfile:
    name: str
    email: str
    locale: str
    account_owner: bool


def staff_profile(id_token) -> StaffProfile | None:
    result = shopify_app().exchange_using_token_exchange(
        access_mode="online", id_token=id_token, invalid_token_response=None, http_client=http.client()
    )
    user = result.access_token.user if result.ok and result.access_token else None
    if user is None:
        logger.info("shopify.staff_profile.unavailable", extra={"code": result.log.code})
        return None
    name = " ".join(part for part in (user.first_name, user.last_name) if part).strip()
    return StaffProfile(name=name, email=user.email or "", locale=user.locale or "", account_owner=user.account_owner)
