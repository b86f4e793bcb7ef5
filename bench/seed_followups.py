"""Seeding and the in-Django steps of the follow-up benchmark (``python -m bench.seed_followups seed|sweep``
with the benchmark's environment). Prints one JSON line.

seed   one shop, its customers, one conversation per follow-up and the follow-ups themselves, all due:
       the kind is the app's own ``snooze_wake`` (``support/actions/followup_kinds/snooze_wake.py``) for
       conversations an agent has opened again since they were snoozed, so each run is the real handler's
       cheapest real path: lock the conversation, see the snooze changed, finish ``skipped_snooze_changed``.
       Rows go in with ``INSERT ... SELECT`` over ``generate_series`` (``bench.seed.insert_select``).
sweep  the beat's task body (``support.tasks.sweep_due_followups_task``) once, in this process, with
       no worker running: claim every due row and publish its chunks to Redis; timed."""
from __future__ import annotations

import argparse
import json
import sys
import time

import django

from bench.seed import FIRST_NAMES, LAST_NAMES, insert_select, make_shop, pick

SNOOZED_UNTIL = "2026-01-05T09:00:00+00:00"


def seed(args) -> dict:
    from django.db import connection

    from support.models import Conversation, Customer, FollowUp

    started = time.monotonic()
    shop, _ = make_shop(args.shop, 3, 9100000000000001)
    customers = max(1, args.followups // 10)
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SELECT setseed(0.29)")
        insert_select(cursor, Customer, {
            "shop_id": str(shop.pk), "shopify_id": "9300000000000000 + g", "first_name": pick(FIRST_NAMES),
            "last_name": pick(LAST_NAMES), "email": "'shopper' || g || '@example.com'", "locale": "'en'",
        }, f"generate_series(1, {customers}) g")
        cursor.execute("SELECT min(id) FROM support_customer WHERE shop_id = %s", [shop.pk])
        first_customer = cursor.fetchone()[0]
        insert_select(cursor, Conversation, {
            "shop_id": str(shop.pk), "customer_id": f"{first_customer} + mod(g - 1, {customers})",
            "status": "'open'", "language": "'en'", "last_activity_at": "now() - g * interval '1 second'",
        }, f"generate_series(1, {args.followups}) g")
        cursor.execute("SELECT min(id) FROM support_conversation WHERE shop_id = %s", [shop.pk])
        first_conversation = cursor.fetchone()[0]
        insert_select(cursor, FollowUp, {
            "shop_id": str(shop.pk), "kind": "'snooze_wake'", "status": "'scheduled'",
            "key": f"'snooze:' || ({first_conversation} + g - 1) || ':{SNOOZED_UNTIL}'",
            "due_at": "now()", "conversation_id": f"{first_conversation} + g - 1",
            "data": f"jsonb_build_object('until', '{SNOOZED_UNTIL}')",
        }, f"generate_series(1, {args.followups}) g")
        seeded = time.monotonic()
        for table in ("support_customer", "support_conversation", "support_followup"):
            cursor.execute(f"VACUUM (ANALYZE) {table}")
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    return {"shop_id": shop.pk, "customers": customers, "conversations": args.followups,
            "followups": args.followups, "seed_seconds": round(seeded - started, 1),
            "vacuum_seconds": round(time.monotonic() - seeded, 1), "database_bytes": size}


def sweep() -> dict:
    from support.actions import followups
    from support.tasks import sweep_due_followups_task

    started = time.perf_counter()
    counts = sweep_due_followups_task()
    return {**counts, "seconds": time.perf_counter() - started, "batch": followups.BATCH,
            "chunk": followups.CHUNK, "budget_seconds": followups.SWEEP_BUDGET}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.seed_followups", description=__doc__)
    parser.add_argument("mode", choices=("seed", "sweep"))
    parser.add_argument("--shop", default="bench-store.myshopify.com")
    parser.add_argument("--followups", type=int, default=100_000)
    args = parser.parse_args(argv)
    django.setup()
    result = seed(args) if args.mode == "seed" else sweep()
    print(json.dumps(result, default=str), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
