"""Load processes of the chat benchmark, each run by ``bench.chat`` as its own process (asyncio,
uvloop, loopback). Each prints one JSON line when ready, then obeys commands on stdin (one per
line) and prints one JSON line per command:

  agents    N agent sockets (``/ws/agent/?token=<session token>``, minted like App Bridge: HS256 with
            the API secret; Origin = the app's own host), or N bare ``/ws/echo/agent/`` sockets.
            Every ``message.created`` (or echo) event of a bench message is one arrival
            (seq, receive time); the runner subtracts the scheduled send time (same clock).
  shoppers  one widget socket per shopper (``/ws/widget/?token=<socket token>``, signed with the
            server's SECRET_KEY by ``support.consumers.issue_socket_token``; Origin = the storefront),
            or bare ``/ws/echo/shopper/<n>/`` sockets. Idle; counts the events they receive.
            ``send RATE DURATION MAX PREFIX FIRST`` (echo only): shoppers send frames at RATE over their
            sockets.
  http      K keep-alive HTTP/1.1 connections, each from its own loopback address (127.0.x.y; the
            widget API limits requests per IP as it would for real shoppers). ``go MODE RATE DURATION
            MAX PREFIX FIRST``: open loop at RATE (latency from the scheduled time, so a slow server is charged
            for what it delayed); MODE ``app`` posts shopper messages through the widget API (signed
            app-proxy query; a signed visitor token for anonymous shoppers), ``bare`` posts the same
            body to ``/__bench__/bare``.

All commands end with ``stop``: the process prints its totals and exits (the sockets drop with it).
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import sys
import time
from urllib.parse import urlencode

from bench.loadgen import Connection

PHRASE = "Hello, my parcel to Lyon has not moved for a week. Order #1042, can you check?"
STOREFRONT = "https://bench-store.myshopify.com"
MESSAGE_EVENTS = ("message.created", "bench.echo")


def emit(document: dict) -> None:
    sys.stdout.write(json.dumps(document) + "\n")
    sys.stdout.flush()


def django_setup() -> None:
    """Signing tokens the way the app does needs its settings (same SECRET_KEY as the server)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopapp.settings")
    django.setup()


def p99_ms(values: list[float]) -> float | None:
    """How late the load process itself was (actual minus scheduled send), to show it kept up."""
    ordered = sorted(values)
    return round(ordered[int(0.99 * (len(ordered) - 1))] * 1000, 2) if ordered else None


def source_address(k: int) -> str:
    return f"127.0.{1 + k // 250}.{1 + k % 250}"


class Samples:
    """Arrivals of the bench messages on a set of sockets: ``[seq, receive time]``, one per socket and
    message. A message is named by its client id ``bench-<seq>`` (the echo baseline: the first word
    of its text); the runner knows when each seq was scheduled. Nothing is read from the body: the
    app masks digit runs that look like card numbers."""

    def __init__(self):
        self.arrivals: list[list] = []
        self.other_events: dict[str, int] = {}
        self.frames = 0
        self.closed = 0

    def frame(self, raw, now: float) -> None:
        self.frames += 1
        try:
            data = json.loads(raw)
            event = data.get("event", "")
            key = ""
            if event in MESSAGE_EVENTS:
                payload = data.get("payload") or {}
                key = payload.get("client_id") or str(payload.get("body", "")).split(" ", 1)[0]
            if key.startswith("bench-"):
                self.arrivals.append([int(key[6:]), now])
            else:
                self.other_events[event] = self.other_events.get(event, 0) + 1
        except (ValueError, AttributeError, TypeError):
            self.other_events["unparsable"] = self.other_events.get("unparsable", 0) + 1

    def totals(self) -> dict:
        return {"frames": self.frames, "arrivals": len(self.arrivals),
                "messages_seen": len({seq for seq, _ in self.arrivals}), "other_events": self.other_events,
                "closed_by_server": self.closed}


async def open_sockets(targets: list[tuple[str, str]], concurrency: int, timeout: float):
    """Connect every (url, origin), ``concurrency`` handshakes at a time, as a browser would
    (permessage-deflate offered, no client pings)."""
    from websockets.asyncio.client import connect

    gate = asyncio.Semaphore(concurrency)
    failures: dict[str, int] = {}

    async def one(url: str, origin: str):
        async with gate:
            try:
                return await connect(url, origin=origin, ping_interval=None, open_timeout=timeout,
                                     close_timeout=1, max_size=2**20)
            except Exception as error:  # noqa: BLE001 - counted and reported
                name = type(error).__name__ + (f" {error.status_code}" if hasattr(error, "status_code") else "")
                failures[name] = failures.get(name, 0) + 1
                return None

    started = time.time()
    sockets = await asyncio.gather(*(one(url, origin) for url, origin in targets))
    return sockets, failures, time.time() - started


async def read_forever(socket, samples: Samples) -> None:
    from websockets.exceptions import ConnectionClosed

    try:
        async for raw in socket:
            samples.frame(raw, time.time())
    except ConnectionClosed:
        pass
    samples.closed += 1


async def commands():
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            return
        yield line.split()


# --- agents and shoppers ----------------------------------------------------------------------------
def agent_targets(args, spec) -> list[tuple[str, str]]:
    origin = f"http://127.0.0.1:{args.port}"  # the embedded admin is served from the app's own host
    if args.kind == "echo":
        return [(f"ws://127.0.0.1:{args.port}/ws/echo/agent/", origin)] * args.count
    from shopapp.devstore.session_tokens import mint_session_token

    secret = os.environ["BENCH_SHOPIFY_API_SECRET"]
    return [(f"ws://127.0.0.1:{args.port}/ws/agent/?token="
             + mint_session_token(shop=spec["shop"], user_id=user_id, api_key=args.api_key, api_secret=secret),
             origin) for user_id in spec["agents"][: args.count]]


def shopper_targets(args, spec) -> list[tuple[str, str]]:
    shoppers = spec["shoppers"][args.first : args.first + args.count]
    if args.kind == "echo":
        return [(f"ws://127.0.0.1:{args.port}/ws/echo/shopper/{conversation}/", STOREFRONT)
                for conversation, *_ in shoppers]
    django_setup()
    from support.consumers import issue_socket_token

    return [(f"ws://127.0.0.1:{args.port}/ws/widget/?token="
             + issue_socket_token(shop_id=spec["shop_id"], conversation_id=conversation, customer_id=customer),
             STOREFRONT) for conversation, customer, *_ in shoppers]


async def hold(args) -> None:
    spec = json.loads(open(args.spec).read())
    targets = agent_targets(args, spec) if args.role == "agents" else shopper_targets(args, spec)
    sockets, failures, seconds = await open_sockets(targets, args.concurrency, args.timeout)
    live = [s for s in sockets if s is not None]
    samples = Samples()
    readers = [asyncio.create_task(read_forever(s, samples)) for s in live]
    emit({"ready": True, "connected": len(live), "failed": failures, "connect_seconds": round(seconds, 2)})
    async for words in commands():
        if words[0] == "send":
            emit(await send_frames(live, float(words[1]), float(words[2]), int(words[3]), words[4], int(words[5])))
        elif words[0] == "stop":
            break
    with open(args.out, "w") as out:
        json.dump(samples.arrivals, out)
    emit({"connected": len(live), **samples.totals(), "still_open": sum(not t.done() for t in readers)})


async def send_frames(sockets, rate: float, duration: float, limit: int, prefix: str, first: int) -> dict:
    """Echo baseline: message ``seq`` (from ``first``) goes from shopper ``seq % n`` as
    ``<prefix>-<seq> <text>`` over its socket at the scheduled time ``start + (seq - first) / rate``."""
    start = time.time() + 0.2
    deadline, sent, lag = start + duration, 0, []
    while sent < limit:
        scheduled = start + sent / rate
        if scheduled >= deadline:
            break
        delay = scheduled - time.time()
        if delay > 0:
            await asyncio.sleep(delay)
        lag.append(time.time() - scheduled)
        await sockets[(first + sent) % len(sockets)].send(f"{prefix}-{first + sent} {PHRASE}")
        sent += 1
    return {"start": start, "rate": rate, "first": first, "sent": sent, "ok_seqs": list(range(first, first + sent)),
            "seconds": round(time.time() - start, 3), "send_lag_p99_ms": p99_ms(lag)}


# --- HTTP senders ---------------------------------------------------------------------------------
class BoundConnection(Connection):
    """A keep-alive connection from its own loopback address (one shopper's IP)."""

    def __init__(self, host: str, port: int, source: str):
        super().__init__(host, port)
        self.source = source

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port, local_addr=(self.source, 0))

    async def request(self, data: bytes) -> int:
        if self.writer is not None and self.reader.at_eof():  # the server closed it while idle (keep-alive
            self.close()  # timeout): open a new one, as a browser does
        return await super().request(data)


class Messages:
    """Requests of one shopper message each: ``POST /api/widget/conversations/<id>/messages`` with a
    freshly signed app-proxy query (shop, path_prefix, timestamp, logged_in_customer_id, signature:
    hex HMAC-SHA256 of the sorted ``key=value`` pairs), the visitor token of an anonymous shopper,
    and a JSON body; ``bare`` sends the same body to ``/__bench__/bare``."""

    def __init__(self, args, spec, mode: str):
        self.mode, self.port = mode, args.port
        self.shop, self.secret = spec["shop"], os.environ["BENCH_SHOPIFY_API_SECRET"].encode()
        self.shoppers = spec["shoppers"][args.first : args.first + args.count]
        self.visitor_tokens = {}
        if mode == "app":
            from support import visitors

            self.visitor_tokens = {visitor: visitors.issue(spec["shop_id"], visitor)
                                   for _, _, _, visitor in self.shoppers if visitor}

    def proxy_query(self, customer_id) -> str:
        params = {"shop": self.shop, "path_prefix": "/apps/support", "timestamp": str(int(time.time())),
                  "logged_in_customer_id": str(customer_id or "")}
        message = "".join(f"{key}={params[key]}" for key in sorted(params))
        params["signature"] = hmac.new(self.secret, message.encode(), hashlib.sha256).hexdigest()
        return urlencode(params)

    def request(self, seq: int, prefix: str) -> bytes:
        conversation, _, customer_id, visitor = self.shoppers[seq % len(self.shoppers)]
        body = json.dumps({"body": PHRASE, "client_id": f"{prefix}-{seq}"}).encode()
        if self.mode == "app":
            target = f"/api/widget/conversations/{conversation}/messages?{self.proxy_query(customer_id)}"
        else:
            target = "/__bench__/bare"
        token = f"X-Visitor-Token: {self.visitor_tokens[visitor]}\r\n" if visitor and self.mode == "app" else ""
        return (f"POST {target} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nContent-Type: application/json\r\n"
                f"Accept: application/json\r\nUser-Agent: bench-shopper\r\n{token}"
                f"Content-Length: {len(body)}\r\n\r\n").encode() + body


async def send_requests(conns, messages: Messages, rate: float, duration: float, limit: int, prefix: str,
                        first: int) -> dict:
    """Message ``first + i`` is scheduled at ``start + i / rate`` on connection ``i % K``."""
    start = time.time() + 0.2
    deadline = start + duration
    latencies, lag, statuses, failures, created = [], [], {}, {}, []

    async def connection_loop(k: int, conn: Connection):
        i = k
        while i < limit:
            seq, scheduled = first + i, start + i / rate
            if scheduled >= deadline:
                return
            delay = scheduled - time.time()
            if delay > 0:
                await asyncio.sleep(delay)
            data = messages.request(seq, prefix)
            lag.append(time.time() - scheduled)
            try:
                status = await asyncio.wait_for(conn.request(data), 30)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
                failures[type(error).__name__] = failures.get(type(error).__name__, 0) + 1
                conn.close()
            else:
                latencies.append(time.time() - scheduled)
                statuses[str(status)] = statuses.get(str(status), 0) + 1
                if status == 201:
                    created.append(seq)
            i += len(conns)

    await asyncio.gather(*(connection_loop(k, conn) for k, conn in enumerate(conns)))
    lag.sort()
    return {"start": start, "rate": rate, "first": first, "sent": len(lag), "ok_seqs": sorted(created),
            "seconds": round(time.time() - start, 3), "statuses": statuses, "failures": failures,
            "latencies": latencies, "send_lag_p99_ms": p99_ms(lag)}


async def senders(args) -> None:
    spec = json.loads(open(args.spec).read())
    if args.kind == "app":
        django_setup()
    conns = [BoundConnection("127.0.0.1", args.port, source_address(k)) for k in range(args.connections)]
    await asyncio.gather(*(c.open() for c in conns))
    emit({"ready": True, "connections": len(conns)})
    async for words in commands():
        if words[0] == "go":
            mode, rate, duration, limit, prefix = words[1], float(words[2]), float(words[3]), int(words[4]), words[5]
            emit(await send_requests(conns, Messages(args, spec, mode), rate, duration, limit, prefix, int(words[6])))
        elif words[0] == "stop":
            break
    emit({"stopped": True})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sockets", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("role", choices=["agents", "shoppers", "http"])
    parser.add_argument("--kind", choices=["app", "echo"], default="app")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--spec", required=True, help="JSON written by bench.seed chat")
    parser.add_argument("--count", type=int, default=10**9, help="sockets (agents, shoppers) or shoppers (http)")
    parser.add_argument("--first", type=int, default=0, help="first shopper of the spec to use")
    parser.add_argument("--connections", type=int, default=20, help="http: keep-alive connections")
    parser.add_argument("--concurrency", type=int, default=50, help="handshakes at a time")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds for one handshake")
    parser.add_argument("--api-key", default="bench-api-key")
    parser.add_argument("--out", default=os.devnull, help="file for the arrivals (JSON: [seq, epoch seconds])")
    args = parser.parse_args(argv)
    import uvloop

    uvloop.run(senders(args) if args.role == "http" else hold(args))
    sys.stdout.flush()
    os._exit(0)  # the sockets drop with the process; no closing handshake for thousands of them


if __name__ == "__main__":
    sys.exit(main())
