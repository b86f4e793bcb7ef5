"""Webhook ingest and processing benchmark (``make bench`` / ``python -m bench``).

It starts the real stack itself: a fresh PostgreSQL database ``bench_ingest_<pid>`` (migrated,
dropped at the end), Redis on a dedicated DB (flushed before and after), the app's web server with
production settings (DEBUG off, LOG_LEVEL INFO) and, for processing, the Procfile's Celery worker.
Load comes from separate processes (``bench.loadgen``) over loopback, bounded in count and time.

Figures, each beside a baseline measured in the same run:
  max         ingest throughput, 100 connections in a closed loop | the bare endpoint, same server
  rate        latency at fixed offered rates (open loop, 100 connections) | bare at the same rate
  live        ingest at the processing target with the worker running beside the web server: delay
              from recorded to processed (p50/p99), and whether anything was left waiting
  processing  deliveries/s the Celery worker drains (drain_deliveries_task) for
              orders/updated | a topic without a handler (the task's own overhead)
Results go to bench/results/webhooks.json (``--name`` adds a suffix).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from array import array
from pathlib import Path

from bench.deliveries import FIRST_ORDER_ID, SHOP, TOPIC, write_templates
from bench.report import (
    NO_HANDLER_TOPIC,
    TARGET_PROCESSING,
    TARGET_RPS,
    background_load,
    python_speed,
    report,
)
from bench.stack import (
    BIN,
    ROOT,
    SECRET,
    BenchError,
    Database,
    Process,
    Workdir,
    app_env,
    cpu_delta,
    cpu_snapshot,
    flush_redis,
    free_port,
    run_benchmark,
    wait_until,
)

INGEST_PATH = "/webhooks/shopify"
BARE_PATH = "/__bench__/bare"
PHASES = ("max", "rate", "live", "processing")


def server_argv(server: str, port: int, workers: int, threads: int) -> list[str]:
    """The web server under test, loading ``bench.settings`` (the app's settings + the bare URL).

    gunicorn-sync    gunicorn, ``shopapp.wsgi`` (Django behind the webhook front door), one request at a
                     time per process
    gunicorn-gthread the same, ``threads`` threads per process, keep-alive
    uvicorn-wsgi     uvicorn serving ``shopapp.wsgi`` (its own thread pool; deprecated in uvicorn)
    uvicorn          the Procfile's ``web`` line: uvicorn, ASGI (``shopapp.asgi``), plus ``--workers``
    """
    bind = ["--host", "127.0.0.1", "--port", str(port)]
    if server == "uvicorn":
        return [str(BIN / "uvicorn"), "shopapp.asgi:application", *bind, "--no-access-log", "--workers", str(workers)]
    if server == "uvicorn-wsgi":
        return [str(BIN / "uvicorn"), "shopapp.wsgi:application", "--interface", "wsgi",
                *bind, "--no-access-log", "--workers", str(workers)]
    if server in ("gunicorn-sync", "gunicorn-gthread"):
        kind = server.removeprefix("gunicorn-")
        argv = [str(BIN / "gunicorn"), "shopapp.wsgi:application", "--bind", f"127.0.0.1:{port}",
                "--workers", str(workers), "--worker-class", kind, "--backlog", "2048"]
        return argv + (["--threads", str(threads), "--keep-alive", "75"] if kind == "gthread" else [])
    raise BenchError(f"unknown server {server!r}")


def worker_argv(concurrency: int) -> list[str]:
    """The Procfile's ``worker`` line."""
    return [str(BIN / "celery"), "-A", "shopapp", "worker", "--loglevel", "INFO", "--concurrency", str(concurrency)]


def percentile(ordered, q: float) -> float:
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def shown(argv: list[str]) -> str:
    return " ".join([Path(argv[0]).name, *argv[1:]])


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Workdir()
        self.db = Database(args.database_url, f"bench_ingest_{os.getpid()}")
        self.processes: list[Process] = []
        self.port = free_port()
        self.ingest_ok = 0  # every 200 from the webhook endpoint, warm-ups included
        self.next_order_id = FIRST_ORDER_ID
        self.background = 0.0
        self.calibration = None

    # --- the stack ---------------------------------------------------------------------------
    def env(self, settings_module: str) -> dict:
        return app_env(settings_module, port=self.port, database_url=self.db.url, redis_url=self.args.redis_url,
                       var_dir=self.work.path / "var", log_level=self.args.log_level,
                       server_env=self.args.server_env)

    def start(self, name: str, argv: list[str], env: dict) -> Process:
        process = Process(name, argv, env, self.work.path)
        self.processes.append(process)
        return process

    def django(self, args: list[str], what: str):
        done = subprocess.run([sys.executable, *args], cwd=ROOT, env=self.env("shopapp.settings"),
                              capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise BenchError(f"{what} failed:\n{(done.stdout + done.stderr)[-3000:]}")

    def prepare_database(self):
        (self.work.path / "var" / "static").mkdir(parents=True, exist_ok=True)
        self.db.create()
        self.django(["manage.py", "migrate", "--noinput", "-v", "0"], "migrate")
        # The deliveries' shop is installed, so that topic handlers do their real work.
        self.django(["-c", "import django; django.setup(); from django.utils import timezone; "
                     "from shopapp.models import Shop; Shop.objects.update_or_create("
                     f"domain={SHOP!r}, defaults={{'name': 'Bench Store', 'is_active': True,"
                     " 'installed_at': timezone.now()})"], "creating the shop")

    def start_web(self) -> Process:
        import httpx

        web = self.start("web", server_argv(self.args.server, self.port, self.args.workers, self.args.threads),
                         self.env("bench.settings"))
        url = f"http://127.0.0.1:{self.port}/healthz"
        if not wait_until(lambda: web.alive() and httpx.get(url, timeout=2).status_code == 200, timeout=60):
            raise BenchError(f"the web server did not answer {url}:\n{web.tail()}")
        return web

    # --- load --------------------------------------------------------------------------------
    def drive(self, kind: str, mode: str, *, duration: float, max_requests: int, rate: float = 0.0,
              topic: str = TOPIC, connections: int | None = None, record: bool = True) -> dict:
        """Run the load generator processes once against one endpoint; merge their results."""
        path = INGEST_PATH if kind == "ingest" else BARE_PATH
        connections = connections or self.args.connections
        n = min(self.args.loadgen_processes, connections)
        start_at = time.time() + 1.0
        procs, outs = [], []
        for i in range(n):
            share = connections // n + (1 if i < connections % n else 0)
            out = self.work.path / f"lat-{kind}-{mode}-{i}.bin"
            outs.append(out)
            argv = [sys.executable, "-m", "bench.loadgen", "--port", str(self.port), "--path", path,
                    "--bodies", str(self.work.path / "bodies.json"), "--connections", str(share),
                    "--mode", mode, "--rate", str(rate * share / connections), "--duration", str(duration),
                    "--max-requests", str(max_requests // n + (1 if i < max_requests % n else 0)),
                    "--start-at", str(start_at), "--out", str(out), "--first-order-id", str(self.next_order_id),
                    "--topic", topic]
            self.next_order_id += 10**9
            procs.append(subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                          start_new_session=True, text=True,
                                          env={**os.environ, "BENCH_SHOPIFY_API_SECRET": SECRET}))
        groups = {p.pid: p.name for p in self.processes if p.alive()}
        while time.time() < start_at:
            time.sleep(0.01)
        cpu_before = cpu_snapshot(groups)
        reports = []
        for proc in procs:
            try:
                stdout, stderr = proc.communicate(timeout=duration + 60)
            except subprocess.TimeoutExpired:
                proc.kill()
                raise BenchError("a load generator did not stop in time") from None
            if proc.returncode != 0:
                raise BenchError(f"the load generator failed:\n{stderr[-3000:]}")
            reports.append(json.loads(stdout))
        cpu = cpu_delta(cpu_before, cpu_snapshot(groups))
        cpu["loadgen"] = round(sum(r["cpu_seconds"] for r in reports), 2)
        cpu["other"] = round(cpu["_busy"] - sum(v for k, v in cpu.items() if not k.startswith("_")), 2)
        latencies = array("d")
        for out in outs:
            latencies.frombytes(out.read_bytes())
        statuses: dict[str, int] = {}
        failures: dict[str, int] = {}
        for generator in reports:
            for key, value in generator["statuses"].items():
                statuses[key] = statuses.get(key, 0) + value
            for key, value in generator["failures"].items():
                failures[key] = failures.get(key, 0) + value
        ok = statuses.get("200", 0)
        if kind == "ingest":
            self.ingest_ok += ok
        elapsed = max(r["end"] for r in reports) - min(r["start"] for r in reports)
        ordered = sorted(latencies)
        result = {
            "kind": kind, "mode": mode, "connections": connections, "offered_rps": rate or None,
            "requests": len(ordered), "ok": ok, "errors": len(ordered) - ok + sum(failures.values()),
            "statuses": statuses, "failures": failures, "seconds": round(elapsed, 3),
            "rps": round(ok / elapsed, 1) if elapsed > 0 else 0.0,
            "p50_ms": round(percentile(ordered, 0.50) * 1000, 2),
            "p90_ms": round(percentile(ordered, 0.90) * 1000, 2),
            "p99_ms": round(percentile(ordered, 0.99) * 1000, 2),
            "p999_ms": round(percentile(ordered, 0.999) * 1000, 2),
            "max_ms": round((ordered[-1] if ordered else float("nan")) * 1000, 2),
            "cpu_seconds": cpu,
            "cpu_ms_per_request": {k: round(v * 1000 / ok, 3) for k, v in cpu.items() if ok and not k.startswith("_")},
            "machine_busy_cores": round(cpu["_busy"] / elapsed, 2) if elapsed > 0 else None,
            "other_busy_cores": round(cpu["other"] / elapsed, 2) if elapsed > 0 else None,
            "steal_cores": round(cpu["_steal"] / elapsed, 2) if elapsed > 0 else None,
        }
        if record and result["errors"]:
            print(f"bench: warning: {kind} {mode}: {result['errors']} errors {statuses} {failures}", file=sys.stderr)
        return result

    def warm(self, kind: str):
        self.drive(kind, "closed", duration=self.args.warmup, max_requests=10**9, record=False)

    def recorded(self, after_id: int = 0) -> int:
        """Rows recorded with an id above ``after_id``."""
        with self.db.connect() as conn:
            return conn.execute("SELECT count(*) FROM webhooks_webhookdelivery WHERE id > %s", [after_id]).fetchone()[0]

    def last_id(self) -> int:
        with self.db.connect() as conn:
            return conn.execute("SELECT coalesce(max(id), 0) FROM webhooks_webhookdelivery").fetchone()[0]

    # --- live: ingest and processing together ---------------------------------------------------
    def live(self) -> dict:
        """The web server and the Procfile's worker side by side on the same cores: orders/updated
        offered at the processing target for ``--duration`` seconds; how long each delivery took from
        recorded to processed, and whether the worker kept up (nothing left waiting)."""
        flush_redis(self.args.redis_url)
        with self.db.connect() as conn:  # earlier phases' deliveries are not this phase's work
            conn.execute("UPDATE webhooks_webhookdelivery SET status = 'ignored' WHERE status = 'received'")
        after = self.last_id()
        worker = self.start("worker-live", worker_argv(self.args.worker_concurrency), self.env("shopapp.settings"))
        if not wait_until(lambda: worker.alive() and "ready" in worker.tail(200), timeout=60, interval=0.2):
            raise BenchError(f"the Celery worker did not start:\n{worker.tail()}")
        ingest = self.drive("ingest", "open", rate=TARGET_PROCESSING, duration=self.args.duration,
                            max_requests=self.args.max_requests)
        query = ("SELECT count(*) FILTER (WHERE status = 'received'), count(*),"
                 " percentile_cont(ARRAY[0.5, 0.99])"
                 " WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at))"
                 " FROM webhooks_webhookdelivery WHERE id > %s")
        with self.db.connect() as conn:
            waiting_at_end = conn.execute(query, [after]).fetchone()[0]
            wait_until(lambda: conn.execute(query, [after]).fetchone()[0] == 0, timeout=60, interval=0.2)
            waiting, rows, (p50, p99) = conn.execute(query, [after]).fetchone()
        worker.stop()
        return {"ingest": ingest, "rows": rows, "waiting_when_load_stopped": waiting_at_end,
                "left_unprocessed": waiting, "delay_p50_ms": round(p50 * 1000, 1), "delay_p99_ms": round(p99 * 1000, 1)}

    # --- processing --------------------------------------------------------------------------
    def processing(self, web: Process) -> dict:
        """Record a fixed set of deliveries (no-handler topic first, then orders/updated), stop the
        web server, start the Procfile's Celery worker and time how fast it drains each topic."""
        flush_redis(self.args.redis_url)  # forget the wake-ups of the ingest measurements
        after = self.last_id()
        with self.db.connect() as conn:  # and their deliveries: only this phase's are drained
            conn.execute("UPDATE webhooks_webhookdelivery SET status = 'ignored' WHERE status = 'received'")
        count = self.args.processing_count
        before_ok = self.ingest_ok
        for topic in (NO_HANDLER_TOPIC, TOPIC):
            self.drive("ingest", "closed", duration=120, max_requests=count, topic=topic, connections=20)
        rows, expected = self.recorded(after), self.ingest_ok - before_ok
        if rows != expected:
            raise BenchError(f"ingest lost deliveries: answered 200 {expected}, rows {rows}")
        web.stop()
        worker = self.start("worker", worker_argv(self.args.worker_concurrency), self.env("shopapp.settings"))
        query = ("SELECT topic, status, count(*), min(processed_at), max(processed_at) FROM webhooks_webhookdelivery"
                 " WHERE id > %s GROUP BY topic, status")
        with self.db.connect() as conn:
            def progress() -> list:
                return conn.execute(query, [after]).fetchall()

            def waiting() -> int:
                return sum(n for _, status, n, _, _ in progress() if status == "received")

            if not wait_until(lambda: worker.alive() and waiting() < rows, timeout=60, interval=0.2):
                raise BenchError(f"the Celery worker processed nothing:\n{worker.tail()}")
            started = time.time()
            cpu_before, deadline = cpu_snapshot({worker.pid: "worker"}), started + self.args.drain_seconds
            while time.time() < deadline and worker.alive() and waiting():
                time.sleep(0.5)
            cpu = cpu_delta(cpu_before, cpu_snapshot({worker.pid: "worker"}))
            window = time.time() - started
            cpu["other"] = round(cpu["_busy"] - sum(v for k, v in cpu.items() if not k.startswith("_")), 2)
            worker.stop()
            rows_now = progress()
        by_topic = {}
        for topic in (NO_HANDLER_TOPIC, TOPIC):
            done = [(n, first, last) for t, status, n, first, last in rows_now if t == topic and status != "received"]
            drained = sum(n for n, _, _ in done)
            first = min((f for _, f, _ in done), default=None)
            last = max((la for _, _, la in done), default=None)
            seconds = (last - first).total_seconds() if first and last else 0.0
            by_topic[topic] = {
                "recorded": count, "drained": drained,
                "statuses": {status: n for t, status, n, _, _ in rows_now if t == topic},
                "seconds": round(seconds, 3),
                "per_second": round((drained - 1) / seconds, 1) if seconds > 0 and drained > 1 else 0.0,
            }
        return {"concurrency": self.args.worker_concurrency, "worker": shown(worker.argv), "topics": by_topic,
                "cpu_seconds": cpu, "other_busy_cores": round(cpu["other"] / window, 2),
                "steal_cores": round(cpu["_steal"] / window, 2)}

    # --- the run -----------------------------------------------------------------------------
    def run(self) -> int:
        args = self.args
        phases = [p for p in args.phases.split(",") if p]
        try:
            self.background = background_load()
            self.calibration = python_speed()
            if self.background > 0.25:
                print(f"bench: warning: other processes use {self.background:.2f} of {os.cpu_count()} cores;"
                      " the figures will be lower than on a quiet machine", file=sys.stderr)
            bodies = write_templates(self.work.path / "bodies.json")
            flush_redis(args.redis_url)
            self.prepare_database()
            web = self.start_web()
            results: dict = {}
            limits = dict(duration=args.duration, max_requests=args.max_requests)
            if "max" in phases:
                self.warm("bare")
                bare = self.drive("bare", "closed", **limits)
                self.warm("ingest")
                ingest = self.drive("ingest", "closed", **limits)
                results["max"] = {"ingest": ingest, "bare": bare,
                                  "ratio": round(ingest["rps"] / bare["rps"], 3) if bare["rps"] else None}
            if "rate" in phases:
                results["at_rate"] = []
                for rate in [float(r) for r in args.rates.split(",") if r]:
                    if "max" not in phases:
                        self.warm("ingest")
                    bare = self.drive("bare", "open", rate=rate, **limits)
                    ingest = self.drive("ingest", "open", rate=rate, **limits)
                    results["at_rate"].append({"rate": rate, "ingest": ingest, "bare": bare})
            if self.ingest_ok and "live" not in results:
                rows = self.recorded()
                results["integrity"] = {"answered_200": self.ingest_ok, "rows": rows}
                if rows != self.ingest_ok:
                    raise BenchError(f"ingest lost deliveries: {results['integrity']}")
            if "live" in phases:
                results["live"] = self.live()
            if "processing" in phases:
                results["processing"] = self.processing(web)
            web.stop()
            report(self.args, self.config(), results, bodies, calibration=self.calibration, background=self.background)
        finally:
            for process in reversed(self.processes):
                process.stop()
            try:
                self.db.drop()
            finally:
                flush_redis(args.redis_url)
                if args.keep_logs:
                    print(f"bench: logs kept in {self.work.path}", file=sys.stderr)
                else:
                    self.work.cleanup()
        return 0

    def config(self) -> dict:
        args = self.args
        return {
            "server": shown(server_argv(args.server, 0, args.workers, args.threads)).replace(":0 ", ":PORT ")
            .replace("--port 0", "--port PORT"),
            "settings": "bench.settings (shopapp.settings + ROOT_URLCONF bench.urls), DEBUG off",
            "server_env": args.server_env, "log_level": args.log_level,
            "connections": args.connections, "loadgen_processes": args.loadgen_processes,
            "duration_s": args.duration, "max_requests": args.max_requests, "warmup_s": args.warmup,
            "rates": args.rates, "processing_count": args.processing_count,
            "worker": shown(worker_argv(args.worker_concurrency)),
        }

def parse(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="a server where the user may create databases (env BENCH_DATABASE_URL)")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"),
                        help="a Redis DB the benchmark flushes (env BENCH_REDIS_URL)")
    parser.add_argument("--server", default="gunicorn-gthread",
                        choices=["gunicorn-sync", "gunicorn-gthread", "uvicorn-wsgi", "uvicorn"],
                        help="see server_argv; uvicorn (ASGI) opens a database connection per request and, with"
                        " the default DATABASE_CONN_MAX_AGE, keeps it: add --server-env DATABASE_CONN_MAX_AGE=0")
    # The README's deployment of every non-websocket path: gunicorn, 2 processes x 8 threads.
    parser.add_argument("--workers", type=int, default=2, help="web server processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per process (gunicorn-gthread)")
    parser.add_argument("--server-env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment for the web server and worker (to compare settings)")
    parser.add_argument("--log-level", default="INFO", help="LOG_LEVEL of the server (production default INFO)")
    parser.add_argument("--connections", type=int, default=100, help="concurrent senders")
    parser.add_argument("--loadgen-processes", type=int, default=1)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per measurement (bound in time)")
    parser.add_argument("--max-requests", type=int, default=30_000, help="requests per measurement (bound in count)")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of unrecorded load before measuring")
    parser.add_argument("--rates", default=f"{TARGET_RPS},{TARGET_PROCESSING}", help="offered req/s, open loop")
    parser.add_argument("--processing-count", type=int, default=2000, help="deliveries per topic to drain")
    parser.add_argument("--worker-concurrency", type=int, default=2, help="as in the Procfile")
    parser.add_argument("--drain-seconds", type=float, default=60.0, help="bound on the processing measurement")
    parser.add_argument("--phases", default=",".join(PHASES), help=f"comma-separated, of {','.join(PHASES)}")
    parser.add_argument("--name", default="", help="suffix of the results file (to keep alternatives apart)")
    parser.add_argument("--keep-logs", action="store_true", help="keep the servers' logs (path printed)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    return run_benchmark("bench", parse(argv), Bench)
