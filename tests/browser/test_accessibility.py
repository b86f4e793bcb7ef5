"""axe-core finds no serious or critical accessibility violation on any admin screen (English and
Chinese), nor in the widget's views (pre-chat form, chat, "where is my order?")."""
import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import serious_violations
from tests.browser.chat_pages import expect_stored, open_widget, send_in_widget
from tests.browser.harness import wait_until

SCREENS = [
    ("inbox", "Inbox"),
    ("approvals", "Approvals"),
    ("templates", "Templates"),
    ("auto-responses", "Auto-responses and FAQ"),
    ("hours", "Business hours and SLA"),
    ("credit-policy", "Store credit policy"),
    ("reports", "Reports"),
    ("settings", "Settings"),
]


def test_every_admin_screen_passes_axe(installed, context, agent_page):
    page = agent_page(context, screen="inbox")
    for screen, heading in SCREENS:
        page.get_by_role("navigation").get_by_role("link", name=heading, exact=True).click()
        page.wait_for_url(f"**/app/{screen}")
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        expect(page.get_by_role("status", name="Loading")).to_have_count(0)
        assert serious_violations(page) == [], screen

    chinese = agent_page(context, screen="settings", locale="zh-CN")
    expect(chinese.get_by_role("heading", name="设置", level=1)).to_be_visible()
    assert serious_violations(chinese) == []


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "customer"])
def test_the_widget_views_pass_axe(installed, delivered_order, context, second_context, storefront_page, agent_page,
                                   logged_in):
    from support.models import Conversation
    from support.rules.hours_text import greeting_text

    shopper = storefront_page(context, customer_id=delivered_order.customer_id if logged_in else None)
    assert serious_violations(shopper, "#support-chat-root") == []  # the launcher alone
    widget = open_widget(shopper)
    if not logged_in:
        expect(widget.get_by_role("button", name="Start chat")).to_be_visible()
        assert serious_violations(shopper, "#support-chat-root") == []  # the pre-chat form
        widget.get_by_role("button", name="Skip").click()
    send_in_widget(shopper, "Hello, is anyone there?")
    assert wait_until(lambda: Conversation.objects.filter(shop_id=installed.pk).exists())
    conversation = Conversation.objects.get(shop_id=installed.pk)
    expect_stored(conversation.pk, [("shopper", "Hello, is anyone there?"),
                                    ("bot", greeting_text("en", installed.name))])
    assert serious_violations(shopper, "#support-chat-root") == []  # the chat with messages

    widget.get_by_role("button", name="Where is my order?").click()
    widget.get_by_role("textbox", name="Order number").fill(delivered_order.order_name)
    widget.get_by_role("textbox", name="Email or postcode").fill(delivered_order.email)
    widget.get_by_role("button", name="Find my order").click()
    expect(widget.get_by_text(delivered_order.tracking_number)).to_be_visible()
    assert serious_violations(shopper, "#support-chat-root") == []  # the order answer

    agent = agent_page(second_context, screen=f"conversations/{conversation.pk}")
    expect(agent.get_by_role("log", name="Messages")).to_contain_text("Hello, is anyone there?")
    assert serious_violations(agent) == []  # the conversation screen with its panels
