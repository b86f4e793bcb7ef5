"""Fixtures for the dev store tests: a dev store over real HTTP, a webhook receiver, and a
small client that speaks to shops through the rewriting transport."""

import itertools
import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from shopapp.devstore import DevStoreServer, DevStoreTransport

API_KEY = "devstore-test-api-key"
API_SECRET = "devstore-test-api-secret-0123456789abcdef"
TODAY = date(2026, 3, 2)
TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange"
ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token"
OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token"
ONLINE = "urn:shopify:params:oauth:token-type:online-access-token"
_shop_numbers = itertools.count(1)


class Receiver:
    """A stdlib HTTP server standing in for the app's webhook endpoints."""

    def __init__(self):
        self.deliveries = []
        self.statuses = []  # answers to give, in order; 200 once exhausted
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with receiver.lock:
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                    receiver.deliveries.append(
                        {
                            "path": self.path,
                            "headers": dict(self.headers.items()),
                            "body": body,
                            "status": status,
                        }
                    )
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def reset(self):
        with self.lock:
            self.deliveries.clear()
            self.statuses.clear()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Api:
    """Helpers over HTTP: the control API, the token endpoint and GraphQL for one dev store."""

    key = API_KEY
    secret = API_SECRET
    offline = OFFLINE
    online = ONLINE

    def __init__(self, server):
        self.server = server
        self.control = httpx.Client(base_url=server.url, timeout=10)
        self.shopify = httpx.Client(transport=DevStoreTransport(server.url), timeout=10)

    def close(self):
        self.control.close()
        self.shopify.close()

    def seed(self, shop, **options):
        body = {"shop": shop, "seed": 1, "customers": 12, "orders": 40, "today": TODAY.isoformat(), **options}
        response = self.control.post("/_devstore/shops", json=body)
        assert response.status_code == 200, response.text
        return response.json()

    def session_token(self, shop, **body):
        response = self.control.post("/_devstore/session-token", json={"shop": shop, **body})
        assert response.status_code == 200, response.text
        return response.json()["token"]

    def token_request(self, shop, body, **kwargs):
        return self.shopify.post(f"https://{shop}/admin/oauth/access_token", json=body, **kwargs)

    def exchange(self, shop, subject_token=None, *, mode=OFFLINE, expiring=1, **overrides):
        body = {
            "client_id": API_KEY,
            "client_secret": API_SECRET,
            "grant_type": TOKEN_EXCHANGE,
            "subject_token": subject_token or self.session_token(shop),
            "subject_token_type": ID_TOKEN,
            "requested_token_type": mode,
            "expiring": expiring,
            **overrides,
        }
        return self.token_request(shop, body)

    def install(self, shop):
        response = self.exchange(shop)
        assert response.status_code == 200, response.text
        return response.json()["access_token"]

    def graphql(self, shop, token, query, variables=None, **kwargs):
        body = {"query": query, **({"variables": variables} if variables is not None else {})}
        headers = {"X-Shopify-Access-Token": token} if token else {}
        return self.shopify.post(f"https://{shop}/admin/api/2026-07/graphql.json", json=body, headers=headers, **kwargs)

    def data(self, shop, token, query, variables=None):
        response = self.graphql(shop, token, query, variables)
        assert response.status_code == 200, response.text
        payload = response.json()
        assert "errors" not in payload, payload
        return payload["data"]

    def state(self, shop=None):
        """A copy of the dev store's state: tokens, codes and (only) the named shop."""
        with self.server.store.state.read() as data:
            shops = {shop: data["shops"][shop]} if shop else {}
            picked = {key: data[key] for key in ("tokens", "refresh_tokens", "codes")}
            return json.loads(json.dumps({**picked, "shops": shops}))

    def log(self, **params):
        return self.control.get("/_devstore/log", params=params).json()["entries"]

    def credit(self, shop):
        return self.control.get(f"/_devstore/shops/{shop}/store-credit").json()


@pytest.fixture(scope="session")
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()


@pytest.fixture(scope="session")
def shared_server(receiver):
    with DevStoreServer(
        api_key=API_KEY, api_secret=API_SECRET, app_url=receiver.url, port=0, webhook_backoff=0.05
    ) as server:
        yield server


@pytest.fixture(scope="session")
def shared_api(shared_server):
    api = Api(shared_server)  # httpx clients are slow to build (TLS context): build them once
    yield api
    api.close()


@pytest.fixture
def api(shared_api, shared_server, receiver):
    """The shared dev store with no faults, an empty log and no recorded webhooks."""
    shared_api.control.delete("/_devstore/faults")
    shared_server.wait_for_webhooks(5)
    shared_api.control.delete("/_devstore/log")
    shared_api.control.delete("/_devstore/webhooks")
    receiver.reset()
    yield shared_api
    shared_api.control.delete("/_devstore/faults")


@pytest.fixture
def shop(api):
    """A freshly seeded small shop of its own (12 customers, 40 orders)."""
    name = f"test-shop-{next(_shop_numbers)}.myshopify.com"
    api.seed(name)
    return name


@pytest.fixture
def token(api, shop):
    """An offline access token for `shop` (the app is installed)."""
    return api.install(shop)


@pytest.fixture(scope="session")
def demo(shared_api):
    """The full demo shop (50 customers, 200 orders) seeded once, for read-only tests."""
    name = "demo-store.myshopify.com"
    summary = shared_api.seed(name, customers=50, orders=200)
    token = shared_api.install(name)
    return {"shop": name, "token": token, "summary": summary}


@pytest.fixture
def make_server(receiver):
    """Start extra dev stores with their own options (stopped after the test)."""
    started = []

    def make(**options):
        settings = {"api_key": API_KEY, "api_secret": API_SECRET, "app_url": receiver.url, "port": 0}
        server = DevStoreServer(**{**settings, **options}).start()
        api = Api(server)
        started.append((server, api))
        return api

    yield make
    for server, api in started:
        api.close()
        server.stop()
