"""Retention: exactly the conversations idle past the shop's period go, with their messages."""
from datetime import UTC, datetime, timedelta

import pytest

from support.actions import retention
from support.actions.retention import purge_expired_conversations
from support.models import Conversation, Customer, Message
from tests.factories import ConversationFactory, MessageFactory, ShopFactory, SupportSettingsFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 8, 31, 12, 0, tzinfo=UTC)


def chat(shop, last_activity_at, messages=2):
    conversation = ConversationFactory(shop=shop, last_activity_at=last_activity_at)
    MessageFactory.create_batch(messages, conversation=conversation)
    return conversation


def test_deletes_exactly_the_conversations_idle_longer_than_the_setting():
    shop = ShopFactory()
    SupportSettingsFactory(shop=shop, retention_months=6)
    cutoff = datetime(2026, 2, 28, 12, 0, tzinfo=UTC)  # calendar months: 31 August minus 6
    old = [chat(shop, cutoff - timedelta(seconds=1)), chat(shop, datetime(2025, 1, 1, tzinfo=UTC))]
    kept = [chat(shop, cutoff), chat(shop, NOW - timedelta(days=1))]

    assert purge_expired_conversations(shop, NOW) == 2

    assert sorted(Conversation.objects.values_list("pk", flat=True)) == sorted(c.pk for c in kept)
    assert Message.objects.filter(conversation_id__in=[c.pk for c in old]).count() == 0
    assert Message.objects.count() == 4
    assert Customer.objects.filter(pk__in=[c.customer_id for c in old]).count() == 2  # shoppers stay


def test_without_settings_the_period_is_18_months():
    shop = ShopFactory()
    expired = chat(shop, datetime(2025, 2, 28, 11, 59, tzinfo=UTC))
    kept = chat(shop, datetime(2025, 2, 28, 12, 0, tzinfo=UTC))

    assert purge_expired_conversations(shop, NOW) == 1

    assert list(Conversation.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not Message.objects.filter(conversation_id=expired.pk).exists()


def test_other_shops_are_untouched():
    shop, other = ShopFactory(), ShopFactory()
    SupportSettingsFactory(shop=shop, retention_months=1)
    chat(shop, datetime(2024, 1, 1, tzinfo=UTC))
    foreign = chat(other, datetime(2024, 1, 1, tzinfo=UTC))

    assert purge_expired_conversations(shop, NOW) == 1

    assert list(Conversation.objects.values_list("pk", flat=True)) == [foreign.pk]
    assert Message.objects.filter(conversation=foreign).count() == 2


def test_zero_months_keeps_everything():
    shop = ShopFactory()
    SupportSettingsFactory(shop=shop, retention_months=0)
    chat(shop, datetime(2020, 1, 1, tzinfo=UTC))
    assert purge_expired_conversations(shop, NOW) == 0
    assert (Conversation.objects.count(), Message.objects.count()) == (1, 2)


def test_purges_in_batches_and_again_is_a_no_op(monkeypatch):
    monkeypatch.setattr(retention, "BATCH_SIZE", 2)
    shop = ShopFactory()
    for day in range(5):
        chat(shop, datetime(2020, 1, 1 + day, tzinfo=UTC), messages=1)
    fresh = chat(shop, NOW)

    assert purge_expired_conversations(shop, NOW) == 5
    assert purge_expired_conversations(shop, NOW) == 0
    assert list(Conversation.objects.values_list("pk", flat=True)) == [fresh.pk]
