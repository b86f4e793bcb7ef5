"""`python -m shopapp.devstore`: run the dev store until interrupted.

Reads SHOPIFY_API_KEY / SHOPIFY_API_SECRET from the environment (dev defaults otherwise).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import threading

from .core import DEFAULT_SCOPES, DEV_API_KEY, DEV_API_SECRET
from .server import DevStoreServer

logger = logging.getLogger("shopapp.devstore")
_RECORD_FIELDS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class KeyValueFormatter(logging.Formatter):
    """`time LEVEL devstore.event key=value ...`: the dotted key plus its `extra=` fields."""

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extras = {k: v for k, v in vars(record).items() if k not in _RECORD_FIELDS}
        return " ".join([line, *(f"{key}={value}" for key, value in extras.items())])


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m shopapp.devstore", description="Shopify dev store simulator"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--state", default=None, help="JSON file keeping shops and tokens across restarts")
    parser.add_argument(
        "--app-url", default="http://127.0.0.1:8000", help="the app: where webhooks and app proxy requests go"
    )
    parser.add_argument("--token-ttl", type=int, default=3600, help="access token lifetime in seconds")
    parser.add_argument(
        "--restore-rate", type=float, default=100.0, help="query cost points restored per second"
    )
    parser.add_argument("--bucket-size", type=float, default=2000.0, help="query cost bucket size")
    parser.add_argument("--scopes", default=DEFAULT_SCOPES, help="scopes granted by token exchange")
    parser.add_argument("--seed-shop", default=None, help="seed this shop at start if it does not exist yet")
    parser.add_argument(
        "--extension-assets",
        default=None,
        help="folder served at /store/<shop>/cdn/extensions/ (the theme app extension's assets)",
    )
    parser.add_argument("--log-level", default="INFO")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(KeyValueFormatter("%(asctime)s %(levelname)s %(message)s"))
    logging.basicConfig(level=args.log_level.upper(), handlers=[handler])
    server = DevStoreServer(
        api_key=os.environ.get("SHOPIFY_API_KEY", DEV_API_KEY),
        api_secret=os.environ.get("SHOPIFY_API_SECRET", DEV_API_SECRET),
        app_url=args.app_url,
        host=args.host,
        port=args.port,
        state_path=args.state,
        token_ttl=args.token_ttl,
        restore_rate=args.restore_rate,
        bucket_size=args.bucket_size,
        scopes=args.scopes,
        extension_assets=args.extension_assets,
    )
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    with server:
        if args.seed_shop:
            with server.store.state.read() as data:
                missing = args.seed_shop not in data["shops"]
            if missing:
                server.seed(args.seed_shop)
        logger.info("devstore.cli.listening", extra={"url": server.url})
        try:
            done.wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
