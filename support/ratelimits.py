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


def allow(limit: Limit, key: str) -> bool:
    """Count one hit; False once ``limit.count`` hits happened in the current window."""
    name = f"rl:{limit.name}:{key}"
    try:
        pipe = redis_client().pipeline()
        pipe.incr(name)
        pipe.expire(name, limit.window_seconds, nx=True)
        hits, _ = pipe.execute()
    except redis.RedisError:
        logger.warning("ratelimit.unavailable", extra={"limit": limit.name})
        return True
    return hits <= limit.count
