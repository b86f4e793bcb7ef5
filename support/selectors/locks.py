"""The one place for row locks before read-modify-write (``select_for_update``), ordered by pk."""
from support.models import Conversation


def lock_conversation(conversation_id: int) -> Conversation:
    return Conversation.objects.select_for_update().get(pk=conversation_id)


def lock_conversations(conversation_ids) -> list[Conversation]:
    return list(Conversation.objects.select_for_update().filter(pk__in=conversation_ids).order_by("pk"))
