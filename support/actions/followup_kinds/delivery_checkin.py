"""Delivery check-in (``delivery_checkin``, reaches the shopper): some days after an order arrived, ask
how it went, with one-click rating links (``actions/one_click_ratings``).

Scheduled by ``actions/mirror`` when a parcel becomes delivered and no other parcel of the order is
still on its way: key ``checkin:<order id>`` (one per order), due at the last delivery plus the
shop's ``checkin_after_days``. A due time more than a day past is not scheduled (the first mirror sync
brings in 60 days of delivered orders: nobody is asked about those).

Skipped, with nothing sent, when: the order is cancelled, redacted or nameless, or its customer is
redacted; the shopper has an active (open, pending or snoozed) conversation: which order a
conversation is about is not known, so any active one counts as "about that order" and a person is
already in touch; the shopper was sent a check-in for another order in the last ``RECENTLY``; there is
nowhere to ask (no unrated chat conversation and no email). The check-in goes where
``shopper.notice_conversation(unrated=True)`` says; the follow-up row records that conversation (the
one the links rate) for the reports."""
from datetime import datetime, timedelta

from django.utils import timezone

from support.actions.followups import schedule_followup
from support.actions.one_click_ratings import rating_links
from support.actions.support_settings import support_settings
from support.models import FollowUp, FollowUpStatus, Order
from support.rules.followup_text import checkin_text
from support.rules.followup_timing import checkin_due, checkin_is_stale
from support.selectors.credit_offers import parcels_on_their_way

from .shopper import active_conversation, language_of, notice_conversation, post_notice

KIND = "delivery_checkin"
RECENTLY = timedelta(days=14)


def schedule_checkin(order_id: int, *, now: datetime | None = None) -> FollowUp | None:
    """Called when a parcel of the order is delivered; the row, or None when nothing is to be asked."""
    order = Order.objects.select_related("shop", "customer").filter(pk=order_id).first()
    if order is None or order.customer is None or order.cancelled_at or order.redacted_at:
        return None
    if parcels_on_their_way().filter(order=order).exists():
        return None  # asked once the last parcel arrives
    delivered = order.fulfillments.exclude(delivered_at=None).order_by("-delivered_at")
    last = delivered.values_list("delivered_at", flat=True).first()
    if last is None:
        return None
    due = checkin_due(last, support_settings(order.shop).checkin_after_days)
    if checkin_is_stale(due, now or timezone.now()):
        return None
    row, _ = schedule_followup(shop=order.shop, kind=KIND, key=f"checkin:{order.pk}", due_at=due, order=order,
                               customer=order.customer)
    return row


def _skip_reason(followup: FollowUp, order: Order, now: datetime) -> str:
    customer = order.customer
    if order.cancelled_at is not None:
        return "skipped_cancelled"
    if order.redacted_at is not None or customer.redacted_at is not None:
        return "skipped_redacted"
    if not order.name.strip():
        return "skipped_no_order_name"
    if active_conversation(customer) is not None:
        return "skipped_conversation_open"
    asked = FollowUp.objects.filter(shop_id=followup.shop_id, kind=KIND, customer=customer, status=FollowUpStatus.DONE,
                                    finished_at__gte=now - RECENTLY).exclude(pk=followup.pk)
    if asked.exists():
        return "skipped_asked_recently"
    return ""


def handle(followup: FollowUp, now: datetime) -> str:
    order = followup.order
    if order is None or order.customer is None:
        return "skipped_no_customer"
    if reason := _skip_reason(followup, order, now):
        return reason
    customer = order.customer
    conversation = notice_conversation(customer, now=now, language=language_of(customer, order), unrated=True)
    if conversation is None:
        return "skipped_no_channel"
    language = language_of(customer, order, conversation)
    key, body = checkin_text(order_name=order.name.strip(), links=rating_links(conversation.pk), language=language)
    post_notice(followup, conversation, key=key, body=body)
    followup.conversation = conversation
    followup.save(update_fields=["conversation"])
    return "sent"
