#!/usr/bin/env bash
# `make dev`: Redis (started for this session if none answers), database, demo store, then every
# process of the Procfile under honcho. Stops the Redis it started when you stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
mkdir -p var

started_redis_pid=""
cleanup() {
  if [ -n "$started_redis_pid" ]; then
    echo "Stopping the Redis started for this session (pid $started_redis_pid)"
    kill "$started_redis_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if ! "$PY" -c "import redis,os,sys; redis.Redis.from_url(os.environ['REDIS_URL'], socket_connect_timeout=2).ping()" 2>/dev/null; then
  if command -v redis-server >/dev/null 2>&1; then
    port=$("$PY" -c "import os; from urllib.parse import urlsplit; print(urlsplit(os.environ['REDIS_URL']).port or 6379)")
    echo "Nothing answers at $REDIS_URL: starting redis-server on port $port for this session"
    redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --dir var --daemonize no \
      >var/redis.log 2>&1 &
    started_redis_pid=$!
    for _ in $(seq 1 50); do
      "$PY" -c "import redis,os; redis.Redis.from_url(os.environ['REDIS_URL']).ping()" 2>/dev/null && break
      sleep 0.1
    done
  else
    echo "Redis is needed and nothing answers at $REDIS_URL, and redis-server is not installed."
    echo "Install it (apt-get install redis-server, brew install redis) or set REDIS_URL to a running Redis."
    exit 2
  fi
fi

"$PY" manage.py migrate --no-input
"$PY" manage.py collectstatic --no-input -v 0
"$PY" manage.py seed_demo

cat <<TXT

  Support app is starting:
    App (dev landing page):  $APP_URL/
    Embedded admin:          open it from the landing page as any staff member of the demo store
    Demo storefront (chat):  $SHOPIFY_DEVSTORE_URL/store/demo-store.myshopify.com/
    Health:                  $APP_URL/healthz
    API schema:              $APP_URL/api/schema/
    Dev store simulator:     $SHOPIFY_DEVSTORE_URL/_devstore/shops/demo-store.myshopify.com

TXT
.venv/bin/honcho start
