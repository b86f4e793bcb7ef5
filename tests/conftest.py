"""Shared fixtures: the dev store simulator over real HTTP, shops installed against it, and
session tokens minted the way App Bridge does."""
import pytest
import redis
from django.conf import settings

from shopapp.devstore.server import DevStoreServer
from shopapp.devstore.session_tokens import mint_session_token


@pytest.fixture(scope="session")
def devstore_server():
    with DevStoreServer(
        api_key=settings.SHOPIFY_API_KEY, api_secret=settings.SHOPIFY_API_SECRET, app_url=settings.APP_URL, port=0,
        restore_rate=1000,  # throttle waits stay realistic in shape but short
    ) as server:
        yield server


@pytest.fixture(autouse=True)
def _shopify_is_the_devstore(request, settings):
    """No test ever reaches the real Shopify: every Shopify call goes to the dev store."""
    if "devstore" not in request.fixturenames:
        settings.SHOPIFY_DEVSTORE_URL = request.getfixturevalue("devstore_server").url


@pytest.fixture
def devstore(devstore_server, settings):
    """The dev store, empty of faults and logs, with the app pointed at it."""
    import httpx

    settings.SHOPIFY_DEVSTORE_URL = devstore_server.url
    httpx.delete(f"{devstore_server.url}/_devstore/faults").raise_for_status()
    httpx.delete(f"{devstore_server.url}/_devstore/log").raise_for_status()
    yield devstore_server
    httpx.delete(f"{devstore_server.url}/_devstore/faults")


@pytest.fixture
def redis_client():
    client = redis.Redis.from_url(settings.REDIS_URL)
    client.flushdb()
    yield client
    client.flushdb()
    client.close()


@pytest.fixture
def session_token():
    """``session_token(shop, user_id, **overrides)`` signed with the app's secret."""

    def make(shop="demo-store.myshopify.com", user_id="9100000000000001", **overrides):
        return mint_session_token(
            shop=shop,
            user_id=user_id,
            api_key=overrides.pop("api_key", settings.SHOPIFY_API_KEY),
            api_secret=overrides.pop("api_secret", settings.SHOPIFY_API_SECRET),
            **overrides,
        )

    return make


DEMO_SHOP = "demo-store.myshopify.com"


@pytest.fixture
def seeded_shop(devstore):
    """A small seeded shop in the dev store (not yet installed in the app). Returns its summary."""
    import httpx

    response = httpx.post(
        f"{devstore.url}/_devstore/shops", json={"shop": DEMO_SHOP, "seed": 7, "customers": 6, "orders": 12}
    )
    response.raise_for_status()
    return response.json()


@pytest.fixture
def owner_id(seeded_shop):
    return str(next(member["id"] for member in seeded_shop["staff"] if member["account_owner"]))


class DevStoreLog:
    """``devstore_log()`` lists the dev store's request log entries; ``devstore_log.clear()``."""

    def __init__(self, url):
        self.url = url

    def __call__(self, **params):
        import httpx

        response = httpx.get(f"{self.url}/_devstore/log", params=params)
        response.raise_for_status()
        return response.json()["entries"]

    def clear(self):
        import httpx

        httpx.delete(f"{self.url}/_devstore/log").raise_for_status()


@pytest.fixture
def devstore_log(devstore):
    return DevStoreLog(devstore.url)


@pytest.fixture(autouse=True)
def _fresh_wakeup(monkeypatch):
    """Each test starts without this process's memory of a live drain wake-up key."""
    from webhooks import wakeup

    monkeypatch.setattr(wakeup, "_key_alive_until", 0.0)


@pytest.fixture(autouse=True)
def _info_logs(caplog):
    """Tests assert on the one log line each refusal writes."""
    caplog.set_level("INFO")


@pytest.fixture
def devstore_fault(devstore):
    import httpx

    def inject(kind, **spec):
        httpx.post(f"{devstore.url}/_devstore/faults", json={"kind": kind, **spec}).raise_for_status()

    return inject


@pytest.fixture
def installed_shop(client, seeded_shop, owner_id, session_token, devstore_log):
    """The seeded shop installed in the app through its first session token (real token exchange)."""
    from shopapp.models import Shop

    response = client.get("/api/admin/me", HTTP_AUTHORIZATION=f"Bearer {session_token(DEMO_SHOP, owner_id)}")
    assert response.status_code == 200, response.content
    devstore_log.clear()  # tests count only their own calls
    return Shop.objects.get(domain=DEMO_SHOP)


@pytest.fixture
def listen(redis_client):
    """``listen(group)`` -> a function returning what the group received (waits briefly), over the
    real Redis channel layer."""
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    layer = get_channel_layer()

    def subscribe(group):
        channel = async_to_sync(layer.new_channel)()
        async_to_sync(layer.group_add)(group, channel)

        def received():
            import asyncio

            async def drain():
                events = []
                while True:
                    try:
                        events.append(await asyncio.wait_for(layer.receive(channel), timeout=0.3))
                    except TimeoutError:
                        return events

            return async_to_sync(drain)()

        return received

    return subscribe
