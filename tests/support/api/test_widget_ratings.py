"""``GET /api/widget/ratings/one-click?t=...``: a check-in's rating link rates its conversation once (the
first click wins, later clicks answer with it); a tampered, foreign or expired token is a 400 and records
nothing; a conversation gone or redacted is a 404."""
import time

import pytest
from django.core import signing
from django.utils import timezone

from support.actions.one_click_ratings import SALT, rating_links, rating_token
from support.models import TimelineEvent
from tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db

PATH = "/api/widget/ratings/one-click"


@pytest.fixture(autouse=True)
def _limits(redis_client):
    """The per-IP limit counts in Redis: start empty."""


@pytest.fixture
def conversation():
    return ConversationFactory(status="resolved")


def click(client, token):
    return client.get(PATH, {"t": token})


def rated(conversation):
    conversation.refresh_from_db()
    events = list(TimelineEvent.objects.filter(conversation=conversation, kind="conversation.rated")
                  .values_list("actor", "data"))
    return conversation.rating, events


def test_the_links_are_the_five_stars_of_the_conversation(conversation):
    links = rating_links(conversation.pk)
    assert [link.split("?t=")[0] for link in links] == [f"http://testserver{PATH}"] * 5
    assert [signing.loads(link.split("?t=")[1], salt=SALT) for link in links] == [
        {"c": conversation.pk, "s": stars} for stars in range(1, 6)]


def test_a_click_rates_the_conversation_like_the_widget(client, conversation):
    response = click(client, rating_token(conversation.pk, 4))
    assert (response.status_code, response.json()) == (
        200, {"conversation_id": str(conversation.pk), "rating": 4, "recorded": True})
    assert rated(conversation) == (4, [("shopper", {"rating": 4})])


def test_a_second_click_keeps_the_first_rating(client, conversation):
    click(client, rating_token(conversation.pk, 4))
    for stars in (1, 4):
        response = click(client, rating_token(conversation.pk, stars))
        assert (response.status_code, response.json()) == (
            200, {"conversation_id": str(conversation.pk), "rating": 4, "recorded": False})
    assert rated(conversation) == (4, [("shopper", {"rating": 4})])


def tampered(token: str) -> str:
    value, signature = token.rsplit(":", 1)
    return f"{value}:{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}"


class _LongAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 31 * 86400)


@pytest.mark.parametrize("make, code", [
    (lambda c: tampered(rating_token(c.pk, 5)), "invalid_token"),
    (lambda c: signing.dumps({"c": c.pk, "s": 5}, salt="another-salt"), "invalid_token"),
    (lambda c: signing.dumps({"c": c.pk, "s": 9}, salt=SALT), "invalid_token"),
    (lambda c: signing.dumps({"c": str(c.pk), "s": 5}, salt=SALT), "invalid_token"),
    (lambda c: "", "invalid_token"),
    (lambda c: _LongAgo(salt=SALT).sign_object({"c": c.pk, "s": 5}), "token_expired"),
])
def test_a_bad_or_expired_token_is_400_and_records_nothing(client, conversation, make, code):
    response = click(client, make(conversation))
    assert (response.status_code, response.json()["code"]) == (400, code)
    assert rated(conversation) == (None, [])


def test_a_link_still_good_at_29_days(client, conversation):
    class _Recent(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 29 * 86400)

    response = click(client, _Recent(salt=SALT).sign_object({"c": conversation.pk, "s": 3}))
    assert (response.status_code, response.json()["rating"]) == (200, 3)


def test_a_conversation_gone_redacted_or_of_an_uninstalled_shop_is_404(client, conversation):
    token = rating_token(conversation.pk, 5)
    conversation.customer.redacted_at = timezone.now()
    conversation.customer.save(update_fields=["redacted_at"])
    assert click(client, token).status_code == 404

    uninstalled = ConversationFactory(shop__is_active=False)
    assert click(client, rating_token(uninstalled.pk, 5)).status_code == 404
    pk = uninstalled.pk
    uninstalled.delete()
    assert click(client, rating_token(pk, 5)).status_code == 404
    assert rated(conversation) == (None, [])
