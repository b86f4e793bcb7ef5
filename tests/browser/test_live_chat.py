"""A logged-in shopper on the storefront and the owner in the admin talk live, each in their own
browser: every message shows on the other side without a reload, each side sees the other typing,
and the agent's internal note stays in the admin (neither shown live nor on a fresh page load)."""
from playwright.sync_api import expect

from tests.browser.chat_pages import (
    client_ids,
    expect_stored,
    expect_thread,
    expect_widget_bodies,
    mark_page,
    open_widget,
    send_in_widget,
    was_reloaded,
)
from tests.browser.harness import save_screenshot, wait_until

FIRST = "Hello there, I have a question for you."
REPLY = "Hi! I'm here, what would you like to know?"
SECOND = "Can you help me pick a colour for the blue mug?"
NOTE = "Customer is a repeat buyer: offer the gift wrap."
LAST_REPLY = "The navy one is our favourite, and we can gift wrap it for you."


def test_shopper_and_agent_exchange_messages_live(installed, delivered_order, agents_online, context, second_context,
                                                   agent_page, storefront_page):
    from support.models import Conversation
    from support.rules.hours_text import greeting_text

    name = delivered_order.customer_name
    greeting = greeting_text("en", installed.name)  # the shop has no hours set: always open, greeting only

    agent = agent_page(second_context, screen="inbox")
    expect(agent.get_by_text("No conversations")).to_be_visible()
    mark_page(agent)

    shopper = storefront_page(context, customer_id=delivered_order.customer_id)
    mark_page(shopper)
    widget = open_widget(shopper)
    expect(widget.get_by_text("Send us a message and we'll get back to you.")).to_be_visible()
    send_in_widget(shopper, FIRST)

    assert wait_until(lambda: Conversation.objects.filter(shop_id=installed.pk).exists())
    conversation = Conversation.objects.select_related("customer").get(shop_id=installed.pk)
    assert conversation.customer.shopify_id == int(delivered_order.customer_id)
    expect_stored(conversation.pk, [("shopper", FIRST), ("bot", greeting)])
    expect_widget_bodies(shopper, [("shopper", FIRST), ("bot", greeting)])

    # The inbox lists the new conversation by itself; the agent opens it.
    row_link = agent.get_by_role("link", name=name, exact=True)
    expect(row_link).to_be_visible()
    expect(agent.get_by_role("row").filter(has=row_link)).to_contain_text(greeting)
    row_link.click()
    agent.wait_for_url(f"**/app/conversations/{conversation.pk}")
    expect_thread(agent, [(f"Message from {name}", FIRST), ("Automatic reply", greeting)])

    # The agent writes: the shopper sees them typing, then the reply.
    typing_in_widget = widget.locator("p.sc-typing")
    agent.get_by_role("textbox", name="Reply").fill(REPLY)
    expect(typing_in_widget).to_have_text("Support is typing…")
    agent.get_by_role("button", name="Send", exact=True).click()
    expect_widget_bodies(shopper, [("shopper", FIRST), ("bot", greeting), ("shop", REPLY)])
    expect(typing_in_widget).to_have_text("")
    expect_thread(agent, [(f"Message from {name}", FIRST), ("Automatic reply", greeting), ("Reply from You", REPLY)])

    # The shopper writes: the agent sees them typing, then the message.
    typing_in_admin = agent.get_by_role("status", name="Typing")
    widget.get_by_role("textbox", name="Message").fill(SECOND)
    expect(typing_in_admin).to_have_text(f"{name} is typing…")
    widget.get_by_role("button", name="Send", exact=True).click()
    expect_thread(agent, [(f"Message from {name}", FIRST), ("Automatic reply", greeting), ("Reply from You", REPLY),
                          (f"Message from {name}", SECOND)])
    expect(typing_in_admin).to_have_text("")

    # An internal note, then a reply: the reply reaches the widget, the note never does.
    agent.get_by_role("button", name="Internal note", exact=True).click()
    agent.get_by_role("textbox", name="Internal note").fill(NOTE)
    agent.get_by_role("button", name="Add note", exact=True).click()
    expect_thread(agent, [(f"Message from {name}", FIRST), ("Automatic reply", greeting), ("Reply from You", REPLY),
                          (f"Message from {name}", SECOND), ("Internal note by You", NOTE)])
    agent.get_by_role("button", name="Reply", exact=True).click()
    agent.get_by_role("textbox", name="Reply").fill(LAST_REPLY)
    agent.get_by_role("button", name="Send", exact=True).click()

    shopper_sees = [("shopper", FIRST), ("bot", greeting), ("shop", REPLY), ("shopper", SECOND), ("shop", LAST_REPLY)]
    expect_widget_bodies(shopper, shopper_sees)
    expect_thread(agent, [(f"Message from {name}", FIRST), ("Automatic reply", greeting), ("Reply from You", REPLY),
                          (f"Message from {name}", SECOND), ("Internal note by You", NOTE),
                          ("Reply from You", LAST_REPLY)])
    expect_stored(conversation.pk, [("shopper", FIRST), ("bot", greeting), ("agent", REPLY), ("shopper", SECOND),
                                    ("note", NOTE), ("agent", LAST_REPLY)])
    ids = client_ids(conversation.pk)
    assert all(ids) and len(set(ids)) == len(ids), ids
    assert not was_reloaded(agent) and not was_reloaded(shopper)

    expect(agent.get_by_role("region", name="Customer")).to_contain_text(delivered_order.email)
    expect(agent.get_by_role("region", name="Recent orders")).to_contain_text(delivered_order.order_name)
    save_screenshot(shopper, "widget-chat")
    save_screenshot(agent, "admin-conversation")

    # A fresh page load resumes the chat from the server: the note is not in it either.
    shopper.reload()
    open_widget(shopper)
    expect_widget_bodies(shopper, shopper_sees)
