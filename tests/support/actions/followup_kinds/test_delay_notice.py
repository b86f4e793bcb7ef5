"""Proactive delay notice: the hourly scan schedules one notice per late order and window; the notice
tells the shopper the new window (where they talk to the shop, else their chat, else by email) and asks
for the late-order credit when the policy allows; skipped when the order arrived, is no longer late,
its window moved, it was cancelled. Clock fixed at noon on Wednesday 2 December 2026 in Toronto."""
from datetime import date, datetime, timedelta

import pytest
from django.core import mail

from support.actions.followup_kinds import delay_notice
from support.actions.followup_kinds.delay_notice import scan_late_orders
from support.actions.followups import run_followup
from support.models import CreditGrant, FollowUp, Message
from support.selectors.wismo import delivery_window
from tests.factories import (
    ConversationFactory,
    CreditPolicyFactory,
    FulfillmentEventFactory,
    FulfillmentFactory,
    OrderFactory,
    ShopFactory,
)

from .kit import TORONTO, bot_messages, run, state

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=TORONTO)
TODAY = date(2026, 12, 2)
EN = ("Your order #1042 is taking longer than expected to arrive. We're sorry for the wait.\n"
      "New expected delivery: Thu 3 – Mon 7 Dec")
ES = ("Tu pedido #1042 está tardando más de lo previsto en llegar. Sentimos la espera.\n"
      "Nueva entrega prevista: jue 3 – lun 7 dic")


def late_order(shop=None, *, shipped_days_ago=28, name="#1042", **fields):
    """An order from New York to Ontario, its one parcel (DHL, no carrier estimate) shipped
    ``shipped_days_ago`` and not delivered: past its default window of 5 to 12 business days."""
    shop = shop or ShopFactory(timezone="America/New_York", name="Tea & Co")
    order = OrderFactory(shop=shop, name=name, shopify_created_at=NOW - timedelta(days=shipped_days_ago + 2),
                         customer__first_name="Ana", customer__last_name="Souza", **fields)
    FulfillmentFactory(order=order, shopify_created_at=NOW - timedelta(days=shipped_days_ago))
    return order


@pytest.fixture
def order():
    return late_order()


def scheduled(order) -> FollowUp:
    assert scan_late_orders(now=NOW) == 1
    return FollowUp.objects.get(order=order)


def test_the_scan_schedules_one_notice_per_late_order_and_window(order):
    window = delivery_window(order, today=TODAY)
    assert window.latest < TODAY

    followup = scheduled(order)
    assert (followup.kind, followup.key, followup.due_at, followup.customer, followup.data) == (
        "delay_notice", f"delay:{order.pk}:{window.latest.isoformat()}", NOW, order.customer,
        {"latest": window.latest.isoformat()})
    assert scan_late_orders(now=NOW + timedelta(hours=1)) == 0  # the next hour: the same key
    assert FollowUp.objects.count() == 1


def test_orders_not_late_or_not_shipped_or_of_inactive_shops_are_not_scheduled():
    late_order(shipped_days_ago=2)  # within its window
    unshipped = OrderFactory(shopify_created_at=NOW - timedelta(days=30), fulfillment_status="")
    late_order(shop=ShopFactory(is_active=False))
    late_order(shipped_days_ago=200)  # older than the scan looks
    delivered = late_order()
    delivered.fulfillments.update(delivered_at=NOW - timedelta(days=1))
    assert unshipped.fulfillments.count() == 0
    assert scan_late_orders(now=NOW) == 0
    assert not FollowUp.objects.exists()


def test_the_shopper_is_told_in_their_open_conversation_with_the_new_window(order,
                                                                            django_capture_on_commit_callbacks):
    ConversationFactory(shop=order.shop, customer=order.customer, status="resolved")  # an older chat
    talking = ConversationFactory(shop=order.shop, customer=order.customer, status="open", channel="email")
    followup = scheduled(order)

    with django_capture_on_commit_callbacks(execute=True):
        assert run(followup, NOW) == "sent"

    assert bot_messages(talking) == [(f"followup:{followup.pk}", EN)]
    assert state(followup) == ("done", "sent")
    assert (followup.conversation, followup.data["offer"]) == (talking, "offers_off")
    assert [(m.to, m.body.split("\n\n-- ")[0]) for m in mail.outbox] == [(["Ana Souza <" + order.customer.email + ">"],
                                                                         EN)]
    assert Message.objects.filter(shop=order.shop).count() == 1


def test_the_notice_is_in_the_shoppers_language(order, django_capture_on_commit_callbacks):
    order.customer.locale = "es-MX"
    order.customer.save(update_fields=["locale"])
    chat = ConversationFactory(shop=order.shop, customer=order.customer, status="resolved")
    followup = scheduled(order)
    with django_capture_on_commit_callbacks(execute=True):
        run(followup, NOW)
    assert bot_messages(chat) == [(f"followup:{followup.pk}", ES)]


def test_the_late_order_credit_is_requested_when_the_policy_allows(order, django_capture_on_commit_callbacks):
    CreditPolicyFactory(shop=order.shop, offer_late_orders=True)
    conversation = ConversationFactory(shop=order.shop, customer=order.customer, status="pending")
    followup = scheduled(order)

    with django_capture_on_commit_callbacks(execute=False):  # the credit's issuance would call Shopify
        assert run(followup, NOW) == "sent"

    grant = CreditGrant.objects.get(order=order)
    assert (grant.request_key, grant.reason, grant.requested_by_id, grant.conversation) == (
        f"late:{order.pk}", "late_delivery", None, conversation)
    assert state(followup) == ("done", "sent") and followup.data["offer"] == "requested"
    assert bot_messages(conversation)[0][1] == EN


def test_running_twice_tells_the_shopper_once(order, django_capture_on_commit_callbacks):
    chat = ConversationFactory(shop=order.shop, customer=order.customer, status="resolved")
    followup = scheduled(order)
    with django_capture_on_commit_callbacks(execute=True):
        run(followup, NOW)
        assert run_followup(followup.pk, now=NOW) == "not_queued"
        run(followup, NOW + timedelta(minutes=5))
    assert len(bot_messages(chat)) == 1 and len(mail.outbox) == 1


def test_a_new_window_that_passes_in_turn_gives_a_new_notice(order):
    first = scheduled(order)
    run(first, NOW)
    FulfillmentEventFactory(fulfillment=order.fulfillments.get(), status="in_transit",
                            happened_at=NOW - timedelta(days=3),
                            estimated_delivery_at=datetime(2026, 11, 30, 12, 0, tzinfo=TORONTO))

    assert scan_late_orders(now=NOW) == 1
    second = FollowUp.objects.exclude(pk=first.pk).get()
    assert (second.key, second.data) == (f"delay:{order.pk}:2026-11-30", {"latest": "2026-11-30"})
    assert run(first, NOW) == "skipped_window_moved"  # an old notice run again has nothing to say


def nothing_told(order, followup, outcome):
    assert state(followup) == ("skipped", outcome)
    assert not Message.objects.filter(shop=order.shop).exists()
    assert not CreditGrant.objects.exists()
    assert mail.outbox == []


def test_a_parcel_delivered_since_is_not_late(order):
    CreditPolicyFactory(shop=order.shop, offer_late_orders=True)
    ConversationFactory(shop=order.shop, customer=order.customer, status="open")
    followup = scheduled(order)
    order.fulfillments.update(delivered_at=NOW - timedelta(hours=2))
    assert run(followup, NOW) == "skipped_not_on_its_way"
    nothing_told(order, followup, "skipped_not_on_its_way")


def test_a_carrier_estimate_ahead_means_it_is_not_late_any_more(order):
    ConversationFactory(shop=order.shop, customer=order.customer, status="open")
    followup = scheduled(order)
    FulfillmentEventFactory(fulfillment=order.fulfillments.get(), status="in_transit",
                            happened_at=NOW - timedelta(hours=5), estimated_delivery_at=NOW + timedelta(days=2))
    assert run(followup, NOW) == "skipped_not_late"
    nothing_told(order, followup, "skipped_not_late")


def test_a_cancelled_order_is_skipped(order):
    ConversationFactory(shop=order.shop, customer=order.customer, status="open")
    followup = scheduled(order)
    order.cancelled_at = NOW
    order.save(update_fields=["cancelled_at"])
    assert run(followup, NOW) == "skipped_cancelled"
    nothing_told(order, followup, "skipped_cancelled")


def test_a_redacted_customer_is_skipped(order):
    followup = scheduled(order)
    order.customer.redacted_at = NOW
    order.customer.save(update_fields=["redacted_at"])
    assert run(followup, NOW) == "skipped_redacted"
    nothing_told(order, followup, "skipped_redacted")


def test_a_shopper_who_cannot_be_reached_is_skipped(order):
    order.customer.email = ""
    order.customer.save(update_fields=["email"])
    followup = scheduled(order)
    assert run(followup, NOW) == "skipped_no_channel"
    nothing_told(order, followup, "skipped_no_channel")


def test_the_scan_goes_on_where_the_last_run_stopped(monkeypatch):
    monkeypatch.setattr(delay_notice, "MAX_PER_RUN", 2)
    monkeypatch.setattr(delay_notice, "PAGE", 2)
    orders = [late_order(name=f"#{n}") for n in (1, 2, 3)]

    assert scan_late_orders(now=NOW) == 2
    assert scan_late_orders(now=NOW) == 1  # the third, then the end: the next run starts over
    assert scan_late_orders(now=NOW) == 0
    assert sorted(FollowUp.objects.values_list("order_id", flat=True)) == [o.pk for o in orders]
