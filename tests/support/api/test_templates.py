"""``/api/admin/templates...``: search, offers per conversation, preview, send (nothing sent on a
refusal), role checks, cross-shop 404s and the list's query count."""
import pytest

from support.models import AuditEvent, Message, Template, TimelineEvent
from tests.factories import (
    AgentFactory,
    ConversationFactory,
    FulfillmentFactory,
    OrderFactory,
    ShopFactory,
    ShopTokenFactory,
    TemplateFactory,
    TemplateVariantFactory,
)

pytestmark = pytest.mark.django_db

SHOP, OTHER = "shop-a.myshopify.com", "shop-b.myshopify.com"
OWNER, AGENT, SUPERVISOR = "9100000000000701", "9100000000000702", "9100000000000703"
LIST = "/api/admin/templates"


@pytest.fixture
def shop():
    shop = ShopTokenFactory(shop__domain=SHOP, shop__name="Tea Co", shop__currency="EUR").shop
    ShopTokenFactory(shop__domain=OTHER)
    return shop


@pytest.fixture
def call(client, session_token, shop):
    """``call(method, path, data=None, user=OWNER)``; the first user of the shop is its owner."""
    client.get("/api/admin/me", HTTP_AUTHORIZATION=f"Bearer {session_token(SHOP, OWNER)}")
    AgentFactory(shop=shop, shopify_user_id=AGENT, role="agent", name="Ana")
    AgentFactory(shop=shop, shopify_user_id=SUPERVISOR, role="supervisor", name="Sol")

    def request(method, path, data=None, user=OWNER):
        auth = {"HTTP_AUTHORIZATION": f"Bearer {session_token(SHOP, user)}"}
        if method == "get":
            return client.get(path, data or {}, **auth)
        return getattr(client, method)(path, data, content_type="application/json", **auth)

    return request


@pytest.fixture
def conversation(shop):
    conversation = ConversationFactory(shop=shop, customer__first_name="Jana", language="en")
    order = OrderFactory(shop=shop, customer=conversation.customer, name="#1002")
    FulfillmentFactory(order=order, tracking=[{"company": "DHL", "number": "JD0001", "url": ""}])
    return conversation


def delivered(shop):
    from django.utils import timezone

    from support.models import Fulfillment

    Fulfillment.objects.filter(shop=shop).update(shipment_status="delivered", delivered_at=timezone.now())


def url(conversation, template, action):
    return f"/api/admin/conversations/{conversation.pk}/templates/{template.pk}/{action}"


def test_admin_creates_a_template_and_anyone_reads_it(call, shop):
    response = call("post", LIST, {"name": "Where is it", "category": "shipping", "needs_approval": False,
                                   "variants": {"en": "Hi {{customer.first_name}}", "de": "Hallo {{agent.name}}"}})
    assert response.status_code == 201
    template = Template.objects.get(shop=shop)
    body = response.json()
    assert {k: v for k, v in body.items() if k not in ("created_at", "updated_at")} == {
        "id": str(template.pk), "name": "Where is it", "category": "shipping", "needs_approval": False,
        "variants": {"de": "Hallo {{agent.name}}", "en": "Hi {{customer.first_name}}"},
        "variables": ["agent.name", "customer.first_name"], "created_by_id": str(template.created_by_id),
    }
    assert call("get", f"{LIST}/{template.pk}", user=AGENT).json()["name"] == "Where is it"


def test_unknown_variables_are_refused_with_their_names(call, shop):
    response = call("post", LIST, {"name": "Bad", "variants": {"en": "Hi {{customer.nickname}} {{order.total}}"}})
    assert response.status_code == 400
    assert response.json()["code"] == "unknown_variables"
    assert response.json()["variables"] == ["customer.nickname", "order.total"]
    assert not Template.objects.exists()


@pytest.mark.parametrize(("method", "suffix"), [("post", ""), ("put", "/{id}"), ("delete", "/{id}")])
@pytest.mark.parametrize("user", [AGENT, SUPERVISOR])
def test_only_admins_and_owners_write(call, shop, method, suffix, user):
    template = TemplateFactory(shop=shop, name="Keep")
    response = call(method, LIST + suffix.format(id=template.pk), {"name": "X", "variants": {"en": "Hi"}}, user=user)
    assert response.status_code == 403
    assert list(Template.objects.values_list("name", flat=True)) == ["Keep"]
    assert not AuditEvent.objects.exists()


def test_update_and_delete(call, shop):
    template = TemplateFactory(shop=shop, name="Old")
    response = call("put", f"{LIST}/{template.pk}", {"name": "New", "category": "refunds", "needs_approval": True,
                                                      "variants": {"fr": "Bonjour"}})
    assert response.status_code == 200
    assert (response.json()["name"], response.json()["needs_approval"], response.json()["variants"]) == (
        "New", True, {"fr": "Bonjour"})
    assert call("delete", f"{LIST}/{template.pk}").status_code == 204
    assert not Template.objects.exists()
    assert list(AuditEvent.objects.order_by("pk").values_list("action", flat=True)) == [
        "templates.updated", "templates.deleted"]


def test_search_by_text_category_and_language(call, shop):
    TemplateFactory(shop=shop, name="Late parcel", category="shipping", variants__body="Sorry for the DELAY")
    refund = TemplateFactory(shop=shop, name="Refund", category="Refunds", variants__body="Your money")
    TemplateVariantFactory(template=refund, language="de", body="Ihr Geld")
    TemplateFactory(shop=ShopFactory(domain=OTHER), name="Delay elsewhere")

    def names(**query):
        return [row["name"] for row in call("get", LIST, query).json()["results"]]

    assert names() == ["Refund", "Late parcel"]  # by category, then name
    assert names(q="delay") == ["Late parcel"]  # body, case-insensitive, this shop only
    assert names(q="refu") == ["Refund"]
    assert names(category="refunds") == ["Refund"]
    assert names(language="de") == ["Refund"]


def test_list_for_a_conversation_says_what_is_offered_and_missing(call, shop, conversation):
    TemplateFactory(shop=shop, name="A ready", variants__body="Hi {{customer.first_name}}, {{order.name}}")
    TemplateFactory(shop=shop, name="B fill", needs_approval=True,
                           variants__body="{{credit.offered}} for {{order.name}}, {{tracking.url}}")
    never = TemplateFactory(shop=shop, name="C never", variants__body="{{tracking.number}} ETA {{order.eta_window}}")
    TemplateVariantFactory(template=never, language="de", body="Hallo")
    conversation.customer.orders.update(customer=None)  # no order: the order name is unknown
    rows = {row["name"]: row for row in call("get", LIST, {"conversation": conversation.pk}, user=AGENT)
            .json()["results"]}
    assert {name: (r["language"], r["offered"], r["missing"], r["unavailable"], r["can_send"])
            for name, r in rows.items()} == {
        "A ready": ("en", False, [], ["order.name"], True),
        "B fill": ("en", False, ["credit.offered", "tracking.url"], ["order.name"], False),
        "C never": ("en", False, ["order.eta_window"], ["tracking.number"], True),
    }


def test_offers_with_the_mirror_filled(call, shop, conversation):
    TemplateFactory(shop=shop, name="Ready", variants__body="Hi {{customer.first_name}}, {{tracking.number}}")
    TemplateFactory(shop=shop, name="Fill", needs_approval=True, variants__body="{{credit.offered}} {{tracking.url}}")
    rows = call("get", LIST, {"conversation": conversation.pk, "language": "en"}, user=SUPERVISOR).json()["results"]
    assert [(r["name"], r["offered"], r["missing"], r["unavailable"], r["can_send"]) for r in rows] == [
        ("Fill", True, ["credit.offered", "tracking.url"], [], True), ("Ready", True, [], [], True)]


def test_list_query_count_is_constant(call, shop, conversation, django_assert_num_queries):
    for n in range(2):
        TemplateFactory(shop=shop, name=f"T{n}", variants__body="Hi {{customer.first_name}} {{tracking.url}}")
    call("get", LIST, {"conversation": conversation.pk})  # warm up the session-token path and transit cache
    # session-token auth (shop, agent), conversation, templates, variants, customer, shop, order, parcels,
    # and the delivery window of the parcel on its way (its parcels with their scans, the shop)
    with django_assert_num_queries(12):
        assert len(call("get", LIST, {"conversation": conversation.pk}).json()["results"]) == 2
    for n in range(2, 12):
        template = TemplateFactory(shop=shop, name=f"T{n}")
        TemplateVariantFactory(template=template, language="fr", body="Salut")
    with django_assert_num_queries(12):
        assert len(call("get", LIST, {"conversation": conversation.pk}).json()["results"]) == 12
    with django_assert_num_queries(4):
        assert len(call("get", LIST).json()["results"]) == 12


def test_preview_renders_in_the_chosen_language(call, shop, conversation):
    template = TemplateFactory(shop=shop, variants__body="Hi {{customer.first_name}}: {{credit.offered}}")
    TemplateVariantFactory(template=template, language="fr", body="Bonjour {{customer.first_name}}, {{order.status}}")
    response = call("post", url(conversation, template, "preview"), {"values": {"credit.offered": "20"}}, user=AGENT)
    assert (response.status_code, response.json()) == (200, {"language": "en", "body": "Hi Jana: €20.00"})
    response = call("post", url(conversation, template, "preview"), {"language": "fr"}, user=AGENT)
    assert response.json() == {"language": "fr", "body": "Bonjour Jana, expédiée"}
    assert not Message.objects.exists()


def test_preview_and_send_with_missing_values_answer_422_and_send_nothing(call, shop, conversation):
    delivered(shop)  # nothing on its way: no delivery window
    template = TemplateFactory(shop=shop, variants__body="ETA {{order.eta_window}}, track {{tracking.url}}")
    for action in ("preview", "send"):
        response = call("post", url(conversation, template, action), {"values": {"order.eta_window": " "}})
        assert response.status_code == 422
        assert response.json() == {"detail": "some variables have no value", "code": "missing_values",
                                   "reason": "missing_values", "missing": ["order.eta_window", "tracking.url"]}
    assert not Message.objects.exists()
    assert not TimelineEvent.objects.exists()


def test_send_with_invalid_or_unknown_values_sends_nothing(call, shop, conversation):
    template = TemplateFactory(shop=shop, variants__body="Track {{tracking.url}}")
    response = call("post", url(conversation, template, "send"), {"values": {"tracking.url": "ftp://x"}})
    assert (response.status_code, response.json()["invalid"]) == (422, ["tracking.url"])
    response = call("post", url(conversation, template, "send"), {"values": {"coupon": "X"}})
    assert (response.status_code, response.json()["variables"]) == (400, ["coupon"])
    assert not Message.objects.exists()


def test_send_stores_the_reply_and_the_timeline(call, shop, conversation):
    template = TemplateFactory(shop=shop, variants__body="Hi {{customer.first_name}}, {{order.name}} via "
                                                         "{{tracking.carrier}}: {{tracking.url}}")
    response = call("post", url(conversation, template, "send"),
                    {"values": {"tracking.url": "https://dhl.example/JD0001"}, "client_id": "tpl-1"}, user=AGENT)
    assert response.status_code == 201
    message = Message.objects.get(conversation=conversation)
    assert response.json()["id"] == str(message.pk)
    assert message.body == "Hi Jana, #1002 via DHL: https://dhl.example/JD0001"
    assert list(TimelineEvent.objects.filter(conversation=conversation, kind__in=["message.created", "template.sent"])
                .order_by("pk").values_list("kind", flat=True)) == ["message.created", "template.sent"]
    again = call("post", url(conversation, template, "send"),
                 {"values": {"tracking.url": "https://dhl.example/JD0001"}, "client_id": "tpl-1"}, user=AGENT)
    assert (again.status_code, again.json()["id"]) == (200, str(message.pk))
    assert Message.objects.count() == 1


def test_a_template_needing_approval_is_403_for_an_agent_and_sent_by_a_supervisor(call, shop, conversation):
    template = TemplateFactory(shop=shop, needs_approval=True, variants__body="Refund for {{order.name}}")
    response = call("post", url(conversation, template, "send"), {}, user=AGENT)
    assert response.status_code == 403
    assert response.json()["reason"] == "approval_required"
    assert not Message.objects.exists()
    assert not TimelineEvent.objects.exists()
    response = call("post", url(conversation, template, "send"), {}, user=SUPERVISOR)
    assert response.status_code == 201
    assert Message.objects.get().body == "Refund for #1002"


def test_another_shops_ids_are_404_and_nothing_happens(call, shop, conversation):
    other_shop = ShopFactory(domain=OTHER)
    theirs = TemplateFactory(shop=other_shop, variants__body="Hi")
    their_conversation = ConversationFactory(shop=other_shop)
    mine = TemplateFactory(shop=shop, variants__body="Hi")
    for method, path in [
        ("get", f"{LIST}/{theirs.pk}"), ("put", f"{LIST}/{theirs.pk}"), ("delete", f"{LIST}/{theirs.pk}"),
        ("get", f"{LIST}?conversation={their_conversation.pk}"),
        ("post", url(conversation, theirs, "preview")), ("post", url(conversation, theirs, "send")),
        ("post", url(their_conversation, mine, "preview")), ("post", url(their_conversation, mine, "send")),
    ]:
        response = call(method, path, {"name": "X", "variants": {"en": "Hi"}} if method == "put" else {})
        assert response.status_code == 404, path
    assert Template.objects.get(pk=theirs.pk).name != "X"
    assert not Message.objects.exists()
    assert not AuditEvent.objects.exists()


def test_the_variables_endpoint_lists_the_registry(call):
    rows = call("get", f"{LIST}/variables", user=AGENT).json()
    assert len(rows) == 10
    assert rows[-1] == {"name": "shop.name", "type": "text", "agent_supplied": True, "description": "the shop's name"}
