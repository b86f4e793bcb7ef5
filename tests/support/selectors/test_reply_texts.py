"""The shop's overrides as the bot reads them (one query, only the shop's, only usable ones) and the
admin's listing of every editable key."""
import logging

import pytest

from support.rules.reply_texts import CATALOGUES
from support.rules.texts import LANGUAGES
from support.selectors.reply_texts import reply_overrides, reply_text_entry, reply_text_listing
from tests.factories import AgentFactory, ReplyTextFactory, ShopFactory

pytestmark = pytest.mark.django_db


def test_the_bot_reads_the_shops_overrides_in_one_query(django_assert_num_queries):
    shop = ShopFactory()
    ReplyTextFactory(shop=shop)
    ReplyTextFactory(shop=shop, key="bot.handoff", language="en", body="Our team will answer here soon.")
    ReplyTextFactory(key="bot.handoff", language="en", body="Another shop's words.")

    with django_assert_num_queries(1):
        overrides = reply_overrides(shop)

    assert overrides == {("hours.greeting", "de"): "Moin bei {shop_name}! Was können wir für Sie tun?",
                         ("bot.handoff", "en"): "Our team will answer here soon."}


def test_a_shop_without_overrides_has_none():
    assert reply_overrides(ShopFactory()) == {}


def test_a_stored_text_that_no_longer_passes_is_left_out_and_logged(caplog):
    shop = ShopFactory()
    kept = ReplyTextFactory(shop=shop, key="hours.closed", language="en", body="Closed for the holidays.")
    for key, body in (("hours.greeting", "Hi {customer}!"), ("hours.removed", "Hi"),
                      ("bot.handoff", "We will refund you in full.")):
        ReplyTextFactory(shop=shop, key=key, language="en", body=body)

    with caplog.at_level(logging.WARNING, logger="support.selectors.reply_texts"):
        assert reply_overrides(shop) == {("hours.closed", "en"): kept.body}

    assert [(r.getMessage(), r.key, r.language) for r in caplog.records] == [
        ("reply_texts.override.unusable", key, "en") for key in ("hours.greeting", "hours.removed", "bot.handoff")]


def test_the_listing_shows_every_key_with_its_defaults_and_the_shops_overrides(django_assert_num_queries):
    shop = ShopFactory()
    admin = AgentFactory(shop=shop, role="admin")
    override = ReplyTextFactory(shop=shop, updated_by=admin)
    ReplyTextFactory(key="hours.greeting", language="fr", body="Bonjour de {shop_name}")  # another shop

    with django_assert_num_queries(1):
        listing = reply_text_listing(shop)

    assert [item["key"] for item in listing] == list(CATALOGUES)
    greeting = listing[0]
    assert (greeting["key"], greeting["variables"]) == ("hours.greeting", ["shop_name"])
    assert [text["language"] for text in greeting["texts"]] == list(LANGUAGES)
    by_language = {text["language"]: text for text in greeting["texts"]}
    assert by_language["de"] == {"language": "de", "default": CATALOGUES["hours.greeting"]["de"],
                                 "override": override.body, "updated_at": override.updated_at,
                                 "updated_by": str(admin.pk)}
    assert by_language["fr"] == {"language": "fr", "default": CATALOGUES["hours.greeting"]["fr"],
                                 "override": None, "updated_at": None, "updated_by": None}
    assert sum(text["override"] is not None for item in listing for text in item["texts"]) == 1


def test_one_entry_is_shaped_like_the_listing():
    override = ReplyTextFactory(updated_by=None)
    assert reply_text_entry(override.shop, "hours.greeting", "de") == {
        "key": "hours.greeting", "variables": ["shop_name"], "language": "de",
        "default": CATALOGUES["hours.greeting"]["de"], "override": override.body,
        "updated_at": override.updated_at, "updated_by": None}
    assert reply_text_entry(ShopFactory(), "hours.greeting", "de")["override"] is None
