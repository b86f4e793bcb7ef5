"""The app offers store credit for a late order, when the shop's policy allows it.

``offer_for_late_order(order)`` requests one credit (``actions.credit.request_credit``, requester
None: the app) when the policy has ``offer_late_orders``, the order's parcels still on their way are
past the last day of their delivery window, the customer has an open conversation (open, pending or
snoozed: the credit is told there) and the order has no late-delivery grant yet. The amount is the
policy's share of the order's total capped by ``max_per_grant`` (``rules.credit_offers``). The request
key ``late:<order id>`` makes a repeated offer find the grant already there. A refusal by the policy
(the order's or the customer's caps, a reason the merchant switched off) is logged, nothing else.

``offer_late_order_credits`` is the hourly sweep: candidates in pages by primary key
(``selectors.credit_offers``), at most ``MAX_PER_RUN`` orders per run."""
import logging
from datetime import date
from decimal import Decimal

from django.utils import timezone

from support.actions.credit import CreditRefused, request_credit
from support.actions.credit_notices import ask_for_feedback
from support.models import Conversation, CreditReason, GrantState, Order
from support.rules import eta
from support.rules.credit_offers import offer_amount
from support.rules.credit_policy import PolicyView
from support.selectors import credit_offers as offers
from support.selectors.credit import order_credit_terms, policy_for
from support.selectors.wismo import delivery_window, shop_today

logger = logging.getLogger(__name__)

PAGE = 200
MAX_PER_RUN = 2000
NOTE = "Offered by the app: the order is past the last day of its delivery window."


class _Skip(Exception):
    """A reason to ask for nothing (not an error)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def offer_for_late_order(order: Order, *, today: date | None = None) -> str:
    """Request the late-order credit when every condition holds. Returns what happened: ``requested``,
    ``already_offered``, ``refused`` or why nothing was asked (``offers_off``, ``no_customer``,
    ``cancelled``, ``no_open_conversation``, ``not_on_its_way``, ``not_late``, ``nothing_to_offer``)."""
    policy = policy_for(order.shop_id)
    try:
        conversation, amount = _offer(order, policy, today)
    except _Skip as skip:
        logger.info("credit.offer.skipped", extra={"order_id": order.pk, "reason": skip.reason})
        return skip.reason
    try:
        grant, created = request_credit(
            shop=order.shop, order=order, customer=order.customer, conversation=conversation, amount=amount,
            reason=CreditReason.LATE_DELIVERY, note=NOTE, requester=None, request_key=f"late:{order.pk}",
        )  # feedback first when the policy says so: request_credit reads the switch
    except CreditRefused as refusal:
        logger.info("credit.offer.refused", extra={"order_id": order.pk, "reason": refusal.reason})
        return "refused"
    if created and grant.state == GrantState.AWAITING_FEEDBACK:
        ask_for_feedback(grant)  # idempotent: one question per grant, whoever asks first
    logger.info("credit.offer.requested", extra={"order_id": order.pk, "grant_id": grant.pk, "new_grant": created,
                                                 "state": grant.state})
    return "requested" if created else "already_offered"


def _offer(order: Order, policy: PolicyView, today: date | None) -> tuple[Conversation, Decimal]:
    """The conversation and amount of the offer; raises ``_Skip`` with the first condition that fails."""
    if not policy.offer_late_orders:
        raise _Skip("offers_off")
    if order.customer_id is None:
        raise _Skip("no_customer")
    if order.cancelled_at is not None:
        raise _Skip("cancelled")
    if offers.late_grant_exists(order):
        raise _Skip("already_offered")
    conversation = offers.open_conversation(order)
    if conversation is None:
        raise _Skip("no_open_conversation")
    today = today or shop_today(order.shop)
    window = delivery_window(order, today=today)
    if window is None:
        raise _Skip("not_on_its_way")
    if not eta.is_late(window, today):
        raise _Skip("not_late")
    terms = order_credit_terms(order, policy.instrument)
    amount = offer_amount(policy, order_total=terms["total"], order_shop_total=terms["shop_total"],
                          currency=terms["currency"])
    if amount is None:
        raise _Skip("nothing_to_offer")
    return conversation, amount


def offer_late_order_credits(*, now=None) -> int:
    """One sweep over the candidates; returns how many credits were requested."""
    now = now or timezone.now()
    after_id, seen, requested = 0, 0, 0
    while seen < MAX_PER_RUN:
        ids = offers.late_offer_candidates(now=now, after_id=after_id, limit=min(PAGE, MAX_PER_RUN - seen))
        if not ids:
            break
        for order in Order.objects.filter(pk__in=ids).select_related("shop").order_by("pk"):
            requested += _offer_safely(order) == "requested"
        after_id, seen = ids[-1], seen + len(ids)
    if seen >= MAX_PER_RUN:
        logger.warning("credit.offer.sweep_capped", extra={"orders": seen})
    logger.info("credit.offer.sweep_done", extra={"orders": seen, "requested": requested})
    return requested


def _offer_safely(order: Order) -> str:
    """One order's offer; an unexpected error is logged and the sweep goes on with the next order."""
    try:
        return offer_for_late_order(order)
    except Exception:  # noqa: BLE001 - one broken order must not stop the others' offers
        logger.exception("credit.offer.failed", extra={"order_id": order.pk})
        return "failed"
