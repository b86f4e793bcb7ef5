"""Who is online, kept in Redis with expiry (never in the database): agents of a shop (online or
away) and the shopper of a conversation (a widget socket is open). Sockets refresh their entry on
connect and on every heartbeat; an entry not refreshed for ``TTL_SECONDS`` counts as gone, so a
process that died leaves nobody online for long.

Redis down: nobody is online (replies then go out by email, which is the safe side)."""
import logging
import time

from redis import RedisError

from shopapp.redis_client import redis_client

logger = logging.getLogger(__name__)

TTL_SECONDS = 60  # clients send a heartbeat every 25 s
AGENT_STATUSES = ("online", "away")


def _agents_key(shop_id: int) -> str:
    return f"presence:shop:{shop_id}:agents"


def _agent_status_key(shop_id: int) -> str:
    return f"presence:shop:{shop_id}:agent-status"


def _shopper_key(conversation_id: int) -> str:
    return f"presence:conversation:{conversation_id}:shopper"


def mark_agent(shop_id: int, agent_id: int, socket_id: str, status: str = "online", *,
               now: float | None = None) -> None:
    """One entry per open admin socket (an agent may have several tabs); the status is per agent."""
    if status not in AGENT_STATUSES:
        raise ValueError(f"unknown presence status {status!r}")
    now = time.time() if now is None else now
    try:
        pipe = redis_client().pipeline(transaction=False)
        pipe.zadd(_agents_key(shop_id), {f"{agent_id}/{socket_id}": now + TTL_SECONDS})
        pipe.hset(_agent_status_key(shop_id), str(agent_id), status)
        pipe.expire(_agents_key(shop_id), TTL_SECONDS * 2)
        pipe.expire(_agent_status_key(shop_id), TTL_SECONDS * 2)
        pipe.execute()
    except RedisError:
        logger.warning("presence.write_failed", extra={"side": "agent"})


def clear_agent(shop_id: int, agent_id: int, socket_id: str) -> None:
    try:
        redis_client().zrem(_agents_key(shop_id), f"{agent_id}/{socket_id}")
    except RedisError:
        logger.warning("presence.write_failed", extra={"side": "agent"})


def agents_online(shop_id: int, *, now: float | None = None) -> dict[int, str]:
    """``{agent id: "online" | "away"}`` for the shop's agents with at least one live socket."""
    now = time.time() if now is None else now
    try:
        client = redis_client()
        members = client.zrangebyscore(_agents_key(shop_id), now, "+inf")
        ids = sorted({int(member.split(b"/", 1)[0]) for member in members})
        if not ids:
            return {}
        statuses = client.hmget(_agent_status_key(shop_id), [str(i) for i in ids])
    except RedisError:
        logger.warning("presence.read_failed", extra={"side": "agent"})
        return {}
    return {i: (s or b"online").decode() for i, s in zip(ids, statuses, strict=True)}


def mark_shopper(conversation_id: int, socket_id: str, *, now: float | None = None) -> None:
    """One entry per open widget socket (a shopper may have several tabs)."""
    now = time.time() if now is None else now
    try:
        pipe = redis_client().pipeline(transaction=False)
        pipe.zadd(_shopper_key(conversation_id), {socket_id: now + TTL_SECONDS})
        pipe.expire(_shopper_key(conversation_id), TTL_SECONDS * 2)
        pipe.execute()
    except RedisError:
        logger.warning("presence.write_failed", extra={"side": "shopper"})


def clear_shopper(conversation_id: int, socket_id: str) -> None:
    try:
        redis_client().zrem(_shopper_key(conversation_id), socket_id)
    except RedisError:
        logger.warning("presence.write_failed", extra={"side": "shopper"})


def shopper_online(conversation_id: int, *, now: float | None = None) -> bool:
    """True while at least one of the conversation's widget sockets is open and alive."""
    now = time.time() if now is None else now
    try:
        return redis_client().zcount(_shopper_key(conversation_id), now, "+inf") > 0
    except RedisError:
        logger.warning("presence.read_failed", extra={"side": "shopper"})
        return False
