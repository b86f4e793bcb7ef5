"""Writes of the merchant's wording of the bot's texts: set a key's text in one language, or reset it
to the default. A text that may not replace the default is refused with a reason
(``rules.reply_texts.check_override``) and nothing stored. Each change is audited on the shop's log
(the key and language, never the text)."""
import logging

from django.db import transaction

from shopapp.models import Agent, Shop
from support.models import AuditEvent, ReplyText
from support.rules import reply_texts as rules

logger = logging.getLogger(__name__)

UPDATED, RESET = "reply_text.updated", "reply_text.reset"


def _audit(shop: Shop, *, agent: Agent, action: str, key: str, language: str, data: dict) -> None:
    AuditEvent.objects.create(shop=shop, action=action, actor="agent", agent=agent,
                              target=f"reply_text:{key}:{language}", data={"key": key, "language": language, **data})
    logger.info(action, extra={"shop_id": shop.pk, "agent_id": agent.pk, "key": key, "language": language})


def set_reply_text(shop: Shop, *, agent: Agent, key: str, language: str, body: str) -> ReplyText:
    """The shop's text for ``key`` in ``language`` becomes ``body`` (trimmed). Raises
    ``rules.OverrideRefused`` before writing anything. Audited only when the text changed."""
    rules.check_override(key, language, body)
    body = rules.clean_body(body)
    with transaction.atomic():
        row, created = ReplyText.objects.select_for_update().get_or_create(
            shop=shop, key=key, language=language, defaults={"body": body, "updated_by": agent})
        if not created and row.body == body:
            return row
        if not created:
            row.body, row.updated_by = body, agent
            row.save(update_fields=["body", "updated_by", "updated_at"])
        _audit(shop, agent=agent, action=UPDATED, key=key, language=language, data={"created": created})
    return row


def reset_reply_text(shop: Shop, *, agent: Agent, key: str, language: str) -> bool:
    """Back to the default: the shop's text for ``key`` in ``language`` is deleted. Returns whether
    there was one (audited only then). An unknown key or language is refused."""
    if key not in rules.CATALOGUES:
        raise rules.OverrideRefused("unknown_key")
    if language not in rules.texts.LANGUAGES:
        raise rules.OverrideRefused("unsupported_language")
    with transaction.atomic():
        deleted, _ = ReplyText.objects.filter(shop=shop, key=key, language=language).delete()
        if deleted:
            _audit(shop, agent=agent, action=RESET, key=key, language=language, data={})
    return bool(deleted)
