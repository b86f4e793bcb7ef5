"""The agents' conversation API: exact results, constant query counts, cross-shop 404s."""
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from support.models import ConversationStatus, Message, TimelineEvent
from tests.factories import (
    ConversationFactory,
    CustomerFactory,
    FulfillmentEventFactory,
    FulfillmentFactory,
    MessageFactory,
    OrderFactory,
    ShopTokenFactory,
)

SHOP = "shop-a.myshopify.com"
OTHER = "shop-b.myshopify.com"


@pytest.fixture
def api(client, session_token):
    shop = ShopTokenFactory(shop__domain=SHOP).shop
    ShopTokenFactory(shop__domain=OTHER)
    token = session_token(SHOP, "1")

    class Api:
        def __init__(self):
            self.shop = shop
            me = self.get("/api/admin/me").json()
            self.agent_id = int(me["agent"]["id"])

        def get(self, path, **params):
            return client.get(path, params, HTTP_AUTHORIZATION=f"Bearer {token}")

        def post(self, path, data, method="post"):
            return getattr(client, method)(path, data, content_type="application/json",
                                           HTTP_AUTHORIZATION=f"Bearer {token}")

    return Api()


def conversations(shop, count, **kwargs):
    now = timezone.now()
    return [ConversationFactory(shop=shop, last_activity_at=now - timedelta(minutes=i), **kwargs) for i in range(count)]


@pytest.mark.django_db
def test_inbox_pages_follow_the_cursor_without_gap_or_duplicate(api):
    made = conversations(api.shop, 7)
    seen, cursor = [], None
    while True:
        body = api.get("/api/admin/conversations", limit=3, **({"cursor": cursor} if cursor else {})).json()
        seen += [row["id"] for row in body["results"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == [str(c.pk) for c in made]


@pytest.mark.django_db
def test_inbox_costs_the_same_number_of_queries_for_any_page_size(api, django_assert_num_queries):
    for conversation in conversations(api.shop, 30):
        MessageFactory(conversation=conversation)
        conversation.tags.create(shop=api.shop, name="vip")
    api.get("/api/admin/conversations", limit=2)  # warm up the session-token path
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for limit in (2, 30):
        with CaptureQueriesContext(connection) as captured:
            assert len(api.get("/api/admin/conversations", limit=limit).json()["results"]) == limit
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_inbox_filters_and_search(api):
    mine, unassigned, other_status = conversations(api.shop, 3)
    mine.assignee_id = api.agent_id
    mine.save()
    other_status.status = ConversationStatus.RESOLVED
    other_status.save()
    unassigned.tags.create(shop=api.shop, name="chargeback")
    OrderFactory(shop=api.shop, customer=mine.customer, name="#4321")
    MessageFactory(conversation=unassigned, body="My parcel to Lyon is late")

    def ids(**params):
        return [row["id"] for row in api.get("/api/admin/conversations", **params).json()["results"]]

    assert ids(assignee="me") == [str(mine.pk)]
    assert ids(assignee="unassigned", status="open") == [str(unassigned.pk)]
    assert ids(status="resolved") == [str(other_status.pk)]
    assert ids(tag="chargeback") == [str(unassigned.pk)]
    assert ids(q="#4321") == [str(mine.pk)]
    assert ids(q="lyon") == [str(unassigned.pk)]
    assert ids(q=mine.customer.email) == [str(mine.pk)]


@pytest.mark.django_db
@pytest.mark.parametrize("params, code, field", [
    ({"status": "lost"}, "invalid_input", "status"), ({"cursor": "!!"}, "invalid_cursor", None),
    ({"assignee": "someone"}, "invalid_input", "assignee"), ({"limit": "500"}, "invalid_input", "limit"),
])
def test_inbox_bad_queries_are_400_with_a_reason(api, params, code, field):
    response = api.get("/api/admin/conversations", **params)
    assert response.status_code == 400
    assert response.json()["code"] == code
    if field:
        assert list(response.json()["fields"]) == [field]


@pytest.mark.django_db
def test_reply_is_idempotent_and_note_is_internal(api):
    conversation = conversations(api.shop, 1)[0]
    url = f"/api/admin/conversations/{conversation.pk}/messages"
    first = api.post(url, {"body": "Your parcel left Leipzig", "client_id": "tab-1-0001"})
    again = api.post(url, {"body": "Your parcel left Leipzig", "client_id": "tab-1-0001"})
    note = api.post(url, {"body": "Customer is a VIP", "client_id": "tab-1-0002", "internal": True})
    assert (first.status_code, again.status_code, note.status_code) == (201, 200, 201)
    assert first.json()["id"] == again.json()["id"]
    assert [(m["kind"], m["body"]) for m in api.get(url).json()] == [
        ("agent", "Your parcel left Leipzig"), ("note", "Customer is a VIP")
    ]
    assert api.get(url, after=first.json()["id"]).json()[0]["id"] == note.json()["id"]


@pytest.mark.django_db
def test_empty_reply_is_refused_and_stores_nothing(api):
    conversation = conversations(api.shop, 1)[0]
    response = api.post(f"/api/admin/conversations/{conversation.pk}/messages", {"body": "   ", "client_id": "x"})
    assert response.status_code == 400
    assert response.json()["code"] == "empty_body"
    assert not Message.objects.exists() and not TimelineEvent.objects.exists()


@pytest.mark.django_db
def test_detail_has_the_customer_card_from_the_mirror(api):
    customer = CustomerFactory(shop=api.shop, first_name="Ana", last_name="Souza", country_code="BR")
    conversation = ConversationFactory(shop=api.shop, customer=customer)
    order = OrderFactory(shop=api.shop, customer=customer, total_price="120.00", name="#2001")
    OrderFactory(shop=api.shop, customer=customer, total_price="30.00", cancelled_at=timezone.now())
    parcel = FulfillmentFactory(order=order, shipment_status="in_transit")
    FulfillmentEventFactory(fulfillment=parcel, status="in_transit", message="Arrived in São Paulo")

    card = api.get(f"/api/admin/conversations/{conversation.pk}").json()["customer"]

    assert (card["name"], card["country_code"], card["orders_count"], card["lifetime_value"]) == (
        "Ana Souza", "BR", 2, "120.00")
    placed = next(o for o in card["recent_orders"] if o["name"] == "#2001")
    assert placed["parcels"][0]["tracking"] == parcel.tracking
    assert placed["parcels"][0]["last_event"]["message"] == "Arrived in São Paulo"


@pytest.mark.django_db
def test_detail_gives_each_parcel_its_delivery_window(api, redis_client):
    customer = CustomerFactory(shop=api.shop)
    conversation = ConversationFactory(shop=api.shop, customer=customer)
    order = OrderFactory(shop=api.shop, customer=customer, name="#3001")
    parcel = FulfillmentFactory(order=order, shipment_status="in_transit", shopify_created_at=timezone.now())
    soon = timezone.now() + timedelta(days=3)
    FulfillmentEventFactory(fulfillment=parcel, status="in_transit", estimated_delivery_at=soon)
    delivered = FulfillmentFactory(order=order, shipment_status="delivered", delivered_at=timezone.now())

    card = api.get(f"/api/admin/conversations/{conversation.pk}").json()["customer"]

    day = soon.astimezone(ZoneInfo(api.shop.timezone)).date().isoformat()
    assert [(p["id"], p["eta"]) for p in card["recent_orders"][0]["parcels"]] == [
        (str(parcel.shopify_id), {"earliest": day, "latest": day, "source": "carrier", "late": False}),
        (str(delivered.shopify_id), None),
    ]


@pytest.mark.django_db
def test_detail_costs_the_same_number_of_queries_for_any_number_of_orders_and_parcels(api, redis_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    customer = CustomerFactory(shop=api.shop, country_code="BR")
    conversation = ConversationFactory(shop=api.shop, customer=customer)
    path = f"/api/admin/conversations/{conversation.pk}"

    def add_order():
        order = OrderFactory(shop=api.shop, customer=customer)
        for _ in range(2):
            parcel = FulfillmentFactory(order=order, shipment_status="in_transit",
                                        tracking=[{"company": "DHL", "number": "JD1", "url": ""}])
            FulfillmentEventFactory(fulfillment=parcel)

    add_order()
    api.get(path)  # warm up the session-token path and the route's learned transit (cached)
    counts = []
    for more in (0, 6):
        for _ in range(more):
            add_order()
        with CaptureQueriesContext(connection) as captured:
            card = api.get(path).json()["customer"]
        counts.append(len(captured.captured_queries))
    assert len(card["recent_orders"]) == 5 and all(p["eta"] for o in card["recent_orders"] for p in o["parcels"])
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_assign_status_snooze_tags_and_bulk(api):
    first, second = conversations(api.shop, 2)
    base = f"/api/admin/conversations/{first.pk}"
    assert api.post(f"{base}/assign", {"assignee_id": api.agent_id}).json()["assignee_id"] == str(api.agent_id)
    assert api.post(f"{base}/status", {"status": "pending"}).json()["status"] == "pending"
    later = (timezone.now() + timedelta(hours=3)).isoformat()
    assert api.post(f"{base}/snooze", {"until": later}).json()["status"] == "snoozed"
    tagged = api.post(f"{base}/tags", {"tags": ["VIP", " late ", "vip"]}, method="put")
    assert tagged.json() == {"tags": ["late", "vip"]}
    assert api.post("/api/admin/conversations/bulk", {"ids": [first.pk, second.pk], "status": "closed"}).json() == {
        "changed": 2}
    kinds = list(TimelineEvent.objects.filter(conversation=first).order_by("pk").values_list("kind", flat=True))
    assert kinds == ["conversation.assigned", "conversation.status_changed", "conversation.snoozed",
                     "conversation.tagged", "conversation.status_changed"]


@pytest.mark.django_db
def test_snooze_in_the_past_is_refused(api):
    conversation = conversations(api.shop, 1)[0]
    earlier = (timezone.now() - timedelta(minutes=1)).isoformat()
    response = api.post(f"/api/admin/conversations/{conversation.pk}/snooze", {"until": earlier})
    assert response.status_code == 400 and response.json()["code"] == "snooze_not_in_future"
    conversation.refresh_from_db()
    assert conversation.status == "open" and not TimelineEvent.objects.exists()


@pytest.mark.django_db
def test_another_shops_conversation_is_404_everywhere_and_nothing_changes(api):
    from shopapp.models import Shop

    theirs = ConversationFactory(shop=Shop.objects.get(domain=OTHER))
    base = f"/api/admin/conversations/{theirs.pk}"
    responses = [
        api.get(base), api.get(f"{base}/messages"),
        api.post(f"{base}/messages", {"body": "hi", "client_id": "x"}),
        api.post(f"{base}/assign", {"assignee_id": None}), api.post(f"{base}/status", {"status": "closed"}),
        api.post(f"{base}/snooze", {"until": (timezone.now() + timedelta(hours=1)).isoformat()}),
        api.post(f"{base}/tags", {"tags": ["x"]}, method="put"),
        api.post("/api/admin/conversations/bulk", {"ids": [theirs.pk], "status": "closed"}),
        api.post(f"{base}/read", {"up_to": "1"}),
    ]
    assert [r.status_code for r in responses] == [404] * len(responses)
    theirs.refresh_from_db()
    assert theirs.status == "open" and not Message.objects.exists() and not TimelineEvent.objects.exists()
    assert theirs.agent_read_id == 0
    assert api.get("/api/admin/conversations").json()["results"] == []
