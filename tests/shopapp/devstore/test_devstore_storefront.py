"""The dev store's storefront: the demo page with the chat widget's mount point, "log in as" a
seeded customer, the theme app extension's assets, and the app proxy (signed as Shopify signs it,
forwarded to a tiny stdlib "app")."""

import hashlib
import hmac
import http.client
import json
import socket
import threading
from html import escape
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from shopify_app import ShopifyApp

from shopapp.devstore import DevStoreServer
from shopapp.devstore.__main__ import parse_args
from shopapp.devstore.app_proxy import proxy_signature

API_KEY = "storefront-test-key"
API_SECRET = "storefront-test-secret-0123456789abcdef"
SHOP = "front-shop.myshopify.com"
BASE = f"/store/{SHOP}"
SHOP_NAME = "Tom & Jerry's <b>Shop</b>"
CUSTOMER_FIRST, CUSTOMER_LAST = '<img src=x onerror="alert(1)">', "O'Brien & Sons"
LOADER_JS = b"/* loader */ console.log('loaded');\n"


class App:
    """The app behind the proxy: records every request and gives the answer set in ``reply``."""

    def __init__(self):
        self.requests = []
        self.reply = (200, "application/json", b'{"ok":true}', {})
        app = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                split = urlsplit(self.path)
                app.requests.append(
                    {
                        "method": self.command,
                        "path": split.path,
                        "query": parse_qsl(split.query, keep_blank_values=True),
                        "raw_url": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": body,
                    }
                )
                status, content_type, payload, extra = app.reply
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                for name, value in extra.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _any

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Attributes(HTMLParser):
    """Attributes of every element of an HTML page, by tag."""

    def __init__(self, html):
        super().__init__()
        self.tags = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag, **match):
        return [attrs for name, attrs in self.tags if name == tag and all(attrs.get(k) == v for k, v in match.items())]


@pytest.fixture(scope="module")
def app():
    app = App()
    yield app
    app.close()


@pytest.fixture(scope="module")
def assets(tmp_path_factory):
    root = tmp_path_factory.mktemp("extension")
    folder = root / "assets"
    folder.mkdir()
    (folder / "support-chat-loader.js").write_bytes(LOADER_JS)
    (folder / "support-chat.css").write_text("#support-chat-root { color: red; }\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.js").write_text("inner\n")
    (root / "secret.txt").write_text("secret\n")
    (folder / "escape.js").symlink_to(root / "secret.txt")
    return folder


@pytest.fixture(scope="module")
def server(app, assets):
    with DevStoreServer(
        api_key=API_KEY, api_secret=API_SECRET, app_url=app.url, port=0, extension_assets=assets
    ) as server:
        server.seed(SHOP, seed=2, customers=4, orders=12)
        with server.store.state.mutate() as data:
            record = data["shops"][SHOP]
            record["shop"]["name"] = SHOP_NAME
            first = record["customers"][min(record["customers"])]
            first["first_name"], first["last_name"] = CUSTOMER_FIRST, CUSTOMER_LAST
        yield server


@pytest.fixture
def client(server, app):
    app.requests.clear()
    app.reply = (200, "application/json", b'{"ok":true}', {})
    with httpx.Client(base_url=server.url, timeout=10) as client:
        yield client


@pytest.fixture(scope="module")
def customers(server):
    with server.store.state.read() as data:
        return json.loads(json.dumps(data["shops"][SHOP]["customers"]))


@pytest.fixture(scope="module")
def customer_with_orders(server, customers):
    with server.store.state.read() as data:
        orders = list(data["shops"][SHOP]["orders"].values())
    ids = [str(order["customer_id"]) for order in orders]
    return max(customers, key=ids.count)


def raw_get(server, path, headers=None):
    """A GET with the path sent exactly as written (httpx would normalise dot segments)."""
    connection = http.client.HTTPConnection("127.0.0.1", int(server.url.rsplit(":", 1)[1]), timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def verify(request):
    """What the app does with a proxied request: shopifyapp's own check (as AppProxyAuthentication)."""
    url = f"http://app{request['raw_url']}"
    return ShopifyApp(client_id=API_KEY, client_secret=API_SECRET).verify_app_proxy_req(
        {"method": request["method"], "headers": request["headers"], "url": url, "body": ""}
    )


# The page ------------------------------------------------------------------------------------


def test_page_renders_the_widget_mount_point_of_the_contract(client):
    response = client.get(f"{BASE}/")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == "no-store"
    page = Attributes(response.text)
    assert page.find("div", id="support-chat-root") == [
        {
            "id": "support-chat-root",
            "hidden": None,
            "data-proxy": f"{BASE}/apps/support",
            "data-locale": "en",
            "data-color": "#008060",
            "data-position": "right",
            "data-customer": "",
        }
    ]
    assert page.find("script") == [{"src": f"{BASE}/cdn/extensions/support-chat-loader.js", "defer": None}]
    assert page.find("html") == [{"lang": "en"}]


def test_page_without_trailing_slash_is_the_same_page(client):
    assert client.get(BASE).text == client.get(f"{BASE}/").text


@pytest.mark.parametrize(("asked", "locale"), [("zh-CN", "zh-CN"), ("es", "es"), ('"><script>', "en"), ("", "en")])
def test_locale_comes_from_the_query(client, asked, locale):
    page = Attributes(client.get(f"{BASE}/", params={"locale": asked}).text)

    assert page.find("div", id="support-chat-root")[0]["data-locale"] == locale
    assert page.find("html") == [{"lang": locale}]


def test_shop_and_customer_names_are_escaped(client):
    html = client.get(f"{BASE}/").text

    assert "<b>Shop</b>" not in html
    assert "<img" not in html
    assert "<title>Tom &amp; Jerry&#x27;s &lt;b&gt;Shop&lt;/b&gt;</title>" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; O&#x27;Brien &amp; Sons" in html


def test_page_lists_products_and_every_customer_to_log_in_as(client, customers):
    page = Attributes(client.get(f"{BASE}/").text)

    assert [attrs["value"] for attrs in page.find("option")] == sorted(customers)
    assert page.find("select") == [{"id": "login-customer", "name": "customer_id"}]
    assert page.find("form") == [{"class": "account", "method": "get", "action": f"{BASE}/account/login"}]
    assert "Merino Wool Beanie" in client.get(f"{BASE}/").text


def test_host_form_serves_the_page_with_root_paths(client):
    page = Attributes(client.get("/", headers={"Host": SHOP}).text)

    root = page.find("div", id="support-chat-root")[0]
    assert root["data-proxy"] == "/apps/support"
    assert page.find("script") == [{"src": "/cdn/extensions/support-chat-loader.js", "defer": None}]


def test_unknown_shop_is_404(client):
    response = client.get("/store/nobody.myshopify.com/")

    assert response.status_code == 404
    assert response.json() == {"errors": "Not Found"}


# Log in as -----------------------------------------------------------------------------------


def test_login_sets_the_cookie_and_the_page_shows_the_customer(client, customer_with_orders, customers):
    response = client.get(f"{BASE}/account/login", params={"customer_id": customer_with_orders, "locale": "zh-CN"})

    assert response.status_code == 303
    assert response.headers["location"] == f"{BASE}/?locale=zh-CN"
    assert response.headers["set-cookie"] == (
        f"devstore_customer={customer_with_orders}; Path={BASE}/; Max-Age=2592000; HttpOnly; SameSite=Lax"
    )
    html = client.get(f"{BASE}/", params={"locale": "zh-CN"}).text
    page = Attributes(html)
    assert page.find("div", id="support-chat-root")[0]["data-customer"] == customer_with_orders
    customer = customers[customer_with_orders]
    name = escape(f"{customer['first_name']} {customer['last_name']}")
    assert f'Logged in as <strong class="customer-name">{name}</strong>' in html
    assert page.find("a") == [{"href": f"{BASE}/account/logout?locale=zh-CN"}]
    assert page.find("article", **{"class": "order"})  # the customer's orders are listed
    assert page.find("select") == []


@pytest.mark.parametrize("customer_id", ["9100000000199999", "abc", "", "1; Path=/"])
def test_login_as_an_unknown_customer_is_400_without_cookie(client, customer_id):
    response = client.get(f"{BASE}/account/login", params={"customer_id": customer_id})

    assert response.status_code == 400
    assert "set-cookie" not in response.headers
    assert client.cookies.get("devstore_customer") is None
    assert "<script" not in response.text


def test_logout_clears_the_cookie(client, customer_with_orders):
    client.get(f"{BASE}/account/login", params={"customer_id": customer_with_orders})

    response = client.get(f"{BASE}/account/logout")

    assert response.status_code == 303
    assert response.headers["location"] == f"{BASE}/"
    assert response.headers["set-cookie"] == f"devstore_customer=; Path={BASE}/; Max-Age=0; HttpOnly; SameSite=Lax"
    client.cookies.clear()  # httpx keeps an expired cookie with an empty value
    page = Attributes(client.get(f"{BASE}/").text)
    assert page.find("div", id="support-chat-root")[0]["data-customer"] == ""


def test_a_cookie_naming_no_customer_of_the_shop_is_nobody(client):
    page = Attributes(client.get(f"{BASE}/", headers={"Cookie": "devstore_customer=123"}).text)

    assert page.find("div", id="support-chat-root")[0]["data-customer"] == ""


# The app proxy -------------------------------------------------------------------------------


def test_proxy_forwards_a_signed_request_that_shopifyapp_accepts(client, app, customer_with_orders):
    client.get(f"{BASE}/account/login", params={"customer_id": customer_with_orders})

    response = client.get(
        f"{BASE}/apps/support/api/widget/orders/lookup",
        params=[("q", "#1001"), ("extra", "1"), ("extra", "2")],
        headers={"Accept": "application/json", "X-Visitor-Token": "visitor-abc"},
    )

    assert response.status_code == 200
    assert response.json() == {"ok": True}
    [forwarded] = app.requests
    assert forwarded["method"] == "GET"
    assert forwarded["path"] == "/api/widget/orders/lookup"
    query = forwarded["query"]
    assert [key for key, _ in query] == [
        "q", "extra", "extra", "shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"
    ]
    params = dict(query[:1] + query[3:])
    assert params["q"] == "#1001"
    assert params["shop"] == SHOP
    assert params["logged_in_customer_id"] == customer_with_orders
    assert params["path_prefix"] == "/apps/support"
    assert forwarded["headers"]["accept"] == "application/json"
    assert forwarded["headers"]["x-visitor-token"] == "visitor-abc"
    assert "cookie" not in forwarded["headers"]
    result = verify(forwarded)
    assert (result.ok, result.shop, result.logged_in_customer_id) == (True, "front-shop", customer_with_orders)


def test_proxy_signature_is_shopifys(client, app):
    client.get(f"{BASE}/apps/support/x", params=[("extra", "1"), ("extra", "2")])

    query = app.requests[0]["query"]
    unsigned = [(key, value) for key, value in query if key != "signature"]
    message = "".join(
        sorted(["extra=1,2"] + [f"{key}={value}" for key, value in unsigned if key != "extra"])
    )
    expected = hmac.new(API_SECRET.encode(), message.encode(), hashlib.sha256).hexdigest()
    assert dict(query)["signature"] == expected == proxy_signature(unsigned, API_SECRET)


def test_anonymous_visitor_has_an_empty_customer_id(client, app):
    client.get(f"{BASE}/apps/support/api/widget/conversations")

    forwarded = app.requests[0]
    assert dict(forwarded["query"])["logged_in_customer_id"] == ""
    result = verify(forwarded)
    assert result.ok
    assert not result.logged_in_customer_id


def test_shopper_cannot_pass_shopifys_parameters(client, app):
    client.get(
        f"{BASE}/apps/support/api/widget/conversations",
        params={"logged_in_customer_id": "42", "shop": "evil.myshopify.com", "signature": "f00", "timestamp": "1"},
    )

    query = app.requests[0]["query"]
    assert [key for key, _ in query] == ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"]
    assert dict(query)["shop"] == SHOP
    assert dict(query)["logged_in_customer_id"] == ""
    assert verify(app.requests[0]).ok


def test_proxy_forwards_json_and_returns_the_apps_answer(client, app):
    app.reply = (201, "application/json; charset=utf-8", b'{"id":"9007199254740993"}',
                 {"Set-Cookie": "sessionid=abc", "Retry-After": "3"})

    response = client.post(
        f"{BASE}/apps/support/api/widget/conversations",
        content=b'{"name":"Ana","locale":"es"}',
        headers={"Content-Type": "application/json", "Cookie": "other=1"},
    )

    assert response.status_code == 201
    assert response.content == b'{"id":"9007199254740993"}'
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    assert response.headers["retry-after"] == "3"
    assert "set-cookie" not in response.headers
    [forwarded] = app.requests
    assert (forwarded["method"], forwarded["path"]) == ("POST", "/api/widget/conversations")
    assert forwarded["body"] == b'{"name":"Ana","locale":"es"}'
    assert forwarded["headers"]["content-type"] == "application/json"
    assert "cookie" not in forwarded["headers"]


def test_proxy_forwards_a_multipart_body_byte_exact(client, app):
    boundary = "----devstore-boundary-7"
    payload = bytes(range(256)) * 4
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\n"
        "Content-Type: image/png\r\n\r\n"
    ).encode() + payload + f"\r\n--{boundary}--\r\n".encode()

    response = client.post(
        f"{BASE}/apps/support/api/widget/conversations/9007199254740993/attachments",
        content=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )

    assert response.status_code == 200
    [forwarded] = app.requests
    assert forwarded["path"] == "/api/widget/conversations/9007199254740993/attachments"
    assert forwarded["body"] == body
    assert forwarded["headers"]["content-type"] == f"multipart/form-data; boundary={boundary}"
    assert verify(forwarded).ok


def test_proxy_root_is_the_apps_root(client, app):
    client.delete(f"{BASE}/apps/support")

    assert (app.requests[0]["method"], app.requests[0]["path"]) == ("DELETE", "/")


def test_proxy_through_the_host_form(client, app):
    client.get("/apps/support/api/widget/conversations", headers={"Host": SHOP})

    assert app.requests[0]["path"] == "/api/widget/conversations"
    assert dict(app.requests[0]["query"])["shop"] == SHOP


def test_proxy_with_the_app_down_is_502(app):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    with DevStoreServer(api_key=API_KEY, api_secret=API_SECRET, app_url=f"http://127.0.0.1:{closed_port}",
                        port=0) as down:
        down.seed(SHOP, seed=2, customers=2, orders=2)
        response = httpx.post(f"{down.url}{BASE}/apps/support/api/widget/conversations", json={}, timeout=10)
        log = httpx.get(f"{down.url}/_devstore/log", params={"kind": "app_proxy"}).json()["entries"]

    assert response.status_code == 502
    assert response.json() == {
        "errors": "Bad Gateway",
        "reason": f"the app at http://127.0.0.1:{closed_port} did not answer (ConnectError)",
    }
    assert [(e["status"], e["method"], e["path"]) for e in log] == [(502, "POST", "/api/widget/conversations")]


# Extension assets ----------------------------------------------------------------------------


def test_assets_are_served_with_type_and_no_cache(client):
    js = client.get(f"{BASE}/cdn/extensions/support-chat-loader.js")
    css = client.get(f"{BASE}/cdn/extensions/support-chat.css")

    assert js.status_code == 200
    assert js.content == LOADER_JS
    assert js.headers["content-type"] == "text/javascript; charset=utf-8"
    assert js.headers["cache-control"] == "no-cache"
    assert css.headers["content-type"] == "text/css; charset=utf-8"


@pytest.mark.parametrize(
    "name",
    [
        "../secret.txt",
        "..%2Fsecret.txt",
        "%2E%2E/secret.txt",
        "sub/inner.js",
        "escape.js",  # a symlink leading out of the folder
        "missing.js",
        ".hidden",
        "",
    ],
)
def test_assets_outside_the_folder_or_missing_are_404(server, name):
    status, headers, body = raw_get(server, f"{BASE}/cdn/extensions/{name}")

    assert status == 404
    assert b"secret" not in body
    assert json.loads(body) == {"errors": "Not Found"}


def test_assets_without_a_folder_are_404():
    with DevStoreServer(api_key=API_KEY, api_secret=API_SECRET, port=0) as bare:
        bare.seed(SHOP, seed=2, customers=2, orders=2)
        response = httpx.get(f"{bare.url}{BASE}/cdn/extensions/support-chat-loader.js")

    assert response.status_code == 404
    assert response.json() == {"errors": "Not Found", "reason": "no --extension-assets folder is configured"}


def test_cli_takes_the_extension_assets_folder():
    assert parse_args(["--extension-assets", "extensions/chat-widget/assets"]).extension_assets == (
        "extensions/chat-widget/assets"
    )
    assert parse_args([]).extension_assets is None
