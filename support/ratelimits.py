"""Abuse limits kept in Redis (fixed windows). A limit that cannot be checked because Redis is down
lets the request through: the database stays the record and chat keeps working."""
import logging
from dataclasses import dataclass

import redis

from shopapp.redis_client import redis_client

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    window_seconds: int


NEW_CONVERSATIONS_PER_IP = Limit("conv-ip", 10, 3600)
MESSAGES_PER_CONVERSATION = Limit("msg-conv", 20, 60)
REQUESTS_PER_IP = Limit("req-ip", 120, 60)
# An anonymous shopper proving an order is theirs (order name + email or postcode): every try counts,
# per client (visitor or IP) and per order name of the shop, so neither guessing emails for one order
# nor trying many orders from one place gets far.
ORDER_LOOKUPS_PER_CLIENT = Limit("order-client", 10, 3600)
ORDER_LOOKUPS_PER_ORDER = Limit("order-name", 5, 3600)


def allow(limit: Limit, key: str) -> bool:
    """Count one hit; False once ``limit.count`` hits happened in the current window."""
    name = f"rl:{limit.name}:{key}"
    try:
        pipe = redis_client().pipeline(transaction=False)  # one round trip; no MULTI/EXEC needed
        pipe.incr(name)
        pipe.expire(name, limit.window_seconds, nx=True)
        hits, _ = pipe.execute()
    except redis.RedisError:
        logger.warning("ratelimit.unavailable", extra={"limit": limit.name})
        return True
    return hits <= limit.count
