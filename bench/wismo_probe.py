"""The shopper side of the "where is my order" benchmark, run inside Django with the benchmark's
environment (``python -m bench.wismo_probe turn|pipeline --spec FILE --dsn DSN``). Prints one JSON line.

turn      for each asker: store the question as the app does (``receive_customer_message``), then time
          the bot's turn in this process (``autoresponses.respond``: language, intent, the order lookup,
          the answer with its delivery window, the replies stored and broadcast, the outcome recorded),
          alternating with the baseline: one hand-written SQL statement reading the same order, its
          parcels and scans over psycopg (the database's own cost, no Django).
pipeline  with the Procfile's Celery worker running: for each asker in turn, store the question and wait
          for the bot's answer; the figure is the time between the two rows' ``created_at`` (both
          taken by the app: message committed -> task queued -> worker -> answer stored).
"""
from __future__ import annotations

import argparse
import json
import sys
import time

import django

BASELINE_SQL = """
SELECT o.id, o.name, o.fulfillment_status, o.shipping_country_code, f.id, f.shipment_status, f.tracking,
       f.shopify_created_at, f.delivered_at, e.status, e.happened_at, e.estimated_delivery_at
FROM (SELECT * FROM support_order WHERE shop_id = %(shop)s AND {where} AND redacted_at IS NULL
      ORDER BY shopify_created_at DESC, id DESC LIMIT 1) o
LEFT JOIN support_fulfillment f ON f.order_id = o.id
LEFT JOIN support_fulfillmentevent e ON e.fulfillment_id = f.id
ORDER BY f.shopify_created_at, f.id, e.happened_at, e.id
"""


def _baseline(cursor, shop_id: int, asker: dict, customer_shopify_id) -> float:
    if customer_shopify_id is not None:
        where, params = "customer_shopify_id = %(customer)s", {"customer": customer_shopify_id}
    else:
        where, params = "upper(name) = upper(%(name)s)", {"name": asker["order"]}
    started = time.perf_counter()
    cursor.execute(BASELINE_SQL.format(where=where), {"shop": shop_id, **params})
    rows = cursor.fetchall()
    elapsed = time.perf_counter() - started
    assert rows, f"baseline found no order for {asker['order']}"
    return elapsed


def turn(spec: dict, dsn: str) -> dict:
    import psycopg

    from support.actions.autoresponses import respond
    from support.actions.messages import receive_customer_message
    from support.models import Conversation
    from support.rules.language import warm_up

    warm_up()  # the language models load once per process (a worker loads them when it starts)
    timings, baseline, answered, replies = [], [], 0, 0
    with psycopg.connect(dsn, autocommit=True) as raw, raw.cursor() as cursor:
        for n, asker in enumerate(spec["askers"]):
            conversation = Conversation.objects.select_related("customer").get(pk=asker["conversation_id"])
            message, _ = receive_customer_message(conversation, body=asker["question"], client_id=f"bench-{n}")
            started = time.perf_counter()
            sent = respond(message.pk)
            timings.append(time.perf_counter() - started)
            baseline.append(_baseline(cursor, spec["shop_id"], asker, conversation.customer.shopify_id))
            replies += len(sent)
            answered += any(reply.client_id.endswith(":wismo.answer") for reply in sent)
    return {"turn_s": timings, "baseline_s": baseline, "askers": len(timings), "answered": answered,
            "replies": replies}


def pipeline(spec: dict, timeout: float) -> dict:
    from support.actions.messages import receive_customer_message
    from support.models import Conversation, Message, MessageKind

    delays, missing = [], 0
    for n, asker in enumerate(spec["askers"]):
        conversation = Conversation.objects.select_related("customer").get(pk=asker["conversation_id"])
        message, _ = receive_customer_message(conversation, body=asker["question"], client_id=f"live-{n}")
        deadline = time.monotonic() + timeout
        answer = None
        while answer is None and time.monotonic() < deadline:
            answer = (Message.objects.filter(conversation=conversation, kind=MessageKind.BOT,
                                             client_id=f"bot:{message.pk}:wismo.answer")
                      .values_list("created_at", flat=True).first())
            if answer is None:
                time.sleep(0.002)
        if answer is None:
            missing += 1
        else:
            delays.append((answer - message.created_at).total_seconds())
    return {"delay_s": delays, "askers": len(spec["askers"]), "missing": missing}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.wismo_probe", description=__doc__)
    parser.add_argument("mode", choices=("turn", "pipeline"))
    parser.add_argument("--spec", required=True, help="JSON: shop_id and askers (from bench.seed_wismo)")
    parser.add_argument("--dsn", required=True, help="the benchmark database, for the baseline")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for one answer (pipeline)")
    args = parser.parse_args(argv)
    django.setup()
    with open(args.spec) as handle:
        spec = json.load(handle)
    result = turn(spec, args.dsn) if args.mode == "turn" else pipeline(spec, args.timeout)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
