"""One Redis client per process (and URL) for the app's own keys: rate limits, locks, wake-ups.
Short timeouts: a Redis that does not answer must not hold a request for long."""
import redis
from django.conf import settings

_clients: dict[str, redis.Redis] = {}


def redis_client() -> redis.Redis:
    url = settings.REDIS_URL
    if url not in _clients:
        _clients[url] = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
    return _clients[url]
