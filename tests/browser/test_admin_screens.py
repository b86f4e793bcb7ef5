"""The owner visits every admin screen against the real API, with data made through the app's own
paths (shoppers writing through the storefront's app proxy, a credit request through the admin API):
each screen shows its heading and its data, no error banner and no console error. One screenshot each."""
import re
from decimal import Decimal

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.harness import save_screenshot

PAINTED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
QUESTIONS = [
    "Can I still change the size on my order?",
    "Do you gift wrap?",
    "The zip on my jacket broke after a week.",
]
TEMPLATE_NAME = "Gift wrapping"
FAQ_QUESTIONS = ["Do you gift wrap?", "Can you wrap my order as a gift?"]
PENDING = Decimal("10.00")  # the default auto-approve line: from there on a credit waits for a supervisor


def write_through_the_widget(stack, customer, body: str) -> str:
    """A logged-in shopper starts a chat and writes, through the dev store's signed app proxy; the
    conversation's id."""
    with httpx.Client(timeout=30) as shopper:
        login = shopper.get(stack.storefront("/account/login"), params={"customer_id": str(customer.shopify_id)})
        assert login.status_code == 303, login.text
        started = shopper.post(stack.storefront("/apps/support/api/widget/conversations"), json={"locale": "en"})
        assert started.status_code == 201, started.text
        conversation_id = started.json()["conversation"]["id"]
        sent = shopper.post(stack.storefront(f"/apps/support/api/widget/conversations/{conversation_id}/messages"),
                            json={"body": body, "client_id": f"scenario-{customer.shopify_id}"})
        assert sent.status_code == 201, sent.text
    return conversation_id


def admin_api(stack, user_id):
    """An httpx client for the admin API with a staff member's session token, as App Bridge gives it."""
    token = httpx.post(f"{stack.store}/_devstore/session-token", json={"shop": stack.shop, "user_id": str(user_id)},
                       timeout=30).json()["token"]
    return httpx.Client(base_url=stack.web, headers={"Authorization": f"Bearer {token}"}, timeout=30)


@pytest.fixture
def support_data(stack, installed):
    """Three English-speaking shoppers wrote in (one message each); the owner asked for a credit at the
    auto-approve line on one of their orders, which waits for approval. ``(rows, grant, that
    customer)`` with rows ``[(customer, conversation id, question)]``."""
    from support.models import Customer, Message, Order

    english = Customer.objects.filter(shop_id=installed.pk, locale__startswith="en").order_by("shopify_id")
    customers = [c for c in english if Order.objects.filter(customer=c, cancelled_at__isnull=True).exists()]
    customers = customers[:len(QUESTIONS)]
    assert len(customers) == len(QUESTIONS), "the demo seed has too few English customers with orders"
    rows = [(c, write_through_the_widget(stack, c, q), q) for c, q in zip(customers, QUESTIONS, strict=True)]
    assert sorted(Message.objects.filter(conversation__shop_id=installed.pk, kind="shopper")
                  .values_list("body", flat=True)) == sorted(QUESTIONS)

    with admin_api(stack, installed.owner_id) as api:
        offers = []
        for customer, conversation_id, _question in rows:
            offered = api.get(f"/api/admin/conversations/{conversation_id}/credit")
            assert offered.status_code == 200, offered.text
            offers.append((customer, conversation_id, offered.json()["allowance"]))
        customer, conversation_id, allowance = next(
            (offer for offer in offers if Decimal(offer[2]["max_amount"]) >= PENDING), (None, None, None))
        assert allowance, f"no shopper's order allows a credit of {PENDING}: {offers}"
        asked = api.post(f"/api/admin/conversations/{conversation_id}/credit", json={
            "order_id": allowance["order_id"], "amount": str(PENDING), "currency": allowance["currency"],
            "reason": "damaged_item", "note": "Photo of the broken zip in the chat.", "client_id": "scenario-credit"})
    assert asked.status_code == 201, asked.text
    grant = asked.json()
    assert grant["state"] == "pending_approval"
    return rows, grant, customer


@pytest.fixture
def faq_and_template(stack, installed, support_data):
    """The owner wrote a reply template and an FAQ entry through the admin API (after the shoppers
    wrote, so the bot answered none of them from it)."""
    with admin_api(stack, installed.owner_id) as api:
        template = api.post("/api/admin/templates", json={
            "name": TEMPLATE_NAME, "category": "Orders",
            "variants": {"en": "Hi {{customer.first_name}}, you can choose gift wrapping at checkout."}})
        assert template.status_code == 201, template.text
        entry = api.post("/api/admin/faq", json={
            "questions": FAQ_QUESTIONS, "answer": "You can choose gift wrapping at checkout.", "language": "en"})
        assert entry.status_code == 201, entry.text


def visit(page, label: str):
    """Opens a screen from the navigation and waits until its data has loaded."""
    page.get_by_role("navigation").get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(label)
    expect(page.get_by_role("status", name="Loading")).to_have_count(0)


def expect_no_error(page):
    """No screen's load failed, and no critical or warning banner (Polaris gives those role=alert)."""
    expect(page.get_by_role("status", name="Loading")).to_have_count(0)
    expect(page.get_by_text("Could not load this page")).to_have_count(0)
    expect(page.get_by_role("alert")).to_have_count(0)


def screenshot(page, name):
    page.evaluate(PAINTED)  # headless Chromium may paint a fresh screen a frame later
    save_screenshot(page, name)


def cells(row) -> list[str]:
    return [text.strip() for text in row.get_by_role("cell").all_inner_texts()]


def figure(page, label: str):
    """A report figure's value: the first <dd> after its <dt>."""
    return page.locator("dt", has_text=re.compile(rf"^{re.escape(label)}$")).locator("xpath=following-sibling::dd[1]")


def test_owner_visits_every_screen_with_real_data(installed, staff_agents, support_data, faq_and_template, context,
                                                    agent_page):
    rows, grant, credited = support_data
    owner = next(member for member in staff_agents if member["role"] == "owner")
    names = sorted(f"{customer.first_name} {customer.last_name}" for customer, _id, _q in rows)
    page = agent_page(context, screen="inbox")

    # Inbox: the three open conversations, nothing else.
    expect(page.get_by_role("heading", level=1)).to_have_text("Inbox")
    expect(page.get_by_role("checkbox", name=re.compile(r"^Select the conversation with "))).to_have_count(len(names))
    for name in names:
        expect(page.get_by_role("checkbox", name=f"Select the conversation with {name}", exact=True)).to_have_count(1)
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect_no_error(page)
    screenshot(page, "admin-inbox")

    # Approvals: the one request waiting, as the owner made it.
    visit(page, "Approvals")
    waiting = page.get_by_role("row").filter(has=page.get_by_role("button", name="Approve"))
    expect(waiting).to_have_count(1)
    assert cells(waiting)[:5] == [
        "$10.00", f"{credited.first_name} {credited.last_name}", grant["order"]["name"],
        "Damaged item\nPhoto of the broken zip in the chat.", owner["name"]]
    expect(waiting.get_by_role("button", name="Reject")).to_be_visible()
    expect_no_error(page)
    screenshot(page, "admin-approvals")

    # Templates: the one the owner wrote.
    visit(page, "Templates")
    expect(page.get_by_text(TEMPLATE_NAME, exact=True)).to_be_visible()
    expect_no_error(page)
    screenshot(page, "admin-templates")

    # Auto-responses and FAQ: the entry, and the bot's default greeting.
    visit(page, "Auto-responses and FAQ")
    expect(page.get_by_text(FAQ_QUESTIONS[0], exact=True).first).to_be_visible()
    expect(page.get_by_text("Hi there, welcome to {shop_name}! How can we help you today?", exact=True)).to_be_visible()
    expect_no_error(page)
    screenshot(page, "admin-auto-responses")

    # Business hours and SLA: no hours set, so always open, in the shop's time zone.
    visit(page, "Business hours and SLA")
    expect(page.get_by_text("Open now: your team is expected to answer.", exact=True)).to_be_visible()
    expect(page.get_by_role("combobox", name="Time zone")).to_have_value("America/New_York")
    expect_no_error(page)
    screenshot(page, "admin-hours")

    # Store credit policy: the defaults.
    visit(page, "Store credit policy")
    expect(page.get_by_role("textbox", name="Most of one order's total, all credits together")).to_have_value("15")
    expect(page.get_by_role("textbox", name="Approval needed from")).to_have_value("10.00")
    expect_no_error(page)
    screenshot(page, "admin-credit-policy")

    # Reports: the three conversations, none resolved, no credit issued (the pending one is not).
    visit(page, "Reports")
    expect(figure(page, "Conversations")).to_have_text("3")
    expect(figure(page, "Resolved")).to_have_text("0%")
    expect(figure(page, "Store credit issued")).to_have_text("None")
    expect_no_error(page)
    screenshot(page, "admin-reports")

    # Settings: the owner may edit; of the first steps only the FAQ is done.
    visit(page, "Settings")
    expect(page.get_by_text("1 of 4 steps done", exact=True)).to_be_visible()
    expect_no_error(page)
    screenshot(page, "admin-settings")

    # Looking changed nothing: the same three conversations and questions, the one grant still waiting.
    from support.models import Conversation, CreditGrant, FaqEntry, Message, Template

    assert Conversation.objects.filter(shop_id=installed.pk).count() == len(QUESTIONS)
    assert sorted(Message.objects.filter(kind="shopper").values_list("body", flat=True)) == sorted(QUESTIONS)
    assert list(CreditGrant.objects.values_list("pk", "state", "amount", "reason")) == [
        (int(grant["id"]), "pending_approval", PENDING, "damaged_item")]
    assert list(Template.objects.values_list("name", flat=True)) == [TEMPLATE_NAME]
    assert list(FaqEntry.objects.values_list("questions", flat=True)) == [FAQ_QUESTIONS]
