"""Is a real PostgreSQL and a real Redis there? Used before the tests and the benchmarks, so that a
missing service is one clear sentence with the command that starts it, not a stack trace."""
from urllib.parse import urlsplit

import psycopg
import redis


def problems(database_url: str, redis_url: str, *, env_names: tuple[str, str]) -> list[str]:
    found = []
    try:
        psycopg.connect(database_url, connect_timeout=3).close()
    except psycopg.Error as error:
        found.append(
            f"PostgreSQL is not reachable at {urlsplit(database_url).netloc.split('@')[-1]} "
            f"({str(error).strip().splitlines()[0]}).\n"
            "  Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n"
            f"  or set {env_names[0]} to a server where the user may create databases."
        )
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        port = urlsplit(redis_url).port or 6379
        found.append(
            f"Redis is not reachable at {redis_url} ({error}).\n"
            f"  Start it: redis-server --daemonize yes --bind 127.0.0.1 --port {port} --save '' --appendonly no\n"
            f"  or set {env_names[1]} to a running Redis."
        )
    return found


def main() -> int:
    import os
    import sys

    found = problems(
        os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
        env_names=("TEST_DATABASE_URL", "TEST_REDIS_URL"),
    )
    if found:
        sys.stderr.write("The tests need a real PostgreSQL and a real Redis:\n" + "\n".join(found) + "\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
