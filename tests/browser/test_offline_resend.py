"""The shopper's connection drops mid-chat: what they write meanwhile waits in the widget and is sent
exactly once, in order, when the connection is back; the reply an agent wrote meanwhile shows up
after the reconnect (the widget asks for what it missed); and a reload of the storefront sends
nothing twice.

Chromium's offline mode only holds an open websocket's frames (they all arrive once back online),
so the test drops the widget's socket itself, as a real network loss does: its websocket runs
through ``route_web_socket`` to the real server and is closed on going offline; attempts to reopen
it fail until the network is back."""
import re

from playwright.sync_api import expect

from tests.browser.chat_pages import (
    WAITING,
    client_ids,
    expect_stored,
    expect_thread,
    expect_widget_bodies,
    mark_page,
    open_widget,
    send_in_widget,
    stored_messages,
    was_reloaded,
    widget_messages,
)
from tests.browser.harness import wait_until

FIRST = "Hello there, I have a question for you."
REPLY = "Hi! I'm here, what would you like to know?"
OFFLINE_ONE = "First message while offline"
OFFLINE_TWO = "Second message while offline"
REPLY_MEANWHILE = "Take your time, I'll be here when you're back."


def outbox(page):
    return page.evaluate("JSON.parse(localStorage.getItem('support-chat:outbox') ?? '[]')")


class Network:
    """The widget's websockets, passed through to the server while the network is up; going down
    drops the open ones (1006, as a lost connection reads in a browser) and refuses new ones."""

    def __init__(self, context):
        self.context = context
        self.up = True
        self.sockets = []
        context.route_web_socket(re.compile(r"/ws/widget/"), self._route)

    def _route(self, socket):
        if not self.up:
            socket.close(code=1006, reason="")
            return
        self.sockets.append((socket, socket.connect_to_server()))

    def down(self):
        self.up = False
        self.context.set_offline(True)
        for socket, server in self.sockets:
            socket.close(code=1006, reason="")
            server.close()
        self.sockets.clear()

    def back(self):
        self.up = True
        self.context.set_offline(False)


def test_messages_written_offline_arrive_once_in_order_and_the_missed_reply_follows(
        installed, delivered_order, agents_online, context, second_context, agent_page, storefront_page,
        console_errors):
    from support.models import Conversation
    from support.rules.hours_text import greeting_text

    # What a browser logs while its network is cut: failed requests and a failed socket.
    console_errors.allow(r"ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|WebSocket connection to .* failed")
    name = delivered_order.customer_name
    greeting = greeting_text("en", installed.name)

    network = Network(context)
    shopper = storefront_page(context, customer_id=delivered_order.customer_id)
    widget = open_widget(shopper)
    send_in_widget(shopper, FIRST)
    assert wait_until(lambda: Conversation.objects.filter(shop_id=installed.pk).exists())
    conversation_id = Conversation.objects.get(shop_id=installed.pk).pk
    expect_stored(conversation_id, [("shopper", FIRST), ("bot", greeting)])

    agent = agent_page(second_context, screen=f"conversations/{conversation_id}")
    expect_thread(agent, [(f"Message from {name}", FIRST), ("Automatic reply", greeting)])
    mark_page(agent)
    agent.get_by_role("textbox", name="Reply").fill(REPLY)
    agent.get_by_role("button", name="Send", exact=True).click()
    expect_widget_bodies(shopper, [("shopper", FIRST), ("bot", greeting), ("shop", REPLY)])

    # Offline: both messages wait in the widget (and in its stored outbox); nothing reaches the server.
    network.down()
    expect(widget.get_by_text("You're offline. Your messages will be sent when you're back online.")).to_be_visible()
    send_in_widget(shopper, OFFLINE_ONE)
    send_in_widget(shopper, OFFLINE_TWO)
    assert widget_messages(shopper)[3:] == [("shopper", OFFLINE_ONE, WAITING), ("shopper", OFFLINE_TWO, WAITING)]
    assert [item["body"] for item in outbox(shopper)] == [OFFLINE_ONE, OFFLINE_TWO]

    # Meanwhile the agent answers; it cannot reach the shopper yet.
    agent.get_by_role("textbox", name="Reply").fill(REPLY_MEANWHILE)
    agent.get_by_role("button", name="Send", exact=True).click()
    expect_stored(conversation_id, [("shopper", FIRST), ("bot", greeting), ("agent", REPLY),
                                    ("agent", REPLY_MEANWHILE)])
    assert widget_messages(shopper)[3:] == [("shopper", OFFLINE_ONE, WAITING), ("shopper", OFFLINE_TWO, WAITING)]

    # Back online: the two messages are sent once, in order, and the missed reply is fetched.
    with shopper.expect_request(lambda request: request.method == "GET" and re.search(
            rf"/conversations/{conversation_id}/messages\?after=\d+$", request.url)):
        network.back()
    final = [("shopper", FIRST), ("bot", greeting), ("agent", REPLY), ("agent", REPLY_MEANWHILE),
             ("shopper", OFFLINE_ONE), ("shopper", OFFLINE_TWO)]
    expect_stored(conversation_id, final)
    expect_widget_bodies(shopper, [("shopper", FIRST), ("bot", greeting), ("shop", REPLY), ("shop", REPLY_MEANWHILE),
                                   ("shopper", OFFLINE_ONE), ("shopper", OFFLINE_TWO)])
    assert wait_until(lambda: outbox(shopper) == [])
    assert WAITING not in [meta for _side, _body, meta in widget_messages(shopper)]
    expect(widget.get_by_text("You're offline. Your messages will be sent when you're back online.")).to_have_count(0)
    expect_thread(agent, [(f"Message from {name}", FIRST), ("Automatic reply", greeting), ("Reply from You", REPLY),
                          ("Reply from You", REPLY_MEANWHILE), (f"Message from {name}", OFFLINE_ONE),
                          (f"Message from {name}", OFFLINE_TWO)])
    assert not was_reloaded(agent)

    # A reload resumes the same chat: nothing is sent again.
    shopper.reload()
    open_widget(shopper)
    expect_widget_bodies(shopper, [("shopper", FIRST), ("bot", greeting), ("shop", REPLY), ("shop", REPLY_MEANWHILE),
                                   ("shopper", OFFLINE_ONE), ("shopper", OFFLINE_TWO)])
    assert outbox(shopper) == []
    assert stored_messages(conversation_id) == final
    ids = client_ids(conversation_id)
    assert all(ids) and len(set(ids)) == len(ids) == 6, ids  # every message, the bot's too, has its own
