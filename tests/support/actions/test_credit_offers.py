"""The app's store-credit offer for a late order: requested once through ``request_credit`` when the
policy allows it, the order is past its delivery window and the customer has an open conversation;
otherwise (or refused by the policy) nothing is written. The hourly sweep finds the candidates in
pages. Real PostgreSQL and Redis (learned transit times are cached there)."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import timezone

from support.actions import credit_offers
from support.actions.credit_offers import offer_for_late_order, offer_late_order_credits
from support.models import CreditGrant, CreditLedgerEntry, CreditPolicy, Message
from support.tasks import offer_late_order_credits_task
from tests.factories import (
    ConversationFactory,
    CreditGrantFactory,
    CustomerFactory,
    FulfillmentFactory,
    OrderFactory,
    ShopFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _redis(redis_client):
    """Learned transit times are cached in Redis: start empty."""


def offering_shop(**policy):
    shop = ShopFactory(timezone="America/New_York", currency="USD")
    CreditPolicy.objects.create(shop=shop, offer_late_orders=True, **policy)
    return shop


def order_of(shop, *, shipped_days_ago=40, conversation_status="open", total="42.50", **fields):
    """An order to Canada, its parcel shipped ``shipped_days_ago`` and not delivered, and (unless
    ``conversation_status`` is None) a conversation of its customer."""
    customer = CustomerFactory(shop=shop)
    order = OrderFactory(shop=shop, customer=customer, total_price=total,
                         shopify_created_at=timezone.now() - timedelta(days=shipped_days_ago + 2), **fields)
    FulfillmentFactory(order=order, shopify_created_at=timezone.now() - timedelta(days=shipped_days_ago))
    if conversation_status:
        ConversationFactory(shop=shop, customer=customer, status=conversation_status)
    return order


def nothing_written():
    return CreditGrant.objects.count() == 0 and CreditLedgerEntry.objects.count() == 0


def test_a_late_order_gets_one_credit_offered_by_the_app():
    order = order_of(offering_shop())
    conversation = order.customer.conversations.get()

    assert offer_for_late_order(order) == "requested"

    grant = CreditGrant.objects.get()
    assert (grant.shop_id, grant.order_id, grant.customer_id, grant.conversation_id) == (
        order.shop_id, order.pk, order.customer_id, conversation.pk)
    assert (grant.request_key, grant.amount, grant.currency, grant.reason, grant.requested_by_id, grant.state) == (
        f"late:{order.pk}", Decimal("6.37"), "USD", "late_delivery", None, "approved")  # 15 % of 42.50, rounded down
    assert grant.note == credit_offers.NOTE
    assert list(grant.ledger.values_list("kind", "actor")) == [("requested", "system"), ("auto_approved", "system")]


def test_a_second_offer_finds_the_grant_there():
    order = order_of(offering_shop())

    assert offer_for_late_order(order) == "requested"
    assert offer_for_late_order(order) == "already_offered"

    assert CreditGrant.objects.count() == 1


def test_the_amount_is_capped_by_the_grant_maximum_and_may_wait_for_a_supervisor():
    order = order_of(offering_shop(max_per_grant=Decimal("20.00"), max_order_share=Decimal("0.5")), total="200.00")

    assert offer_for_late_order(order) == "requested"

    assert CreditGrant.objects.values_list("amount", "state").get() == (Decimal("20.00"), "pending_approval")


def test_feedback_first_asks_the_shopper_for_feedback():
    order = order_of(offering_shop(feedback_first=True))

    assert offer_for_late_order(order) == "requested"

    grant = CreditGrant.objects.get()
    assert grant.state == "awaiting_feedback"
    assert list(Message.objects.filter(conversation=grant.conversation).values_list("client_id", "body")) == [(
        f"credit:{grant.pk}:feedback_ask",
        f"How was your order {order.name}? Please rate it from 1 to 5 and tell us in a few words how it went.",
    )]
    assert list(grant.ledger.values_list("kind", flat=True)) == ["requested", "feedback_asked"]


def test_a_policy_refusal_is_logged_and_nothing_else(caplog):
    shop = offering_shop()
    order = order_of(shop)
    CreditGrantFactory(shop=shop, customer=order.customer, order=order, reason="damaged_item", amount="5.00",
                       currency="USD", state="issued")  # most of the order's 15 % is already granted

    assert offer_for_late_order(order) == "refused"

    assert CreditGrant.objects.filter(reason="late_delivery").count() == 0
    assert CreditLedgerEntry.objects.count() == 0
    assert [(record.message, record.reason) for record in caplog.records if record.message == "credit.offer.refused"
            ] == [("credit.offer.refused", "over_order_share")]


def test_a_reason_the_merchant_switched_off_is_refused():
    order = order_of(offering_shop(reasons=["damaged_item"]))
    assert offer_for_late_order(order) == "refused"
    assert nothing_written()


@pytest.mark.parametrize(("setup", "reason"), [
    (lambda: order_of(ShopFactory()), "offers_off"),  # no policy row: the default is off
    (lambda: order_of(offering_shop(), conversation_status="resolved"), "no_open_conversation"),
    (lambda: order_of(offering_shop(), conversation_status=None), "no_open_conversation"),
    (lambda: order_of(offering_shop(), shipped_days_ago=1), "not_late"),
    (lambda: order_of(offering_shop(), cancelled_at=timezone.now()), "cancelled"),
    (lambda: OrderFactory(shop=offering_shop(), customer=None), "no_customer"),
    (lambda: OrderFactory(shop=offering_shop()), "no_open_conversation"),
    (lambda: order_of(offering_shop(), total="0.06"), "nothing_to_offer"),
])
def test_no_offer_unless_every_condition_holds(setup, reason):
    order = setup()
    assert offer_for_late_order(order) == reason
    assert nothing_written()


def test_a_delivered_or_unshipped_order_is_not_on_its_way():
    shop = offering_shop()
    delivered = order_of(shop)
    delivered.fulfillments.update(delivered_at=timezone.now() - timedelta(days=3), shipment_status="delivered")
    unshipped = order_of(shop)
    unshipped.fulfillments.all().delete()

    assert [offer_for_late_order(delivered), offer_for_late_order(unshipped)] == ["not_on_its_way"] * 2
    assert nothing_written()


def test_an_order_with_a_late_delivery_grant_already_is_not_offered_again():
    shop = offering_shop()
    order = order_of(shop)
    CreditGrantFactory(shop=shop, customer=order.customer, order=order, reason="late_delivery", state="rejected",
                       currency="USD", request_key="agent-1")

    assert offer_for_late_order(order) == "already_offered"
    assert CreditGrant.objects.count() == 1


def test_the_sweep_offers_in_pages_only_in_shops_with_offers_on(monkeypatch):
    monkeypatch.setattr(credit_offers, "PAGE", 1)
    shop = offering_shop()
    late = [order_of(shop), order_of(shop, conversation_status="pending")]
    order_of(shop, shipped_days_ago=1)  # not late
    order_of(shop, conversation_status="closed")
    order_of(ShopFactory())  # offers off
    order_of(offering_shop(), shipped_days_ago=200)  # older than the look-back

    assert offer_late_order_credits() == 2

    assert sorted(CreditGrant.objects.values_list("order_id", flat=True)) == sorted(order.pk for order in late)
    assert offer_late_order_credits() == 0  # nothing twice


def test_the_sweep_stops_at_its_bound_and_the_next_run_goes_on(monkeypatch):
    monkeypatch.setattr(credit_offers, "MAX_PER_RUN", 2)
    shop = offering_shop()
    for _ in range(3):
        order_of(shop)

    assert offer_late_order_credits() == 2
    assert offer_late_order_credits_task() == 1
    assert CreditGrant.objects.count() == 3


def test_the_sweep_runs_hourly():
    assert settings.CELERY_BEAT_SCHEDULE["offer-late-order-credits"] == {
        "task": "support.tasks.offer_late_order_credits_task", "schedule": 3600.0}
