"""The real stack for the chat and inbox benchmarks: a fresh PostgreSQL database, a dedicated Redis
DB, the Procfile's ASGI server (uvicorn, production settings) and load processes in their own
sessions. The webhook benchmark (``bench/run.py``) has its own copy of the same environment."""
from __future__ import annotations

import json
import os
import queue
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

import redis

from bench.report import RESULTS, _git_commit, background_load, python_speed
from bench.run import percentile
from bench.stack import (
    BIN,
    ROOT,
    SECRET,
    BenchError,
    Database,
    Process,
    Workdir,
    _stat,
    app_env,
    cpu_delta,
    cpu_snapshot,
    flush_redis,
    free_port,
    session_pids,
    wait_until,
)

SHOP = "bench-store.myshopify.com"
OTHER_SHOP = "other-store.myshopify.com"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"


def server_argv(port: int, extra: list[str]) -> list[str]:
    """The Procfile's ``web`` line (uvicorn, ASGI, one process, no access log, no permessage-deflate),
    serving ``bench.asgi``: the app's own ASGI application plus the bench-only baselines."""
    return [str(BIN / "uvicorn"), "bench.asgi:application", "--host", "127.0.0.1", "--port", str(port),
            "--no-access-log", "--ws-per-message-deflate", "false", *extra]


def shown(argv: list[str]) -> str:
    """The command line as printed: program name only, the port as PORT."""
    words = [Path(argv[0]).name, *argv[1:]]
    return " ".join("PORT" if i and words[i - 1] == "--port" else word for i, word in enumerate(words))


def summary(latencies, *, scale: float = 1000.0) -> dict:
    """count, p50/p90/p95/p99/max of latencies in seconds, as milliseconds."""
    ordered = sorted(latencies)
    if not ordered:
        return {"count": 0}
    return {"count": len(ordered), **{f"p{int(q * 1000) / 10:g}_ms": round(percentile(ordered, q) * scale, 2)
                                      for q in (0.5, 0.9, 0.95, 0.99)},
            "max_ms": round(ordered[-1] * scale, 2)}


def rss_bytes(pids) -> int:
    """Resident memory of the processes (VmRSS from /proc)."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def database_backends_cpu(name: str) -> float:
    """CPU seconds of the PostgreSQL backends connected to database ``name`` (their process title
    names it): the database's work for this benchmark, apart from other jobs on the same server."""
    total, marker = 0.0, f" {name} ".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            title = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if title.startswith(b"postgres:") and marker in title.replace(b"\0", b" "):
            stat = _stat(entry)
            total += stat[2] if stat else 0.0
    return total


class CpuMeter:
    """CPU seconds over a measurement: our process groups (by session), this database's PostgreSQL
    backends, Redis (the whole server: it is shared), and the rest of the machine ("other")."""

    def __init__(self, groups: dict[int, str], database: str):
        self.groups, self.database = groups, database
        self.before = self.sample()
        self.started = time.monotonic()

    def sample(self) -> dict:
        totals = cpu_snapshot(self.groups)
        totals["postgres_all"] = totals.pop("postgres")
        totals["postgres"] = database_backends_cpu(self.database)
        return totals

    def stop(self, units: int, what: str) -> dict:
        delta = cpu_delta(self.before, self.sample())
        seconds = time.monotonic() - self.started
        ours = sum(v for k, v in delta.items() if not k.startswith("_") and k != "postgres_all")
        delta["other"] = round(delta["_busy"] - ours, 2)
        return {"seconds": delta, "window_seconds": round(seconds, 2),
                f"ms_per_{what}": {k: round(v * 1000 / units, 2) for k, v in delta.items()
                                   if units and not k.startswith("_") and k not in ("postgres_all", "other")},
                "other_busy_cores": round(delta["other"] / seconds, 2),
                "steal_cores": round(delta["_steal"] / seconds, 2)}


def raise_file_limit() -> None:
    """Thousands of sockets: the soft limit on open files up to the hard one (children inherit it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def _pump(stream, lines: queue.Queue) -> None:
    """A load process's stdout, line by line, into a queue (None at its end)."""
    for line in stream:
        lines.put(line)
    lines.put(None)


class Suite:
    """One benchmark run: database, Redis, server and load processes; everything is stopped,
    dropped and flushed by ``close()``."""

    name = "suite"

    def __init__(self, args):
        self.args = args
        self.work = Workdir()
        self.db = Database(args.database_url, f"bench_{self.name}_{os.getpid()}")
        self.port = free_port()
        self.processes: list[Process] = []
        self.loads: list[subprocess.Popen] = []
        self.machine: dict = {}

    # --- environment ---------------------------------------------------------------------------
    def env(self, settings_module: str = "bench.settings") -> dict:
        return app_env(settings_module, port=self.port, database_url=self.db.url, redis_url=self.args.redis_url,
                       var_dir=self.work.path / "var", log_level=self.args.log_level,
                       server_env=self.args.server_env)

    def load_env(self) -> dict:
        """Load processes: the same secrets (they sign what a storefront and App Bridge would)."""
        return {**self.env("shopapp.settings"), "BENCH_SHOPIFY_API_SECRET": SECRET}

    # --- steps ---------------------------------------------------------------------------------
    def django(self, argv: list[str], what: str, timeout: float = 900) -> str:
        done = subprocess.run([sys.executable, *argv], cwd=ROOT, env=self.env("shopapp.settings"),
                              capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise BenchError(f"{what} failed:\n{(done.stdout + done.stderr)[-3000:]}")
        return done.stdout

    def prepare_database(self) -> None:
        (self.work.path / "var" / "static").mkdir(parents=True, exist_ok=True)
        self.db.create()
        self.django(["manage.py", "migrate", "--noinput", "-v", "0"], "migrate")

    def start_server(self, name: str) -> Process:
        import httpx

        server = Process(name, server_argv(self.port, self.args.server_arg), self.env("bench.settings"), self.work.path)
        self.processes.append(server)
        url = f"http://127.0.0.1:{self.port}/healthz"
        if not wait_until(lambda: server.alive() and httpx.get(url, timeout=2).status_code == 200, timeout=60):
            raise BenchError(f"the web server did not answer {url}:\n{server.tail()}")
        return server

    def stop_server(self, server: Process) -> None:
        server.stop()
        self.processes.remove(server)

    @staticmethod
    def server_pids(server: Process) -> list[int]:
        return [server.pid, *session_pids(server.pid)]

    def spawn(self, module: str, args: list[str], name: str) -> subprocess.Popen:
        """A load process (``python -m bench.<module>``) in its own session; its stdout is a pipe
        of JSON lines, its stdin takes commands, its stderr goes to the work directory."""
        log = (self.work.path / f"{name}.log").open("ab")
        proc = subprocess.Popen([sys.executable, "-m", module, *args], cwd=ROOT, env=self.load_env(),
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
                                start_new_session=True)
        proc.bench_name, proc.bench_log, proc.bench_lines = name, log, queue.Queue()
        threading.Thread(target=_pump, args=(proc.stdout, proc.bench_lines), daemon=True).start()
        self.loads.append(proc)
        return proc

    def read_line(self, proc: subprocess.Popen, timeout: float) -> dict:
        """The next JSON line of a load process (one when ready, one per command)."""
        try:
            line = proc.bench_lines.get(timeout=timeout)
        except queue.Empty:
            line = None
        if line is None:
            proc.bench_lines.put(None)  # the end stays the end for the next reader
            raise BenchError(f"the load process {proc.bench_name} gave no answer:\n{self.log_tail(proc.bench_name)}")
        return json.loads(line)

    def command(self, proc: subprocess.Popen, line: str) -> None:
        proc.stdin.write(line + "\n")
        proc.stdin.flush()

    def finish(self, proc: subprocess.Popen, timeout: float = 60) -> dict:
        result = self.read_line(proc, timeout)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        return result

    def log_tail(self, name: str, lines: int = 30) -> str:
        try:
            return "\n".join((self.work.path / f"{name}.log").read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def redis_used_memory(self) -> int:
        client = redis.Redis.from_url(self.args.redis_url)
        try:
            return int(client.info("memory")["used_memory"])
        finally:
            client.close()

    # --- the run -------------------------------------------------------------------------------
    def measure_machine(self) -> None:
        self.machine = {"cpus": os.cpu_count(), "background_busy_cores": background_load(),
                        "python_sum_range_1000_us": python_speed()}
        if self.machine["background_busy_cores"] > 0.25:
            print(f"bench: warning: other processes use {self.machine['background_busy_cores']:.2f} of"
                  f" {os.cpu_count()} cores; the figures will be worse than on a quiet machine", file=sys.stderr)

    def write(self, filename: str, document: dict, lines: list[str]) -> None:
        import platform
        from datetime import UTC, datetime

        RESULTS.mkdir(parents=True, exist_ok=True)
        record = {
            "benchmark": self.name,
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "commit": _git_commit(),
            "machine": {**self.machine, "python": platform.python_version(), "platform": platform.platform()},
            "lines": lines,
            **document,
        }
        path = RESULTS / filename
        path.write_text(json.dumps(record, indent=2, default=str) + "\n")
        print(f"results: {path.relative_to(ROOT)}")

    def close(self) -> None:
        for proc in self.loads:
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, 9)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=10)
            proc.bench_log.close()
        for process in reversed(self.processes):
            process.stop()
        try:
            self.db.drop()
        finally:
            flush_redis(self.args.redis_url)
            if self.args.keep_logs:
                print(f"bench: logs kept in {self.work.path}", file=sys.stderr)
            else:
                self.work.cleanup()


def common_options(parser) -> None:
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
                        help="a server where the user may create databases (env BENCH_DATABASE_URL)")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL),
                        help="a Redis DB the benchmark flushes (env BENCH_REDIS_URL)")
    parser.add_argument("--server-arg", action="append", default=[], metavar="ARG",
                        help="extra uvicorn argument, e.g. --server-arg=--ws-per-message-deflate=false (to compare)")
    parser.add_argument("--server-env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment for the web server (to compare settings)")
    parser.add_argument("--log-level", default="INFO", help="LOG_LEVEL of the server (production default INFO)")
    parser.add_argument("--keep-logs", action="store_true", help="keep the servers' logs (path printed)")
