"""Delivery check-in: scheduled by the mirror when the order's last parcel is delivered, a question with
five one-click rating links in the shopper's conversation and by email, sent once; skipped (nothing
sent) when a conversation is open, the shopper was asked lately, the customer is redacted, ..."""
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail, signing
from django.utils import timezone

from support.actions import mirror
from support.actions.followup_kinds.delivery_checkin import schedule_checkin
from support.actions.followups import run_followup
from support.actions.one_click_ratings import SALT
from support.models import Conversation, FollowUp, Message
from support.payloads import EventRecord
from tests.factories import (
    ConversationFactory,
    FollowUpFactory,
    FulfillmentFactory,
    OrderFactory,
    SupportSettingsFactory,
)

from .kit import bot_messages, noon_after, run, state

pytestmark = pytest.mark.django_db

EN = "Your order #1042 has arrived. How did it go? Rate it with one click:"
DE = "Ihre Bestellung #1042 ist angekommen. Wie ist alles gelaufen? Bewerten Sie sie mit einem Klick:"


@pytest.fixture
def order():
    order = OrderFactory(name="#1042", shop__name="Tea & Co", customer__email="ana@example.com",
                         customer__first_name="Ana", customer__last_name="Souza")
    FulfillmentFactory(order=order)
    return order


@pytest.fixture
def chat(order):
    """The shopper's earlier chat, resolved and not rated."""
    return ConversationFactory(shop=order.shop, customer=order.customer, status="resolved")


def deliver(parcel, when, event_id=9100000000599000):
    mirror.apply_fulfillment_event(parcel.shop, EventRecord(
        shopify_id=event_id, fulfillment_id=parcel.shopify_id, order_id=parcel.order.shopify_id,
        fields={"status": "delivered", "happened_at": when}))


def delivered(order, *, hours_ago=1) -> FollowUp:
    deliver(order.fulfillments.get(), timezone.now() - timedelta(hours=hours_ago))
    return FollowUp.objects.get(shop=order.shop, kind="delivery_checkin")


def link_stars(body: str, conversation_id: int) -> list[int]:
    """The stars each link of the body rates, checking each link's address and conversation."""
    stars = []
    for number, line in enumerate(body.splitlines()[1:], 1):
        label, url = line.split(": ", 1)
        parts = urlsplit(url)
        assert (label, parts.scheme, parts.netloc, parts.path) == (
            f"{number}/5", "http", "testserver", "/api/widget/ratings/one-click")
        value = signing.loads(parse_qs(parts.query)["t"][0], salt=SALT)
        assert value["c"] == conversation_id
        stars.append(value["s"])
    return stars


def test_a_delivery_schedules_one_checkin_per_order_due_days_later(order):
    moment = timezone.now() - timedelta(hours=1)
    deliver(order.fulfillments.get(), moment)

    followup = FollowUp.objects.get(shop=order.shop)
    assert (followup.kind, followup.key, followup.status, followup.due_at, followup.order, followup.customer) == (
        "delivery_checkin", f"checkin:{order.pk}", "scheduled", moment + timedelta(days=2), order, order.customer)
    assert schedule_checkin(order.pk) == followup  # the same key: nothing new
    assert FollowUp.objects.count() == 1


def test_a_delivery_that_arrives_before_its_order_is_asked_about_once_the_order_names_the_customer():
    from shopapp.models import Shop
    from support.models import Customer, Order
    from support.payloads import OrderRecord, Record

    shop = OrderFactory().shop
    moment = timezone.now() - timedelta(hours=1)
    mirror.apply_fulfillment_event(shop, EventRecord(
        shopify_id=9100000000599100, fulfillment_id=9100000000599200, order_id=9100000000599300,
        fields={"status": "delivered", "happened_at": moment}))
    placeholder = Order.objects.get(shop=shop, shopify_id=9100000000599300)
    assert placeholder.customer is None
    assert not FollowUp.objects.filter(kind="delivery_checkin").exists()  # nobody to ask yet

    record = OrderRecord(shopify_id=9100000000599300, updated_at=timezone.now(), fields={"name": "#1077"},
                         customer=Record(shopify_id=9100000000599400, updated_at=timezone.now(),
                                         fields={"email": "late@example.com"}))
    mirror.apply_order(Shop.objects.get(pk=shop.pk), record)
    mirror.apply_order(Shop.objects.get(pk=shop.pk), record)  # a duplicate delivery: still one

    customer = Customer.objects.get(shop=shop, shopify_id=9100000000599400)
    [followup] = FollowUp.objects.filter(kind="delivery_checkin")
    assert (followup.key, followup.order_id, followup.customer, followup.due_at) == (
        f"checkin:{placeholder.pk}", placeholder.pk, customer, moment + timedelta(days=2))


def test_the_shops_setting_decides_the_delay(order):
    SupportSettingsFactory(shop=order.shop, checkin_after_days=5)
    moment = timezone.now() - timedelta(hours=1)
    deliver(order.fulfillments.get(), moment)
    assert FollowUp.objects.get().due_at == moment + timedelta(days=5)


def test_nothing_is_scheduled_while_another_parcel_is_on_its_way_then_the_last_one_counts(order):
    second = FulfillmentFactory(order=order)
    FulfillmentFactory(order=order, status="cancelled")  # a void parcel never arrives and is not waited for
    deliver(order.fulfillments.order_by("pk").first(), timezone.now() - timedelta(hours=5))
    assert not FollowUp.objects.exists()

    last = timezone.now() - timedelta(hours=1)
    deliver(second, last, event_id=9100000000599001)
    assert FollowUp.objects.get().due_at == last + timedelta(days=2)


def test_an_old_delivery_brought_in_by_a_sync_is_not_asked_about(order):
    deliver(order.fulfillments.get(), timezone.now() - timedelta(days=3, hours=1))
    assert not FollowUp.objects.exists()


@pytest.mark.parametrize("change", [{"cancelled_at": timezone.now()}, {"customer": None}])
def test_a_cancelled_or_guest_order_is_not_scheduled(order, change):
    for name, value in change.items():
        setattr(order, name, value)
    order.save()
    deliver(order.fulfillments.get(), timezone.now() - timedelta(hours=1))
    assert not FollowUp.objects.exists()


def test_the_checkin_asks_in_the_chat_with_five_links_and_emails_it_once(order, chat,
                                                                         django_capture_on_commit_callbacks):
    followup = delivered(order)
    now = noon_after(followup.due_at)

    with django_capture_on_commit_callbacks(execute=True):
        assert run(followup, now) == "sent"

    [(client_id, body)] = bot_messages(chat)
    assert client_id == f"followup:{followup.pk}"
    assert body.splitlines()[0] == EN
    assert link_stars(body, chat.pk) == [1, 2, 3, 4, 5]
    assert state(followup) == ("done", "sent")
    assert followup.conversation == chat and followup.finished_at == now
    assert [(m.to, m.body.split("\n\n-- ")[0]) for m in mail.outbox] == [(["Ana Souza <ana@example.com>"], body)]
    chat.refresh_from_db()
    assert (chat.status, chat.last_bot_key) == ("resolved", "followup.checkin")


def test_the_checkin_is_in_the_shoppers_language(order, chat, django_capture_on_commit_callbacks):
    order.customer.locale = "de-DE"
    order.customer.save(update_fields=["locale"])
    followup = delivered(order)
    with django_capture_on_commit_callbacks(execute=True):
        run(followup, noon_after(followup.due_at))
    assert bot_messages(chat)[0][1].splitlines()[0] == DE


def test_running_twice_sends_one_message_and_one_email(order, chat, django_capture_on_commit_callbacks):
    followup = delivered(order)
    now = noon_after(followup.due_at)
    with django_capture_on_commit_callbacks(execute=True):
        run(followup, now)
        assert run_followup(followup.pk, now=now) == "not_queued"  # a duplicated task
        run(followup, now + timedelta(minutes=1))  # a row put back to queued: the client id holds
    assert len(bot_messages(chat)) == 1 and len(mail.outbox) == 1


def test_without_a_chat_the_shopper_gets_a_new_email_conversation(order, django_capture_on_commit_callbacks):
    followup = delivered(order)
    with django_capture_on_commit_callbacks(execute=True):
        assert run(followup, noon_after(followup.due_at)) == "sent"

    conversation = Conversation.objects.get(customer=order.customer)
    assert (conversation.channel, conversation.status) == ("email", "resolved")
    assert conversation.timeline.filter(kind="conversation.started", actor="system").exists()
    assert bot_messages(conversation)[0][1].splitlines()[0] == EN
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["Ana Souza <ana@example.com>"]


def test_a_rated_chat_is_not_asked_again_the_email_conversation_is(order, chat, django_capture_on_commit_callbacks):
    Conversation.objects.filter(pk=chat.pk).update(rating=5, rated_at=timezone.now())
    followup = delivered(order)
    with django_capture_on_commit_callbacks(execute=True):
        run(followup, noon_after(followup.due_at))
    assert bot_messages(chat) == []
    assert Conversation.objects.get(customer=order.customer, channel="email").messages.count() == 1


def assert_nothing_sent(order, followup, outcome, conversations=1):
    assert state(followup) == ("skipped", outcome)
    assert not Message.objects.filter(shop=order.shop).exists()
    assert Conversation.objects.filter(customer=order.customer).count() == conversations
    assert mail.outbox == []


@pytest.mark.parametrize("status", ["open", "pending", "snoozed"])
def test_an_active_conversation_skips_the_checkin(order, chat, status, django_capture_on_commit_callbacks):
    ConversationFactory(shop=order.shop, customer=order.customer, status=status, channel="email")
    followup = delivered(order)
    with django_capture_on_commit_callbacks(execute=True):
        assert run(followup, noon_after(followup.due_at)) == "skipped_conversation_open"
    assert_nothing_sent(order, followup, "skipped_conversation_open", conversations=2)


def test_a_shopper_asked_about_another_order_lately_is_not_asked_again(order, chat,
                                                                      django_capture_on_commit_callbacks):
    followup = delivered(order)
    now = noon_after(followup.due_at)
    FollowUpFactory(shop=order.shop, customer=order.customer, kind="delivery_checkin", status="done",
                    outcome="sent", finished_at=now - timedelta(days=13))
    with django_capture_on_commit_callbacks(execute=True):
        assert run(followup, now) == "skipped_asked_recently"
    assert_nothing_sent(order, followup, "skipped_asked_recently")


def test_a_checkin_skipped_or_long_ago_does_not_count_as_asked(order, chat):
    followup = delivered(order)
    now = noon_after(followup.due_at)
    FollowUpFactory(shop=order.shop, customer=order.customer, kind="delivery_checkin", status="done",
                    outcome="sent", finished_at=now - timedelta(days=15))
    FollowUpFactory(shop=order.shop, customer=order.customer, kind="delivery_checkin", status="skipped",
                    outcome="skipped_conversation_open", finished_at=now - timedelta(days=1))
    assert run(followup, now) == "sent"


def test_a_redacted_customer_is_skipped(order, chat, django_capture_on_commit_callbacks):
    followup = delivered(order)
    order.customer.redacted_at = timezone.now()
    order.customer.save(update_fields=["redacted_at"])
    with django_capture_on_commit_callbacks(execute=True):
        assert run(followup, noon_after(followup.due_at)) == "skipped_redacted"
    assert_nothing_sent(order, followup, "skipped_redacted")


def test_an_order_cancelled_after_delivery_is_skipped(order, chat):
    followup = delivered(order)
    order.cancelled_at = timezone.now()
    order.save(update_fields=["cancelled_at"])
    assert run(followup, noon_after(followup.due_at)) == "skipped_cancelled"
    assert_nothing_sent(order, followup, "skipped_cancelled")


def test_a_shopper_with_no_chat_and_no_email_is_not_asked(order):
    order.customer.email = ""
    order.customer.save(update_fields=["email"])
    followup = delivered(order)
    assert run(followup, noon_after(followup.due_at)) == "skipped_no_channel"
    assert_nothing_sent(order, followup, "skipped_no_channel", conversations=0)


def test_the_shoppers_night_puts_the_checkin_back_to_the_morning(order, chat):
    followup = delivered(order)
    night = noon_after(followup.due_at) + timedelta(hours=11)  # 23:00 in Toronto
    assert run(followup, night) == "quiet_hours"
    followup.refresh_from_db()
    assert (followup.status, followup.due_at) == ("scheduled", night + timedelta(hours=10))
    assert bot_messages(chat) == []
