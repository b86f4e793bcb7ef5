"""Reads of machine-translation state, scoped by shop."""
from support.models import Message, MessageKind, TranslationSettings


def translation_settings(shop_id: int) -> TranslationSettings | None:
    return TranslationSettings.objects.filter(shop_id=shop_id).first()


def shopper_language(conversation) -> str:
    """The language the shopper writes in: their latest message's detected language, else the
    conversation's (the widget's locale); ``""`` when neither is known."""
    detected = (
        Message.objects.filter(shop_id=conversation.shop_id, conversation=conversation, kind=MessageKind.SHOPPER)
        .exclude(language="").order_by("-pk").values_list("language", flat=True).first()
    )
    return detected or conversation.language or ""
