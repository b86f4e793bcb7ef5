"""Load generator: one process, N keep-alive HTTP/1.1 connections over loopback, raw asyncio
streams (uvloop when available). Run by ``bench.run`` as a separate process; prints one JSON
object (counts, times) and writes the latencies (seconds, float64) to ``--out``.

Modes:
  closed  every connection sends its next request as soon as the previous answer is read
          (maximum throughput; latency is mostly queueing, by Little's law ~ connections/throughput)
  open    requests are scheduled at a fixed rate spread over the connections, and latency is taken
          from the scheduled time, so a slow server is charged for the requests it delayed
          (no coordinated omission)

Every request is a signed Shopify webhook: X-Shopify-Topic, -Hmac-Sha256 (base64 HMAC-SHA256 of
the raw body with the secret in BENCH_SHOPIFY_API_SECRET), -Shop-Domain, -Webhook-Id (unique per
request), -Event-Id, -API-Version, -Triggered-At; the body is an orders/updated payload (~4-5 KB)
for a new order id (above 2**53) each time.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
import uuid
from array import array
from datetime import UTC, datetime
from pathlib import Path

from bench.deliveries import SHOP, TOPIC, fill, read_templates, sign

API_VERSION = "2026-07"


class Budget:
    """Requests left for this process (a fixed count or a deadline, whichever comes first)."""

    def __init__(self, count: int, deadline: float):
        self.left, self.deadline = count, deadline

    def take(self) -> bool:
        if self.left <= 0 or time.time() >= self.deadline:
            return False
        self.left -= 1
        return True


class Connection:
    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    def close(self):
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    async def request(self, data: bytes) -> int:
        if self.writer is None:
            await self.open()
        self.writer.write(data)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        lower = head.lower()
        at = lower.find(b"\r\ncontent-length:")
        if at >= 0:
            end = lower.index(b"\r\n", at + 2)
            await self.reader.readexactly(int(lower[at + 17 : end]))
        elif b"\r\ntransfer-encoding: chunked" in lower:
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if b"\r\nconnection: close" in lower:
            self.close()
        return status


class Requests:
    """Signed webhook requests: bodies cycle through the templates; each one gets a new order id,
    the current ``updated_at``, a new webhook id and its own HMAC."""

    def __init__(self, host: str, port: int, path: str, topic: str, templates: list[bytes], secret: str,
                 first_order_id: int):
        self.templates, self.secret, self.order_id = templates, secret, first_order_id
        self.prefix = (
            f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"User-Agent: Shopify-Captain-Hook\r\nAccept: */*\r\nAccept-Encoding: gzip;q=1.0,deflate;q=0.6\r\n"
            f"X-Shopify-Topic: {topic}\r\nX-Shopify-Shop-Domain: {SHOP}\r\nX-Shopify-API-Version: {API_VERSION}\r\n"
        ).encode()

    def next(self) -> bytes:
        template = self.templates[self.order_id % len(self.templates)]
        now = datetime.now(UTC)
        body = fill(template, self.order_id, now)
        self.order_id += 1
        head = (
            f"X-Shopify-Hmac-Sha256: {sign(body, self.secret)}\r\nX-Shopify-Webhook-Id: {uuid.uuid4()}\r\n"
            f"X-Shopify-Event-Id: {uuid.uuid4()}\r\n"
            f"X-Shopify-Triggered-At: {now.strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]}Z\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        return self.prefix + head + body


class Tally:
    def __init__(self):
        self.latencies = array("d")
        self.statuses: dict[int, int] = {}
        self.failures: dict[str, int] = {}
        self.last = 0.0

    def ok(self, status: int, latency: float, done: float):
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.latencies.append(latency)
        self.last = max(self.last, done)

    def failed(self, error: BaseException):
        name = type(error).__name__
        self.failures[name] = self.failures.get(name, 0) + 1


async def closed_loop(conn: Connection, requests: Requests, budget: Budget, tally: Tally, timeout: float):
    while budget.take():
        data = requests.next()
        sent = time.time()
        try:
            status = await asyncio.wait_for(conn.request(data), timeout)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            tally.failed(error)
            conn.close()
            continue
        done = time.time()
        tally.ok(status, done - sent, done)


async def open_loop(conn: Connection, requests: Requests, budget: Budget, tally: Tally, timeout: float,
                    first: float, interval: float):
    scheduled = first
    while True:
        delay = scheduled - time.time()
        if delay > 0:
            await asyncio.sleep(delay)
        if not budget.take():
            return
        data = requests.next()
        try:
            status = await asyncio.wait_for(conn.request(data), timeout)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            tally.failed(error)
            conn.close()
        else:
            done = time.time()
            tally.ok(status, done - scheduled, done)
        scheduled += interval


async def run(args) -> dict:
    templates = read_templates(Path(args.bodies))
    requests = Requests(args.host, args.port, args.path, args.topic, templates,
                        os.environ["BENCH_SHOPIFY_API_SECRET"], args.first_order_id)
    conns = [Connection(args.host, args.port) for _ in range(args.connections)]
    await asyncio.gather(*(c.open() for c in conns))
    delay = args.start_at - time.time()
    if delay > 0:
        await asyncio.sleep(delay)
    start, cpu_start = time.time(), time.process_time()
    budget = Budget(args.max_requests, start + args.duration)
    tally = Tally()
    if args.mode == "closed":
        tasks = [closed_loop(c, requests, budget, tally, args.timeout) for c in conns]
    else:
        interval = args.connections / args.rate  # each connection's share of the rate
        tasks = [
            open_loop(c, requests, budget, tally, args.timeout, start + interval * i / args.connections, interval)
            for i, c in enumerate(conns)
        ]
    await asyncio.gather(*tasks)
    for c in conns:
        c.close()
    Path(args.out).write_bytes(tally.latencies.tobytes())
    return {
        "start": start,
        "end": tally.last or time.time(),
        "sent": args.max_requests - budget.left,
        "statuses": {str(k): v for k, v in tally.statuses.items()},
        "failures": tally.failures,
        "cpu_seconds": time.process_time() - cpu_start,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--bodies", required=True, help="JSON file written by bench.deliveries.write_templates")
    parser.add_argument("--first-order-id", type=int, default=9_300_000_000_000_000)
    parser.add_argument("--topic", default=TOPIC, help="X-Shopify-Topic (the body stays an order)")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--mode", choices=["closed", "open"], default="closed")
    parser.add_argument("--rate", type=float, default=500.0, help="open mode: requests/s for this process")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds (the bound in time)")
    parser.add_argument("--max-requests", type=int, default=100_000, help="the bound in count")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds for one answer")
    parser.add_argument("--start-at", type=float, default=0.0, help="epoch seconds, to start processes together")
    parser.add_argument("--out", required=True, help="file for the latencies (float64 seconds)")
    args = parser.parse_args(argv)
    try:
        import uvloop
    except ImportError:
        result = asyncio.run(run(args))
    else:
        result = uvloop.run(run(args))
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
