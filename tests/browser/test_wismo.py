"""An anonymous shopper asks "Where is my order?" in the widget: with the order number and the
order's email they see the order's status and each parcel's carrier, tracking number (linked to the
carrier's tracking page) and delivery date or window; a wrong email gets the not-found answer and
nothing about the order. Looking up an order never opens a chat."""
import json
from datetime import date

import httpx
from playwright.sync_api import expect

from tests.browser.chat_pages import open_widget
from tests.browser.harness import save_screenshot

NOT_FOUND = "We couldn't find an order with these details. Check the order number and the email or postcode."
SHIPPED_NOT_DELIVERED = ("in_transit", "out_for_delivery", "delayed")  # the first found is shown


def devstore_orders(stack):
    response = httpx.get(f"{stack.store}/_devstore/shops/{stack.shop}/orders", timeout=30)
    assert response.status_code == 200, response.text
    return sorted(response.json()["orders"], key=lambda order: order["number"])


def day_in_english(iso_day: str) -> str:
    """What the widget shows for a calendar date in English ("Mar 6, 2026")."""
    day = date.fromisoformat(iso_day)
    return f"{day:%b} {day.day}, {day.year}"


def server_answer(order_name: str) -> dict:
    """The answer the app gives about this order in English (what the widget is handed)."""
    from support.models import Order
    from support.selectors.wismo import wismo_answer

    return wismo_answer(Order.objects.get(name=order_name), language="en").data


def look_up(page, order_name: str, contact: str) -> dict:
    """Fills in and sends the lookup form; the JSON body the widget sent."""
    widget = page.get_by_role("dialog", name="Chat with us")
    widget.get_by_role("textbox", name="Order number").fill(order_name)
    widget.get_by_role("textbox", name="Email or postcode").fill(contact)
    with page.expect_request(lambda request: request.url.endswith("/apps/support/api/widget/orders/lookup")) as sent:
        widget.get_by_role("button", name="Find my order").click()
    return json.loads(sent.value.post_data)


def shown_order(page) -> dict:
    """The order answer as the widget shows it: heading, status, the "late" notice, and per parcel its
    title, its "late" mark, its term/value rows and its links."""
    article = page.get_by_role("dialog", name="Chat with us").locator("article.sc-order")
    expect(article).to_be_visible()
    return article.evaluate(
        """article => ({
            heading: article.querySelector('h3').textContent,
            status: article.querySelector('.sc-order-status').textContent,
            late: [...article.children].filter(child => child.matches('p.sc-late')).map(p => p.textContent),
            parcels: [...article.querySelectorAll('li.sc-parcel')].map(parcel => ({
                title: parcel.querySelector('h4').textContent,
                late: [...parcel.querySelectorAll('.sc-late')].map(p => p.textContent),
                rows: [...parcel.querySelectorAll('dt')].map(dt => [dt.textContent, dt.nextElementSibling.textContent]),
                links: [...parcel.querySelectorAll('a')].map(a => [a.textContent, a.getAttribute('href'),
                                                                 a.getAttribute('target'), a.getAttribute('rel')]),
            })),
        })"""
    )


LATE_ORDER = "This is taking longer than expected. Write to us in the chat and we'll look into it."


def expected_parcel(parcel: dict, title: str) -> dict:
    rows = [["Status", parcel["status"]], ["Carrier", parcel["carrier"]],
            ["Tracking number", parcel["tracking_number"]]]
    if parcel["delivered_on"]:
        rows.append(["Delivered on", day_in_english(parcel["delivered_on"])])
    else:
        rows.append(["Expected delivery", parcel["window"]["text"]])
    return {"title": title, "late": ["Running late"] if parcel["late"] else [], "rows": rows,
            "links": [[parcel["tracking_number"], parcel["tracking_url"], "_blank", "noopener noreferrer"]]}


def test_anonymous_shopper_tracks_a_delivered_and_a_shipped_order(stack, installed, delivered_order, context,
                                                                   storefront_page):
    from support.models import Conversation, Message

    on_its_way = [order for order in devstore_orders(stack)
                  if order["shipping_state"] in SHIPPED_NOT_DELIVERED and order["email"]
                  and len(order["fulfillments"]) == 1 and order["fulfillments"][0]["tracking"]]
    assert on_its_way, "the demo seed has no shipped, tracked order still on its way"
    shipped = min(on_its_way, key=lambda order: SHIPPED_NOT_DELIVERED.index(order["shipping_state"]))

    page = storefront_page(context)
    widget = open_widget(page)
    widget.get_by_role("button", name="Where is my order?").click()
    expect(widget.get_by_role("heading", name="Where is my order?")).to_be_visible()
    expect(widget.get_by_role("button", name="Back to chat")).to_be_visible()

    # Delivered: the delivery day, the carrier, the tracking number linked to the carrier's page.
    sent = look_up(page, delivered_order.order_name, delivered_order.email)
    assert sent == {"order_name": delivered_order.order_name, "email": delivered_order.email, "postcode": "",
                    "locale": "en"}
    answer = server_answer(delivered_order.order_name)
    [parcel] = answer["parcels"]
    assert (parcel["carrier"], parcel["tracking_number"], parcel["tracking_url"]) == (
        delivered_order.tracking_company, delivered_order.tracking_number, delivered_order.tracking_url)
    assert parcel["delivered_on"] is not None
    assert answer["late"] is False and parcel["late"] is False
    assert shown_order(page) == {"heading": f"Order {delivered_order.order_name}", "status": "Delivered", "late": [],
                                 "parcels": [expected_parcel(parcel, "Your parcel")]}
    expect(widget.get_by_role("link", name=delivered_order.tracking_number)).to_have_attribute(
        "href", delivered_order.tracking_url)

    # On its way: the delivery window instead.
    tracking = shipped["fulfillments"][0]["tracking"][0]
    look_up(page, shipped["name"], shipped["email"])
    answer = server_answer(shipped["name"])
    [parcel] = answer["parcels"]
    assert (parcel["carrier"], parcel["tracking_number"], parcel["tracking_url"]) == (
        tracking["company"], tracking["number"], tracking["url"])
    assert parcel["delivered_on"] is None and parcel["window"]["text"]
    assert date.fromisoformat(parcel["window"]["latest"]) >= date.fromisoformat(parcel["window"]["earliest"])
    expect(widget.get_by_role("heading", name=f"Order {shipped['name']}")).to_be_visible()
    assert shown_order(page) == {"heading": f"Order {shipped['name']}", "status": answer["status"],
                                 "late": [LATE_ORDER] if answer["late"] else [],
                                 "parcels": [expected_parcel(parcel, "Your parcel")]}
    expect(widget.get_by_role("link", name=tracking["number"])).to_have_attribute("href", tracking["url"])
    save_screenshot(page, "widget-wismo")

    assert Conversation.objects.count() == 0 and Message.objects.count() == 0  # a lookup is not a chat


def test_a_wrong_email_gets_the_not_found_answer(stack, installed, delivered_order, context, storefront_page):
    from support.models import Conversation

    page = storefront_page(context)
    widget = open_widget(page)
    widget.get_by_role("button", name="Where is my order?").click()

    sent = look_up(page, delivered_order.order_name, "someone.else@example.com")

    assert sent == {"order_name": delivered_order.order_name, "email": "someone.else@example.com", "postcode": "",
                    "locale": "en"}
    expect(widget.get_by_text(NOT_FOUND)).to_be_visible()
    expect(widget.locator("article.sc-order")).to_have_count(0)
    expect(widget.get_by_text(delivered_order.tracking_number)).to_have_count(0)
    expect(widget.locator(".sc-lookup .sc-error")).to_be_hidden()  # an answer, not an error
    assert Conversation.objects.count() == 0
