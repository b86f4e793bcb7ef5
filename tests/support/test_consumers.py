"""Websockets through Channels' test communicator on the real Redis channel layer."""
import json

import pytest
from asgiref.sync import sync_to_async
from channels.testing.websocket import WebsocketCommunicator

from shopapp.asgi import application
from support.actions.messages import add_internal_note, receive_customer_message, send_agent_reply
from support.consumers import issue_socket_token
from tests.factories import AgentFactory, ConversationFactory, ShopTokenFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.anyio]
ORIGIN = [(b"origin", b"http://testserver")]


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def connect(path, headers=ORIGIN):
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, code = await communicator.connect()
    return communicator, connected, code


async def events(communicator, skip=("presence.updated",)):
    """Everything the socket received until it goes quiet (presence changes left out unless asked)."""
    received = []
    while not await communicator.receive_nothing(timeout=0.3):
        received.append(json.loads(await communicator.receive_from()))
    return [event for event in received if event.get("event") not in skip]


@pytest.fixture
def world(redis_client, session_token):
    shop = ShopTokenFactory(shop__domain="shop-a.myshopify.com").shop
    agent = AgentFactory(shop=shop, shopify_user_id="77")
    conversation = ConversationFactory(shop=shop)
    return {
        "agent": agent,
        "conversation": conversation,
        "agent_token": session_token(shop.domain, "77"),
        "socket_token": issue_socket_token(shop_id=shop.pk, conversation_id=conversation.pk,
                                           customer_id=conversation.customer_id),
    }


async def test_shopper_and_agent_see_each_others_messages_and_notes_stay_with_agents(world):
    agent_socket, ok_agent, _ = await connect(f"/ws/agent/?token={world['agent_token']}")
    shopper_socket, ok_shopper, _ = await connect(f"/ws/widget/?token={world['socket_token']}")
    assert ok_agent and ok_shopper
    conversation, agent = world["conversation"], world["agent"]

    await sync_to_async(receive_customer_message)(conversation, body="Where is my order?", client_id="s1")
    await sync_to_async(add_internal_note)(conversation, agent=agent, body="internal: check DHL", client_id="n1")
    await sync_to_async(send_agent_reply)(conversation, agent=agent, body="It left Leipzig today", client_id="a1")

    agent_seen = [(e["event"], e["payload"]["kind"], e["payload"]["body"]) for e in await events(agent_socket)]
    shopper_seen = [(e["event"], e["payload"]["kind"], e["payload"]["body"]) for e in await events(shopper_socket)]
    assert agent_seen == [("message.created", "shopper", "Where is my order?"),
                          ("message.created", "note", "internal: check DHL"),
                          ("message.created", "agent", "It left Leipzig today")]
    assert shopper_seen == [("message.created", "shopper", "Where is my order?"),
                            ("message.created", "agent", "It left Leipzig today")]
    await agent_socket.disconnect()
    await shopper_socket.disconnect()


@pytest.mark.parametrize(
    "path", ["/ws/agent/?token=forged", "/ws/agent/", "/ws/widget/?token=forged", "/ws/widget/"]
)
async def test_bad_tokens_are_refused(world, path):
    _, connected, code = await connect(path)
    assert (connected, code) == (False, 4401)


async def test_agent_socket_from_a_foreign_origin_is_refused(world):
    evil = [(b"origin", b"https://evil.example")]
    _, connected, _ = await connect(f"/ws/agent/?token={world['agent_token']}", headers=evil)
    assert connected is False


async def test_widget_socket_from_the_storefront_domain_is_admitted_by_its_token(world):
    storefront = [(b"origin", b"https://www.merchant-shop.example")]
    socket, connected, _ = await connect(f"/ws/widget/?token={world['socket_token']}", headers=storefront)
    assert connected is True
    await socket.disconnect()


async def test_agent_of_another_shop_hears_nothing(world, session_token):
    other = await sync_to_async(ShopTokenFactory)(shop__domain="shop-b.myshopify.com")
    await sync_to_async(AgentFactory)(shop=other.shop, shopify_user_id="88")
    socket, connected, _ = await connect(f"/ws/agent/?token={session_token('shop-b.myshopify.com', '88')}")
    assert connected
    await sync_to_async(receive_customer_message)(world["conversation"], body="hello", client_id="s1")
    assert await events(socket) == []
    await socket.disconnect()


# --- typing, presence, heartbeats ----------------------------------------------------------------

async def test_typing_reaches_the_other_side_and_never_the_wrong_one(world):
    agent_socket, _, _ = await connect(f"/ws/agent/?token={world['agent_token']}")
    shopper_socket, _, _ = await connect(f"/ws/widget/?token={world['socket_token']}")
    conversation = world["conversation"]
    other_shop = (await sync_to_async(ShopTokenFactory)()).shop
    theirs = await sync_to_async(ConversationFactory)(shop=other_shop)

    await shopper_socket.send_to(text_data=json.dumps({"type": "typing", "state": "start"}))
    await shopper_socket.send_to(text_data=json.dumps({"type": "typing", "state": "start"}))  # within the interval
    assert [(e["event"], e["payload"]) for e in await events(agent_socket)] == [
        ("typing", {"conversation_id": str(conversation.pk), "side": "shopper", "state": "start"})]
    assert await events(shopper_socket) == []  # their own typing does not come back

    await agent_socket.send_to(text_data=json.dumps(
        {"type": "typing", "state": "start", "conversation_id": str(conversation.pk)}))
    expected = {"conversation_id": str(conversation.pk), "side": "agent", "agent_id": str(world["agent"].pk),
                "state": "start"}
    assert [(e["event"], e["payload"]) for e in await events(shopper_socket)] == [("typing", expected)]
    assert [(e["event"], e["payload"]) for e in await events(agent_socket)] == [("typing", expected)]

    # An internal note being written, another shop's conversation, junk: the shopper hears nothing.
    await agent_socket.send_to(text_data=json.dumps(
        {"type": "typing", "state": "stop", "conversation_id": str(conversation.pk)}))
    await events(agent_socket)
    await events(shopper_socket)
    for frame in ({"type": "typing", "state": "start", "conversation_id": str(conversation.pk), "note": True},
                  {"type": "typing", "state": "start", "conversation_id": str(theirs.pk)},
                  {"type": "typing", "state": "start", "conversation_id": "12abc"}):
        await agent_socket.send_to(text_data=json.dumps(frame))
    await agent_socket.send_to(text_data="not json")
    await agent_socket.send_to(text_data=json.dumps({"type": "typing", "state": "x" * 5000}))
    assert await events(shopper_socket) == []
    note_typing = await events(agent_socket)
    assert [(e["payload"]["side"], e["payload"]["conversation_id"]) for e in note_typing] == [
        ("note", str(conversation.pk))]
    await agent_socket.disconnect()
    await shopper_socket.disconnect()


async def test_presence_follows_sockets_and_heartbeats(world):
    from support import presence

    shop_id, agent_id = world["agent"].shop_id, world["agent"].pk
    first, _, _ = await connect(f"/ws/agent/?token={world['agent_token']}")
    second, _, _ = await connect(f"/ws/agent/?token={world['agent_token']}")
    shopper, _, _ = await connect(f"/ws/widget/?token={world['socket_token']}")
    assert await sync_to_async(presence.agents_online)(shop_id) == {agent_id: "online"}
    assert await sync_to_async(presence.shopper_online)(world["conversation"].pk) is True
    assert [e["payload"] for e in await events(first, skip=())] == [
        {"agent_id": str(agent_id), "status": "online"}] * 2  # its own arrival, then the second tab's

    await second.send_to(text_data=json.dumps({"type": "presence", "status": "away"}))
    assert [(e["event"], e["payload"]) for e in await events(first, skip=())] == [
        ("presence.updated", {"agent_id": str(agent_id), "status": "away"})]
    await shopper.send_to(text_data=json.dumps({"type": "ping"}))
    assert json.loads(await shopper.receive_from()) == {"event": "pong"}

    await second.disconnect()
    assert await sync_to_async(presence.agents_online)(shop_id) == {agent_id: "away"}  # one tab still open
    await first.disconnect()
    assert await sync_to_async(presence.agents_online)(shop_id) == {}
    await shopper.disconnect()
    assert await sync_to_async(presence.shopper_online)(world["conversation"].pk) is False
