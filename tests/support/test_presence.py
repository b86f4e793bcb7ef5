"""Presence in the real Redis: entries per socket, expiry, statuses."""
from support import presence


def test_agent_is_online_while_any_socket_lives(redis_client):
    presence.mark_agent(1, 10, "sock-a", now=1000.0)
    presence.mark_agent(1, 10, "sock-b", "away", now=1000.0)
    presence.mark_agent(1, 11, "sock-c", now=1000.0)
    presence.mark_agent(2, 12, "sock-d", now=1000.0)
    assert presence.agents_online(1, now=1001.0) == {10: "away", 11: "online"}
    presence.clear_agent(1, 10, "sock-b")
    assert presence.agents_online(1, now=1001.0) == {10: "away", 11: "online"}  # tab a still open
    presence.clear_agent(1, 10, "sock-a")
    assert presence.agents_online(1, now=1001.0) == {11: "online"}
    assert presence.agents_online(1, now=1000.0 + presence.TTL_SECONDS + 1) == {}  # no heartbeat: gone


def test_shopper_online_per_conversation_with_expiry(redis_client):
    presence.mark_shopper(5, "tab-1", now=1000.0)
    assert presence.shopper_online(5, now=1010.0) is True
    assert presence.shopper_online(6, now=1010.0) is False
    assert presence.shopper_online(5, now=1000.0 + presence.TTL_SECONDS + 1) is False
    presence.clear_shopper(5, "tab-1")
    assert presence.shopper_online(5, now=1010.0) is False


def test_redis_down_means_nobody_online(settings):
    from shopapp import redis_client as module

    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    module._clients.pop(settings.REDIS_URL, None)
    presence.mark_agent(1, 10, "sock-a")
    assert presence.agents_online(1) == {}
    assert presence.shopper_online(5) is False
    module._clients.pop(settings.REDIS_URL, None)
