"""What the chat scenarios read and do on their pages (the storefront widget, the admin's inbox and
conversation) and in the database. Plain functions over Playwright pages; no fixtures here."""
from playwright.sync_api import expect

from tests.browser.harness import wait_until

WAITING = "Waiting for a connection. It will be sent automatically."
# Set on a page's window once; still there later means the page was never reloaded.
PAGE_MARK = "__scenarioMark"


# The storefront widget ---------------------------------------------------------------------------


def open_widget(page):
    """Opens the chat panel from the launcher; the open dialog."""
    page.get_by_role("button", name="Chat with us", exact=True).click()
    dialog = page.get_by_role("dialog", name="Chat with us")
    expect(dialog).to_be_visible()
    return dialog


def widget_messages(page) -> list[tuple[str, str, str]]:
    """The widget's log, oldest first: (side, body, meta) per row, side one of shopper / shop / bot /
    system (the row's class), meta the time or the sending status."""
    rows = page.get_by_role("dialog", name="Chat with us").get_by_role("log", name="Messages").locator("li.sc-msg")
    return [tuple(row) for row in rows.evaluate_all(
        """rows => rows.map(row => [
            [...row.classList].find(c => c.startsWith('sc-msg--')).slice('sc-msg--'.length),
            row.querySelector('.sc-text')?.textContent ?? '',
            row.querySelector('.sc-meta')?.textContent ?? '',
        ])"""
    )]


def widget_bodies(page) -> list[tuple[str, str]]:
    return [(side, body) for side, body, _meta in widget_messages(page)]


def expect_widget_bodies(page, expected: list[tuple[str, str]], timeout=15.0):
    """Waits until the widget's log shows exactly ``expected`` (side, body) rows, in order."""
    shown = wait_until(lambda: widget_bodies(page) == expected, timeout=timeout)
    assert shown, f"the widget shows {widget_messages(page)}, expected {expected}"


def send_in_widget(page, body: str):
    box = page.get_by_role("dialog", name="Chat with us").get_by_role("textbox", name="Message")
    box.fill(body)
    page.get_by_role("dialog", name="Chat with us").get_by_role("button", name="Send", exact=True).click()
    expect(box).to_have_value("")


# The admin ---------------------------------------------------------------------------------------


def thread_messages(page) -> list[tuple[str, str]]:
    """The conversation's thread, oldest first: (article name, message text) per message; the name
    without its time ("Message from Ana", "Reply from You", "Internal note by You")."""
    articles = page.get_by_role("log", name="Messages").get_by_role("article")
    rows = articles.evaluate_all(
        """articles => articles.map(article => [
            article.getAttribute('aria-label'),
            article.querySelector('time')?.textContent ?? '',
            article.querySelector('div[style*="pre-wrap"]')?.textContent ?? '',
        ])"""
    )
    return [(label.removesuffix(f", {time}"), body) for label, time, body in rows]


def expect_thread(page, expected: list[tuple[str, str]], timeout=15.0):
    """Waits until the conversation's thread shows exactly ``expected``, in order."""
    shown = wait_until(lambda: thread_messages(page) == expected, timeout=timeout)
    assert shown, f"the conversation shows {thread_messages(page)}, expected {expected}"


def mark_page(page):
    page.evaluate(f"window.{PAGE_MARK} = true")


def was_reloaded(page) -> bool:
    return page.evaluate(f"window.{PAGE_MARK} !== true")


# The database ------------------------------------------------------------------------------------


def stored_messages(conversation_id) -> list[tuple[str, str]]:
    """(kind, body) of the conversation's messages, in the order they were stored."""
    from support.models import Message

    return list(Message.objects.filter(conversation_id=conversation_id).order_by("id").values_list("kind", "body"))


def expect_stored(conversation_id, expected: list[tuple[str, str]], timeout=20.0):
    """Waits until the conversation holds exactly ``expected`` messages, in order."""
    stored = wait_until(lambda: stored_messages(conversation_id) == expected, timeout=timeout)
    assert stored, f"the database holds {stored_messages(conversation_id)}, expected {expected}"


def client_ids(conversation_id) -> list[str]:
    from support.models import Message

    return list(Message.objects.filter(conversation_id=conversation_id).order_by("id").values_list("client_id",
                                                                                                     flat=True))
