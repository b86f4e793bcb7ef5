"""The cross-tenant matrix: every admin and widget endpoint, and both sockets, used with shop B's
credentials on shop A's objects, refuse, and nothing happens: no row of any model changes, nothing is
broadcast to shop A's agents or shopper, no text of shop A appears in an answer.

The endpoints come from Django's URL resolver, so a new one is covered without editing this file: a
pattern without an object id is swept with shop B's credentials (answers never show shop A's rows, and
shop A's rows never change); a pattern with an object id must have its cases in ``ADMIN_MATRIX`` /
``WIDGET_MATRIX`` (``test_every_endpoint_with_an_object_id_is_in_the_matrix`` fails otherwise). Each
case is also made by shop A's own staff or shopper, inside a rolled-back transaction, and must succeed
there: a refusal is the tenancy check at work, not a body the endpoint would have refused anyway."""
import json
from dataclasses import dataclass
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from channels.testing.websocket import WebsocketCommunicator
from django.apps import apps
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from shopapp.asgi import application
from shopapp.models import Role
from support import realtime, visitors
from support.actions import conversations as conversation_actions
from support.actions.attachments import store_upload
from support.actions.followup_kinds import send_later
from support.actions.messages import add_internal_note, receive_customer_message, send_agent_reply
from support.actions.one_click_ratings import SALT as RATING_SALT
from support.actions.one_click_ratings import rating_token
from support.consumers import issue_socket_token
from tests.factories import (
    AgentFactory,
    ConversationFactory,
    CreditGrantFactory,
    CustomerFactory,
    DataExportFactory,
    FaqEntryFactory,
    OrderFactory,
    ReplyTextFactory,
    ShopTokenFactory,
    TemplateFactory,
    WebhookDeliveryFactory,
)
from tests.support.actions.test_attachments import PNG
from tests.support.api.test_widget import proxy_query

MARK = "ALPHALEAK"  # in every text of shop A: an answer to shop B containing it leaked
SHOP_A, SHOP_B = "tenant-a.myshopify.com", "tenant-b.myshopify.com"
APPS = ("shopapp", "support", "webhooks")
ORIGIN = [(b"origin", b"http://testserver")]


# --- the endpoints, from the resolver -------------------------------------------------------------

@dataclass(frozen=True)
class Endpoint:
    route: str  # "api/admin/conversations/<int:conversation_id>"
    name: str
    methods: tuple[str, ...]
    params: tuple[str, ...]  # the route's parameters: object ids (and the reply texts' key/language)


def api_endpoints() -> list[Endpoint]:
    found: list[Endpoint] = []

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if not route.startswith(("api/admin/", "api/widget/")):
                    continue
                view = pattern.callback.view_class
                methods = tuple(m for m in ("get", "post", "put", "patch", "delete") if hasattr(view, m))
                found.append(Endpoint(route, pattern.name, methods, tuple(pattern.pattern.converters)))

    walk(get_resolver().url_patterns, "")
    return found


# --- the two shops --------------------------------------------------------------------------------

def upload(name="photo.png"):
    return SimpleUploadedFile(name, PNG, "image/png")


class World:
    """Shop A with one object of every kind, shop B with its own conversation, staff and shopper."""

    def __init__(self):
        self.shop_a = ShopTokenFactory(shop__domain=SHOP_A, shop__name=f"{MARK} Teas", shop__currency="EUR").shop
        self.shop_b = ShopTokenFactory(shop__domain=SHOP_B, shop__name="Beta Bikes", shop__currency="EUR").shop
        self.agent_a = AgentFactory(shop=self.shop_a, shopify_user_id="501", role=Role.OWNER, name=f"{MARK} Ann")
        self.agent_b = AgentFactory(shop=self.shop_b, shopify_user_id="502", role=Role.OWNER, name="Bob Beta")
        self.customer_a = CustomerFactory(shop=self.shop_a, first_name=MARK, last_name="Shopper",
                                          email="alphaleak@example.com", visitor_id="v_alphaleak")
        self.customer_b = CustomerFactory(shop=self.shop_b, first_name="Bea", email="bea@example.com",
                                          visitor_id="v_beta")
        self.order_a = OrderFactory(shop=self.shop_a, customer=self.customer_a, name="#9101", currency="EUR",
                                    total_price="200.00", email=self.customer_a.email)
        self.order_b = OrderFactory(shop=self.shop_b, customer=self.customer_b, name="#5101", currency="EUR",
                                    total_price="200.00", email=self.customer_b.email)
        self.conv_a = ConversationFactory(shop=self.shop_a, customer=self.customer_a)
        self.conv_b = ConversationFactory(shop=self.shop_b, customer=self.customer_b)

        shopper_file = store_upload(self.conv_a, upload=upload(f"{MARK}-shopper.png"), uploaded_by="shopper")
        self.message_a, _ = receive_customer_message(self.conv_a, body=f"{MARK} where is my tea?", client_id="a-s1",
                                                     attachment_ids=[shopper_file.pk])
        agent_file = store_upload(self.conv_a, upload=upload(f"{MARK}-agent.png"), uploaded_by="agent",
                                  agent=self.agent_a)
        self.reply_a, _ = send_agent_reply(self.conv_a, agent=self.agent_a, body=f"{MARK} it left today",
                                           client_id="a-a1", attachment_ids=[agent_file.pk])
        add_internal_note(self.conv_a, agent=self.agent_a, body=f"{MARK} internal", client_id="a-n1")
        conversation_actions.set_tags(self.conv_a, agent=self.agent_a, names=["alphaleak-tag"])
        self.sent_shopper_file, self.sent_agent_file = shopper_file, agent_file
        self.unsent_agent_file = store_upload(self.conv_a, upload=upload(f"{MARK}-draft.png"), uploaded_by="agent",
                                              agent=self.agent_a)
        self.unsent_shopper_file = store_upload(self.conv_a, upload=upload(f"{MARK}-mine.png"),
                                                uploaded_by="shopper")
        self.message_b, _ = receive_customer_message(self.conv_b, body="Beta question", client_id="b-s1")

        self.template_a = TemplateFactory(shop=self.shop_a, name=f"{MARK} template",
                                          variants__body=f"{MARK} Hi {{{{customer.first_name}}}}")
        self.template_b = TemplateFactory(shop=self.shop_b, name="Beta template", variants__body="Hello there")
        self.faq_a = FaqEntryFactory(shop=self.shop_a, questions=[f"{MARK} gift wrap?"], answer=f"{MARK} yes")
        self.grant_a = CreditGrantFactory(shop=self.shop_a, customer=self.customer_a, order=self.order_a,
                                          conversation=self.conv_a, state="pending_approval", amount="5.00",
                                          currency="EUR", note=f"{MARK} grant")
        self.followup_a, _ = send_later.schedule_reply(self.conv_a, agent=self.agent_a, body=f"{MARK} later",
                                                       client_id="a-l1")
        self.followup_b, _ = send_later.schedule_reply(self.conv_b, agent=self.agent_b, body="Beta later",
                                                       client_id="b-l1")
        self.export_a = DataExportFactory(shop=self.shop_a, customer_shopify_id=self.customer_a.shopify_id,
                                          content={"customer": MARK})
        self.delivery_a = WebhookDeliveryFactory(shop_domain=SHOP_A, status="failed", last_error=f"{MARK} boom")
        self.reply_text_a = ReplyTextFactory(shop=self.shop_a, key="hours.greeting", language="de",
                                             body=f"{MARK} Moin bei {{shop_name}}!")

    def admin(self, shop):
        return self.agent_a if shop == "a" else self.agent_b


@pytest.fixture
def attachments_dir(settings, tmp_path):
    settings.ATTACHMENTS_DIR = tmp_path / "attachments"
    return settings.ATTACHMENTS_DIR


@pytest.fixture
def world(attachments_dir, redis_client):
    return World()


# --- what "nothing happened" means ----------------------------------------------------------------

def _models():
    return [model for label in APPS for model in apps.get_app_config(label).get_models()]


def _scope_to(model, shop):
    """Rows of ``model`` that belong to ``shop`` (the whole table when no path to a shop is known)."""
    names = {f.name: f for f in model._meta.concrete_fields}
    if model._meta.label == "shopapp.Shop":
        return model.objects.filter(pk=shop.pk)
    if "shop" in names and names["shop"].is_relation:
        return model.objects.filter(shop_id=shop.pk)
    for text_field in ("shop_domain", "shop"):
        if text_field in names:
            return model.objects.filter(**{text_field: shop.domain})
    for f in model._meta.concrete_fields:
        if f.is_relation and "shop" in {g.name for g in f.related_model._meta.concrete_fields}:
            return model.objects.filter(**{f"{f.name}__shop_id": shop.pk})
    return model.objects.all()


def snapshot(shop=None) -> dict:
    """Every row of every model of the app (or only ``shop``'s), field by field."""
    rows = {}
    for model in _models():
        queryset = _scope_to(model, shop) if shop is not None else model.objects.all()
        rows[model._meta.label] = list(queryset.order_by("pk").values())
    return rows


def changes(before: dict, after: dict) -> list[str]:
    return [f"{label}: {len(before[label])} -> {len(after[label])} rows" if len(before[label]) != len(after[label])
            else f"{label}: a row changed" for label in before if before[label] != after[label]]


def text_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


# --- calls ----------------------------------------------------------------------------------------

@dataclass
class Case:
    method: str
    label: str
    kwargs: dict
    body: object = None  # a dict (JSON), "upload" (multipart with one PNG), or None
    control: int = 200  # what shop A's own staff or shopper gets for the same request
    refusal: int = 404


@dataclass
class Caller:
    """Credentials: an agent's session token, or a widget's signed proxy query and visitor token."""

    label: str
    token: str = ""
    shop: str = ""
    customer_id: int | None = None
    visitor_token: str = ""


class Http:
    def __init__(self, client):
        self.client, self.calls = client, 0
        client.raise_request_exception = False  # a crash is a 500 in the failures, not the end of the matrix

    def __call__(self, caller: Caller, method: str, path: str, body=None, query: dict | None = None):
        self.calls += 1
        headers = {"REMOTE_ADDR": f"127.0.{self.calls // 250}.{self.calls % 250 + 1}"}  # per-IP limits
        if path.startswith("/api/widget/"):
            path = f"{path}?{proxy_query(shop=caller.shop, customer_id=caller.customer_id, **(query or {}))}"
            if caller.visitor_token:
                headers["HTTP_X_VISITOR_TOKEN"] = caller.visitor_token
        else:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {caller.token}"
            if query:
                path = f"{path}?{'&'.join(f'{k}={v}' for k, v in query.items())}"
        if body == "upload":
            return self.client.post(path, {"file": upload()}, **headers)
        if method == "get":
            return self.client.get(path, **headers)
        data = json.dumps(body if body is not None else {})
        return self.client.generic(method.upper(), path, data, content_type="application/json", **headers)


def admin_matrix(w: World) -> dict[str, list[Case]]:
    """Shop A's objects for each admin pattern with an id, by URL name; combinations name shop B's own
    object beside shop A's where a pattern has two ids."""
    ca, cb = w.conv_a.pk, w.conv_b.pk
    later = (timezone.now() + timedelta(days=1)).isoformat()
    faq = {"questions": ["Do you gift wrap?"], "answer": "Yes.", "language": "", "enabled": True}
    tpl = {"name": "Renamed", "category": "", "variants": {"en": "Hello"}}
    warn = {"warnings": [{"code": "refund", "phrase": "refund"}], "decision": "cancelled"}
    conv = {"conversation_id": ca}
    return {
        "admin-webhooks-replay": [Case("post", "failed delivery", {"delivery_id": w.delivery_a.pk})],
        "admin-conversation": [Case("get", "conversation", conv)],
        "admin-conversation-messages": [
            Case("get", "messages", conv),
            Case("post", "reply", conv, {"body": "Hi", "client_id": "x-1"}, control=201),
            Case("post", "internal note", conv, {"body": "psst", "client_id": "x-2", "internal": True}, control=201),
        ],
        "admin-conversation-attachments": [Case("post", "upload", conv, "upload", control=201)],
        "admin-attachment": [
            Case("get", "agent's sent file", {"attachment_id": w.sent_agent_file.pk}),
            Case("get", "shopper's sent file", {"attachment_id": w.sent_shopper_file.pk}),
            Case("get", "agent's unsent upload", {"attachment_id": w.unsent_agent_file.pk}),
        ],
        "admin-conversation-assign": [Case("post", "assign", conv, {"assignee_id": None})],
        "admin-conversation-status": [Case("post", "resolve", conv, {"status": "resolved"})],
        "admin-conversation-snooze": [Case("post", "snooze", conv, {"until": later})],
        "admin-conversation-tags": [Case("put", "tags", conv, {"tags": ["x"]})],
        "admin-conversation-read": [Case("post", "read", conv, {"up_to": str(w.reply_a.pk)})],
        "admin-faq-entry": [
            Case("get", "faq", {"entry_id": w.faq_a.pk}),
            Case("put", "faq", {"entry_id": w.faq_a.pk}, faq),
            Case("delete", "faq", {"entry_id": w.faq_a.pk}, control=204),
        ],
        "admin-privacy-export-download": [Case("get", "export", {"export_id": w.export_a.pk})],
        "admin-template": [
            Case("get", "template", {"template_id": w.template_a.pk}),
            Case("put", "template", {"template_id": w.template_a.pk}, tpl),
            Case("delete", "template", {"template_id": w.template_a.pk}, control=204),
        ],
        **{name: [Case("post", f"{label}: A's conversation, A's template",
                       {"conversation_id": ca, "template_id": w.template_a.pk}, body, control=ok),
                  Case("post", f"{label}: B's conversation, A's template",
                       {"conversation_id": cb, "template_id": w.template_a.pk}, body, control=None),
                  Case("post", f"{label}: A's conversation, B's template",
                       {"conversation_id": ca, "template_id": w.template_b.pk}, body, control=None)]
           for name, label, body, ok in (
               ("admin-conversation-template-preview", "preview", {"values": {}}, 200),
               ("admin-conversation-template-send", "send", {"client_id": "t-1"}, 201))},
        "admin-conversation-messages-check": [Case("post", "check", conv, {"body": "we refund you"})],
        "admin-conversation-scheduled-replies": [
            Case("get", "scheduled", conv),
            Case("post", "schedule", conv, {"body": "Later", "client_id": "s-1"}, control=201),
        ],
        "admin-conversation-scheduled-reply": [
            Case("delete", "A's conversation, A's reply", {"conversation_id": ca, "followup_id": w.followup_a.pk}),
            Case("delete", "B's conversation, A's reply", {"conversation_id": cb, "followup_id": w.followup_a.pk},
                 control=None),
            Case("delete", "A's conversation, B's reply", {"conversation_id": ca, "followup_id": w.followup_b.pk},
                 control=None),
        ],
        "admin-conversation-promise-decisions": [Case("post", "decision", conv, warn, control=201)],
        "admin-credit-grant": [Case("get", "grant", {"grant_id": w.grant_a.pk})],
        "admin-credit-grant-approve": [Case("post", "approve", {"grant_id": w.grant_a.pk}, {"note": ""})],
        "admin-credit-grant-reject": [Case("post", "reject", {"grant_id": w.grant_a.pk}, {"note": "no"})],
        "admin-conversation-credit": [
            Case("get", "allowance", conv),
            Case("post", "request", conv, {"order_id": str(w.order_a.shopify_id), "amount": "1.00",
                                           "reason": "late_delivery", "client_id": "c-1"}, control=201),
        ],
        # Addressed by name, not id: shop B's call reads and writes shop B's own text ("own").
        "admin-reply-text": [
            Case("put", "reply text", {"key": "hours.greeting", "language": "de"},
                 {"body": "Moin bei {shop_name}!"}, refusal="own"),
            Case("delete", "reply text", {"key": "hours.greeting", "language": "de"}, control=204, refusal="own"),
        ],
        "admin-reply-text-preview": [
            Case("post", "preview", {"key": "hours.greeting", "language": "de"}, {"body": "Moin bei {shop_name}!"},
                 refusal="own"),
        ],
    }


def widget_matrix(w: World) -> dict[str, list[Case]]:
    conv = {"conversation_id": w.conv_a.pk}
    return {
        "widget-messages": [
            Case("get", "messages", conv),
            Case("post", "message", conv, {"body": "Hi", "client_id": "w-1"}, control=201),
        ],
        "widget-conversation-attachments": [Case("post", "upload", conv, "upload", control=201)],
        "widget-attachment": [
            Case("get", "shop's file to the shopper", {"attachment_id": w.sent_agent_file.pk}),
            Case("get", "shopper's sent file", {"attachment_id": w.sent_shopper_file.pk}),
            Case("get", "shopper's unsent upload", {"attachment_id": w.unsent_shopper_file.pk}),
        ],
        "widget-conversation-read": [Case("post", "read", conv, {"up_to": str(w.reply_a.pk)})],
        "widget-conversation-rating": [Case("post", "rate", conv, {"rating": 5}, control=201)],
        "widget-socket-token": [Case("post", "socket token", conv)],
    }


def admin_callers(w: World, session_token) -> tuple[Caller, list[Caller]]:
    return (Caller("shop A's owner", token=session_token(SHOP_A, "501")),
            [Caller("shop B's owner", token=session_token(SHOP_B, "502"))])


def widget_callers(w: World) -> tuple[Caller, list[Caller]]:
    own = Caller("shop A's shopper", shop=SHOP_A, visitor_token=visitors.issue(w.shop_a.pk, "v_alphaleak"))
    return own, [
        Caller("shop B's visitor", shop=SHOP_B, visitor_token=visitors.issue(w.shop_b.pk, "v_beta")),
        Caller("shop B's proxy, shop A's visitor token", shop=SHOP_B,
               visitor_token=visitors.issue(w.shop_a.pk, "v_alphaleak")),
        Caller("shop B's proxy, logged in as shop A's customer", shop=SHOP_B,
               customer_id=w.customer_a.shopify_id),
        Caller("shop A's proxy, visitor token minted for shop B", shop=SHOP_A,
               visitor_token=visitors.issue(w.shop_b.pk, "v_alphaleak")),
    ]


# --- the tests ------------------------------------------------------------------------------------

def test_every_endpoint_with_an_object_id_is_in_the_matrix(db, attachments_dir, redis_client):
    """A new pattern with an id (or a new method on one) fails here until its cases are written."""
    w = World()
    matrix = {**admin_matrix(w), **widget_matrix(w)}
    endpoints = api_endpoints()
    with_ids = {e.name: e for e in endpoints if e.params}
    missing = sorted(set(with_ids) - set(matrix))
    unknown = sorted(set(matrix) - set(with_ids))
    uncovered = sorted(f"{name} {method}" for name, e in with_ids.items() if name in matrix
                       for method in e.methods if method not in {case.method for case in matrix[name]})
    assert (missing, unknown, uncovered) == ([], [], [])
    assert len(endpoints) >= 50 and len(with_ids) >= 25  # the resolver walk found the API


def _run(http, caller, case, name):
    return http(caller, case.method, reverse(name, kwargs=case.kwargs), case.body)


def _check_matrix(http, matrix, own, others, w) -> list[str]:
    """Every case with every foreign caller: refused (or, for "own" cases, acting on shop B only), with
    nothing changed; then every case by shop A's own caller, rolled back, must succeed."""
    failures = []
    for name, cases in matrix.items():
        for case in cases:
            for caller in others:
                whole, a_rows = snapshot(), snapshot(w.shop_a)
                response = _run(http, caller, case, name)
                where = f"{caller.label}: {case.method.upper()} {name} ({case.label})"
                if case.refusal == "own":
                    if response.status_code >= 400 or snapshot(w.shop_a) != a_rows:
                        changed = changes(a_rows, snapshot(w.shop_a))
                        failures.append(f"{where}: {response.status_code}, shop A changed: {changed}")
                elif response.status_code != case.refusal or snapshot() != whole:
                    failures.append(f"{where}: {response.status_code} {text_of(response)[:120]!r}, "
                                    f"changed: {changes(whole, snapshot())}")
                if MARK.lower() in text_of(response).lower():
                    failures.append(f"{where}: the answer shows shop A's text")
    for name, cases in matrix.items():
        for case in cases:
            if case.control is None:
                continue
            with transaction.atomic():
                response = _run(http, own, case, name)
                transaction.set_rollback(True)
            if response.status_code != case.control:
                failures.append(f"control {own.label}: {case.method.upper()} {name} ({case.label}): "
                                f"{response.status_code} {text_of(response)[:200]!r}")
    return failures


@pytest.fixture
def listened(listen, world):
    groups = [realtime.agents_group(world.shop_a.pk), realtime.shopper_group(world.conv_a.pk)]
    receivers = [(group, listen(group)) for group in groups]
    return lambda: [(group, receive()) for group, receive in receivers]


@pytest.mark.django_db(transaction=True)
def test_admin_endpoints_refuse_shop_b_on_shop_a_objects(client, world, session_token, listened):
    http = Http(client)
    own, others = admin_callers(world, session_token)
    w, b = world, others[0]
    failures = _check_matrix(http, admin_matrix(w), own, others, w)

    # Ids in a body or a query, on shop B's own objects.
    body_cases = [
        ("post", reverse("admin-conversations-bulk"), {"ids": [w.conv_a.pk], "status": "closed"}, None, 404),
        ("post", reverse("admin-conversations-bulk"), {"ids": [w.conv_b.pk, w.conv_a.pk], "status": "closed"},
         None, 404),
        ("post", reverse("admin-conversations-bulk"), {"ids": [w.conv_b.pk], "assignee_id": w.agent_a.pk}, None, 400),
        ("post", reverse("admin-conversation-assign", args=[w.conv_b.pk]), {"assignee_id": w.agent_a.pk}, None, 400),
        ("post", reverse("admin-conversation-messages", args=[w.conv_b.pk]),
         {"body": "see file", "client_id": "b-x", "attachment_ids": [str(w.unsent_agent_file.pk)]}, None, 400),
        ("post", reverse("admin-conversation-promise-decisions", args=[w.conv_b.pk]),
         {"warnings": [{"code": "refund", "phrase": "refund"}], "decision": "sent", "message_id": w.reply_a.pk},
         None, 404),
        ("post", reverse("admin-conversation-credit", args=[w.conv_b.pk]),
         {"order_id": str(w.order_a.shopify_id), "amount": "1.00", "reason": "late_delivery", "client_id": "b-c"},
         None, 404),
        ("get", reverse("admin-templates"), None, {"conversation": w.conv_a.pk}, 404),
    ]
    for method, path, body, query, expected in body_cases:
        whole = snapshot()
        response = http(b, method, path, body, query)
        if response.status_code != expected or snapshot() != whole:
            failures.append(f"{method.upper()} {path} {body or query}: {response.status_code} "
                            f"{text_of(response)[:160]!r}, changed: {changes(whole, snapshot())}")
    # Filters naming shop A's rows find nothing.
    for path, query, key in [
        (reverse("admin-credit-grants"), {"conversation": w.conv_a.pk}, "results"),
        (reverse("admin-credit-grants"), {"customer": w.customer_a.pk}, "results"),
        (reverse("admin-conversations"), {"assignee": w.agent_a.pk}, "results"),
        (reverse("admin-conversations"), {"q": MARK}, "results"),
        (reverse("admin-conversations"), {"tag": "alphaleak-tag"}, "results"),
    ]:
        response = http(b, "get", path, None, query)
        if (response.status_code, response.json().get(key)) != (200, []):
            failures.append(f"GET {path} {query}: {response.status_code} {text_of(response)[:160]!r}")

    # Every pattern without an id, every method, with shop B's credentials and an empty body.
    failures += _sweep(http, [e for e in api_endpoints() if e.route.startswith("api/admin/") and not e.params],
                       b, w)

    # Shop A's groups heard nothing but shop A's own last message (which shows the listener works).
    sent = http(own, "post", reverse("admin-conversation-messages", args=[w.conv_a.pk]),
                {"body": "Hello from A", "client_id": "a-final"})
    heard = [[(e["event"], e["payload"].get("body")) for e in events] for _, events in listened()]
    assert not failures, "\n".join(failures)
    assert sent.status_code == 201
    assert heard == [[("message.created", "Hello from A")], [("message.created", "Hello from A")]]


def _sweep(http, endpoints, caller, w) -> list[str]:
    failures = []
    for endpoint in endpoints:
        for method in endpoint.methods:
            before = snapshot(w.shop_a)
            response = http(caller, method, "/" + endpoint.route, {} if method != "get" else None)
            where = f"{caller.label}: {method.upper()} /{endpoint.route}"
            if response.status_code >= 500:
                failures.append(f"{where}: {response.status_code}")
            if snapshot(w.shop_a) != before:
                failures.append(f"{where}: shop A changed: {changes(before, snapshot(w.shop_a))}")
            if MARK.lower() in text_of(response).lower():
                failures.append(f"{where}: the answer shows shop A's text")
    return failures


@pytest.mark.django_db(transaction=True)
def test_widget_endpoints_refuse_shop_b_on_shop_a_objects(client, world, listened):
    http = Http(client)
    own, others = widget_callers(world)
    w, b = world, others[0]
    failures = _check_matrix(http, widget_matrix(w), own, others, w)

    # Shop B's shopper sends shop A's upload with a message of their own conversation: refused.
    whole = snapshot()
    response = http(b, "post", reverse("widget-messages", args=[w.conv_b.pk]),
                    {"body": "look", "client_id": "b-w", "attachment_ids": [str(w.unsent_shopper_file.pk)]})
    if response.status_code != 400 or snapshot() != whole:
        failures.append(f"foreign attachment_ids: {response.status_code}, changed: {changes(whole, snapshot())}")
    # Shop A's order, asked for through shop B's proxy, is not found (byte for byte the "no such order").
    for caller, data in [(b, {"order_name": w.order_a.name, "email": w.customer_a.email}),
                         (others[2], {"order_name": w.order_a.name})]:
        response = http(caller, "post", reverse("widget-order-lookup"), data)
        if (response.status_code, response.json()) != (200, {"found": False}):
            failures.append(f"{caller.label}: order lookup {response.status_code} {text_of(response)[:160]!r}")
    found = http(own, "post", reverse("widget-order-lookup"), {"order_name": w.order_a.name,
                                                                "email": w.customer_a.email})
    if found.json().get("found") is not True:
        failures.append(f"control: shop A's shopper looks up their order: {text_of(found)[:160]!r}")
    # Starting a chat through shop B's proxy with shop A's visitor or customer never resumes shop A's.
    for caller in others[1:3]:
        before = snapshot(w.shop_a)
        response = http(caller, "post", reverse("widget-conversations"), {})
        if response.status_code != 201 or response.json()["conversation"]["id"] == str(w.conv_a.pk):
            failures.append(f"{caller.label}: start {response.status_code} {text_of(response)[:160]!r}")
        if snapshot(w.shop_a) != before or MARK.lower() in text_of(response).lower():
            failures.append(f"{caller.label}: start touched or showed shop A")
    # One-click rating links: a token for another conversation, tampered or of another kind rates nothing.
    b_token = rating_token(w.conv_b.pk, 1)
    payload_a = signing.dumps({"c": w.conv_a.pk, "s": 1}, salt=RATING_SALT).split(":")[0]
    for label, token in [
        ("B's link with A's conversation spliced in", ":".join([payload_a, *b_token.split(":")[1:]])),
        ("signed with another secret", signing.dumps({"c": w.conv_a.pk, "s": 1}, salt=RATING_SALT,
                                                     key="another-installation-secret-0123456789")),
        ("a socket token of A's conversation", issue_socket_token(shop_id=w.shop_a.pk, conversation_id=w.conv_a.pk,
                                                                   customer_id=w.customer_a.pk)),
    ]:
        whole = snapshot()
        response = http(b, "get", reverse("widget-one-click-rating"), None, {"t": token})
        if (response.status_code, response.json().get("code")) != (400, "invalid_token") or snapshot() != whole:
            failures.append(f"one-click {label}: {response.status_code} {text_of(response)[:160]!r}")

    failures += _sweep(http, [e for e in api_endpoints() if e.route.startswith("api/widget/") and not e.params],
                       b, w)
    sent = http(own, "post", reverse("widget-messages", args=[w.conv_a.pk]), {"body": "Hi from A", "client_id": "a-w"})
    heard = [[(e["event"], e["payload"].get("body")) for e in events] for _, events in listened()]
    assert not failures, "\n".join(failures)
    assert sent.status_code == 201
    assert heard == [[("message.created", "Hi from A")], [("message.created", "Hi from A")]]


# --- sockets --------------------------------------------------------------------------------------

@pytest.fixture
def anyio_backend():
    return "asyncio"


async def _connect(path, headers=ORIGIN):
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, code = await communicator.connect()
    return communicator, connected, code


async def _events(communicator) -> list[dict]:
    received = []
    while not await communicator.receive_nothing(timeout=0.3):
        received.append(json.loads(await communicator.receive_from()))
    return received


def _shop_a_traffic(w: World):
    """Everything shop A's agents or shopper can be told of: messages, a note, a status change, a read."""
    receive_customer_message(w.conv_a, body=f"{MARK} are you there?", client_id="a-s9")
    add_internal_note(w.conv_a, agent=w.agent_a, body=f"{MARK} note", client_id="a-n9")
    reply, _ = send_agent_reply(w.conv_a, agent=w.agent_a, body=f"{MARK} yes", client_id="a-a9")
    conversation_actions.set_status(w.conv_a, agent=w.agent_a, status="resolved")
    from support.actions.reads import mark_read
    mark_read(w.conv_a, side="shopper", up_to=reply.pk)


@pytest.mark.django_db(transaction=True)
@pytest.mark.anyio
async def test_sockets_of_shop_b_never_hear_shop_a(world, session_token):
    w = world
    agent_a, ok_a, _ = await _connect(f"/ws/agent/?token={session_token(SHOP_A, '501')}")
    shopper_a, ok_sa, _ = await _connect("/ws/widget/?token=" + issue_socket_token(
        shop_id=w.shop_a.pk, conversation_id=w.conv_a.pk, customer_id=w.customer_a.pk))
    await _events(agent_a)
    agent_b, ok_b, _ = await _connect(f"/ws/agent/?token={session_token(SHOP_B, '502')}")
    shopper_b, ok_sb, _ = await _connect("/ws/widget/?token=" + issue_socket_token(
        shop_id=w.shop_b.pk, conversation_id=w.conv_b.pk, customer_id=w.customer_b.pk))
    assert (ok_a, ok_sa, ok_b, ok_sb) == (True, True, True, True)
    await _events(agent_b)
    # Shop B's agent types in shop A's conversation, shop B's shopper types in theirs: shop A hears neither.
    await agent_b.send_to(text_data=json.dumps({"type": "typing", "state": "start",
                                                "conversation_id": str(w.conv_a.pk)}))
    await shopper_b.send_to(text_data=json.dumps({"type": "typing", "state": "start"}))
    await database_sync_to_async(_shop_a_traffic)(w)
    await agent_a.send_to(text_data=json.dumps({"type": "typing", "state": "start",
                                                "conversation_id": str(w.conv_a.pk)}))
    await shopper_a.send_to(text_data=json.dumps({"type": "typing", "state": "start"}))

    heard_by_a = [e["event"] for e in await _events(agent_a)]
    heard_by_shopper_a = [e["event"] for e in await _events(shopper_a)]
    heard_by_b = [(e["event"], e["payload"].get("side")) for e in await _events(agent_b)]
    heard_by_shopper_b = await _events(shopper_b)
    for socket in (agent_a, shopper_a, agent_b, shopper_b):
        await socket.disconnect()
    # Shop A's sockets hear shop A's traffic (the listeners work) ...
    assert heard_by_a == ["message.created", "message.created", "message.created", "conversation.updated",
                          "conversation.read", "typing", "typing"]
    assert heard_by_shopper_a == ["message.created", "message.created", "conversation.updated", "typing"]
    # ... and shop B's hear only shop B's shopper typing.
    assert heard_by_b == [("typing", "shopper")]
    assert heard_by_shopper_b == []


def _tampered(token: str, claims: dict) -> str:
    """``token`` with its claims replaced and its signature kept (what a forger can do)."""
    payload = signing.dumps(claims, salt="support.widget.socket").split(":")[0]
    return ":".join([payload, *token.split(":")[1:]])


@pytest.fixture(params=[
    "spliced", "another_secret", "for_another_shop", "visitor_token", "rating_token", "agent_token_on_widget",
    "socket_token_on_agent", "session_token_of_another_app", "shop_uninstalled",
])
def forge(request, world):
    if request.param == "shop_uninstalled":  # a token issued before the uninstall, still within its 10 minutes
        type(world.shop_a).objects.filter(pk=world.shop_a.pk).update(is_active=False)
    return request.param


@pytest.mark.django_db(transaction=True)
@pytest.mark.anyio
async def test_forged_or_foreign_socket_tokens_are_refused(world, session_token, caplog, forge):
    w = world
    a_claims = {"s": w.shop_a.pk, "c": w.conv_a.pk, "u": w.customer_a.pk}
    b_token = issue_socket_token(shop_id=w.shop_b.pk, conversation_id=w.conv_b.pk, customer_id=w.customer_b.pk)
    path = {
        "spliced": f"/ws/widget/?token={_tampered(b_token, a_claims)}",
        "another_secret": "/ws/widget/?token=" + signing.dumps(a_claims, salt="support.widget.socket",
                                                               key="another-installation-secret-0123456789"),
        # Properly signed, but naming shop B and shop A's conversation: no such conversation in shop B.
        "for_another_shop": "/ws/widget/?token=" + issue_socket_token(
            shop_id=w.shop_b.pk, conversation_id=w.conv_a.pk, customer_id=w.customer_b.pk),
        "visitor_token": f"/ws/widget/?token={visitors.issue(w.shop_a.pk, 'v_alphaleak')}",
        "rating_token": f"/ws/widget/?token={rating_token(w.conv_a.pk, 5)}",
        "agent_token_on_widget": f"/ws/widget/?token={session_token(SHOP_B, '502')}",
        "socket_token_on_agent": "/ws/agent/?token=" + issue_socket_token(**{
            "shop_id": w.shop_a.pk, "conversation_id": w.conv_a.pk, "customer_id": w.customer_a.pk}),
        "session_token_of_another_app": "/ws/agent/?token=" + session_token(
            SHOP_A, "501", api_secret="another-apps-secret-with-at-least-32-bytes"),
        "shop_uninstalled": "/ws/widget/?token=" + issue_socket_token(
            shop_id=w.shop_a.pk, conversation_id=w.conv_a.pk, customer_id=w.customer_a.pk),
    }[forge]
    _, connected, code = await _connect(path)
    await database_sync_to_async(connections.close_all)()  # the consumer's thread lets go of the test database
    assert (connected, code) == (False, 4401)
    assert [r.getMessage() for r in caplog.records if r.name == "support.consumers"] == ["realtime.socket_refused"]
