"""Inbox benchmark (``python -m bench inbox``): the agents' inbox page over 100,000 conversations
and 1,000,000 messages.

It starts the real stack itself: a fresh PostgreSQL database ``bench_inbox_<pid>``, migrated, then
filled straight into the app's tables with ``INSERT ... SELECT generate_series`` (``bench/seed.py``):
one shop with 20 agents, 70,000 customers, 84,000 orders, 100,000 conversations over a year (the
newest 3 % open, pending or snoozed, the rest mostly resolved or closed; 85 % assigned), 1,000,000
messages (interleaved across conversations as they arrive live), tags on a third of the
conversations, and a second shop with a fifth as many rows, so that every query has to scope by
shop. Then VACUUM ANALYZE, Redis on a dedicated DB (flushed before and after), and uvicorn serving
the app with production settings, as in the Procfile.

A separate process (``bench.pages``) loads ``GET /api/admin/conversations`` over loopback with a
session token, one request at a time, for the default page and representative filters, alternating
with the same page as one hand-written SQL statement over psycopg (the baseline: the database's
own cost, no HTTP, no Django). It checks both give the same page and EXPLAINs the raw statement;
afterwards the app's own SQL for each page is captured and EXPLAINed too. Results go to
bench/results/inbox.json.
"""
from __future__ import annotations

import argparse
import json
import time

from bench.appstack import OTHER_SHOP, SHOP, Suite, common_options, server_argv, shown, summary
from bench.stack import API_KEY, SECRET, flush_redis, run_benchmark

TARGET_P95_MS = 50.0


def variants(search_name: str, search_order: str, search_word: str) -> dict:
    """The default inbox and what agents filter by most: their open work, their own queue, and a
    search (the app looks in customers' names and e-mails, order names and message text) by a
    customer's surname (~2 % of customers), an order number (one customer) and a word that is in
    many messages (``refund``: ~15 % of them)."""
    return {
        "default": {},
        "status=open": {"status": "open"},
        "assignee=me": {"assignee": "me"},
        f"q={search_name}": {"q": search_name},
        f"q={search_order}": {"q": search_order},
        f"q={search_word}": {"q": search_word},
    }


class InboxBench(Suite):
    name = "inbox"

    def seed(self) -> dict:
        args = self.args
        started = time.monotonic()
        out = self.django(["-m", "bench.seed", "inbox", "--shop", SHOP, "--other-shop", OTHER_SHOP,
                           "--agents", str(args.agents), "--conversations", str(args.conversations),
                           "--messages", str(args.messages), "--other-conversations", str(args.conversations // 5),
                           "--other-messages", str(args.messages // 5), "--search-name", args.search_name],
                          "seeding the inbox", timeout=1800)
        seeded = json.loads(out)
        seeded["wall_seconds"] = round(time.monotonic() - started, 1)
        return seeded

    def measure(self, seeded: dict, pages_variants: dict) -> dict:
        main = seeded["shops"][SHOP]
        spec = self.work.path / "inbox-spec.json"
        spec.write_text(json.dumps({"shop": SHOP, "shop_id": main["shop_id"], "agents": main["agents"]}))
        server = self.start_server("web")
        proc = self.spawn("bench.pages", [
            "--port", str(self.port), "--server-pid", str(server.pid), "--dsn", self.db.url, "--spec", str(spec),
            "--variants", json.dumps(pages_variants), "--requests", str(self.args.requests),
            "--duration", str(self.args.duration), "--api-key", API_KEY,
        ], "pages")
        timeout = len(pages_variants) * (self.args.duration + 120) + 60
        try:
            result = self.finish(proc, timeout=timeout)
        finally:
            self.stop_server(server)
        return result

    def explain_app(self, seeded: dict, pages_variants: dict) -> dict:
        agent_pk = seeded["shops"][SHOP]["agents"][0][0]
        out = self.django(["-m", "bench.seed", "explain", "--agent-id", str(agent_pk), "--variants",
                           json.dumps(pages_variants), "--host", "127.0.0.1", "--api-key", API_KEY,
                           "--api-secret", SECRET], "explaining the app's queries", timeout=600)
        return json.loads(out)

    def run(self) -> int:
        args = self.args
        try:
            self.measure_machine()
            flush_redis(args.redis_url)
            self.prepare_database()
            seeded = self.seed()
            wanted = variants(seeded["search_name"], seeded["search_order"], args.search_word)
            measured = self.measure(seeded, wanted)
            app_plans = self.explain_app(seeded, wanted)
            results = {}
            for name, item in measured.items():
                results[name] = {
                    "params": item["params"], "statuses": item["statuses"], "rows": item["rows"],
                    "same_page": item["same_page"], "api": summary(item["http"]), "raw_sql": summary(item["sql"]),
                    "cpu_ms_per_page": item["cpu_ms_per_page"], "raw_explain": item["explain"],
                    "app_queries": app_plans.get(name),
                }
            self.report(seeded, results)
        finally:
            self.close()
        return 0

    def report(self, seeded: dict, results: dict) -> None:
        args = self.args
        main = seeded["shops"][SHOP]
        lines = [
            f"data: {main['conversations']:,} conversations, {main['messages']:,} messages, {main['customers']:,}"
            f" customers, {main['orders']:,} orders in the shop (+{seeded['shops'][OTHER_SHOP]['conversations']:,}"
            f" conversations, {seeded['shops'][OTHER_SHOP]['messages']:,} messages in another);"
            f" database {seeded['database_bytes'] / 2**20:.0f} MiB, seeded in {seeded['seed_seconds']:.0f} s"
            f" + VACUUM ANALYZE {seeded['vacuum_seconds']:.0f} s",
        ]
        for name, r in results.items():
            lines.append(page_line(name, r))
        for name, r in results.items():
            lines.append(plan_line(name, r))
        lines.append(f"machine: background before the run {self.machine['background_busy_cores']:.2f} cores of"
                     f" {self.machine['cpus']}, sum(range(1000)) {self.machine['python_sum_range_1000_us']} us")
        lines.append(f"server: {shown(server_argv(self.port, args.server_arg))}")
        for line in lines:
            print(line)
        config = {k: v for k, v in vars(args).items() if k not in ("database_url", "redis_url")}
        self.write(f"inbox-{args.name}.json" if args.name else "inbox.json",
                   {"config": config, "target_p95_ms": TARGET_P95_MS, "seed": seeded, "variants": results}, lines)


def page_line(name: str, r: dict) -> str:
    api, raw = r["api"], r["raw_sql"]
    ok = api.get("p95_ms", 1e9) < TARGET_P95_MS and r["statuses"].get("200", 0) == api.get("count")
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(r["statuses"].items()))
    ratio = f"{api['p95_ms'] / raw['p95_ms']:.2f}" if raw.get("p95_ms") else "n/a"
    cpu = r["cpu_ms_per_page"]
    return (f"inbox page {name} ({r['rows']} rows): p50 {api.get('p50_ms', 0):.1f} ms p95 {api.get('p95_ms', 0):.1f} ms"
            f" ({api.get('count', 0)} pages: {statuses}; same page as raw SQL: {'yes' if r['same_page'] else 'NO'})"
            f" | raw SQL: p50 {raw.get('p50_ms', 0):.1f} ms p95 {raw.get('p95_ms', 0):.1f} ms | ratio p95 {ratio}"
            f" | cpu ms per page: web {cpu['web']:.1f}, postgres {cpu['postgres_for_web']:.1f} (raw"
            f" {cpu['postgres_for_raw_sql']:.1f}) | target p95 < {TARGET_P95_MS:.0f} ms: {'met' if ok else 'NOT met'}")


BIG_TABLES = ("support_conversation", "support_message", "support_customer")


def describe_scans(summary_: dict) -> str:
    """The scans of the big tables, e.g. 'support_conversation: Index Scan using <index> (rows 26)'."""
    parts = []
    for scan in summary_.get("scans", []):
        if scan["relation"] not in BIG_TABLES:
            continue
        rows = (scan["rows"] or 0) * (scan["loops"] or 1)
        where = f" using {scan['index']}" if scan["index"] else ""
        removed = f", {scan['removed_by_filter'] * (scan['loops'] or 1):,} removed by filter" \
            if scan["removed_by_filter"] else ""
        parts.append(f"{scan['relation']}: {scan['node']}{where} ({scan['loops']} loops, {rows:,} rows{removed})")
    unique = list(dict.fromkeys(parts))
    return "; ".join(unique)


def scan_kinds(summary_: dict) -> set[tuple]:
    return {(s["relation"], s["node"], s["index"]) for s in summary_.get("scans", []) if s["relation"] in BIG_TABLES}


def plan_line(name: str, r: dict) -> str:
    """How the database reads the page: the raw statement's scans (index or not, rows visited),
    and the app's own queries (captured from the selector): how many, the slowest, its scans."""
    raw = r["raw_explain"]
    line = f"plan {name}: raw SQL {raw['execution_ms']:.1f} ms: {describe_scans(raw)}"
    app = r.get("app_queries") or {}
    queries = app.get("page_queries") or []
    if queries:
        main = max(queries, key=lambda q: q["execution_ms"])
        same = scan_kinds(main) == scan_kinds(raw)
        line += (f" | app: {len(queries)} queries for the page, {app['request_queries']} for the request;"
                 f" slowest {main['execution_ms']:.1f} ms: {'the same indexes' if same else describe_scans(main)}")
    return line


def parse(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench inbox", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    common_options(parser)
    parser.add_argument("--conversations", type=int, default=100_000, help="conversations of the shop")
    parser.add_argument("--messages", type=int, default=1_000_000, help="messages of the shop")
    parser.add_argument("--agents", type=int, default=20)
    parser.add_argument("--search-name", default="Nakamura", help="a customer surname to search for")
    parser.add_argument("--search-word", default="refund", help="a word of many messages to search for")
    parser.add_argument("--requests", type=int, default=200, help="pages per variant (bound in count)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per variant (bound in time)")
    parser.add_argument("--name", default="", help="suffix of the results file")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    return run_benchmark("bench inbox", parse(argv), InboxBench)
