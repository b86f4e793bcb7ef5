"""The benchmarks ``python -m bench`` knows, and running them in sequence."""
from __future__ import annotations

import sys
import time

SUITES = ("webhooks", "chat", "inbox", "wismo", "followups")
USAGE = """usage: python -m bench [webhooks|chat|inbox|wismo|followups] [options]

  python -m bench                      every benchmark in turn: webhooks, chat, inbox, wismo, followups (~10 minutes)
  python -m bench [webhook options]    the same; the options go to the webhook benchmark
  python -m bench webhooks [options]   webhook ingest and processing   -> bench/results/webhooks.json
  python -m bench chat [options]       2,000 shopper + 20 agent sockets -> bench/results/chat.json
  python -m bench inbox [options]      inbox page over 100,000 conversations -> bench/results/inbox.json
  python -m bench wismo [options]      the bot's "where is my order?" over 100,000 orders -> bench/results/wismo.json
  python -m bench followups [options]  beat sweep + worker over 100,000 due follow-ups -> bench/results/followups.json

  python -m bench <name> --help lists the options of one benchmark (see bench/README.md).
"""


def runner(name: str):
    if name == "webhooks":
        from bench.run import main
    elif name == "chat":
        from bench.chat import main
    elif name == "wismo":
        from bench.wismo import main
    elif name == "followups":
        from bench.followups import main
    else:
        from bench.inbox import main
    return main


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    if argv and argv[0] in SUITES:
        return runner(argv[0])(argv[1:])
    if argv and not argv[0].startswith("-"):
        print(f"python -m bench: unknown benchmark {argv[0]!r}\n\n{USAGE}", file=sys.stderr)
        return 2
    codes = {}
    for name in SUITES:
        started = time.monotonic()
        print(f"== {name} ==", flush=True)
        codes[name] = runner(name)(argv if name == "webhooks" else [])
        print(f"== {name}: {'done' if codes[name] == 0 else f'failed ({codes[name]})'}"
              f" in {time.monotonic() - started:.0f} s ==", flush=True)
        if codes[name] == 130:  # interrupted: stop here
            break
    return max(codes.values(), default=0)
