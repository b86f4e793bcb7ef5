"""Setting and resetting the shop's wording of the bot's texts: checked before anything is written,
audited (key and language, never the text), never touching another shop's."""
import pytest

from support.actions.reply_texts import reset_reply_text, set_reply_text
from support.models import AuditEvent, ReplyText
from support.rules.reply_texts import OverrideRefused
from tests.factories import AgentFactory, ReplyTextFactory

pytestmark = pytest.mark.django_db

GREETING = "Moin bei {shop_name}! Was können wir für Sie tun?"


@pytest.fixture
def admin():
    return AgentFactory(role="admin", shop__name="Nordlicht Shop")


@pytest.fixture
def shop(admin):
    return admin.shop


def rows():
    return list(ReplyText.objects.order_by("pk").values_list("shop_id", "key", "language", "body", "updated_by_id"))


def audit_log():
    return list(AuditEvent.objects.order_by("pk").values_list("shop_id", "action", "actor", "agent_id", "target",
                                                               "data"))


def test_setting_a_text_stores_it_trimmed_and_audits_without_the_text(shop, admin):
    row = set_reply_text(shop, agent=admin, key="hours.greeting", language="de", body=f"  {GREETING}\r\n")

    assert rows() == [(shop.pk, "hours.greeting", "de", GREETING, admin.pk)]
    assert row.pk == ReplyText.objects.get().pk
    assert audit_log() == [(shop.pk, "reply_text.updated", "agent", admin.pk, "reply_text:hours.greeting:de",
                            {"key": "hours.greeting", "language": "de", "created": True})]


def test_setting_it_again_replaces_the_text_and_who_set_it(shop, admin):
    first = ReplyTextFactory(shop=shop, updated_by=None)
    other_admin = AgentFactory(shop=shop, role="owner")

    set_reply_text(shop, agent=other_admin, key="hours.greeting", language="de", body="Hallo bei {shop_name}.")

    first.refresh_from_db()
    assert (first.body, first.updated_by_id) == ("Hallo bei {shop_name}.", other_admin.pk)
    assert rows() == [(shop.pk, "hours.greeting", "de", "Hallo bei {shop_name}.", other_admin.pk)]
    assert audit_log() == [(shop.pk, "reply_text.updated", "agent", other_admin.pk, "reply_text:hours.greeting:de",
                            {"key": "hours.greeting", "language": "de", "created": False})]


def test_setting_the_same_text_again_changes_nothing(shop, admin):
    row = ReplyTextFactory(shop=shop, body=GREETING, updated_by=admin)
    before = ReplyText.objects.values().get()

    assert set_reply_text(shop, agent=AgentFactory(shop=shop, role="admin"), key="hours.greeting", language="de",
                          body=f"{GREETING}  ").pk == row.pk

    assert list(ReplyText.objects.values()) == [before]
    assert audit_log() == []


@pytest.mark.parametrize(("key", "language", "body", "reason"), [
    ("hours.welcome", "de", GREETING, "unknown_key"),
    ("hours.greeting", "ja", GREETING, "unsupported_language"),
    ("hours.greeting", "de", "  ", "blank_body"),
    ("hours.greeting", "de", "x" * 1001 + "{shop_name}", "too_long"),
    ("hours.greeting", "de", "Hallo {kunde} bei {shop_name}", "unknown_variables"),
    ("hours.greeting", "de", "Hallo!", "missing_variables"),
    ("hours.greeting", "de", "Hallo bei {shop_name}! Wir erstatten Ihnen alles.", "promises_money"),
])
def test_a_refused_text_writes_nothing_and_keeps_the_current_one(shop, admin, key, language, body, reason):
    ReplyTextFactory(shop=shop, updated_by=admin)
    before = list(ReplyText.objects.values())

    with pytest.raises(OverrideRefused) as caught:
        set_reply_text(shop, agent=admin, key=key, language=language, body=body)

    assert caught.value.reason == reason
    assert list(ReplyText.objects.values()) == before
    assert audit_log() == []


def test_reset_brings_the_default_back_and_is_audited(shop, admin):
    ReplyTextFactory(shop=shop)
    kept = ReplyTextFactory(shop=shop, language="fr", body="Bienvenue chez {shop_name} !")

    assert reset_reply_text(shop, agent=admin, key="hours.greeting", language="de") is True

    assert list(ReplyText.objects.values_list("pk", flat=True)) == [kept.pk]
    assert audit_log() == [(shop.pk, "reply_text.reset", "agent", admin.pk, "reply_text:hours.greeting:de",
                            {"key": "hours.greeting", "language": "de"})]


def test_resetting_a_default_does_nothing(shop, admin):
    assert reset_reply_text(shop, agent=admin, key="hours.greeting", language="de") is False
    assert audit_log() == []


@pytest.mark.parametrize(("key", "language", "reason"), [
    ("hours.welcome", "de", "unknown_key"), ("hours.greeting", "xx", "unsupported_language")])
def test_reset_of_an_unknown_key_or_language_is_refused(shop, admin, key, language, reason):
    with pytest.raises(OverrideRefused) as caught:
        reset_reply_text(shop, agent=admin, key=key, language=language)
    assert caught.value.reason == reason
    assert audit_log() == []


def test_another_shops_text_is_never_touched(shop, admin):
    theirs = ReplyTextFactory(body="Willkommen bei {shop_name}.")
    before = ReplyText.objects.values().get()

    set_reply_text(shop, agent=admin, key="hours.greeting", language="de", body=GREETING)
    assert reset_reply_text(shop, agent=admin, key="hours.greeting", language="de") is True
    assert reset_reply_text(shop, agent=admin, key="hours.greeting", language="de") is False

    assert list(ReplyText.objects.values()) == [before]
    assert {event.shop_id for event in AuditEvent.objects.all()} == {shop.pk} != {theirs.shop_id}
