"""Checks on a session token's claims beyond what shopifyapp verifies (signature, exp/nbf with
10 s leeway, aud). Pure function: returns the shop domain or raises ``ClaimsRejected``."""
from urllib.parse import urlsplit

from shopapp.shopify.domains import normalize_shop_domain


class ClaimsRejected(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def shop_from_claims(claims: dict, *, api_key: str) -> str:
    if claims.get("aud") != api_key:
        raise ClaimsRejected("wrong_audience")
    if not isinstance(claims.get("exp"), int | float):
        raise ClaimsRejected("missing_expiry")
    dest = claims.get("dest")
    dest_parts = urlsplit(dest) if isinstance(dest, str) else None
    if dest_parts is None or dest_parts.scheme != "https" or dest_parts.path not in ("", "/"):
        raise ClaimsRejected("bad_destination")
    shop = normalize_shop_domain(dest_parts.netloc)
    if shop is None or dest_parts.netloc != shop:
        raise ClaimsRejected("bad_destination")
    iss = claims.get("iss")
    iss_parts = urlsplit(iss) if isinstance(iss, str) else None
    if iss_parts is None or iss_parts.scheme != "https" or iss_parts.netloc != shop:
        raise ClaimsRejected("issuer_mismatch")
    if iss_parts.path.rstrip("/") != "/admin":
        raise ClaimsRejected("issuer_mismatch")
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub.isdigit() or len(sub) > 32:
        raise ClaimsRejected("bad_subject")
    return shop
