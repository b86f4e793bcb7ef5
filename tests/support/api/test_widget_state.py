"""Read receipts, the rating and socket-token refresh from the storefront widget."""
import pytest

from support.actions.messages import send_agent_reply
from support.consumers import read_socket_token
from support.models import Conversation, TimelineEvent
from tests.factories import AgentFactory, ConversationFactory
from tests.support.api.test_widget import widget  # noqa: F401 - the signed app-proxy client fixture

pytestmark = pytest.mark.django_db


def started(widget):  # noqa: F811
    response = widget.start(name="Lea", email="lea@example.com")
    return Conversation.objects.get(pk=response.json()["conversation"]["id"])


def test_shopper_marks_read_rates_once_and_refreshes_the_socket_token(widget):  # noqa: F811
    conversation = started(widget)
    reply, _ = send_agent_reply(conversation, agent=AgentFactory(shop=widget.shop), body="Hello!", client_id="a1")
    base = f"conversations/{conversation.pk}"

    read = widget.call("post", f"{base}/read", {"up_to": str(reply.pk)})
    assert (read.status_code, read.json()) == (200, {"read_id": str(reply.pk)})
    rated = widget.call("post", f"{base}/rating", {"rating": 5, "comment": "Great"})
    assert rated.status_code == 201 and rated.json()["rating"] == 5
    again = widget.call("post", f"{base}/rating", {"rating": 1})
    assert (again.status_code, again.json()["code"]) == (400, "already_rated")
    fresh = widget.call("post", f"{base}/socket-token").json()
    assert fresh["socket_url"] == "ws://testserver/ws/widget/"
    token = fresh["socket_token"]
    assert read_socket_token(token) == {"s": widget.shop.pk, "c": conversation.pk, "u": conversation.customer_id}

    conversation.refresh_from_db()
    assert (conversation.shopper_read_id, conversation.rating, conversation.rating_comment) == (reply.pk, 5, "Great")


@pytest.mark.parametrize("body, field", [({"rating": 9}, "rating"), ({"rating": "five"}, "rating"), ({}, "rating")])
def test_bad_rating_is_400_and_stores_nothing(widget, body, field):  # noqa: F811
    conversation = started(widget)
    response = widget.call("post", f"conversations/{conversation.pk}/rating", body)
    assert response.status_code == 400 and field in response.json()["fields"]
    conversation.refresh_from_db()
    assert conversation.rating is None and not TimelineEvent.objects.filter(kind="conversation.rated").exists()


def test_another_shoppers_conversation_is_404_for_read_rating_and_token(widget):  # noqa: F811
    started(widget)
    theirs = ConversationFactory(shop=widget.shop)
    base = f"conversations/{theirs.pk}"
    responses = [widget.call("post", f"{base}/read", {"up_to": "1"}),
                 widget.call("post", f"{base}/rating", {"rating": 5}),
                 widget.call("post", f"{base}/socket-token")]
    assert [r.status_code for r in responses] == [404, 404, 404]
    theirs.refresh_from_db()
    assert (theirs.shopper_read_id, theirs.rating) == (0, None)


def test_the_widget_knows_whether_an_agent_is_online(widget):  # noqa: F811
    from support import presence

    assert widget.start().json()["agents_online"] is False
    presence.mark_agent(widget.shop.pk, AgentFactory(shop=widget.shop).pk, "socket-1")
    assert widget.start().json()["agents_online"] is True
