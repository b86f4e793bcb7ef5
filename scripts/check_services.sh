#!/usr/bin/env bash
# Before the tests: PostgreSQL and Redis must answer. Says exactly which is missing and how to start it.
set -u
PY=${PY:-.venv/bin/python}
exec "$PY" - <<'PYCODE'
import os
import sys

import psycopg
import redis

db_url = os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
problems = []
try:
    psycopg.connect(db_url, connect_timeout=3).close()
except psycopg.Error as error:
    problems.append(
        f"PostgreSQL is not reachable at {db_url.split('@')[-1]} ({str(error).strip().splitlines()[0]}).\n"
        "  Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n"
        "  or point TEST_DATABASE_URL at a server where the user may create databases."
    )
try:
    redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
except redis.RedisError as error:
    problems.append(
        f"Redis is not reachable at {redis_url} ({error}).\n"
        "  Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no\n"
        "  or point TEST_REDIS_URL at a running Redis."
    )
if problems:
    print("The tests need a real PostgreSQL and a real Redis:\n" + "\n".join(problems), file=sys.stderr)
    sys.exit(2)
PYCODE
