"""Writes of machine translation: the shop's settings, a shopper's message translated for the agents,
and an agent's reply sent in the shopper's language.

A shopper's message is translated after it is stored (``translate_message_task``, enqueued after
commit by ``receive_customer_message``): the provider is called outside any transaction, the result
is stored only on a message not redacted meanwhile, and ``message.translated`` goes to the agents
only. A reply is translated before it is stored: a provider failure sends nothing. Card numbers are
masked before any text leaves the app; texts and keys are never logged."""
import logging

from django.db import transaction

from shopapp.models import Agent, Shop
from shopapp.refusals import Refused
from support import realtime
from support.actions import messages as message_actions
from support.models import AuditEvent, Conversation, Message, MessageKind, TranslationSettings
from support.selectors.translation import shopper_language, translation_settings
from support.translation import languages
from support.translation.base import Translated, TranslationUnavailable
from support.translation.providers import off_reason, translator_for

logger = logging.getLogger(__name__)

SETTINGS_UPDATED = "settings.translation.updated"
# What translate_for_agents did (besides a provider's reason: quota, auth, rate_limited, ...).
TRANSLATED, SAME_LANGUAGE, ALREADY, GONE, SKIPPED, OFF = (
    "translated", "same_language", "already_translated", "gone", "skipped", "off"
)
TRANSIENT_REASONS = {"rate_limited", "provider_error", "timeout"}  # worth another try later


class TranslationRefused(Refused):
    pass


def update_translation_settings(shop: Shop, *, agent: Agent, changes: dict) -> TranslationSettings:
    """Apply ``changes`` (any of provider, api_key, enabled, agent_language; validated by the caller)
    and record which fields changed on the shop's audit log (never the key). A new provider without
    a new key drops the old key: a DeepL key is no Google key."""
    with transaction.atomic():
        row, _ = TranslationSettings.objects.select_for_update().get_or_create(shop=shop)
        changed = set()
        if "provider" in changes and changes["provider"] != row.provider and "api_key" not in changes and row.api_key:
            row.api_key = ""
            changed.add("api_key")
        for field in ("provider", "api_key", "enabled", "agent_language"):
            if field in changes and changes[field] != getattr(row, field):
                setattr(row, field, changes[field])
                changed.add(field)
        if changed:
            row.save(update_fields=[*sorted(changed), "updated_at"])
            AuditEvent.objects.create(
                shop=shop, action=SETTINGS_UPDATED, actor="agent", agent=agent,
                data={"fields": sorted(changed), "provider": row.provider, "off_reason": off_reason(row)},
            )
    logger.info("translation.settings.updated", extra={"shop_id": shop.pk, "fields": sorted(changed)})
    return row


def schedule_translation(message: Message) -> bool:
    """After a shopper's message is stored: enqueue its translation after commit when the shop has
    translation on. Returns whether it was scheduled."""
    if message.kind != MessageKind.SHOPPER or not message.body.strip():
        return False
    if off_reason(translation_settings(message.shop_id)):
        return False
    transaction.on_commit(lambda: enqueue_translation(message.pk))
    return True


def enqueue_translation(message_id: int) -> None:
    from support.tasks import translate_message_task  # tasks import the actions

    try:
        translate_message_task.delay(message_id)
    except Exception:  # noqa: BLE001 - broker down: the agents read the original
        logger.warning("translation.enqueue_failed", extra={"message_id": message_id})


def translate_for_agents(message_id: int) -> str:
    """Store the translation of a shopper's message into the shop's agent language when the two
    languages differ, and tell the agents. Returns what happened (see the constants above) or the
    provider's reason when it failed."""
    message = Message.objects.filter(pk=message_id).first()
    if message is None:
        return GONE
    if message.kind != MessageKind.SHOPPER or message.redacted_at or not message.body.strip():
        return SKIPPED
    if message.translation:
        return ALREADY
    row = translation_settings(message.shop_id)
    translator = translator_for(row)
    if translator is None:
        return OFF
    target = row.agent_language
    if languages.same_language(message.language, target):
        return SAME_LANGUAGE
    try:
        result = translator.translate([message.body], target, None)[0]
    except TranslationUnavailable as error:
        logger.warning("translation.message.failed", extra={"message_id": message_id, "reason": error.reason})
        return error.reason
    language = result.detected_source or message.language
    if languages.same_language(language, target) or result.text.strip() == message.body.strip():
        Message.objects.filter(pk=message.pk, redacted_at__isnull=True).update(language=language)
        return SAME_LANGUAGE
    translation = {"language": languages.normalize(target), "text": result.text, "provider": translator.name}
    return _store_translation(message, language=language, translation=translation)


def _store_translation(message: Message, *, language: str, translation: dict) -> str:
    with transaction.atomic():
        stored = Message.objects.filter(pk=message.pk, redacted_at__isnull=True).update(
            language=language, translation=translation
        )
        if stored:
            payload = {"message_id": str(message.pk), "conversation_id": str(message.conversation_id),
                       "language": language, "translation": translation}
            transaction.on_commit(lambda: realtime.broadcast(
                realtime.MESSAGE_TRANSLATED, payload, shop_id=message.shop_id, conversation_id=message.conversation_id
            ))
    logger.info("translation.message.translated",
                extra={"message_id": message.pk, "language": language, "provider": translation["provider"]})
    return TRANSLATED if stored else GONE


def translate_reply(shop: Shop, body: str, target_language: str) -> Translated | None:
    """An agent's text in ``target_language``; ``None`` when the shop has translation off. Raises
    ``TranslationUnavailable`` when the provider fails."""
    translator = translator_for(translation_settings(shop.pk))
    if translator is None:
        return None
    return translator.translate([body], target_language, None)[0]


def send_translated_reply(conversation: Conversation, *, agent: Agent, body: str, client_id: str,
                          attachment_ids=()) -> tuple[Message, bool]:
    """Send the agent's reply in the shopper's language, machine-translated, keeping the agent's own
    words in ``original_body``. Refusals: ``translation_off``, ``language_unknown``. A provider
    failure raises ``TranslationUnavailable`` and nothing is stored. Sent as written when the
    shopper reads the agents' language or the text is already in the shopper's language."""
    if client_id and (found := Message.objects.filter(conversation=conversation, client_id=client_id[:64]).first()):
        return found, False  # a retried send: translated the first time
    plain = {"agent": agent, "body": body, "client_id": client_id, "attachment_ids": attachment_ids}
    row = translation_settings(conversation.shop_id)
    if off_reason(row):
        raise TranslationRefused("translation_off")
    target = languages.normalize(shopper_language(conversation))
    if not target:
        raise TranslationRefused("language_unknown")
    if not body.strip() or languages.same_language(target, row.agent_language):
        return message_actions.send_agent_reply(conversation, **plain)
    text, _ = message_actions.clean_body(body)  # card numbers masked before the text leaves the app
    result = translate_reply(conversation.shop, text, target)
    if result is None or result.text.strip() == text or languages.same_language(result.detected_source, target):
        return message_actions.send_agent_reply(conversation, **plain)
    logger.info("translation.reply.translated", extra={"conversation_id": conversation.pk, "language": target})
    return message_actions.send_agent_reply(conversation, agent=agent, body=result.text, client_id=client_id,
                                            attachment_ids=attachment_ids, original_body=text, language=target)
