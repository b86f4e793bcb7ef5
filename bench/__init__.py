"""Benchmarks: each one starts the real stack (web server, fresh PostgreSQL database, Redis on a
dedicated DB, a Celery worker), drives it from separate processes over loopback, stops by itself
and prints one line per figure beside a baseline measured in the same run. ``make bench``."""
