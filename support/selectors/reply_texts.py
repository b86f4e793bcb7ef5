"""Reads of the merchant's wording of the bot's texts, scoped by shop: the overrides the bot uses (one
query per turn) and the admin's listing of every editable key."""
import logging

from shopapp.models import Shop
from support.models import ReplyText
from support.rules import reply_texts as rules
from support.rules.texts import LANGUAGES

logger = logging.getLogger(__name__)

Overrides = dict[tuple[str, str], str]


def reply_overrides(shop: Shop | int) -> Overrides:
    """``{(key, language): body}`` of the shop, for ``texts.text_for`` (one query). A stored text that
    no longer passes ``rules.check_override`` (a default's variables or the promise patterns changed
    since) is left out, and logged: the default answers instead."""
    shop_id = getattr(shop, "pk", shop)
    overrides = {}
    for key, language, body in ReplyText.objects.filter(shop_id=shop_id).values_list("key", "language", "body"):
        if rules.usable(key, language, body):
            overrides[(key, language)] = body
        else:
            logger.warning("reply_texts.override.unusable", extra={"shop_id": shop_id, "key": key,
                                                                   "language": language})
    return overrides


def _entry(key: str, language: str, row: dict | None) -> dict:
    return {
        "language": language,
        "default": rules.default_text(key, language),
        "override": row["body"] if row else None,
        "updated_at": row["updated_at"] if row else None,
        "updated_by": str(row["updated_by_id"]) if row and row["updated_by_id"] else None,
    }


def reply_text_listing(shop: Shop | int) -> list[dict]:
    """Every editable key in catalogue order: its variables and, per language, the default, the
    shop's override if any, when and by whom it was last set (one query)."""
    rows = {
        (row["key"], row["language"]): row
        for row in ReplyText.objects.filter(shop_id=getattr(shop, "pk", shop))
        .values("key", "language", "body", "updated_at", "updated_by_id")
    }
    return [
        {"key": key, "variables": rules.variables_for(key),
         "texts": [_entry(key, language, rows.get((key, language))) for language in LANGUAGES]}
        for key in rules.CATALOGUES
    ]


def reply_text_entry(shop: Shop | int, key: str, language: str) -> dict:
    """One key in one language, as in the listing (one query)."""
    row = (ReplyText.objects.filter(shop_id=getattr(shop, "pk", shop), key=key, language=language)
           .values("key", "language", "body", "updated_at", "updated_by_id").first())
    return {"key": key, "variables": rules.variables_for(key), **_entry(key, language, row)}
