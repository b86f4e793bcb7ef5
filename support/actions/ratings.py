"""The shopper's rating of a conversation: 1 to 5 stars and an optional comment, given once.
Recorded on the conversation and in its timeline; the agents are told after commit."""
import logging

from django.db import transaction
from django.utils import timezone

from shopapp.refusals import Refused
from support import realtime
from support.actions import credit
from support.models import Conversation, CreditGrant, GrantState, TimelineEvent
from support.rules.pan import mask_card_numbers
from support.selectors.locks import lock_conversation

logger = logging.getLogger(__name__)

MAX_COMMENT = 1000


class RatingRefused(Refused):
    pass


def rate_conversation(conversation: Conversation, *, rating: int, comment: str = "") -> Conversation:
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise RatingRefused("rating_out_of_range")
    if not isinstance(comment, str) or len(comment.strip()) > MAX_COMMENT:
        raise RatingRefused("comment_too_long")
    comment, _ = mask_card_numbers(comment.strip())
    with transaction.atomic():
        locked = lock_conversation(conversation.pk)
        if locked.rated_at is not None:
            raise RatingRefused("already_rated")
        locked.rating, locked.rating_comment, locked.rated_at = rating, comment, timezone.now()
        locked.save(update_fields=["rating", "rating_comment", "rated_at"])
        TimelineEvent.objects.create(shop_id=locked.shop_id, conversation=locked, kind="conversation.rated",
                                     actor="shopper", data={"rating": rating})
        payload = {"conversation_id": str(locked.pk), "change": "conversation.rated", "rating": rating}
        transaction.on_commit(lambda: realtime.broadcast(
            realtime.CONVERSATION_UPDATED, payload, shop_id=locked.shop_id, conversation_id=locked.pk
        ))
        # The rating is the feedback a "feedback first" store credit waits for. After commit, outside
        # this conversation's lock (the credit actions lock the customer, then the grants).
        if CreditGrant.objects.filter(conversation=locked, state=GrantState.AWAITING_FEEDBACK).exists():
            transaction.on_commit(lambda: credit.feedback_received(locked), robust=True)
    logger.info("conversations.rated", extra={"conversation_id": locked.pk, "rating": rating})
    return locked
