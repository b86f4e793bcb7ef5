"""``/api/admin/conversations/<id>/messages/scheduled``: schedule (201, 200 for the same client id),
list, cancel (409 once it is no longer waiting); bad input 400 and the promise guardrail 409 with nothing
stored; another shop's conversation, or another conversation's reply, 404."""
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from shopapp.models import Shop
from support.models import FollowUp, TimelineEvent
from tests.factories import ConversationFactory, FollowUpFactory, ShopTokenFactory

pytestmark = pytest.mark.django_db

SHOP = "shop-a.myshopify.com"
OTHER = "shop-b.myshopify.com"


@pytest.fixture
def api(client, session_token):
    shop = ShopTokenFactory(shop__domain=SHOP).shop
    ShopTokenFactory(shop__domain=OTHER)
    token = session_token(SHOP, "1")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    class Api:
        def __init__(self):
            self.shop = shop
            self.agent_id = int(client.get("/api/admin/me", **auth).json()["agent"]["id"])

        def get(self, path):
            return client.get(path, **auth)

        def post(self, path, data):
            return client.post(path, data, content_type="application/json", **auth)

        def delete(self, path):
            return client.delete(path, **auth)

    return Api()


def url(conversation, row=None):
    base = f"/api/admin/conversations/{conversation.pk}/messages/scheduled"
    return f"{base}/{row}" if row else base


def scheduled_rows():
    return FollowUp.objects.filter(kind="send_later")


def test_schedule_list_and_cancel(api):
    conversation = ConversationFactory(shop=api.shop)
    send_at = (timezone.now() + timedelta(hours=2)).replace(microsecond=0)
    body = {"body": "Your parcel left today.", "client_id": "c1", "send_at": send_at.isoformat()}

    created = api.post(url(conversation), body)
    row = scheduled_rows().get()
    expected = {"id": str(row.pk), "status": "scheduled", "send_at": send_at.astimezone(timezone.get_default_timezone())
                .isoformat().replace("+00:00", "Z"), "body": "Your parcel left today.", "client_id": "c1",
                "agent_id": str(api.agent_id), "outcome": ""}
    assert (created.status_code, created.json()) == (201, expected)
    again = api.post(url(conversation), body)
    assert (again.status_code, again.json()) == (200, expected)
    assert api.get(url(conversation)).json() == [expected]

    cancelled = api.delete(url(conversation, row.pk))
    assert (cancelled.status_code, cancelled.json()["status"], cancelled.json()["outcome"]) == (
        200, "cancelled", "cancelled_by_agent")
    assert api.get(url(conversation)).json() == []
    twice = api.delete(url(conversation, row.pk))
    assert (twice.status_code, twice.json()["code"]) == (409, "not_scheduled")


def test_without_send_at_it_is_the_shoppers_next_morning(api):
    conversation = ConversationFactory(shop=api.shop)  # a shopper in Ontario
    response = api.post(url(conversation), {"body": "Hello"})
    assert response.status_code == 201
    row = scheduled_rows().get()
    local = row.due_at.astimezone(ZoneInfo("America/Toronto"))
    assert (local.hour, local.minute) == (9, 0)
    assert timezone.now() < row.due_at <= timezone.now() + timedelta(hours=24)


@pytest.mark.parametrize("body, code", [
    ({"body": "   "}, "empty_body"),
    ({"body": "Hello", "send_at": "2020-01-01T00:00:00Z"}, "send_at_not_in_future"),
    ({"body": "Hello", "send_at": "soon"}, "invalid_input"),
])
def test_bad_input_is_400_and_nothing_is_scheduled(api, body, code):
    conversation = ConversationFactory(shop=api.shop)
    response = api.post(url(conversation), body)
    assert (response.status_code, response.json()["code"]) == (400, code)
    assert not scheduled_rows().exists() and not TimelineEvent.objects.exists()


def test_a_closed_conversation_is_refused(api):
    conversation = ConversationFactory(shop=api.shop, status="closed")
    response = api.post(url(conversation), {"body": "Hello"})
    assert (response.status_code, response.json()["code"]) == (400, "conversation_closed")
    assert not scheduled_rows().exists()


def test_a_promise_is_held_until_confirmed(api):
    conversation = ConversationFactory(shop=api.shop)
    draft = {"body": "Guaranteed full refund tomorrow."}
    refused = api.post(url(conversation), draft)
    assert (refused.status_code, refused.json()["code"]) == (409, "promise_warning")
    assert not scheduled_rows().exists() and not TimelineEvent.objects.exists()

    confirmed = api.post(url(conversation), {**draft, "confirm_promises": True})
    assert confirmed.status_code == 201
    assert sorted(TimelineEvent.objects.values_list("kind", flat=True)) == ["message.scheduled",
                                                                           "reply.promise_warning"]


def test_another_shops_conversation_and_another_conversations_reply_are_404(api):
    theirs = ConversationFactory(shop=Shop.objects.get(domain=OTHER))
    mine, other_mine = ConversationFactory(shop=api.shop), ConversationFactory(shop=api.shop)
    api.post(url(mine), {"body": "Hello", "client_id": "c1"})
    row = scheduled_rows().get()
    theirs_row = FollowUpFactory(shop=theirs.shop, kind="send_later", key="later:x", conversation=theirs,
                                 due_at=timezone.now() + timedelta(hours=1), data={"body": "x", "client_id": ""})

    responses = [api.get(url(theirs)), api.post(url(theirs), {"body": "Hello"}), api.delete(url(theirs, theirs_row.pk)),
                 api.delete(url(other_mine, row.pk)), api.delete(url(mine, theirs_row.pk)),
                 api.delete(url(mine, 999999))]
    assert [r.status_code for r in responses] == [404] * 6
    assert sorted(scheduled_rows().values_list("status", flat=True)) == ["scheduled", "scheduled"]
    assert scheduled_rows().count() == 2
