"""Proactive delay notice (``delay_notice``, reaches the shopper): an order past its delivery window
without delivery is told so before the shopper asks, with a new window and, when the shop's credit
policy allows it, a store-credit offer (``actions/credit_offers.offer_for_late_order``).

``scan_late_orders`` (hourly, ``scan_late_orders_task``) reads the candidates in pages by primary key
(``selectors/late_orders``), at most ``MAX_PER_RUN`` per run, going on from where the last run stopped
(a cursor in Redis: when Redis is flushed the scan starts over, which schedules nothing twice). A late
order gets the key ``delay:<order id>:<last day of its window>``: one notice per window, a new one when
the window moves (a carrier's new estimate that passes in turn).

The handler checks again that the order is still late with the same window, undelivered, not
cancelled or redacted. The notice goes to the shopper's active conversation, else as
``shopper.notice_conversation`` says; the new window is ``rules.followup_timing.revised_window`` in the
wismo answer's words (``rules.eta.format_window``). The credit offer's outcome is kept in the row's
data; a failing offer is logged and does not hold the notice back."""
import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from redis import RedisError

from shopapp.redis_client import redis_client
from support.actions.credit_offers import offer_for_late_order
from support.actions.followups import schedule_followup
from support.models import FollowUp, Order
from support.rules import eta
from support.rules.followup_text import delay_text
from support.rules.followup_timing import revised_window
from support.selectors.late_orders import late_order_candidates
from support.selectors.transit import shop_zone
from support.selectors.wismo import delivery_window

from .shopper import language_of, notice_conversation, post_notice

logger = logging.getLogger(__name__)

KIND = "delay_notice"
PAGE = 200
MAX_PER_RUN = 2000
CURSOR_KEY = "followups:late-orders:after"


def scan_late_orders(*, now: datetime | None = None) -> int:
    """One run of the scan; returns how many notices it scheduled."""
    now = now or timezone.now()
    after_id, seen, scheduled = _cursor(), 0, 0
    while seen < MAX_PER_RUN:
        ids = late_order_candidates(now=now, after_id=after_id, limit=min(PAGE, MAX_PER_RUN - seen))
        if not ids:
            after_id = 0  # the end: the next run starts over
            break
        for order in Order.objects.filter(pk__in=ids).select_related("shop", "customer").order_by("pk"):
            scheduled += _schedule_safely(order, now)
        after_id, seen = ids[-1], seen + len(ids)
    _save_cursor(after_id)
    logger.info("followups.late_orders.scanned", extra={"orders": seen, "scheduled": scheduled})
    return scheduled


def _cursor() -> int:
    try:
        return int(redis_client().get(CURSOR_KEY) or 0)
    except (RedisError, ValueError):
        return 0


def _save_cursor(after_id: int) -> None:
    try:
        redis_client().set(CURSOR_KEY, after_id, ex=7 * 86400)
    except RedisError:
        logger.warning("followups.late_orders.cursor_lost")


def _today(order: Order, now: datetime):
    return now.astimezone(shop_zone(order.shop)).date()


def _schedule_safely(order: Order, now: datetime) -> bool:
    """Schedule the notice of a late order; an unexpected error is logged and the scan goes on."""
    try:
        today = _today(order, now)
        window = delivery_window(order, today=today)
        if window is None or not eta.is_late(window, today):
            return False
        _, created = schedule_followup(shop=order.shop, kind=KIND, key=f"delay:{order.pk}:{window.latest.isoformat()}",
                                       due_at=now, order=order, customer=order.customer,
                                       data={"latest": window.latest.isoformat()})
        return created
    except Exception:  # noqa: BLE001 - one broken order must not stop the others' notices
        logger.exception("followups.late_orders.failed", extra={"order_id": order.pk})
        return False


def _skip_reason(followup: FollowUp, order: Order, today) -> str:
    if order.cancelled_at is not None:
        return "skipped_cancelled"
    if order.redacted_at is not None or order.customer.redacted_at is not None:
        return "skipped_redacted"
    window = delivery_window(order, today=today)
    if window is None:
        return "skipped_not_on_its_way"  # delivered (or nothing shipped any more)
    if not eta.is_late(window, today):
        return "skipped_not_late"
    if window.latest.isoformat() != followup.data.get("latest"):
        return "skipped_window_moved"
    if not order.name.strip():
        return "skipped_no_order_name"
    return ""


def handle(followup: FollowUp, now: datetime) -> str:
    order = followup.order
    if order is None or order.customer is None:
        return "skipped_no_customer"
    today = _today(order, now)
    if reason := _skip_reason(followup, order, today):
        return reason
    customer = order.customer
    conversation = notice_conversation(customer, now=now, language=language_of(customer, order), active_first=True)
    if conversation is None:
        return "skipped_no_channel"
    language = language_of(customer, order, conversation)
    window = eta.format_window(revised_window(today, order.shipping_country_code), language)
    key, body = delay_text(order_name=order.name.strip(), window=window, language=language)
    post_notice(followup, conversation, key=key, body=body)
    followup.conversation = conversation
    followup.data = {**followup.data, "offer": _offer(order, today)}
    followup.save(update_fields=["conversation", "data"])
    return "sent"


def _offer(order: Order, today) -> str:
    """The late-order credit when the policy allows it (``offer_for_late_order`` says why not)."""
    try:
        with transaction.atomic():
            return offer_for_late_order(order, today=today)
    except Exception:  # noqa: BLE001 - the notice stands without the offer; the hourly offer sweep tries again
        logger.exception("followups.delay_notice.offer_failed", extra={"order_id": order.pk})
        return "failed"
