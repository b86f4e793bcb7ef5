"""Browser tests: Playwright drives the system Chromium (never a downloaded browser) against the live
stack — uvicorn, a Celery worker and the dev store with its demo storefront and app proxy — on the
test database. Every test here is marked ``browser`` and ``live``.

Fixtures: ``stack`` (fresh processes per test), ``installed`` (the demo shop seeded and installed
through a real token exchange, its orders mirrored), ``staff_agents``, ``agents_online``,
``delivered_order`` (a seeded customer with a delivered, tracked order), ``browser``, ``context``
(a 1280x800 browser context whose console errors fail the test), ``agent_page`` and
``storefront_page``. ``save_screenshot`` is in harness.py.
"""
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest

from tests.browser.harness import (
    ADMIN_MANIFEST,
    CHROMIUM,
    CHROMIUM_FLAGS,
    EXTERNAL,
    VIEWPORT,
    WIDGET_LOADER,
    ConsoleErrors,
    start_stack,
    wait_until,
)
from tests.stack_env import stack_env

SHOP = "demo-store.myshopify.com"
SEED = {"seed": 1, "customers": 8, "orders": 24}
CONSOLE = pytest.StashKey[ConsoleErrors]()
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.live)


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem):
    """A test whose pages logged console errors (or threw) fails, after its own assertions."""
    result = yield
    console = pyfuncitem.stash.get(CONSOLE, None)
    if console is not None and console.unexpected():
        pytest.fail("the page logged errors:\n" + "\n".join(console.unexpected()), pytrace=False)
    return result


# The stack ------------------------------------------------------------------------------------


@pytest.fixture
def stack(transactional_db, redis_client, tmp_path):
    """The app, a worker and the dev store (``--extension-assets`` the widget's build) as real
    processes on the test database and Redis; their output is printed when a test fails."""
    stack = start_stack(env=stack_env(), shop=SHOP, log_dir=tmp_path)
    yield stack
    stack.stop()
    print(stack.logs())  # shown by pytest only for a failing test


def _devstore(stack, method, path, **kwargs):
    response = httpx.request(method, f"{stack.store}{path}", timeout=30, **kwargs)
    assert response.status_code == 200, response.text
    return response.json()


def open_admin_api(stack, user_id):
    """What the Shopify admin does on a staff member's first load: a session token to the app,
    which installs the shop (token exchange) on first sight and provisions the agent."""
    token = _devstore(stack, "POST", "/_devstore/session-token", json={"shop": stack.shop, "user_id": str(user_id)})
    response = httpx.get(f"{stack.web}/api/admin/me", headers={"Authorization": f"Bearer {token['token']}"},
                         timeout=30)
    assert response.status_code == 200, f"{response.text}\n{stack.logs()}"
    return response.json()


@dataclass
class InstalledShop:
    domain: str
    name: str
    pk: int
    owner_id: str  # the owner's Shopify user id (/dev/open?user_id=)
    summary: dict  # the dev store's summary: counts, staff


@pytest.fixture
def installed(stack):
    """The demo shop (8 customers, 24 orders) seeded in the dev store and installed in the app by its
    owner's first session token; waits until the worker has mirrored every order."""
    from shopapp.models import Shop
    from support.models import Order

    summary = _devstore(stack, "POST", "/_devstore/shops", json={"shop": stack.shop, **SEED})
    owner = next(member for member in summary["staff"] if member["account_owner"])
    open_admin_api(stack, owner["id"])
    mirrored = wait_until(lambda: Order.objects.filter(shop__domain=stack.shop).count() == summary["orders"],
                          timeout=60)
    assert mirrored, f"the worker did not mirror the orders:\n{stack.logs()}"
    shop = Shop.objects.get(domain=stack.shop)
    return InstalledShop(domain=shop.domain, name=shop.name, pk=shop.pk, owner_id=str(owner["id"]), summary=summary)


@pytest.fixture
def staff_agents(stack, installed):
    """Every staff member of the demo shop as an agent (owner first): ``[{id, shopify_user_id, name,
    role, locale}]`` with the app's agent id as a string."""
    agents = []
    for member in installed.summary["staff"]:
        me = open_admin_api(stack, member["id"])["agent"]
        agents.append({**me, "shopify_user_id": str(member["id"]), "locale": member["locale"]})
    return agents


@pytest.fixture
def agents_online(installed, staff_agents):
    """Every agent counts as online (presence in Redis, refreshed every 20 s like a socket's
    heartbeat) for the whole test, without an admin page open."""
    from support import presence

    stop = threading.Event()

    def mark():
        for agent in staff_agents:
            presence.mark_agent(installed.pk, int(agent["id"]), f"browser-fixture-{agent['id']}")

    def refresh():
        while not stop.wait(20):
            mark()

    mark()
    thread = threading.Thread(target=refresh, name="agents-online", daemon=True)
    thread.start()
    yield staff_agents
    stop.set()
    thread.join(timeout=5)
    for agent in staff_agents:
        presence.clear_agent(installed.pk, int(agent["id"]), f"browser-fixture-{agent['id']}")


@dataclass
class DeliveredOrder:
    customer_id: str
    customer_name: str
    email: str
    locale: str
    order_id: str
    order_name: str
    tracking_company: str
    tracking_number: str
    tracking_url: str


@pytest.fixture
def delivered_order(stack, installed):
    """The first seeded order (by number) that is delivered, tracked and has a customer."""
    orders = _devstore(stack, "GET", f"/_devstore/shops/{stack.shop}/orders")["orders"]
    customers = _devstore(stack, "GET", f"/_devstore/shops/{stack.shop}/customers")["customers"]
    customers = {str(customer["id"]): customer for customer in customers}
    for order in sorted(orders, key=lambda o: o["number"]):
        tracking = [t for f in order["fulfillments"] for t in f["tracking"]]
        customer = customers.get(str(order["customer_id"]))
        if order["shipping_state"] == "delivered" and tracking and customer:
            return DeliveredOrder(
                customer_id=str(customer["id"]),
                customer_name=f"{customer['first_name']} {customer['last_name']}",
                email=customer["email"],
                locale=customer["locale"],
                order_id=str(order["id"]),
                order_name=order["name"],
                tracking_company=tracking[0]["company"],
                tracking_number=tracking[0]["number"],
                tracking_url=tracking[0]["url"],
            )
    pytest.fail(f"the demo seed {SEED} has no delivered, tracked order with a customer")


# The browser ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    """The system Chromium, once per test module (Playwright is stopped after each module: while it
    runs, this thread has an event loop that other tests' asyncio would trip over). A missing
    Chromium or front-end build is a failure with what to run, never a skip."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium is not at {CHROMIUM}: run `make test` (scripts/ensure_chromium.sh installs it) "
                    "or set CHROMIUM to a Chromium binary", pytrace=False)
    if not ADMIN_MANIFEST.exists():
        pytest.fail("the admin front end is not built: run `make build` (`make test` does)", pytrace=False)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop visible on this thread; Django would then refuse the
    # ORM calls the fixtures make (and pytest-django's flush). Only this process, only meanwhile.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    playwright = sync_playwright().start()
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def context(browser, request):
    """A fresh browser context (no cookies, 1280x800, English, New York time); errors any of its
    pages log fail the test (``console_errors.allow(pattern)`` for expected ones)."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-US", timezone_id="America/New_York")
    context.set_default_timeout(15_000)
    context.route(EXTERNAL, lambda route: route.abort("blockedbyclient"))
    console = ConsoleErrors()
    console.attach(context)
    request.node.stash[CONSOLE] = console
    yield context
    context.close()


@pytest.fixture
def console_errors(context, request):
    return request.node.stash[CONSOLE]


@pytest.fixture
def second_context(browser, context, request):
    """Another browser context like ``context`` (its own cookies, storage and network, so one side
    can go offline alone), its errors collected with the first's."""
    second = browser.new_context(viewport=VIEWPORT, locale="en-US", timezone_id="America/New_York")
    second.set_default_timeout(15_000)
    second.route(EXTERNAL, lambda route: route.abort("blockedbyclient"))
    request.node.stash[CONSOLE].attach(second)
    yield second
    second.close()


@pytest.fixture
def agent_page(stack, installed):
    """``agent_page(context, screen="inbox", locale="en", user_id=None)``: a page with the admin open
    at that screen as that staff member (default the owner), through /dev/open."""

    def open_page(context, screen="inbox", locale="en", user_id=None):
        query = urlencode({"shop": installed.domain, "user_id": user_id or installed.owner_id, "screen": screen,
                           "locale": locale})
        page = context.new_page()
        response = page.goto(f"{stack.web}/dev/open?{query}")
        assert response is not None and response.ok, f"/dev/open answered {response and response.status}"
        return page

    return open_page


@pytest.fixture
def storefront_page(stack, installed):
    """``storefront_page(context, customer_id=None, locale="en")``: the demo storefront with the chat
    widget, logged in as that seeded customer when given."""

    def open_page(context, customer_id=None, locale="en"):
        if not WIDGET_LOADER.exists():
            pytest.fail(f"the chat widget is not built ({WIDGET_LOADER} is missing): run `make build`",
                        pytrace=False)
        page = context.new_page()
        if customer_id is None:
            url = stack.storefront("/?" + urlencode({"locale": locale}))
        else:
            url = stack.storefront("/account/login?" + urlencode({"customer_id": customer_id, "locale": locale}))
        response = page.goto(url)
        assert response is not None and response.ok, f"the storefront answered {response and response.status}"
        return page

    return open_page
