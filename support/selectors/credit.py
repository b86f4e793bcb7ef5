"""Reads of store credit, always scoped by shop: the shop's policy (its row, or the defaults), one
grant (404 for another shop's), the grant lists (pending approvals first) and the sums the policy
check needs, added up in SQL."""
from datetime import datetime, timedelta
from decimal import ROUND_UP, Decimal

from django.db.models import Case, DecimalField, F, IntegerField, Q, QuerySet, Sum, Value, When
from django.http import Http404

from shopapp.models import Agent, Shop
from support.models import CreditGrant, CreditInstrument, CreditLedgerEntry, CreditPolicy, GrantState, Order
from support.rules.credit_policy import CENT, COUNTED_DAYS, FIELDS, PolicyView

PAGE_MAX = 100
UNCOUNTED_STATES = (GrantState.REJECTED, GrantState.FAILED)  # every other grant holds its share of a cap
AMOUNT = DecimalField(max_digits=30, decimal_places=10)


def policy_row(shop: Shop | int) -> CreditPolicy | None:
    return CreditPolicy.objects.filter(shop_id=getattr(shop, "pk", shop)).first()


def policy_view(row: CreditPolicy) -> PolicyView:
    values = {name: getattr(row, name) for name in FIELDS}
    return PolicyView(**{**values, "reasons": tuple(values["reasons"])})


def policy_for(shop: Shop | int) -> PolicyView:
    """The shop's policy; the model's defaults when it never set one."""
    return policy_view(policy_row(shop) or CreditPolicy())


def policy_settings(shop: Shop) -> dict:
    """The admin's view of the policy: money as strings, the shop's currency for the money caps."""
    view = policy_for(shop)
    shown = {name: getattr(view, name) for name in FIELDS}
    for name in ("max_order_share", "max_per_grant", "max_per_customer_30d", "auto_approve_below"):
        shown[name] = str(shown[name]) if shown[name] is not None else None
    return {**shown, "reasons": list(view.reasons), "currency": shop.currency}


def order_credit_terms(order: Order, instrument: str = CreditInstrument.STORE_CREDIT) -> dict:
    """The currency and total a grant on ``order`` is counted in: the shopper's (presentment) money
    when the mirror has it, else the shop's (always for a gift card: Shopify issues them in the shop's
    currency); and the order's total in the shop's currency."""
    presentment = bool(order.presentment_currency and order.presentment_total_price is not None
                       and instrument != CreditInstrument.GIFT_CARD)
    return {
        "currency": order.presentment_currency if presentment else order.currency,
        "total": order.presentment_total_price if presentment else order.total_price,
        "shop_total": order.total_price,
        "cancelled": order.cancelled_at is not None,
    }


def access_grant(agent: Agent, grant_id) -> CreditGrant:
    try:
        return _grants(agent.shop_id).get(pk=int(grant_id))
    except (CreditGrant.DoesNotExist, ValueError, TypeError):
        raise Http404("no such grant") from None


def grant_ledger(grant: CreditGrant) -> list[CreditLedgerEntry]:
    return list(CreditLedgerEntry.objects.filter(grant=grant, shop_id=grant.shop_id).select_related("agent")
                .order_by("pk"))


def grant_list(agent: Agent, *, state: str | None = None, conversation_id: int | None = None,
               customer_id: int | None = None, limit: int = PAGE_MAX) -> list[CreditGrant]:
    """The shop's grants: those waiting for a supervisor first (oldest first, the queue), then the
    others newest first. One query."""
    queryset = _grants(agent.shop_id)
    if state:
        queryset = queryset.filter(state=state)
    if conversation_id is not None:
        queryset = queryset.filter(conversation_id=conversation_id)
    if customer_id is not None:
        queryset = queryset.filter(customer_id=customer_id)
    pending_first = Case(When(state=GrantState.PENDING_APPROVAL, then=Value(0)), default=Value(1),
                         output_field=IntegerField())
    queued_at = Case(When(state=GrantState.PENDING_APPROVAL, then=F("requested_at")), default=None)
    return list(queryset.order_by(pending_first, queued_at.asc(nulls_last=True), "-requested_at", "-pk")[:limit])


def pending_approvals(agent: Agent) -> list[CreditGrant]:
    return grant_list(agent, state=GrantState.PENDING_APPROVAL)


def _grants(shop_id: int) -> QuerySet:
    return CreditGrant.objects.filter(shop_id=shop_id).select_related(
        "order", "customer", "requested_by", "decided_by")


def _counted(shop_id: int, exclude_grant_id: int | None) -> QuerySet:
    queryset = CreditGrant.objects.filter(shop_id=shop_id).exclude(state__in=UNCOUNTED_STATES)
    return queryset.exclude(pk=exclude_grant_id) if exclude_grant_id else queryset


def granted_on_order(order: Order, *, exclude_grant_id: int | None = None) -> Decimal:
    """What the order's counted grants add up to, in the order's currency."""
    total = _counted(order.shop_id, exclude_grant_id).filter(order_id=order.pk).aggregate(total=Sum("amount"))
    return total["total"] or Decimal("0.00")


def granted_to_customer(customer_id: int, shop_id: int, *, now: datetime,
                        exclude_grant_id: int | None = None) -> Decimal:
    """What the customer's counted grants of the last 30 days add up to in the shop's currency (a
    grant in the shopper's currency at its order's rate), rounded up to cents."""
    since = now - timedelta(days=COUNTED_DAYS)
    converted = Case(
        When(Q(currency=F("order__currency")) | Q(order__presentment_total_price__isnull=True)
             | Q(order__presentment_total_price__lte=0) | Q(order__total_price__isnull=True), then=F("amount")),
        default=F("amount") * F("order__total_price") / F("order__presentment_total_price"),
        output_field=AMOUNT,
    )
    total = (_counted(shop_id, exclude_grant_id).filter(customer_id=customer_id, requested_at__gte=since)
             .aggregate(total=Sum(converted))["total"])
    return (total or Decimal(0)).quantize(CENT, rounding=ROUND_UP)
