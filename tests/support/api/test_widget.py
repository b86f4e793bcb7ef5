"""The storefront widget API through a signed app-proxy request: identity, idempotent sends,
resync without notes, refusals that store nothing, rate limits in the real Redis."""
import hashlib
import hmac
import time
from urllib.parse import urlencode

import pytest
from django.conf import settings

from support import ratelimits, visitors
from support.actions.messages import add_internal_note, send_agent_reply
from support.models import Conversation, Customer, FollowUp, Message
from tests.factories import AgentFactory, ShopTokenFactory

SHOP = "shop-a.myshopify.com"


def proxy_query(shop=SHOP, customer_id=None, secret=None, timestamp=None, **extra):
    """Query parameters as Shopify's app proxy signs them (sorted key=value, no separators); the
    storefront's own parameters (``extra``) are signed with them."""
    params = {"shop": shop, "path_prefix": "/apps/support", "timestamp": str(timestamp or int(time.time())),
              "logged_in_customer_id": str(customer_id) if customer_id else "", **extra}
    message = "".join(f"{key}={params[key]}" for key in sorted(params))
    params["signature"] = hmac.new((secret or settings.SHOPIFY_API_SECRET).encode(), message.encode(),
                                   hashlib.sha256).hexdigest()
    return urlencode(params)


@pytest.fixture
def widget(client, redis_client):
    shop = ShopTokenFactory(shop__domain=SHOP).shop

    class Widget:
        def __init__(self):
            self.shop, self.token, self.customer_id = shop, "", None

        def call(self, method, path, data=None, query=None):
            headers = {"HTTP_X_VISITOR_TOKEN": self.token} if self.token else {}
            url = f"/api/widget/{path}?{query or proxy_query(customer_id=self.customer_id)}"
            if method == "get":
                return client.get(url, **headers)
            return client.post(url, data or {}, content_type="application/json", **headers)

        def start(self, **data):
            response = self.call("post", "conversations", data)
            if response.status_code in (200, 201) and response.json()["visitor_token"]:
                self.token = response.json()["visitor_token"]
            return response

    return Widget()


@pytest.mark.django_db
def test_anonymous_visitor_starts_sends_and_resumes(widget):
    started = widget.start(name="Ana Souza", email="ana@example.com", locale="pt-BR")
    assert started.status_code == 201
    conversation_id = started.json()["conversation"]["id"]
    assert visitors.read(widget.shop.pk, widget.token) is not None
    url = f"conversations/{conversation_id}/messages"
    sent = widget.call("post", url, {"body": "Cadê meu pedido?", "client_id": "w1"})
    again = widget.call("post", url, {"body": "Cadê meu pedido?", "client_id": "w1"})
    assert (sent.status_code, again.status_code, sent.json()["id"]) == (201, 200, again.json()["id"])

    resumed = widget.start()
    assert resumed.status_code == 200
    assert resumed.json()["conversation"]["id"] == conversation_id
    assert [m["body"] for m in resumed.json()["messages"]] == ["Cadê meu pedido?"]
    customer = Customer.objects.get(shop=widget.shop)
    assert (customer.first_name, customer.last_name, customer.email, customer.locale, customer.shopify_id) == (
        "Ana", "Souza", "ana@example.com", "pt-BR", None)


@pytest.mark.django_db
def test_logged_in_customer_is_identified_by_the_signed_proxy(widget):
    widget.customer_id = 9100000000100042
    started = widget.start()
    assert started.status_code == 201 and started.json()["visitor_token"] is None
    assert Conversation.objects.get().customer.shopify_id == 9100000000100042


@pytest.mark.django_db
def test_resync_after_an_id_returns_exactly_the_missing_messages_and_never_notes(widget):
    conversation_id = widget.start().json()["conversation"]["id"]
    conversation = Conversation.objects.get(pk=conversation_id)
    agent = AgentFactory(shop=widget.shop)
    first = widget.call("post", f"conversations/{conversation_id}/messages", {"body": "hi", "client_id": "w1"}).json()
    add_internal_note(conversation, agent=agent, body="internal only", client_id="n1")
    reply, _ = send_agent_reply(conversation, agent=agent, body="Hello!", client_id="a1")
    missing = widget.call("get", f"conversations/{conversation_id}/messages", query=None)
    assert [m["body"] for m in missing.json()] == ["hi", "Hello!"]
    after = widget.call("get", f"conversations/{conversation_id}/messages", query=proxy_query(after=first["id"]))
    assert [m["id"] for m in after.json()] == [str(reply.pk)]


@pytest.mark.django_db
@pytest.mark.parametrize("query", [
    lambda: proxy_query(secret="forged-secret-that-is-long-enough-xyz"),
    lambda: proxy_query(timestamp=int(time.time()) - 600),
    lambda: proxy_query(shop="not-installed.myshopify.com"),
    lambda: "shop=shop-a.myshopify.com",
])
def test_forged_or_stale_proxy_requests_are_refused_and_store_nothing(widget, query):
    response = widget.call("post", "conversations", {"name": "x"}, query=query())
    assert response.status_code == 401
    assert not Customer.objects.exists() and not Conversation.objects.exists()


@pytest.mark.django_db
def test_forged_visitor_token_cannot_reach_another_visitors_conversation(widget):
    victim = widget.start().json()["conversation"]["id"]
    widget.token = visitors.issue(widget.shop.pk + 999, "v_someone")  # signed for another shop
    response = widget.call("post", f"conversations/{victim}/messages", {"body": "let me in", "client_id": "x"})
    assert response.status_code == 404
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_message_rate_limit_answers_429_and_stores_nothing(widget, settings):
    conversation_id = widget.start().json()["conversation"]["id"]
    for index in range(ratelimits.MESSAGES_PER_CONVERSATION.count):
        url = f"conversations/{conversation_id}/messages"
        ok = widget.call("post", url, {"body": f"m{index}", "client_id": f"c{index}"})
        assert ok.status_code == 201
    refused = widget.call("post", f"conversations/{conversation_id}/messages", {"body": "one more", "client_id": "cx"})
    assert refused.status_code == 429
    assert refused.json()["code"] == "messages_per_conversation"
    assert Message.objects.count() == ratelimits.MESSAGES_PER_CONVERSATION.count


@pytest.mark.django_db
def test_new_conversation_rate_limit_per_ip(widget):
    for _ in range(ratelimits.NEW_CONVERSATIONS_PER_IP.count):
        widget.token = ""
        assert widget.start().status_code == 201
    widget.token = ""
    refused = widget.start()
    assert refused.status_code == 429
    assert Conversation.objects.count() == ratelimits.NEW_CONVERSATIONS_PER_IP.count


@pytest.mark.django_db
def test_a_send_reads_the_shop_and_the_conversation_then_writes_in_one_transaction(widget, django_assert_num_queries):
    """Issue 4 (cheap sends): nothing looked up twice, nothing read again for the answer."""
    conversation_id = widget.start().json()["conversation"]["id"]
    url = f"conversations/{conversation_id}/messages"
    # shop, conversation; savepoint, lock, message, the tier's SLA targets, the shop's hours, the four
    # follow-ups of the two deadlines (one multi-row INSERT), conversation, timeline event, release
    with django_assert_num_queries(11):
        assert widget.call("post", url, {"body": "hi", "client_id": "w1"}).status_code == 201  # the SLA clocks
    assert FollowUp.objects.filter(conversation_id=conversation_id).count() == 4
    # shop, conversation; savepoint, lock, message, conversation, timeline event, release (the shopper
    # was waiting already: no nudge to cancel)
    with django_assert_num_queries(8):
        sent = widget.call("post", url, {"body": "still there?", "client_id": "w2"})
    assert (sent.status_code, sent.json()["body"], sent.json()["attachments"]) == (201, "still there?", [])
    again = widget.call("post", url, {"body": "still there?", "client_id": "w2"})
    assert (again.status_code, again.json()) == (200, sent.json())
    assert Message.objects.filter(conversation_id=conversation_id).count() == 2


@pytest.mark.django_db
def test_shopper_text_is_stored_as_text(widget):
    conversation_id = widget.start().json()["conversation"]["id"]
    body = "<script>alert(1)</script> card 4242424242424242"
    stored = widget.call("post", f"conversations/{conversation_id}/messages", {"body": body, "client_id": "x"}).json()
    assert stored["body"] == "<script>alert(1)</script> card •••• 4242"


@pytest.mark.django_db
def test_blank_message_is_400_with_its_reason_and_stores_nothing(widget):
    conversation_id = widget.start().json()["conversation"]["id"]
    response = widget.call("post", f"conversations/{conversation_id}/messages", {"body": "   ", "client_id": "b"})
    assert (response.status_code, response.json()["code"]) == (400, "empty_body")
    assert not Message.objects.exists()


@pytest.mark.django_db
def test_the_browsers_time_zone_is_kept_for_quiet_hours_and_a_bad_one_refused(widget):
    refused = widget.start(name="Ana", time_zone="Mars/Olympus_Mons")
    assert refused.status_code == 400
    assert refused.json()["fields"]["time_zone"] == ["not an IANA time zone"]
    assert not Customer.objects.filter(shop=widget.shop).exists()

    assert widget.start(name="Ana", time_zone="America/Sao_Paulo").status_code == 201
    assert Customer.objects.get(shop=widget.shop).time_zone == "America/Sao_Paulo"
    assert widget.start(time_zone="Europe/Lisbon").status_code == 200  # travelling: the newest zone wins
    assert Customer.objects.get(shop=widget.shop).time_zone == "Europe/Lisbon"
