"""Read receipts: each side's highest seen message id on the conversation. It only moves forward,
never past the last message that side can see (a shopper cannot "read" an internal note), and a
change is signalled after commit: the shopper's to the agents, an agent's to both sides."""
import logging

from django.db import transaction
from django.db.models import Max

from support import realtime
from support.models import Conversation, Message, MessageKind
from support.selectors.locks import lock_conversation

logger = logging.getLogger(__name__)

FIELD = {"shopper": "shopper_read_id", "agent": "agent_read_id"}


def mark_read(conversation: Conversation, *, side: str, up_to: int) -> int:
    """Record that ``side`` has seen the messages up to ``up_to``; returns the read id now stored."""
    field = FIELD[side]
    visible = Message.objects.filter(conversation=conversation)
    if side == "shopper":
        visible = visible.exclude(kind=MessageKind.NOTE)
    with transaction.atomic():
        locked = lock_conversation(conversation.pk)
        last = visible.filter(pk__lte=up_to).aggregate(last=Max("pk"))["last"] or 0
        current = getattr(locked, field)
        if last <= current:
            return current
        setattr(locked, field, last)
        locked.save(update_fields=[field])
        payload = {"conversation_id": str(locked.pk), "side": side, "read_id": str(last)}
        transaction.on_commit(lambda: realtime.broadcast_signal(
            realtime.CONVERSATION_READ, payload, shop_id=locked.shop_id, conversation_id=locked.pk, side=side
        ))
    return last
