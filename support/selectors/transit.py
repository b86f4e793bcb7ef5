"""Transit times learned from the shop's own delivered parcels, per carrier and destination country.

A sample is one parcel delivered in the last ``LOOKBACK_DAYS``: the business days of the destination
country from the day it shipped (the fulfillment's creation) to the day it was delivered
(``Fulfillment.delivered_at``: the carrier's delivered scan, else Shopify's delivered status), both
as dates in the shop's time zone. The newest ``MAX_SAMPLES`` are read through the partial index on
``(shop, -delivered_at)``, and the resulting ``(p50, p90)`` is kept in Redis for ``CACHE_SECONDS``
(absence of history too), so a shopper's question costs one Redis read. Redis being down only costs
the query."""
import hashlib
import json
import logging
from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import redis
from django.utils import timezone

from shopapp.models import Shop
from shopapp.redis_client import redis_client
from support.models import Fulfillment
from support.rules.eta import business_days_between, transit_stats

logger = logging.getLogger(__name__)

LOOKBACK_DAYS = 180
MAX_SAMPLES = 500  # plenty for a 90th percentile; bounds the cost of a busy route
CACHE_SECONDS = 6 * 3600


def shop_zone(shop: Shop):
    try:
        return ZoneInfo(shop.timezone) if shop.timezone else timezone.get_default_timezone()
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.get_default_timezone()


def transit_samples(shop: Shop, *, carrier: str, country: str, now=None) -> list[int]:
    """Business days in transit of the shop's recent deliveries by ``carrier`` (any case) to ``country``."""
    since = (now or timezone.now()) - timedelta(days=LOOKBACK_DAYS)
    rows = (
        Fulfillment.objects.filter(
            shop=shop, delivered_at__isnull=False, delivered_at__gte=since, shopify_created_at__isnull=False,
            order__shipping_country_code=country.upper(), tracking__0__company__iexact=carrier,
        )
        .exclude(status="cancelled")
        .order_by("-delivered_at")
        .values_list("shopify_created_at", "delivered_at")[:MAX_SAMPLES]
    )
    zone = shop_zone(shop)
    return [
        business_days_between(shipped.astimezone(zone).date(), delivered.astimezone(zone).date(), country)
        for shipped, delivered in rows
    ]


def _cache_key(shop: Shop, carrier: str, country: str) -> str:
    route = hashlib.sha256(f"{carrier.strip().casefold()}|{country.upper()}".encode()).hexdigest()[:24]
    return f"support:transit:{shop.pk}:{route}"


def learned_transit(shop: Shop, *, carrier: str, country: str, now=None) -> tuple[int, int] | None:
    """``(p50, p90)`` business days for the route, or None without enough history (or without a
    carrier or a country to learn from)."""
    if not carrier.strip() or not country.strip():
        return None
    key = _cache_key(shop, carrier, country)
    try:
        cached = redis_client().get(key)
    except redis.RedisError:
        logger.warning("transit.cache_unavailable", extra={"shop_id": shop.pk})
        cached = None
    if cached is not None:
        stats = json.loads(cached)
        return tuple(stats) if stats else None
    stats = transit_stats(transit_samples(shop, carrier=carrier.strip(), country=country, now=now))
    try:
        redis_client().set(key, json.dumps(stats), ex=CACHE_SECONDS)
    except redis.RedisError:
        logger.warning("transit.cache_unavailable", extra={"shop_id": shop.pk})
    return stats
