"""Benchmarks (webhooks, chat, inbox): each one starts the real stack (web server, fresh PostgreSQL
database, Redis on a dedicated DB, a Celery worker where it is part of the figure), drives it from
separate processes over loopback, stops by itself and prints one line per figure beside a baseline
measured in the same run. ``make bench``."""
