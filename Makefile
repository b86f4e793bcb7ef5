# The two commands a new user needs: `make dev` and `make test`. Everything else is what they use.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
NPM ?= npm

# Development defaults; set any of them in the environment to override.
export DEBUG ?= 1
export APP_URL ?= http://127.0.0.1:8000
export SHOPIFY_API_KEY ?= dev-api-key
export SHOPIFY_API_SECRET ?= dev-api-secret-for-local-development
export SHOPIFY_DEVSTORE_URL ?= http://127.0.0.1:8765
export REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: help install frontend build dev test chaos lint pytest frontend-test graphql-check bench clean

help:
	@echo "make dev    install everything, seed the demo store and start the app (web, worker, beat, dev store)"
	@echo "make test   install what the tests need, build the front end and run lint, Python, front-end and browser tests"
	@echo "make chaos  the long fault tests (restarts, kills, large shuffled loads, long API fuzzing)"
	@echo "make bench  benchmarks: webhooks, chat sockets, inbox page, the bot's order answer, follow-ups (needs PostgreSQL and Redis; see bench/README.md)"

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && $(NPM) ci --no-audit --no-fund
	@touch $@

frontend: frontend/node_modules/.installed

build: frontend
	cd frontend && $(NPM) run build

dev: install build
	@scripts/dev.sh

test: install build
	@scripts/check_services.sh
	@scripts/ensure_chromium.sh
	$(VENV)/bin/ruff check .
	cd frontend && $(NPM) run typecheck
	cd frontend && $(NPM) test
	$(VENV)/bin/pytest

# The long fault tests (Redis restarted and flushed under load, workers killed, large shuffled webhook
# loads, long fuzzing): the same services as `make test`, more time.
chaos: install build
	@scripts/check_services.sh
	$(VENV)/bin/pytest -m chaos -p no:cacheprovider --timeout 1800

# The benchmark starts its own server, database, Redis DB and worker; BENCH_ARGS passes options,
# e.g. `make bench BENCH_ARGS="--server uvicorn --workers 2"` (python -m bench --help lists them).
$(VENV)/.bench-installed: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	@touch $@

bench: $(VENV)/.bench-installed
	$(PY) -m bench $(BENCH_ARGS)

graphql-check: install
	@if [ -d ../shared/tools ]; then $(PY) ../shared/tools/validate_graphql.py . ; \
	else echo "graphql-check: ../shared is not beside the project; skipped"; fi

clean:
	rm -rf var/static frontend/static/frontend/build
