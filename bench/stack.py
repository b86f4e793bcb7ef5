"""The real stack for a benchmark: checks PostgreSQL and Redis, creates and drops a fresh database,
flushes a dedicated Redis DB, starts and stops the app's own processes, and samples CPU time."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis

from shopapp.servicecheck import problems

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class BenchError(RuntimeError):
    """A clear reason the benchmark cannot run or did not run correctly."""


def check_services(admin_db_url: str, redis_url: str) -> None:
    found = problems(admin_db_url, redis_url, env_names=("BENCH_DATABASE_URL", "BENCH_REDIS_URL"))
    if found:
        raise BenchError("the benchmark needs a real PostgreSQL and a real Redis:\n" + "\n".join(found))


class Database:
    """A fresh database on the server of ``admin_url``, dropped on ``drop()``."""

    def __init__(self, admin_url: str, name: str):
        self.admin_url, self.name = admin_url, name
        parts = urlsplit(admin_url)
        self.url = urlunsplit((parts.scheme, parts.netloc, "/" + name, "", ""))

    def _admin(self):
        return psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5)

    def create(self) -> Database:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{self.name}"')
        return self

    def drop(self) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def connect(self):
        return psycopg.connect(self.url, autocommit=True)


def flush_redis(url: str) -> None:
    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
    finally:
        client.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Process:
    """A child process in its own session (so it and its children stop together), logging to a file."""

    def __init__(self, name: str, argv: list[str], env: dict, log_dir: Path):
        self.name, self.argv = name, argv
        self.log_path = log_dir / f"{name}.log"
        self._log = self.log_path.open("ab")
        self.popen = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def stop(self, timeout: float = 15.0) -> None:
        if self.alive():
            try:
                os.killpg(self.popen.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=5)
        # Children left behind in the session (e.g. workers of a supervisor) go too.
        for pid in session_pids(self.popen.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self._log.close()

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def wait_until(check, timeout: float, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except Exception:  # not up yet
            pass
        time.sleep(interval)
    return False


def _stat(pid: str):
    """(session id, command name, cpu seconds) of a process from /proc, or None if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    return int(fields[3]), name, (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def session_pids(session: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != session:
            stat = _stat(entry)
            if stat and stat[0] == session:
                pids.append(int(entry))
    return pids


def cpu_snapshot(groups: dict[int, str]) -> dict[str, float]:
    """CPU seconds used so far by each group: ``{session id: name}`` for our processes, plus
    ``postgres`` and ``redis`` by command name (their work for us is part of the cost), and
    ``_busy``, the whole machine's busy time (to see what else ran)."""
    totals = dict.fromkeys([*groups.values(), "postgres", "redis"], 0.0)
    by_session = groups
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        stat = _stat(entry)
        if stat is None:
            continue
        session, command, seconds = stat
        if session in by_session:
            totals[by_session[session]] += seconds
        elif command == "postgres" or command.startswith("postgres:"):
            totals["postgres"] += seconds
        elif command.startswith("redis-server"):
            totals["redis"] += seconds
    ticks = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    totals["_busy"] = (sum(ticks[:8]) - ticks[3] - ticks[4] - ticks[7]) / CLOCK_TICKS  # not idle, iowait, steal
    totals["_steal"] = ticks[7] / CLOCK_TICKS  # time the hypervisor gave our vCPUs to someone else
    return totals


def cpu_delta(before: dict, after: dict) -> dict[str, float]:
    return {key: round(after.get(key, 0.0) - value, 2) for key, value in before.items()}


class Workdir:
    def __init__(self):
        self.path = Path(tempfile.mkdtemp(prefix="bench-"))

    def cleanup(self):
        shutil.rmtree(self.path, ignore_errors=True)


def run_benchmark(label: str, args, make_bench) -> int:
    """The common ``main`` of a benchmark: stop the stack on ``kill`` too, check the services, run,
    and turn the ways a run fails into one line and an exit code."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        check_services(args.database_url, args.redis_url)
        return make_bench(args).run()
    except BenchError as error:
        print(f"{label}: {error}", file=sys.stderr)
        return 2
    except (psycopg.Error, redis.RedisError) as error:
        print(f"{label}: PostgreSQL or Redis failed during the run: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{label}: interrupted", file=sys.stderr)
        return 130


SECRET_KEY = "bench-secret-key-not-for-production-0123456789"
API_KEY = "bench-api-key"
SECRET = "bench-api-secret-with-at-least-32-bytes-of-key"
FERNET_KEY = "YmVuY2gtZmllbGQtZW5jcnlwdGlvbi1rZXktMzJieXQ="  # 32 bytes, urlsafe base64; bench only


def app_env(settings_module: str, *, port: int, database_url: str, redis_url: str, var_dir: Path,
            log_level: str, server_env: list[str]) -> dict:
    """The environment of the app's processes under a benchmark: production settings (``make``
    exports DEBUG=1 for development), bench-only secrets, its own database, Redis DB and var dir,
    plus ``--server-env NAME=VALUE`` overrides."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DEBUG": "",
        "SHOPIFY_DEVSTORE_URL": "",
        "SECRET_KEY": SECRET_KEY,
        "FIELD_ENCRYPTION_KEY": FERNET_KEY,
        "SHOPIFY_API_KEY": API_KEY,
        "SHOPIFY_API_SECRET": SECRET,
        "APP_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "VAR_DIR": str(var_dir),
        "LOG_LEVEL": log_level,
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("SHOPIFY_OLD_API_SECRET", None)
    env.update(dict(item.split("=", 1) for item in server_env))
    return env
