"""Chat benchmark (``python -m bench chat``): 2,000 shopper sockets and 20 agent sockets on the
Procfile's ASGI server.

It starts the real stack itself: a fresh PostgreSQL database ``bench_chat_<pid>`` (migrated, one
shop with 20 agents and 2,000 open conversations, dropped at the end), Redis on a dedicated DB as
the channel layer (flushed before and after), and uvicorn serving the app with production settings
(``bench.asgi``: the app's own ASGI application plus bare baselines). Load comes from separate
processes (``bench.sockets``) over loopback, bounded in count and time. Two rounds, each on a
freshly started server:

  echo  the baseline: bare Channels consumers (``bench/asgi.py``) with the same socket counts; a
        shopper's frame goes through the same Redis channel layer to the 20 agent sockets.
  app   the app: widget sockets (signed socket tokens) and agent sockets (session tokens); shoppers
        send messages over the widget HTTP API at a fixed rate; each one reaches the 20 agent sockets
        as ``message.created``. The HTTP baseline is ``POST /__bench__/bare`` at the same rate on the
        same server with the same sockets open.

Figures: memory per idle socket (server RSS with all sockets open minus before, over the sockets),
shopper message -> agent socket latency p50/p99 (receive time minus scheduled send time, same clock,
over loopback: an upper bound of the server's part), HTTP send latency p50/p99. Results go to
bench/results/chat.json.
"""
from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import psycopg

from bench.appstack import (
    SHOP,
    CpuMeter,
    Suite,
    common_options,
    raise_file_limit,
    rss_bytes,
    server_argv,
    shown,
    summary,
)
from bench.stack import BIN, BenchError, Process, flush_redis, free_port, run_benchmark, wait_until

TARGET_SOCKET_KIB, TARGET_SEND_P50_MS, TARGET_FANOUT_P99_MS = 30.0, 20.0, 100.0
ROUNDS = ("echo", "app")


class ChatBench(Suite):
    name = "chat"

    def seed(self) -> Path:
        out = self.django(["-m", "bench.seed", "chat", "--shop", SHOP, "--agents", str(self.args.agents),
                           "--conversations", str(self.args.shoppers)], "seeding the shop")
        spec = self.work.path / "chat-spec.json"
        spec.write_text(out)
        return spec

    # --- load processes -------------------------------------------------------------------------
    def sockets(self, role: str, kind: str, count: int, spec: Path, tag: str, first: int = 0):
        return self.spawn("bench.sockets", [
            role, "--kind", kind, "--port", str(self.port), "--spec", str(spec), "--count", str(count),
            "--first", str(first), "--concurrency", str(self.args.connect_concurrency),
            "--out", str(self.work.path / f"{tag}-{role}.json"),
        ], f"{tag}-{role}")

    def http(self, spec: Path, tag: str, first: int = 0, count: int = 10**9):
        connections = self.args.http_connections or max(20, math.ceil(max(self.rates()) * 60 / 100))
        return self.spawn("bench.sockets", ["http", "--port", str(self.http_port), "--spec", str(spec), "--first",
                                            str(first), "--count", str(count), "--connections", str(connections)],
                          f"{tag}-http")

    def ready(self, proc, timeout: float) -> dict:
        line = self.read_line(proc, timeout)
        if not line.get("ready"):
            raise BenchError(f"{proc.bench_name} did not get ready: {line}")
        return line

    def stop(self, proc) -> dict:
        self.command(proc, "stop")
        return self.finish(proc)

    # --- the HTTP server ----------------------------------------------------------------------------
    http_port = 0

    def wsgi_argv(self, port: int) -> list[str]:
        """The production layout's HTTP server (README, "How it scales out"): gunicorn, WSGI."""
        return [str(BIN / "gunicorn"), "shopapp.wsgi:application", "--bind", f"127.0.0.1:{port}",
                "--worker-class", "gthread", "--workers", "2", "--threads", "8", "--keep-alive", "75"]

    def start_http(self, web: Process) -> Process | None:
        """``--http wsgi``: sends go to gunicorn beside the uvicorn that holds the sockets (the two
        share the database and the Redis channel layer); ``--http asgi``: to the uvicorn itself."""
        import httpx

        if self.args.http == "asgi":
            self.http_port = self.port
            return None
        self.http_port = free_port()
        wsgi = Process("web-wsgi", self.wsgi_argv(self.http_port), self.env("bench.settings"), self.work.path)
        self.processes.append(wsgi)
        url = f"http://127.0.0.1:{self.http_port}/healthz"
        if not wait_until(lambda: wsgi.alive() and httpx.get(url, timeout=2).status_code == 200, timeout=60):
            raise BenchError(f"the WSGI server did not answer {url}:\n{wsgi.tail()}")
        return wsgi

    # --- one round --------------------------------------------------------------------------------
    def warm(self, kind: str, spec: Path) -> None:
        """A few sockets and messages first, so that what the server loads lazily (views, consumers,
        connection pools) is in the 'before' memory, not counted as the sockets' (the last shoppers
        of the spec: the measured ones start from the first)."""
        first = max(0, self.args.shoppers - 10)
        agents = self.sockets("agents", kind, 2, spec, "warm")
        shoppers = self.sockets("shoppers", kind, 10, spec, "warm", first=first)
        self.ready(agents, 60)
        self.ready(shoppers, 60)
        if kind == "echo":
            self.command(shoppers, "send 20 1 20 warm 0")
            self.read_line(shoppers, 60)
        else:
            http = self.http(spec, "warm", first=first, count=10)
            self.ready(http, 60)
            for mode in ("bare", "app"):
                self.command(http, f"go {mode} 20 1 20 warm 0")
                self.read_line(http, 60)
            self.stop(http)
        time.sleep(0.5)
        self.stop(agents)
        self.stop(shoppers)

    def open_sockets(self, kind: str, spec: Path, server) -> tuple:
        """All the sockets, and the server's memory before and with them open (idle)."""
        args = self.args
        rss_before, redis_before = rss_bytes(self.server_pids(server)), self.redis_used_memory()
        agents = self.sockets("agents", kind, args.agents, spec, kind)
        shoppers = self.sockets("shoppers", kind, args.shoppers, spec, kind)
        connect_timeout = 60 + args.shoppers / 20
        agents_ready, shoppers_ready = self.ready(agents, connect_timeout), self.ready(shoppers, connect_timeout)
        sockets = agents_ready["connected"] + shoppers_ready["connected"]
        if sockets < args.agents + args.shoppers:
            raise BenchError(f"{kind}: only {sockets} sockets connected: agents {agents_ready}, shoppers"
                             f" {shoppers_ready}\n{server.tail()}")
        time.sleep(args.settle)
        rss_open, redis_open = rss_bytes(self.server_pids(server)), self.redis_used_memory()
        memory = {
            "server_pids": len(self.server_pids(server)), "agents_ready": agents_ready,
            "shoppers_ready": shoppers_ready, "sockets": sockets, "rss_before_bytes": rss_before,
            "rss_open_bytes": rss_open, "bytes_per_socket": round((rss_open - rss_before) / sockets),
            "redis_bytes_per_socket": round((redis_open - redis_before) / sockets),
        }
        return agents, shoppers, memory

    def at_rate(self, kind: str, rate: float, first: int, procs: dict) -> dict:
        """Messages at ``rate`` for ``--duration`` seconds: over the echo sockets (baseline), or over
        the widget HTTP API after the bare endpoint at the same rate (app)."""
        args = self.args
        limits = f"{rate:g} {args.duration} {args.max_messages}"
        groups = {proc.pid: name for name, proc in procs.items()}
        done = {"rate": rate}
        if kind == "echo":
            meter = CpuMeter(groups, self.db.name)
            self.command(procs["shoppers"], f"send {limits} bench {first}")
            sent = self.read_line(procs["shoppers"], args.duration + 60)
        else:
            self.command(procs["sender"], f"go bare {limits} bare {first}")
            bare = self.read_line(procs["sender"], args.duration + 60)
            done["bare_http"] = self.http_figures(bare)
            meter = CpuMeter(groups, self.db.name)
            self.command(procs["sender"], f"go app {limits} bench {first}")
            sent = self.read_line(procs["sender"], args.duration + 90)
            done["http"] = self.http_figures(sent)
        time.sleep(args.grace)
        done["cpu"] = meter.stop(sent["sent"], "message")
        done["window"] = [sent["start"], time.time()]
        done["sent"] = sent
        return done

    def round(self, kind: str, spec: Path) -> dict:
        args = self.args
        flush_redis(args.redis_url)
        server = self.start_server(f"web-{kind}")
        wsgi = self.start_http(server) if kind == "app" else None
        self.warm(kind, spec)
        time.sleep(1.0)
        agents, shoppers, result = self.open_sockets(kind, spec, server)
        result["server"] = shown(server_argv(self.port, args.server_arg))
        procs = {"web": server, "agents": agents, "shoppers": shoppers}
        if wsgi is not None:
            procs["wsgi"] = wsgi
            result["http_server"] = shown(self.wsgi_argv(0))
        if kind == "app":
            procs["sender"] = self.http(spec, kind)
            self.ready(procs["sender"], 60)
        rates = [self.at_rate(kind, rate, i * 1_000_000, procs) for i, rate in enumerate(self.rates())]
        if kind == "app":
            self.stop(procs["sender"])
        result["agents"] = self.stop(agents)
        result["shoppers"] = self.stop(shoppers)
        self.stop_server(server)
        if wsgi is not None:
            self.stop_server(wsgi)
        pauses = full_collections(server.log_path)
        result["gc_full_collections"] = pauses
        # Every message sent (echo) or answered 201 (app) should reach each agent socket and the
        # shopper's own socket: latency from the time it was scheduled to the time it arrived.
        agents_arrivals, shoppers_arrivals = self.arrivals(kind, "agents"), self.arrivals(kind, "shoppers")
        for item in rates:
            sent = item.pop("sent")
            item["fanout"] = arrival_latencies(agents_arrivals, sent)
            item["shopper_own_socket"] = arrival_latencies(shoppers_arrivals, sent)
            item["expected_agent_deliveries"] = len(sent["ok_seqs"]) * args.agents
            item["expected_shopper_deliveries"] = len(sent["ok_seqs"])
            item["sent"] = {k: v for k, v in sent.items() if k not in ("ok_seqs", "latencies")}
            start, end = item.pop("window")
            item["gc_pauses_ms"] = [ms for at, ms in pauses if start <= at <= end]
        result["rates"] = rates
        return result

    def rates(self) -> list[float]:
        return [float(r) for r in self.args.rates.split(",") if r]

    def arrivals(self, tag: str, role: str) -> list:
        return json.loads((self.work.path / f"{tag}-{role}.json").read_text())

    @staticmethod
    def http_figures(sent: dict) -> dict:
        return {"sent": sent["sent"], "statuses": sent["statuses"], "failures": sent["failures"],
                "seconds": sent["seconds"], "send_lag_p99_ms": sent["send_lag_p99_ms"], **summary(sent["latencies"])}

    def stored(self) -> int:
        with psycopg.connect(self.db.url, autocommit=True) as conn:
            return conn.execute("SELECT count(*) FROM support_message WHERE client_id LIKE 'bench-%%'").fetchone()[0]

    # --- the run ----------------------------------------------------------------------------------
    def run(self) -> int:
        args = self.args
        rounds = [r for r in args.rounds.split(",") if r]
        try:
            self.measure_machine()
            raise_file_limit()
            flush_redis(args.redis_url)
            self.prepare_database()
            spec = self.seed()
            results = {kind: self.round(kind, spec) for kind in rounds}
            if "app" in results:
                created = sum(r["http"]["statuses"].get("201", 0) for r in results["app"]["rates"])
                results["app"]["stored_messages"] = self.stored()
                if results["app"]["stored_messages"] != created:
                    raise BenchError(f"answered 201 {created} times, stored {results['app']['stored_messages']}")
            self.report(results)
        finally:
            self.close()
        return 0

    def report(self, results: dict) -> None:
        args = self.args
        lines = chat_lines(args, results, self.machine)
        lines.append(f"server: {shown(server_argv(self.port, args.server_arg))}")
        if args.http == "wsgi":
            lines.append(f"HTTP server (widget API and the bare endpoint): {shown(self.wsgi_argv(0))}")
        for line in lines:
            print(line)
        config = {k: v for k, v in vars(args).items() if k not in ("database_url", "redis_url")}
        targets = {"socket_kib": TARGET_SOCKET_KIB, "send_p50_ms": TARGET_SEND_P50_MS,
                   "fanout_p99_ms": TARGET_FANOUT_P99_MS}
        self.write(f"chat-{args.name}.json" if args.name else "chat.json",
                   {"config": config, "targets": targets, **results}, lines)


# --- the report -------------------------------------------------------------------------------------
def full_collections(log_path: Path) -> list[tuple[float, float]]:
    """(time, milliseconds) of each full garbage collection the server logged (``bench/asgi.py``)."""
    found = []
    for line in log_path.read_text(errors="replace").splitlines():
        if line.startswith("bench.gc.full "):
            _, at, ms, _ = line.split()
            found.append((float(at), float(ms)))
    return found


def arrival_latencies(arrivals: list, sent: dict) -> dict:
    ok, start, rate, first = set(sent["ok_seqs"]), sent["start"], sent["rate"], sent["first"]
    return summary([t - (start + (seq - first) / rate) for seq, t in arrivals if seq in ok])


def ratio(a, b) -> str:
    return f"{a / b:.2f}" if a is not None and b else "n/a"


def lat(r: dict) -> str:
    return f"p50 {r.get('p50_ms', float('nan')):.1f} ms p99 {r.get('p99_ms', float('nan')):.1f} ms"


def met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def memory_line(args, app, echo) -> str:
    first = app or echo
    kib = first["bytes_per_socket"] / 1024
    line = (f"memory per idle socket ({args.shoppers:,} shopper + {args.agents} agent sockets):"
            f" {'app' if app else 'echo'} {kib:.1f} KiB (server RSS {first['rss_before_bytes'] / 2**20:.0f}"
            f" -> {first['rss_open_bytes'] / 2**20:.0f} MiB; Redis +{first['redis_bytes_per_socket']} B/socket)")
    if app and echo:
        line += (f" | bare echo consumer: {echo['bytes_per_socket'] / 1024:.1f} KiB"
                 f" | ratio {ratio(app['bytes_per_socket'], echo['bytes_per_socket'])}")
    if app:
        line += f" | target < {TARGET_SOCKET_KIB:.0f} KiB: {met(kib < TARGET_SOCKET_KIB)}"
    return line


def http_line(r: dict) -> str:
    http, bare, rate = r["http"], r["bare_http"], r["rate"]
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(http["statuses"].items()))
    failures = f", failures {http['failures']}" if http["failures"] else ""
    ok = http.get("p50_ms", 1e9) < TARGET_SEND_P50_MS and http["statuses"].get("201", 0) == http["sent"]
    return (f"message send over HTTP (widget API, {rate:g} msg/s offered, open loop): {lat(http)}"
            f" ({http['sent']} sent: {statuses}{failures}) | bare endpoint at {rate:g} req/s: {lat(bare)}"
            f" | ratio p50 {ratio(http.get('p50_ms'), bare.get('p50_ms'))}"
            f" | target p50 < {TARGET_SEND_P50_MS:.0f} ms: {met(ok)}")


def fanout_line(args, rate: float, app: dict | None, echo: dict | None) -> str:
    parts = []
    for name, r in (("app", app), ("bare echo consumer", echo)):
        if r:
            got, want = r["fanout"].get("count", 0), r["expected_agent_deliveries"]
            pauses = r["gc_pauses_ms"]
            gc_ = f"; server full GC {len(pauses)}x, max {max(pauses):.0f} ms" if pauses else "; no server full GC"
            parts.append(f"{name}: {lat(r['fanout'])} ({got}/{want} deliveries{gc_})")
    line = (f"shopper message -> {args.agents} agent sockets ({rate:g} msg/s, {args.shoppers:,} shopper sockets"
            f" open): " + " | ".join(parts))
    if app and echo:
        line += f" | ratio p99 {ratio(app['fanout'].get('p99_ms'), echo['fanout'].get('p99_ms'))}"
    if app:
        ok = (app["fanout"].get("p99_ms", 1e9) < TARGET_FANOUT_P99_MS
              and app["fanout"].get("count", 0) == app["expected_agent_deliveries"])
        line += f" | target p99 < {TARGET_FANOUT_P99_MS:.0f} ms: {met(ok)}"
    return line


def cpu_line(rate: float, app: dict | None, echo: dict | None, machine: dict) -> str:
    def per_message(r):
        return ", ".join(f"{k} {v:.2f}" for k, v in r["cpu"]["ms_per_message"].items())

    busy = app or echo
    parts = [f"{name} {per_message(r)}" for name, r in (("app", app), ("echo", echo)) if r]
    return (f"cpu ms per message at {rate:g} msg/s: {' | '.join(parts)} | other processes"
            f" {busy['cpu']['other_busy_cores']:.2f} cores, steal {busy['cpu']['steal_cores']:.2f} cores")


def chat_lines(args, results: dict, machine: dict) -> list[str]:
    app, echo = results.get("app"), results.get("echo")
    if not (app or echo):
        return []
    lines = [memory_line(args, app, echo)]
    by_rate: dict[float, dict] = {}
    for kind, r in (("app", app), ("echo", echo)):
        for item in (r or {}).get("rates", []):
            by_rate.setdefault(item["rate"], {})[kind] = item
    for rate, pair in by_rate.items():
        if "app" in pair:
            lines.append(http_line(pair["app"]))
        lines.append(fanout_line(args, rate, pair.get("app"), pair.get("echo")))
    for rate, pair in by_rate.items():
        lines.append(cpu_line(rate, pair.get("app"), pair.get("echo"), machine))
    lines.append(f"machine: background before the run {machine['background_busy_cores']:.2f} cores of"
                 f" {machine['cpus']}, sum(range(1000)) {machine['python_sum_range_1000_us']} us")
    return lines


def parse(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench chat", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    common_options(parser)
    parser.add_argument("--shoppers", type=int, default=2000, help="widget sockets (one conversation each)")
    parser.add_argument("--agents", type=int, default=20, help="agent sockets (one staff member each)")
    parser.add_argument("--rates", default="5,20", help="shopper messages per second offered, comma-separated")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of messages (bound in time)")
    parser.add_argument("--max-messages", type=int, default=2000, help="messages per rate (bound in count)")
    parser.add_argument("--http", choices=["wsgi", "asgi"], default="wsgi",
                        help="where message sends go: gunicorn beside uvicorn (the README's production layout,"
                        " default) or the uvicorn that holds the sockets")
    parser.add_argument("--http-connections", type=int, default=0,
                        help="sender connections, each from its own loopback IP (default: enough to stay under"
                        " the widget's per-IP limit of 120 requests/minute)")
    parser.add_argument("--connect-concurrency", type=int, default=50, help="websocket handshakes at a time")
    parser.add_argument("--settle", type=float, default=3.0, help="seconds idle before reading memory")
    parser.add_argument("--grace", type=float, default=3.0, help="seconds to wait for the last deliveries")
    parser.add_argument("--rounds", default=",".join(ROUNDS), help=f"comma-separated, of {','.join(ROUNDS)}")
    parser.add_argument("--name", default="", help="suffix of the results file")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    return run_benchmark("bench chat", parse(argv), ChatBench)
