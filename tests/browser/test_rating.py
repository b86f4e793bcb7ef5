"""When the agent resolves the conversation, the shopper's open widget asks for a rating at once (no
reload); the rating is stored once and not asked again."""
from playwright.sync_api import expect

from tests.browser.chat_pages import expect_stored, open_widget, send_in_widget
from tests.browser.harness import wait_until

QUESTION = "Did my parcel leave the warehouse?"
ANSWER = "It did, yesterday: the tracking link is in your order email."


def test_resolving_asks_the_shopper_for_a_rating_once(installed, delivered_order, agents_online, context,
                                                     second_context, agent_page, storefront_page):
    from support.models import Conversation
    from support.rules.hours_text import greeting_text

    shopper = storefront_page(context, customer_id=delivered_order.customer_id)
    widget = open_widget(shopper)
    send_in_widget(shopper, QUESTION)
    assert wait_until(lambda: Conversation.objects.filter(shop_id=installed.pk).exists())
    conversation = Conversation.objects.get(shop_id=installed.pk)
    expect_stored(conversation.pk, [("shopper", QUESTION), ("bot", greeting_text("en", installed.name))])

    agent = agent_page(second_context, screen=f"conversations/{conversation.pk}")
    agent.get_by_role("textbox", name="Reply").fill(ANSWER)
    agent.get_by_role("button", name="Send", exact=True).click()
    expect(widget.get_by_text(ANSWER)).to_be_visible()
    rating = widget.get_by_role("region", name="How would you rate this conversation?")
    expect(rating).to_have_count(0)

    agent.get_by_label("Status").select_option("resolved")
    expect(rating).to_be_visible()  # live: the status change reached the shopper's socket

    rating.get_by_role("radio", name="5 – Excellent").check()
    rating.get_by_role("textbox", name="Comment (optional)").fill("Quick and clear, thanks")
    rating.get_by_role("button", name="Send rating").click()
    expect(widget.get_by_text("Thank you for your feedback!")).to_be_visible()

    assert wait_until(lambda: Conversation.objects.get(pk=conversation.pk).rating == 5)
    conversation.refresh_from_db()
    assert (conversation.status, conversation.rating, conversation.rating_comment) == (
        "resolved", 5, "Quick and clear, thanks")

    # A fresh page load does not ask again (the resolved chat is over: opening the widget starts anew).
    shopper.reload()
    widget = open_widget(shopper)
    expect(widget.get_by_role("textbox", name="Message")).to_be_visible()
    expect(widget.get_by_role("region", name="How would you rate this conversation?")).to_have_count(0)
    conversation.refresh_from_db()
    assert (conversation.rating, conversation.rating_comment) == (5, "Quick and clear, thanks")
