"""Store credit in a real browser: a shopper with an order writes in the widget; an agent opens the
conversation, sees what the policy allows on the order and issues a credit under the auto-approve
line; the Celery worker issues it through the dev store (exactly one credit there) and the shopper
sees the notice in the widget, without reloading."""
from decimal import ROUND_DOWN, Decimal

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.chat_pages import (
    expect_thread,
    expect_widget_bodies,
    mark_page,
    open_widget,
    send_in_widget,
    stored_messages,
    was_reloaded,
)
from tests.browser.harness import save_screenshot

AMOUNT = Decimal("7.50")  # under the default policy's auto-approve line (below 10.00: up to 9.99)
SHARE = Decimal("0.15")  # the default policy's share of an order's total
NOTE = "Parcel came four days late; sorry for the wait."
NOTICE = "We've added $7.50 in store credit to your account."  # the default policy's credit never expires
PAINTED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
GREETING = "Hi there, welcome to Demo Store! How can we help you today?"  # the bot's answer to a first message


@pytest.fixture
def shopper(installed):
    """A seeded, English-speaking customer whose newest order that is not cancelled (what the credit
    action offers first) was paid in US dollars and is big enough for the credit: ``(customer, order)``."""
    from support.models import Customer, Order

    for customer in Customer.objects.filter(shop_id=installed.pk, locale__startswith="en").order_by("shopify_id"):
        order = (Order.objects.filter(shop_id=installed.pk, customer=customer, cancelled_at__isnull=True)
                 .order_by("-shopify_created_at", "-pk").first())
        if order and shopper_money(order) == ("USD", order.total_price) and order.total_price * SHARE >= AMOUNT:
            return customer, order
    pytest.fail("the demo seed has no English customer whose newest order is 50.00 US dollars or more")


def shopper_money(order):
    """(currency, total) a credit on the order is in: what the shopper paid in (its presentment money)."""
    if order.presentment_currency and order.presentment_total_price is not None:
        return order.presentment_currency, order.presentment_total_price
    return order.currency, order.total_price


@pytest.fixture
def agent(staff_agents):
    """The first staff member whose role is plain agent (the default policy lets agents request)."""
    return next(member for member in staff_agents if member["role"] == "agent")


def dollars(amount: Decimal) -> str:
    return f"${amount:,.2f}"


def credits_on_account(stack, customer) -> list[dict]:
    """The dev store's credit transactions on the customer's store credit accounts."""
    book = httpx.get(f"{stack.store}/_devstore/shops/{stack.shop}/store-credit", timeout=30).json()
    accounts = {a["id"] for a in book["accounts"] if str(a["customer_id"]) == str(customer.shopify_id)}
    return [t for t in book["transactions"] if t["account_id"] in accounts and t["kind"] == "credit"]


def test_agent_issues_store_credit_and_the_shopper_is_told_in_the_widget(
        stack, installed, agents_online, agent, shopper, context, second_context, storefront_page, agent_page):
    from support.models import Conversation, CreditGrant, Message

    customer, order = shopper
    name = f"{customer.first_name} {customer.last_name}"
    question = f"My order {order.name} arrived four days late."

    # The shopper, logged in on the storefront, writes in the widget; the bot greets them.
    store = storefront_page(context, customer_id=str(customer.shopify_id), locale="en")
    mark_page(store)
    open_widget(store)
    send_in_widget(store, question)
    expect_widget_bodies(store, [("shopper", question), ("bot", GREETING)])
    conversation = Conversation.objects.get(customer=customer)

    # The agent, in another browser context, opens the conversation.
    admin = agent_page(second_context, screen=f"conversations/{conversation.pk}", user_id=agent["shopify_user_id"])
    expect(admin.get_by_role("heading", level=1)).to_have_text(name)
    expect_thread(admin, [(f"Message from {name}", question), ("Automatic reply", GREETING)])

    # What the policy allows on this order, before anything is requested.
    share = (order.total_price * SHARE).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    credit = admin.locator("div.Polaris-ShadowBevel").filter(
        has=admin.get_by_role("heading", name="Issue store credit", exact=True))
    expect(credit.get_by_text(f"Up to {dollars(share)} on order {order.name}", exact=True)).to_be_visible()
    expect(credit.get_by_role("listitem")).to_have_text([
        f"Left of the order's share: {dollars(share)}",
        "Up to $9.99 is issued at once; more waits for a supervisor's approval.",
        "The credit never expires.",
    ])
    expect(credit.get_by_text("No store credit requested in this conversation yet.", exact=True)).to_be_visible()

    # The request, under the auto-approve line: approved at once, no supervisor needed.
    credit.get_by_role("textbox", name="Amount").fill(str(AMOUNT))
    credit.get_by_role("combobox", name="Reason").select_option(label="Late delivery")
    credit.get_by_role("textbox", name="Note for the team").fill(NOTE)
    expect(credit.get_by_text("This amount waits for a supervisor's approval before it is issued.")).to_have_count(0)
    credit.get_by_role("button", name="Request credit").click()
    expect(credit.get_by_text(f"{dollars(AMOUNT)} approved: it is being issued to the customer.",
                              exact=True)).to_be_visible()

    # The worker issues it through the dev store; both sides see the notice without reloading, and the
    # agent's list of credits follows the grant to "Issued".
    expect_widget_bodies(store, [("shopper", question), ("bot", GREETING), ("bot", NOTICE)], timeout=30)
    expect_thread(admin, [(f"Message from {name}", question), ("Automatic reply", GREETING),
                          ("Automatic reply", NOTICE)])
    grants = credit.get_by_role("list", name="Credits in this conversation").get_by_role("listitem")
    expect(grants).to_have_count(1)
    expect(grants.first.get_by_text("Issued", exact=True)).to_be_visible()
    expect(grants.first.get_by_text(dollars(AMOUNT), exact=True)).to_be_visible()
    expect(grants.first).to_contain_text(f"Late delivery · order {order.name} · requested by {agent['name']}, ")
    credit.scroll_into_view_if_needed()
    admin.evaluate(PAINTED)  # headless Chromium paints a scrolled page a frame later
    save_screenshot(admin, "admin-store-credit")
    assert not was_reloaded(store)

    # Exactly one grant, one Shopify credit of that amount, one notice; the team's note stays inside.
    grant = CreditGrant.objects.get()
    assert (grant.amount, grant.currency, grant.state, grant.reason, grant.note, grant.attempts) == (
        AMOUNT, "USD", "issued", "late_delivery", NOTE, 1)
    assert (grant.order_id, grant.conversation_id, grant.customer_id, str(grant.requested_by_id)) == (
        order.pk, conversation.pk, customer.pk, agent["id"])
    assert list(grant.ledger.order_by("pk").values_list("kind", flat=True)) == [
        "requested", "auto_approved", "issuing", "issued", "notified"]
    [shopify_credit] = credits_on_account(stack, customer)
    assert shopify_credit["amount"] == "7.50"
    assert grant.shopify_transaction_id.endswith(f"/{shopify_credit['id']}")
    assert stored_messages(conversation.pk) == [("shopper", question), ("bot", GREETING), ("bot", NOTICE)]
    asked = Message.objects.get(conversation=conversation, kind="shopper")
    assert list(Message.objects.filter(conversation=conversation, kind="bot").order_by("pk")
                .values_list("client_id", flat=True)) == [f"bot:{asked.pk}:hours.greeting", f"credit:{grant.pk}:issued"]
    expect(store.get_by_role("dialog", name="Chat with us")).not_to_contain_text(NOTE)
