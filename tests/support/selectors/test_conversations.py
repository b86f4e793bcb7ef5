"""The inbox search: every match however old, in page order across pages, within the filters and the shop,
at a constant number of queries."""
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from support.models import ConversationStatus, Message, MessageKind
from support.selectors.conversations import InboxFilters, inbox
from tests.factories import (
    AgentFactory,
    ConversationFactory,
    CustomerFactory,
    MessageFactory,
    OrderFactory,
    ShopFactory,
)


@pytest.fixture
def agent():
    return AgentFactory(shop=ShopFactory())


def newest_first(shop, count, **kwargs):
    now = timezone.now()
    return [ConversationFactory(shop=shop, last_activity_at=now - timedelta(minutes=i), **kwargs) for i in range(count)]


def search(agent, q, *, limit=25, **filters):
    """Every page of the search, following the cursor: the ids, and the queries of each page."""
    ids, counts, cursor = [], [], None
    while True:
        with CaptureQueriesContext(connection) as captured:
            rows, cursor = inbox(agent, InboxFilters(q=q, **filters), cursor=cursor, limit=limit)
            [list(row.tags.all()) for row in rows]
        ids += [row.pk for row in rows]
        counts.append(len(captured.captured_queries))
        if not cursor:
            return ids, counts


@pytest.mark.django_db
def test_a_word_finds_a_conversation_whose_only_mention_is_older_than_hundreds_of_others(agent):
    recent, busy = newest_first(agent.shop, 2)
    MessageFactory(conversation=recent, body="About the REFUND I asked for last year")
    Message.objects.bulk_create([
        Message(shop=agent.shop, conversation=busy, kind=MessageKind.SHOPPER, body=f"refund {i}?") for i in range(250)
    ])

    assert search(agent, "refund")[0] == [recent.pk, busy.pk]


@pytest.mark.django_db
def test_search_pages_follow_the_cursor_in_page_order_at_a_constant_number_of_queries(agent):
    made = newest_first(agent.shop, 12)
    by_message, by_name, by_order = made[0:12:3], made[1:12:3], made[2:12:3]
    for conversation in by_message:
        MessageFactory(conversation=conversation, body="My Lyon parcel")
        MessageFactory(conversation=conversation, body="Still nothing in Lyon")
    for conversation in by_name:
        conversation.customer.last_name = "Lyonnet"
        conversation.customer.save()
    for conversation in by_order:
        OrderFactory(shop=agent.shop, customer=conversation.customer, name="LYON")
        conversation.tags.create(shop=agent.shop, name="vip")

    ids, counts = search(agent, "lyon", limit=3)

    assert ids == [c.pk for c in made]
    assert len(set(counts)) == 1


@pytest.mark.django_db
def test_an_order_number_or_an_email_finds_every_conversation_of_its_customer(agent):
    customer = CustomerFactory(shop=agent.shop, email="Ines@Example.com")
    first, _, second = newest_first(agent.shop, 3)
    for conversation in (first, second):
        conversation.customer = customer
        conversation.save()
    OrderFactory(shop=agent.shop, customer=customer, name="#4321")
    MessageFactory(conversation=newest_first(agent.shop, 1)[0], body="is it #43210 or #4321?")

    assert search(agent, "ines@example.com")[0] == [first.pk, second.pk]
    assert search(agent, "#4321")[0][1:] == [first.pk, second.pk]


@pytest.mark.django_db
def test_search_keeps_to_the_filters_and_the_shop(agent):
    other = AgentFactory(shop=ShopFactory())
    open_, resolved = newest_first(agent.shop, 2)
    resolved.status = ConversationStatus.RESOLVED
    resolved.save()
    elsewhere = newest_first(other.shop, 1)[0]
    elsewhere.customer.first_name = "Refundia"
    elsewhere.customer.save()
    OrderFactory(shop=other.shop, customer=elsewhere.customer, name="refund")
    for conversation in (open_, resolved, elsewhere):
        MessageFactory(conversation=conversation, body="refund")

    assert search(agent, "refund", status="open")[0] == [open_.pk]
    assert search(agent, "refund")[0] == [open_.pk, resolved.pk]
    assert search(agent, "refundia")[0] == []
