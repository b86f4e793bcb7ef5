"""The store-credit report of one shop: credits issued per reason, per agent and per month, totals
per currency with the share of revenue, and the approvals still pending. Every figure is a SQL
aggregate (seven queries, however many grants), every query filtered by the shop.

Months are the shop's (its time zone): a credit issued at 23:30 on 31 January in New York is
January's. Issued means the grant reached ``issued``, counted in the month of ``issued_at``. Money is
never added across currencies: each row is one currency. Revenue is the total of the orders placed in
the same months (``shopify_created_at``, cancelled ones left out) in the currency a grant on them is
counted in (the shopper's presentment currency when the mirror has it, else the shop's; the shop's
for a shop whose policy issues gift cards: the rule of ``selectors.credit.order_credit_terms``).
An agent is who requested the credit; ``app`` stands for the credits the app offered (no requester;
an agent deleted since shows there too)."""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case, CharField, Count, DecimalField, F, Min, Q, QuerySet, Sum, When
from django.db.models.functions import TruncMonth
from django.utils import timezone

from shopapp.models import Shop
from shopapp.refusals import Refused
from support.models import CreditGrant, CreditInstrument, GrantState, Order
from support.selectors.credit import policy_for
from support.selectors.transit import shop_zone

MAX_MONTHS = 36
SHARE_STEP = Decimal("0.0001")
APP = "app"


class ReportRefused(Refused):
    pass


@dataclass(frozen=True)
class Months:
    first: date  # the first day of the first month
    last: date  # the first day of the last month

    def label(self, day: date) -> str:
        return f"{day.year:04d}-{day.month:02d}"


def parse_month(text: str) -> date:
    """``"2026-03"`` -> 1 March 2026; ``ReportRefused("bad_month")`` otherwise."""
    try:
        year, month = (int(part) for part in text.split("-"))
        if len(text) != 7 or not 2000 <= year <= 2999:
            raise ValueError(text)
        return date(year, month, 1)
    except (ValueError, AttributeError):
        raise ReportRefused("bad_month") from None


def _shift(day: date, months: int) -> date:
    """The first day of the month ``months`` after (or before) ``day``'s."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def report_months(shop: Shop, *, first: str | None, last: str | None, now: datetime | None = None) -> Months:
    """The months asked for; by default the twelve up to the current one (in the shop's zone).
    Refusals: ``bad_month``, ``bad_range`` (the first after the last), ``range_too_long``."""
    today = (now or timezone.now()).astimezone(shop_zone(shop)).date()
    end = parse_month(last) if last else today.replace(day=1)
    start = parse_month(first) if first else _shift(end, -11)
    if start > end:
        raise ReportRefused("bad_range")
    if (end.year - start.year) * 12 + end.month - start.month + 1 > MAX_MONTHS:
        raise ReportRefused("range_too_long")
    return Months(start, end)


def credit_report(shop: Shop, months: Months) -> dict:
    zone = shop_zone(shop)
    since = datetime(months.first.year, months.first.month, 1, tzinfo=zone)
    until_day = _shift(months.last, 1)
    until = datetime(until_day.year, until_day.month, 1, tzinfo=zone)
    issued = CreditGrant.objects.filter(shop_id=shop.pk, state=GrantState.ISSUED, issued_at__gte=since,
                                        issued_at__lt=until)
    return {
        "from": months.label(months.first),
        "to": months.label(months.last),
        "timezone": str(zone),
        "by_reason": [_figures(row, reason=row["reason"]) for row in _grouped(issued, "reason")],
        "by_agent": [_figures(row, agent_id=str(row["requested_by_id"]) if row["requested_by_id"] else None,
                              agent=row["requested_by__name"] if row["requested_by_id"] else APP)
                     for row in _grouped(issued, "requested_by_id", "requested_by__name")],
        "by_month": [_figures(row, month=months.label(row["month"].astimezone(zone).date()))
                     for row in _grouped(issued.annotate(month=TruncMonth("issued_at", tzinfo=zone)), "month")],
        "totals": _totals(shop, issued, since, until),
        "pending_approvals": _pending(shop),
    }


def _grouped(queryset: QuerySet, *fields: str) -> list[dict]:
    return list(queryset.values(*fields, "currency").annotate(count=Count("pk"), amount=Sum("amount"))
                .order_by(*fields, "currency"))


def _figures(row: dict, **labels) -> dict:
    return {**labels, "currency": row["currency"], "count": row["count"], "amount": str(row["amount"])}


def _totals(shop: Shop, issued: QuerySet, since: datetime, until: datetime) -> list[dict]:
    revenue = _revenue(shop, since, until)
    rows = []
    for row in _grouped(issued):
        earned = revenue.get(row["currency"])
        share = (row["amount"] / earned).quantize(SHARE_STEP, rounding=ROUND_HALF_UP) if earned else None
        rows.append({**_figures(row), "revenue": str(earned) if earned is not None else None,
                     "revenue_share": str(share) if share is not None else None})
    return rows


def _revenue(shop: Shop, since: datetime, until: datetime) -> dict[str, Decimal]:
    """Order totals per currency (the currency a grant on each order is in: the shop's for gift cards)."""
    currency, total = F("currency"), F("total_price")
    if policy_for(shop).instrument != CreditInstrument.GIFT_CARD:
        presentment = Q(presentment_total_price__isnull=False) & ~Q(presentment_currency="")
        currency = Case(When(presentment, then=F("presentment_currency")), default=currency, output_field=CharField())
        total = Case(When(presentment, then=F("presentment_total_price")), default=total,
                     output_field=DecimalField(max_digits=14, decimal_places=2))
    rows = (
        Order.objects.filter(shop_id=shop.pk, shopify_created_at__gte=since, shopify_created_at__lt=until,
                             cancelled_at__isnull=True)
        .annotate(money_currency=currency, money_total=total)
        .values("money_currency").annotate(total=Sum("money_total")).order_by("money_currency")
    )
    return {row["money_currency"]: row["total"] for row in rows if row["total"] is not None}


def _pending(shop: Shop) -> dict:
    pending = CreditGrant.objects.filter(shop_id=shop.pk, state=GrantState.PENDING_APPROVAL).aggregate(
        count=Count("pk"), oldest=Min("requested_at"))
    return {"count": pending["count"], "oldest_requested_at": pending["oldest"]}
