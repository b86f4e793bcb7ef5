"""Anonymous chat visitors: a signed visitor token (shop-bound, expiring, rotated when old) names a
visitor without any personal data; nothing unsigned is trusted."""
import secrets
import time
from dataclasses import dataclass

from django.core import signing

MAX_AGE = 30 * 24 * 3600  # a visitor who comes back within 30 days resumes their conversation
ROTATE_AFTER = 24 * 3600  # tokens older than a day are replaced with a fresh one on use


@dataclass(frozen=True)
class Visitor:
    visitor_id: str
    age_seconds: float

    @property
    def needs_rotation(self) -> bool:
        return self.age_seconds > ROTATE_AFTER


def _signer(shop_id: int) -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=f"support.visitor.{shop_id}")


def new_visitor_id() -> str:
    return "v_" + secrets.token_urlsafe(18)


def issue(shop_id: int, visitor_id: str) -> str:
    return _signer(shop_id).sign(visitor_id)


def read(shop_id: int, token: str) -> Visitor | None:
    """The visitor of a valid token for this shop, or None (forged, another shop's, expired)."""
    if not isinstance(token, str) or not token or len(token) > 200:
        return None
    signer = _signer(shop_id)
    try:
        visitor_id = signer.unsign(token, max_age=MAX_AGE)
        issued = signing.b62_decode(token.rsplit(signer.sep, 2)[1])
    except (signing.BadSignature, ValueError, IndexError):
        return None
    return Visitor(visitor_id=visitor_id, age_seconds=max(0.0, time.time() - issued))
