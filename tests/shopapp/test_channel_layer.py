"""The channel layer's receive on process-local channels, over the real Redis."""
import asyncio

import pytest
from django.conf import settings

from shopapp.channel_layer import RedisChannelLayer

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
async def layer(redis_client):
    layer = RedisChannelLayer(hosts=[settings.REDIS_URL], capacity=3)
    yield layer
    await layer.flush()


async def receivers(layer, count):
    channels = [await layer.new_channel() for _ in range(count)]
    tasks = [asyncio.create_task(layer.receive(channel)) for channel in channels]
    await asyncio.sleep(0.05)  # all waiting (one of them reading from Redis)
    return channels, tasks


async def test_a_group_message_reaches_every_waiting_channel_once(layer):
    channels, tasks = await receivers(layer, 50)
    for channel in channels:
        await layer.group_add("agents", channel)

    await layer.group_send("agents", {"type": "realtime.event", "n": 1})

    received = await asyncio.wait_for(asyncio.gather(*tasks), timeout=5)
    assert received == [{"type": "realtime.event", "n": 1}] * 50
    assert layer._inboxes == {} and layer._waiting == {} and layer.receive_count == 0


async def test_idle_receivers_cost_no_task_of_their_own(layer):
    before = len(asyncio.all_tasks())
    channels, tasks = await receivers(layer, 200)

    assert len(asyncio.all_tasks()) == before + 200  # the receivers themselves, nothing per waiter
    assert len(layer._waiting) == 199  # the 200th is the one reading from Redis

    await layer.send(channels[123], {"type": "x"})
    assert await asyncio.wait_for(tasks[123], timeout=5) == {"type": "x"}
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    assert layer._inboxes == {} and layer._waiting == {} and layer.receive_count == 0


async def test_a_cancelled_reader_hands_reading_over(layer):
    channels, tasks = await receivers(layer, 3)
    reader = next(i for i, channel in enumerate(channels) if not layer._inboxes[channel].waiters)
    tasks[reader].cancel()
    await asyncio.gather(tasks[reader], return_exceptions=True)

    others = [i for i in range(3) if i != reader]
    for i in others:
        await layer.send(channels[i], {"type": "x", "to": i})
    assert await asyncio.wait_for(asyncio.gather(*(tasks[i] for i in others)), timeout=5) == [
        {"type": "x", "to": i} for i in others]
    assert channels[reader] not in layer._inboxes


async def test_messages_wait_for_a_channel_between_receives_in_order(layer):
    first, second = await layer.new_channel(), await layer.new_channel()
    for n in range(2):  # capacity 3: what Redis holds for the whole process
        await layer.send(first, {"type": "x", "n": n})
    await layer.send(second, {"type": "y"})

    # Reading for `second` files `first`'s messages on the way; they wait for their receiver.
    assert await asyncio.wait_for(layer.receive(second), timeout=5) == {"type": "y"}
    assert [await asyncio.wait_for(layer.receive(first), timeout=5) for _ in range(2)] == [
        {"type": "x", "n": n} for n in range(2)]
    assert layer._inboxes == {}


async def test_a_channel_that_stops_reading_keeps_only_its_newest_messages(layer):
    stalled, reading = await layer.new_channel(), await layer.new_channel()
    for n in range(5):  # one at a time: Redis holds at most `capacity` for the process
        await layer.send(stalled, {"type": "x", "n": n})
        await layer.send(reading, {"type": "y", "n": n})
        assert await asyncio.wait_for(layer.receive(reading), timeout=5) == {"type": "y", "n": n}

    assert [await asyncio.wait_for(layer.receive(stalled), timeout=5) for _ in range(3)] == [
        {"type": "x", "n": n} for n in (2, 3, 4)]
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(layer.receive(stalled), timeout=0.3)
