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
    name = display_name(user.first_name or "", user.last_name or "", user.locale or "")
    return StaffProfile(name=name, email=user.email or "", locale=user.locale or "", account_owner=user.account_owner)


FAMILY_NAME_FIRST = ("zh", "ja", "ko")


def _is_cjk(text: str) -> bool:
    return bool(text) and all(
        "\u3040" <= char <= "\u30ff" or "\u3400" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af"
        for char in text.replace(" ", "")
    )


def display_name(first: str, last: str, locale: str) -> str:
    """Pure rule: Chinese, Japanese and Korean names read family name first; written in their own
    script they take no space (徐建国), in Latin letters they keep one (Yamada Hanako)."""
    parts = [part for part in (first, last) if part]
    if locale.lower().split("-")[0] in FAMILY_NAME_FIRST:
        parts.reverse()
        if _is_cjk("".join(parts)):
            return "".join(parts)
    return " ".join(parts)
