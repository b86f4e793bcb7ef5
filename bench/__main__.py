"""``python -m bench``: every benchmark in turn (webhooks, chat, inbox);
``python -m bench webhooks|chat|inbox [options]``: one of them (``--help`` after the name lists its
options). Options without a benchmark name go to the webhook benchmark, as before the others existed."""
import sys

from bench.suites import main

sys.exit(main())
