"""The one place for row locks before read-modify-write (``select_for_update``), ordered by pk."""
from support.models import Conversation, Message


def lock_conversation(conversation_id: int) -> Conversation:
    return Conversation.objects.select_for_update().get(pk=conversation_id)


def lock_conversations(conversation_ids) -> list[Conversation]:
    return list(Conversation.objects.select_for_update().filter(pk__in=conversation_ids).order_by("pk"))


def lock_message(message_id: int) -> Message | None:
    """The message row locked (its conversation, customer and shop read along, not locked)."""
    return (
        Message.objects.select_for_update(of=("self",))
        .select_related("conversation__customer", "shop").filter(pk=message_id).first()
    )
