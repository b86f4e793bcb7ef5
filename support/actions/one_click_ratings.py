"""One-click ratings: the links in a delivery check-in (widget and email) that rate the conversation
with 1 to 5 stars by a plain GET, without the widget.

A link carries a token signed with the app's secret (``django.core.signing``, salt ``SALT``) naming the
conversation and the stars, valid ``MAX_AGE``. Nothing unsigned is trusted: a tampered token rates
nothing. The rating is recorded by ``actions.ratings.rate_conversation``, exactly as the widget's, so a
conversation is rated once: the first click wins and a later click (another star, or the same link
again) answers with the rating already given and changes nothing.

Known limit: a mail provider that opens every link of an email to scan it would give the first link's
rating (1 star); the links are in star order so such a scan records the lowest, never an inflated score."""
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from support.actions.ratings import RatingRefused, rate_conversation
from support.models import Conversation

logger = logging.getLogger(__name__)

SALT = "support.one-click-rating"
MAX_AGE = timedelta(days=30)


class OneClickRefused(Exception):
    """``reason``: ``invalid_token``, ``token_expired`` (both 400) or ``not_found`` (404)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class OneClickResult:
    conversation_id: int
    rating: int
    recorded: bool  # False: the conversation was rated before, ``rating`` is that first rating


def rating_token(conversation_id: int, stars: int) -> str:
    return signing.dumps({"c": int(conversation_id), "s": int(stars)}, salt=SALT)


def rating_links(conversation_id: int) -> list[str]:
    """The five links, 1 star first."""
    base = f"{settings.APP_URL}{reverse('widget-one-click-rating')}"
    return [f"{base}?t={rating_token(conversation_id, stars)}" for stars in range(1, 6)]


def _read(token: str) -> tuple[int, int]:
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise OneClickRefused("token_expired") from None
    except signing.BadSignature:
        raise OneClickRefused("invalid_token") from None
    if not isinstance(value, dict) or not isinstance(value.get("c"), int) or value.get("s") not in range(1, 6):
        raise OneClickRefused("invalid_token")
    return value["c"], value["s"]


def rate_by_token(token: str) -> OneClickResult:
    """Record the rating a link names; raises ``OneClickRefused`` for a bad, expired or orphaned link."""
    conversation_id, stars = _read(token)
    conversation = (Conversation.objects.select_related("customer")
                    .filter(pk=conversation_id, shop__is_active=True, customer__redacted_at__isnull=True).first())
    if conversation is None:
        raise OneClickRefused("not_found")
    try:
        rated = rate_conversation(conversation, rating=stars)
    except RatingRefused as refusal:
        if refusal.reason != "already_rated":
            raise
        conversation.refresh_from_db(fields=["rating"])
        logger.info("ratings.one_click.already_rated", extra={"conversation_id": conversation.pk})
        return OneClickResult(conversation.pk, conversation.rating, recorded=False)
    logger.info("ratings.one_click.recorded", extra={"conversation_id": conversation.pk, "rating": stars})
    return OneClickResult(rated.pk, rated.rating, recorded=True)
