#!/usr/bin/env bash
# Before the tests: PostgreSQL and Redis must answer. Says exactly which is missing and how to start it.
exec "${PY:-.venv/bin/python}" -m shopapp.servicecheck
