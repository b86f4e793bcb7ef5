"""Reads for the proactive delay notice: the orders that may be past their delivery window.

Candidates are orders of active shops placed in the last ``LOOKBACK`` (90 days, as for the credit
offers), with a customer who is not redacted, not cancelled or redacted themselves, with a parcel still
on its way (``selectors.credit_offers.parcels_on_their_way``). Whether an order is late needs its
window (``selectors.wismo.delivery_window``, computed in Python), so the scan reads candidates in pages
by primary key (``limit`` per page)."""
from datetime import datetime

from django.db.models import Exists, OuterRef

from support.models import Order
from support.selectors.credit_offers import LOOKBACK, parcels_on_their_way


def late_order_candidates(*, now: datetime, after_id: int = 0, limit: int = 200) -> list[int]:
    """Ids of orders that may be late, above ``after_id``, in order."""
    on_its_way = parcels_on_their_way().filter(order=OuterRef("pk"))
    return list(
        Order.objects.filter(shop__is_active=True, customer__isnull=False, customer__redacted_at__isnull=True,
                             shopify_created_at__gte=now - LOOKBACK, cancelled_at__isnull=True,
                             redacted_at__isnull=True, pk__gt=after_id)
        .filter(Exists(on_its_way)).order_by("pk").values_list("pk", flat=True)[:limit]
    )
