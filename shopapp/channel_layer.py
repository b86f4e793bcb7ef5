"""The Redis channel layer (``CHANNEL_LAYERS``): channels_redis's ``RedisChannelLayer`` with a lighter
wait for process-local channels, the ones every websocket consumer receives on.

channels_redis reads all of a process's local channels from one Redis key: one receiving coroutine
at a time holds a lock and reads (``BZPOPMIN``), then files what it read under each channel it
names; the others wait. Upstream, each waiting coroutine waits for "the lock, or a message in my
buffer" with two new tasks and an ``asyncio.wait`` every time, and each channel's buffer is an
``asyncio.Queue`` (four deques): about 6 KiB per idle socket, a fifth of what an idle socket costs
the server, and two tasks created and cancelled per socket for every message delivered to it.

Here the same protocol costs an idle socket one future and a small inbox: whoever receives while
nobody is reading reads (one message, as upstream) and files it; the others wait on a future,
woken when something is filed for them or when the reader leaves and one of them must take over.
Everything else (sending, groups, capacities, expiry, the backup queue that keeps a message safe
when a reader is cancelled mid-read, non-local channels) is channels_redis's own. Measured with
``python -m bench chat`` (bench/README.md, "Chat"): 6.4 KiB less per idle socket, and about half
the layer's CPU per group message to 20 sockets. (Upstream, django/channels_redis#165 proposed a
rewrite of the same section with a reader task; it was never merged.)"""
import asyncio

from channels_redis.core import RedisChannelLayer as UpstreamRedisChannelLayer


class _Inbox:
    """Messages filed for one local channel (at most ``capacity``: the oldest is dropped, as
    channels_redis's bounded buffer does) and the futures of the coroutines waiting on it."""

    __slots__ = ("messages", "waiters")

    def __init__(self):
        self.messages: list = []
        self.waiters: list[asyncio.Future] = []


class RedisChannelLayer(UpstreamRedisChannelLayer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._inboxes: dict[str, _Inbox] = {}
        self._waiting: dict[asyncio.Future, _Inbox] = {}  # every waiting coroutine, oldest first
        self._reading = False

    async def receive(self, channel):
        if "!" not in channel:
            return await super().receive(channel)
        assert self.require_valid_channel_name(channel)
        real_channel = self.non_local_name(channel)
        assert real_channel.endswith(self.client_prefix + "!"), "Wrong client prefix"
        loop = asyncio.get_running_loop()
        self.receive_count += 1
        try:
            if self.receive_count == 1:
                self.receive_event_loop = loop
            elif self.receive_event_loop != loop:
                raise RuntimeError("Two event loops are trying to receive() on one channel layer at once!")
            inbox = self._inboxes.get(channel)
            if inbox is None:
                inbox = self._inboxes[channel] = _Inbox()
            try:
                while not inbox.messages:
                    if not self._reading:
                        await self._read_one(real_channel)
                        continue
                    waiter = loop.create_future()
                    inbox.waiters.append(waiter)
                    self._waiting[waiter] = inbox
                    try:
                        await waiter
                    finally:
                        inbox.waiters.remove(waiter)
                        del self._waiting[waiter]
            except BaseException:
                # Cancelled (the consumer is gone) or the read failed: as upstream, the channel's
                # buffer goes with it, unless another coroutine still waits on the same channel.
                if not inbox.waiters and self._inboxes.get(channel) is inbox:
                    del self._inboxes[channel]
                raise
            message = inbox.messages.pop(0)
            if not inbox.messages and not inbox.waiters and self._inboxes.get(channel) is inbox:
                del self._inboxes[channel]
            return message
        finally:
            self.receive_count -= 1
            if self.receive_count == 0:
                self.receive_event_loop = None
            self._hand_over()

    async def _read_one(self, real_channel: str) -> None:
        """Read one message of this process from Redis and file it under the channel(s) it names."""
        self._reading = True
        try:
            message_channel, message = await self.receive_single(real_channel)
        finally:
            self._reading = False
        for name in message_channel if isinstance(message_channel, list) else (message_channel,):
            self._file(name, message)

    def _file(self, channel: str, message) -> None:
        inbox = self._inboxes.get(channel)
        if inbox is None:
            inbox = self._inboxes[channel] = _Inbox()
        if len(inbox.messages) >= self.capacity:
            del inbox.messages[0]  # this channel's consumer stopped reading: drop rather than grow
        inbox.messages.append(message)
        for waiter in inbox.waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _hand_over(self) -> None:
        """Nobody reads any more but coroutines still wait with nothing filed for them: wake the
        oldest, which becomes the reader (each receive leaves through here)."""
        if self._reading or not self._waiting:
            return
        for waiter, inbox in self._waiting.items():
            if not waiter.done() and not inbox.messages:
                waiter.set_result(None)
                return
