"""Compliance actions: the data export, the customer redaction (proved by searching the whole
database), the shop redaction (proved by counting every table), and their idempotence."""
import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.apps import apps

from shopapp.models import OAuthState, Shop
from support.actions.privacy import export_customer_data, redact_customer, redact_shop
from support.models import AuditEvent, Customer, DataExport, Message, Order
from support.selectors.privacy import customer_export
from tests.factories import (
    AgentFactory,
    AuditEventFactory,
    BusinessHoursFactory,
    ConversationFactory,
    CreditGrantFactory,
    CreditPolicyFactory,
    CustomerFactory,
    DataExportFactory,
    FaqEntryFactory,
    FollowUpFactory,
    FulfillmentEventFactory,
    FulfillmentFactory,
    MessageFactory,
    OrderFactory,
    ReplyTextFactory,
    ShopTokenFactory,
    SlaEventFactory,
    SlaPolicyFactory,
    SupportSettingsFactory,
    TemplateFactory,
    TranslationSettingsFactory,
    WebhookDeliveryFactory,
)
from tests.support.dbsearch import find_everywhere
from webhooks.models import WebhookDelivery

pytestmark = pytest.mark.django_db

DOMAIN = "privacy-shop.myshopify.com"
EMAIL = "jun.tanaka32@gmail.com"
PHONE = "+814040795327"
CUSTOMER_ID = 9100000000190011
ORDER_ID = 9100000000290023


def data_request(customer_id=CUSTOMER_ID, *, request_id=9100000007100011, orders=(ORDER_ID,)):
    return {
        "shop_id": 9100000000900000, "shop_domain": DOMAIN,
        "customer": {"id": customer_id, "email": EMAIL, "phone": PHONE},
        "orders_requested": list(orders), "data_request": {"id": request_id},
    }


def redact_request(customer_id=CUSTOMER_ID, *, email=EMAIL, phone=PHONE, orders=(ORDER_ID,)):
    return {
        "shop_id": 9100000000900000, "shop_domain": DOMAIN,
        "customer": {"id": customer_id, "email": email, "phone": phone}, "orders_to_redact": list(orders),
    }


@pytest.fixture
def shop():
    return ShopTokenFactory(shop__domain=DOMAIN).shop


@pytest.fixture
def shopper(shop):
    """A shopper with a parcel-tracked order, a second order, a chat, and raw webhook payloads."""
    customer = CustomerFactory(
        shop=shop, shopify_id=CUSTOMER_ID, first_name="Jun", last_name="Tanaka", email=EMAIL, phone=PHONE,
        city="Osaka", province_code="JP-27", country_code="JP", tags=["vip", "wholesale"],
    )
    order = OrderFactory(shop=shop, customer=customer, shopify_id=ORDER_ID, name="#1023", total_price="88.00",
                         shopify_created_at=datetime(2026, 10, 1, tzinfo=UTC))
    OrderFactory(shop=shop, customer=customer, shopify_id=ORDER_ID + 1, name="#1024",
                 shopify_created_at=datetime(2026, 10, 5, tzinfo=UTC))
    parcel = FulfillmentFactory(order=order, shopify_id=9100000000490023, tracking=[
        {"company": "Japan Post", "number": "EJ123456789JP", "url": "https://track.example/EJ123456789JP"}
    ])
    FulfillmentEventFactory(fulfillment=parcel, shopify_id=9100000000590023, status="in_transit",
                            happened_at=datetime(2026, 10, 3, tzinfo=UTC), city="Leipzig")
    conversation = ConversationFactory(shop=shop, customer=customer)
    MessageFactory(conversation=conversation, kind="shopper", body=f"Hi, it's {EMAIL}, where is #1023?")
    MessageFactory(conversation=conversation, kind="agent", body="It left Leipzig yesterday.")
    MessageFactory(conversation=conversation, kind="note", body=f"Call back on {PHONE}")
    WebhookDeliveryFactory(shop_domain=DOMAIN, topic="customers/update", payload={
        "id": CUSTOMER_ID, "email": EMAIL, "phone": PHONE, "first_name": "Jun",
    })
    WebhookDeliveryFactory(shop_domain=DOMAIN, topic="orders/updated", payload={
        "id": ORDER_ID, "contact_email": EMAIL.upper(), "customer": {"id": CUSTOMER_ID},
    })
    return customer


def test_export_holds_the_profile_orders_parcels_and_every_message(shopper):
    export = export_customer_data(DOMAIN, data_request())

    content = export.content
    assert json.loads(json.dumps(content)) == content
    assert content["customer"] == {
        "id": "9100000000190011", "first_name": "Jun", "last_name": "Tanaka", "email": EMAIL, "phone": PHONE,
        "locale": "en", "country_code": "JP", "province_code": "JP-27", "city": "Osaka", "tags": ["vip", "wholesale"],
        "currency": "CAD", "created_at": None, "redacted_at": None,
    }
    assert [order["id"] for order in content["orders"]] == ["9100000000290023", "9100000000290024"]
    first = content["orders"][0]
    assert (first["name"], first["total_price"], first["email"]) == ("#1023", "88.00", EMAIL)
    assert first["line_items"][0]["quantity"] == 2 and isinstance(first["line_items"][0]["id"], str)
    assert [(f["id"], f["tracking"][0]["number"]) for f in first["fulfillments"]] == [
        ("9100000000490023", "EJ123456789JP")
    ]
    assert [(e["id"], e["status"], e["city"]) for e in first["fulfillments"][0]["events"]] == [
        ("9100000000590023", "in_transit", "Leipzig")
    ]
    [conversation] = content["conversations"]
    assert [(m["kind"], m["body"]) for m in conversation["messages"]] == [
        ("shopper", f"Hi, it's {EMAIL}, where is #1023?"),
        ("agent", "It left Leipzig yesterday."),
        ("note", f"Call back on {PHONE}"),
    ]
    assert all(message["created_at"] for message in conversation["messages"])
    assert (content["store_credits"], content["csat"], content["attachments"]) == ([], [], [])  # none yet
    assert content["data_request_id"] == "9100000007100011"
    stored = DataExport.objects.get()
    assert (stored.customer_shopify_id, stored.data_request_id, stored.completed_at is not None) == (
        CUSTOMER_ID, 9100000007100011, True
    )
    assert list(AuditEvent.objects.values_list("action", "actor", "target")) == [
        ("privacy.data_request.completed", "shopify", "customer:9100000000190011")
    ]


def test_duplicate_data_request_creates_no_second_export(shopper):
    first = export_customer_data(DOMAIN, data_request())
    MessageFactory(conversation=shopper.conversations.get(), body="a later message")

    again = export_customer_data(DOMAIN, data_request())

    assert again.pk == first.pk
    assert DataExport.objects.count() == 1
    assert "a later message" not in json.dumps(DataExport.objects.get().content)
    assert AuditEvent.objects.count() == 1


def test_a_new_data_request_for_the_same_customer_is_a_second_export(shopper):
    export_customer_data(DOMAIN, data_request(request_id=1))
    export_customer_data(DOMAIN, data_request(request_id=2))
    assert sorted(DataExport.objects.values_list("data_request_id", flat=True)) == [1, 2]


def test_export_reads_only_its_own_shop(shopper):
    other = ShopTokenFactory(shop__domain="other-shop.myshopify.com").shop
    twin = CustomerFactory(shop=other, shopify_id=CUSTOMER_ID, email=EMAIL, first_name="Other")
    OrderFactory(shop=other, customer=twin, shopify_id=ORDER_ID)
    MessageFactory(conversation=ConversationFactory(shop=other, customer=twin), body="other shop's chat")

    content = export_customer_data(DOMAIN, data_request()).content

    assert content["customer"]["first_name"] == "Jun"
    assert len(content["orders"]) == 2
    assert "other shop's chat" not in json.dumps(content)
    assert DataExport.objects.filter(shop=other).count() == 0


def test_export_includes_chat_visitor_rows_with_the_same_email(shopper, shop):
    visitor = CustomerFactory(shop=shop, shopify_id=None, email=EMAIL.upper(), first_name="")
    MessageFactory(conversation=ConversationFactory(shop=shop, customer=visitor), body="asked before signing up")

    content = export_customer_data(DOMAIN, data_request()).content

    assert [c["messages"][0]["body"] for c in content["conversations"]][-1] == "asked before signing up"
    assert len(content["conversations"]) == 2


def test_export_query_count_does_not_grow_with_orders_and_messages(shopper, shop, django_assert_num_queries):
    first = CreditGrantFactory(shop=shop, customer=shopper, order=shopper.orders.first())
    with django_assert_num_queries(9):  # customer, orders, parcels, scans, conversations, messages, files,
        customer_export(shop, CUSTOMER_ID, email=EMAIL)  # credits and their ledger
    order = OrderFactory(shop=shop, customer=shopper)
    FulfillmentEventFactory(fulfillment=FulfillmentFactory(order=order))
    MessageFactory.create_batch(3, conversation=ConversationFactory(shop=shop, customer=shopper))
    CreditGrantFactory.create_batch(2, shop=shop, customer=shopper, order=order)
    first.ledger.create(shop=shop, kind="requested", actor="agent")
    with django_assert_num_queries(9):
        content = customer_export(shop, CUSTOMER_ID, email=EMAIL)
    assert (len(content["orders"]), len(content["conversations"]), len(content["store_credits"])) == (3, 2, 3)
    assert content["store_credits"][0]["steps"][0]["kind"] == "requested"


def test_export_for_a_customer_we_never_saw_is_empty_but_answered(shop):
    export = export_customer_data(DOMAIN, data_request(customer_id=9100000000199999, orders=()))
    assert export.content["customer"] is None
    assert (export.content["orders"], export.content["conversations"]) == ([], [])
    assert AuditEvent.objects.get().target == "customer:9100000000199999"


def test_export_for_an_unknown_shop_does_nothing(caplog):
    assert export_customer_data("never-installed.myshopify.com", data_request()) is None
    assert DataExport.objects.count() == 0 and AuditEvent.objects.count() == 0
    assert [(r.getMessage(), r.reason) for r in caplog.records] == [("privacy.data_request.skipped", "unknown_shop")]


def test_redact_customer_leaves_no_trace_of_email_or_phone_anywhere(shopper, shop):
    export_customer_data(DOMAIN, data_request())
    WebhookDeliveryFactory(shop_domain=DOMAIN, topic="customers/redact", payload=redact_request())
    assert set(find_everywhere(EMAIL)) == {
        "support_customer.email", "support_order.email", "support_message.body", "support_dataexport.content",
        "webhooks_webhookdelivery.payload",
    }
    assert set(find_everywhere(PHONE)) >= {"support_customer.phone", "support_message.body"}

    counts = redact_customer(DOMAIN, redact_request())

    assert find_everywhere(EMAIL) == {}
    assert find_everywhere(PHONE) == {}
    assert find_everywhere("Tanaka") == {}
    assert {key: counts[key] for key in ("customers", "orders", "messages", "exports", "deliveries")} == {
        "customers": 1, "orders": 2, "messages": 3, "exports": 1, "deliveries": 3,
    }


def test_redact_customer_keeps_tombstone_anonymous_orders_and_message_rows(shopper, shop):
    times = list(Message.objects.order_by("pk").values_list("kind", "created_at"))

    redact_customer(DOMAIN, redact_request())

    customer = Customer.objects.get(pk=shopper.pk)
    assert (customer.first_name, customer.last_name, customer.email, customer.phone, customer.city,
            customer.province_code, customer.tags) == ("", "", "", "", "", "", [])
    assert (customer.shopify_id, customer.country_code, customer.redacted_at is not None) == (CUSTOMER_ID, "JP", True)
    assert list(Order.objects.order_by("shopify_id").values_list(
        "email", "shipping_zip", "shipping_city", "shipping_country_code", "total_price", "financial_status"
    )) == [("", "", "", "CA", Decimal("88.00"), "paid"), ("", "", "", "CA", Decimal("42.50"), "paid")]
    assert Order.objects.filter(redacted_at__isnull=True).count() == 0
    assert list(Message.objects.order_by("pk").values_list("kind", "created_at")) == times
    assert set(Message.objects.values_list("body", flat=True)) == {""}
    assert Message.objects.filter(redacted_at__isnull=True).count() == 0
    assert list(AuditEvent.objects.values_list("action", "actor", "target", "data")) == [
        ("privacy.customer_redacted", "shopify", "customer:9100000000190011",
         {"customer_id": "9100000000190011", "order_ids": ["9100000000290023", "9100000000290024"]})
    ]


def test_redact_customer_touches_no_other_shopper_or_shop(shopper, shop):
    neighbour = CustomerFactory(shop=shop, email="neighbour@example.com")
    neighbour_order = OrderFactory(shop=shop, customer=neighbour)
    neighbour_message = MessageFactory(conversation=ConversationFactory(shop=shop, customer=neighbour))
    other = ShopTokenFactory(shop__domain="other-shop.myshopify.com").shop
    twin = CustomerFactory(shop=other, shopify_id=CUSTOMER_ID, email=EMAIL, phone=PHONE)
    twin_message = MessageFactory(conversation=ConversationFactory(shop=other, customer=twin), body=EMAIL)
    twin_delivery = WebhookDeliveryFactory(shop_domain=other.domain, payload={"id": CUSTOMER_ID, "email": EMAIL})

    redact_customer(DOMAIN, redact_request())

    assert Customer.objects.get(pk=neighbour.pk).email == "neighbour@example.com"
    assert Order.objects.get(pk=neighbour_order.pk).redacted_at is None
    assert Message.objects.get(pk=neighbour_message.pk).body == neighbour_message.body
    assert Customer.objects.get(pk=twin.pk).email == EMAIL
    assert Message.objects.get(pk=twin_message.pk).body == EMAIL
    assert WebhookDelivery.objects.get(pk=twin_delivery.pk).payload == {"id": CUSTOMER_ID, "email": EMAIL}
    assert AuditEvent.objects.filter(shop=other).count() == 0


def test_redact_also_erases_chat_visitor_rows_and_guest_orders_with_the_email(shopper, shop):
    visitor = CustomerFactory(shop=shop, shopify_id=None, email=EMAIL, first_name="Jun")
    MessageFactory(conversation=ConversationFactory(shop=shop, customer=visitor), body="hello")
    guest = OrderFactory(shop=shop, customer=None, email=EMAIL)

    redact_customer(DOMAIN, redact_request())

    visitor.refresh_from_db()
    assert (visitor.email, visitor.first_name, visitor.redacted_at is not None) == ("", "", True)
    assert Message.objects.filter(conversation__customer=visitor).get().body == ""
    assert Order.objects.get(pk=guest.pk).email == ""


def test_redact_for_a_customer_we_never_saw_creates_only_the_tombstone(shop):
    counts = redact_customer(DOMAIN, redact_request(orders=()))

    tombstone = Customer.objects.get()
    assert (tombstone.shop_id, tombstone.shopify_id, tombstone.redacted_at is not None) == (shop.pk, CUSTOMER_ID, True)
    assert (tombstone.first_name, tombstone.last_name, tombstone.email, tombstone.phone, tombstone.city,
            tombstone.province_code, tombstone.country_code, tombstone.locale, tombstone.tags) == (
        "", "", "", "", "", "", "", "", []
    )
    assert (Order.objects.count(), Message.objects.count(), DataExport.objects.count()) == (0, 0, 0)
    assert (counts["customers"], counts["orders"], counts["messages"], counts["deliveries"]) == (1, 0, 0, 0)
    assert AuditEvent.objects.get().action == "privacy.customer_redacted"


def test_redact_twice_changes_nothing_the_second_time(shopper):
    redact_customer(DOMAIN, redact_request())
    first_time = Customer.objects.get(pk=shopper.pk).redacted_at

    counts = redact_customer(DOMAIN, redact_request())

    assert {key: counts[key] for key in ("customers", "orders", "messages", "exports", "deliveries")} == dict.fromkeys(
        ("customers", "orders", "messages", "exports", "deliveries"), 0
    )
    assert Customer.objects.get(pk=shopper.pk).redacted_at == first_time
    assert Customer.objects.count() == 1
    assert AuditEvent.objects.count() == 1


def test_redact_for_an_unknown_shop_still_scrubs_its_deliveries():
    delivery = WebhookDeliveryFactory(shop_domain=DOMAIN, topic="customers/update", payload={"id": 5, "email": EMAIL})
    counts = redact_customer(DOMAIN, redact_request())
    assert WebhookDelivery.objects.get(pk=delivery.pk).payload == {"redacted": True, "id": 5}
    assert (counts["deliveries"], Customer.objects.count(), AuditEvent.objects.count()) == (1, 0, 0)


def test_privacy_logs_carry_ids_never_personal_data(shopper, caplog):
    export_customer_data(DOMAIN, data_request())
    redact_customer(DOMAIN, redact_request())
    events = [record.getMessage() for record in caplog.records]
    assert events == ["privacy.data_request.completed", "privacy.customer_redacted"]
    redacted = caplog.records[1]
    assert (redacted.customer_id, redacted.orders, redacted.deliveries) == ("9100000000190011", 2, 2)
    for record in caplog.records:
        text = json.dumps(vars(record), default=str)
        assert EMAIL not in text and PHONE not in text and "Tanaka" not in text


# --- shop/redact -----------------------------------------------------------------------------------

def populate(domain):
    """Rows of every kind a shop owns, plus its stored deliveries and an OAuth nonce."""
    shop = ShopTokenFactory(shop__domain=domain).shop
    AgentFactory(shop=shop, email=f"owner@{domain}")
    SupportSettingsFactory(shop=shop, retention_months=12)
    customer = CustomerFactory(shop=shop, email=f"buyer@{domain}")
    order = OrderFactory(shop=shop, customer=customer)
    FulfillmentEventFactory(fulfillment=FulfillmentFactory(order=order))
    conversation = ConversationFactory(shop=shop, customer=customer)
    MessageFactory.create_batch(2, conversation=conversation)
    conversation.attachments.create(shop=shop, uploaded_by="shopper", filename="receipt.png", content_type="image/png",
                                    size=1, sha256="0" * 64, storage_name=f"stored-{domain}")
    conversation.tags.create(shop=shop, name="vip")
    conversation.timeline.create(shop=shop, kind="conversation.started", actor="shopper")
    FollowUpFactory(shop=shop, conversation=conversation)
    SlaPolicyFactory(shop=shop)
    SlaEventFactory(shop=shop, conversation=conversation)
    DataExportFactory(shop=shop, customer_shopify_id=customer.shopify_id)
    AuditEventFactory(shop=shop)
    TranslationSettingsFactory(shop=shop)
    BusinessHoursFactory(shop=shop)
    TemplateFactory(shop=shop)
    FaqEntryFactory(shop=shop)
    ReplyTextFactory(shop=shop)
    CreditPolicyFactory(shop=shop)
    grant = CreditGrantFactory(shop=shop, customer=customer, order=order, conversation=conversation)
    grant.ledger.create(shop=shop, kind="requested", actor="system")
    WebhookDeliveryFactory.create_batch(2, shop_domain=domain, payload={"domain": domain})
    OAuthState.objects.create(nonce=f"nonce-{domain}", shop_domain=domain)
    return shop


def rows_of(shop_id, domain):
    """Row count per table for one shop: every model with a shop foreign key, and by domain."""
    counts = {
        model._meta.label: model.objects.filter(shop_id=shop_id).count()
        for model in apps.get_models() if any(field.name == "shop" for field in model._meta.fields)
    }
    counts["shopapp.Shop"] = Shop.objects.filter(pk=shop_id).count()
    counts["webhooks.WebhookDelivery"] = WebhookDelivery.objects.filter(shop_domain=domain).count()
    counts["shopapp.OAuthState"] = OAuthState.objects.filter(shop_domain=domain).count()
    return counts


def test_shop_redact_deletes_every_row_of_the_shop_and_nothing_of_another():
    gone = populate("gone-shop.myshopify.com")
    kept = populate("kept-shop.myshopify.com")
    before = rows_of(kept.pk, kept.domain)
    assert set(before.values()) >= {1, 2} and 0 not in before.values()

    assert redact_shop(gone.domain, {"shop_id": 9100000000900001, "shop_domain": gone.domain}) is True

    assert set(rows_of(gone.pk, gone.domain).values()) == {0}
    assert find_everywhere("gone-shop") == {}
    assert rows_of(kept.pk, kept.domain) == before


def test_shop_redact_for_a_shop_we_never_saw_deletes_only_its_deliveries():
    kept = populate("kept-shop.myshopify.com")
    before = rows_of(kept.pk, kept.domain)
    WebhookDeliveryFactory.create_batch(2, shop_domain="stranger.myshopify.com")

    assert redact_shop("stranger.myshopify.com", {"shop_domain": "stranger.myshopify.com"}) is False
    assert redact_shop("stranger.myshopify.com", {"shop_domain": "stranger.myshopify.com"}) is False

    assert WebhookDelivery.objects.filter(shop_domain="stranger.myshopify.com").count() == 0
    assert rows_of(kept.pk, kept.domain) == before


def test_redact_customer_deletes_the_files_of_their_conversations(shopper, shop, settings, tmp_path,
                                                                  django_capture_on_commit_callbacks):
    import io

    from support.actions.attachments import store_upload
    from support.models import Attachment, Conversation

    settings.ATTACHMENTS_DIR = tmp_path
    mine = Conversation.objects.filter(customer=shopper).first()
    other = ConversationFactory(shop=shop)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
    stored = [store_upload(c, upload=io.BytesIO(png), uploaded_by="shopper") for c in (mine, mine, other)]
    paths = [tmp_path / a.storage_name for a in stored]
    assert all(path.exists() for path in paths)

    with django_capture_on_commit_callbacks(execute=True):
        counts = redact_customer(DOMAIN, redact_request())

    assert counts["attachments"] == 2
    assert [path.exists() for path in paths] == [False, False, True]
    assert list(Attachment.objects.values_list("pk", flat=True)) == [stored[2].pk]


def test_shop_redact_deletes_the_shops_files(shop, settings, tmp_path, django_capture_on_commit_callbacks):
    import io

    from support.actions.attachments import store_upload

    settings.ATTACHMENTS_DIR = tmp_path
    stored = store_upload(ConversationFactory(shop=shop), upload=io.BytesIO(b"%PDF-1.7\n" + b"0" * 40),
                          uploaded_by="shopper")
    kept = store_upload(ConversationFactory(), upload=io.BytesIO(b"%PDF-1.7\n" + b"0" * 40), uploaded_by="shopper")
    with django_capture_on_commit_callbacks(execute=True):
        assert redact_shop(DOMAIN, {"shop_domain": DOMAIN}) is True
    assert not (tmp_path / stored.storage_name).exists()
    assert (tmp_path / kept.storage_name).exists()


def test_export_lists_the_files_and_rating_of_the_shoppers_conversations(shopper, shop, settings, tmp_path):
    import io

    from support.actions.attachments import store_upload
    from support.actions.messages import receive_customer_message
    from support.models import Conversation

    settings.ATTACHMENTS_DIR = tmp_path
    conversation = Conversation.objects.filter(customer=shopper).first()
    upload = store_upload(conversation, upload=io.BytesIO(b"%PDF-1.7\n" + b"0" * 40), uploaded_by="shopper")
    receive_customer_message(conversation, body="the receipt", client_id="with-file", attachment_ids=[str(upload.pk)])
    Conversation.objects.filter(pk=conversation.pk).update(rating=2, rating_comment="slow")

    export = customer_export(shop, CUSTOMER_ID)

    exported = next(c for c in export["conversations"] if c["id"] == str(conversation.pk))
    assert (exported["rating"], exported["rating_comment"]) == (2, "slow")
    assert exported["messages"][-1]["attachments"] == [
        {"filename": upload.filename, "content_type": "application/pdf", "size": upload.size}]


def test_export_lists_credits_ratings_and_files_and_redact_blanks_what_agents_wrote_on_credits(shopper, shop):
    conversation = shopper.conversations.get()
    conversation.rating, conversation.rating_comment = 4, "Fast answer"
    conversation.save(update_fields=["rating", "rating_comment"])
    grant = CreditGrantFactory(shop=shop, customer=shopper, order=shopper.orders.get(name="#1023"), amount="12.00",
                               note=f"Promised on the phone to {PHONE}", decision_note="ok for Jun")
    content = export_customer_data(DOMAIN, data_request()).content
    [credit] = content["store_credits"]
    assert (credit["order"], credit["amount"], credit["currency"], credit["note"]) == (
        "#1023", "12.00", "EUR", f"Promised on the phone to {PHONE}")
    assert content["csat"] == [{"conversation_id": str(conversation.pk), "rating": 4, "comment": "Fast answer"}]

    counts = redact_customer(DOMAIN, redact_request())
    grant.refresh_from_db()
    assert counts["credit_notes"] == 1
    assert (grant.note, grant.decision_note, grant.amount) == ("", "", Decimal("12.00"))  # the credit stays
    assert find_everywhere(PHONE) == {}
