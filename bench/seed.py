"""Seeding and query inspection for the chat and inbox benchmarks, run inside Django
(``python -m bench.seed chat|inbox|explain ...`` with the benchmark's environment).

Rows go straight into the app's tables: small sets through ``bulk_create``, the inbox's 100,000
conversations and 1,000,000 messages with ``INSERT ... SELECT`` over ``generate_series``. The column
list of every such INSERT comes from the model, so a column added later gets its model default."""
from __future__ import annotations

import argparse
import json
import sys
import time

import django

FIRST_NAMES = ["Ana", "Lucas", "Sofia", "Mateo", "Yuki", "Haruto", "Chloé", "Louis", "Emma", "Noah", "Mia", "Liam",
               "Wei", "Jing", "Priya", "Arjun", "Fatima", "Omar", "Olga", "Ivan", "Lena", "Jonas", "Giulia", "Marco",
               "Sara", "Ahmed", "Aiko", "Min-jun", "Ji-woo", "Camila", "Diego", "Isabel", "Pedro", "Ingrid", "Lars",
               "Zoe", "Ethan", "Amara", "Kofi", "Nina", "Hugo", "Elif", "Emre", "Thanh", "Linh", "Maya", "Eitan",
               "Chen", "Hana", "Tomás"]
LAST_NAMES = ["Silva", "Santos", "García", "Martínez", "Tanaka", "Suzuki", "Dubois", "Martin", "Müller", "Schmidt",
              "Rossi", "Russo", "Wang", "Li", "Zhang", "Sharma", "Patel", "Khan", "Ivanova", "Petrov", "Kowalski",
              "Nowak", "Jensen", "Hansen", "Smith", "Jones", "Brown", "Kim", "Park", "Lee", "Nguyen", "Tran",
              "Yilmaz", "Kaya", "Cohen", "Levi", "Okafor", "Mensah", "Larsen", "Berg", "Novak", "Horvat", "Costa",
              "Pereira", "Fernández", "López", "Nakamura", "Kobayashi", "Moreau", "Lefebvre"]
PHRASES = ["Hi, where is my parcel?", "My order has not arrived yet.", "The tracking page has not moved for a week.",
           "Can I change the delivery address?", "Do I have to pay customs duties?", "The box arrived damaged.",
           "I would like a refund for one item.", "Could you send the invoice again?", "Is this size true to fit?",
           "Thanks, that helps a lot!", "We have shipped your order with DHL Express.",
           "Your parcel is in customs in Frankfurt.", "I have issued store credit for the damaged item.",
           "Estimated delivery is between 12 and 18 working days.", "Please send us a photo of the package.",
           "The courier says the address is incomplete.", "Can you ship to Canada?", "Merci beaucoup !",
           "¿Cuándo llega mi pedido?", "荷物はいつ届きますか？", "我的订单什么时候发货？", "Wo ist meine Bestellung?",
           "Refund processed, it takes 5 to 10 days to show.", "Noted, I will check with the warehouse.",
           "Order is on hold until the payment clears.", "Could I add an item to my order?"]
TAGS = ["shipping", "refund", "customs", "wismo", "damaged", "address-change", "vip", "wholesale"]
LANGUAGES = ["en", "en", "en", "fr", "de", "es", "ja", "zh-CN", "pt-BR", "it", "ko", "nl"]


def sql_array(items) -> str:
    return "ARRAY[" + ",".join("'" + item.replace("'", "''") + "'" for item in items) + "]"


def pick(items, random_expr: str = "random()") -> str:
    """SQL: one element of a literal array, uniformly."""
    return f"({sql_array(items)})[1 + floor({random_expr} * {len(items)})::int]"


def insert_select(cursor, model, values: dict[str, str], source: str, suffix: str = "") -> int:
    """``INSERT INTO <model's table> (<every concrete column but the id>) SELECT ... FROM <source>``:
    ``values`` maps columns to SQL expressions; every other column gets the model's default."""
    from django.db import connection

    columns, exprs, params = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.column in values:
            exprs.append(values[field.column])
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            exprs.append("now()")
        else:
            default = field.get_default()
            if default is None and not field.null:
                raise RuntimeError(f"{model.__name__}.{field.name} needs a value in the bench seed")
            exprs.append("%s")
            params.append(field.get_db_prep_save(default, connection))
    cursor.execute(f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) SELECT {', '.join(exprs)}"
                   f" FROM {source} {suffix}", params)
    return cursor.rowcount


def make_shop(domain: str, agents: int, first_user_id: int):
    from django.utils import timezone

    from shopapp.models import Agent, Role, Shop, ShopToken

    shop = Shop.objects.create(domain=domain, name=domain.split(".")[0].replace("-", " ").title(), currency="EUR",
                               timezone="Europe/Paris", is_active=True, installed_at=timezone.now())
    ShopToken.objects.create(shop=shop, access_token="shpat_bench_not_a_real_token", scope="read_orders")
    Agent.objects.bulk_create([
        Agent(shop=shop, shopify_user_id=str(first_user_id + i), name=f"Agent {i + 1}", locale="en",
              role=Role.OWNER if i == 0 else Role.AGENT, last_seen_at=timezone.now())
        for i in range(agents)
    ])
    return shop, list(Agent.objects.filter(shop=shop).order_by("pk"))


# --- chat: one shop, its agents, one open conversation per shopper ----------------------------------
def seed_chat(args) -> dict:
    from datetime import timedelta

    from django.utils import timezone

    from support.models import Conversation, Customer, Message, MessageKind

    shop, agents = make_shop(args.shop, args.agents, 9100000000000001)
    now = timezone.now()
    customers = Customer.objects.bulk_create([
        # Even shoppers are logged in to the storefront (Shopify customer id in the proxy signature),
        # odd ones are anonymous visitors (a signed visitor token).
        Customer(shop=shop, shopify_id=9300000000000000 + i if i % 2 == 0 else None,
                 visitor_id="" if i % 2 == 0 else f"v_bench_{i:06d}",
                 first_name=FIRST_NAMES[i % len(FIRST_NAMES)], last_name=LAST_NAMES[i // 7 % len(LAST_NAMES)],
                 email=f"shopper{i}@example.com" if i % 2 == 0 else "", locale="en")
        for i in range(args.conversations)
    ], batch_size=1000)
    conversations = Conversation.objects.bulk_create([
        Conversation(shop=shop, customer=customer, status="open", language="en",
                     last_activity_at=now - timedelta(seconds=i), waiting_since=now - timedelta(seconds=i))
        for i, customer in enumerate(customers)
    ], batch_size=1000)
    Message.objects.bulk_create([
        Message(shop=shop, conversation=conversation, kind=MessageKind.SHOPPER, body=PHRASES[i % len(PHRASES)],
                client_id=f"seed-{i}", created_at=now - timedelta(seconds=i))
        for i, conversation in enumerate(conversations)
    ], batch_size=1000)
    return {
        "shop": args.shop, "shop_id": shop.pk, "agents": [agent.shopify_user_id for agent in agents],
        "shoppers": [[c.pk, c.customer.pk, c.customer.shopify_id, c.customer.visitor_id or None]
                     for c in conversations],
    }


# --- inbox: a year of conversations of a busy shop, and a second shop's ------------------------------
def seed_inbox(args) -> dict:
    from django.db import connection

    started = time.monotonic()
    shops = {}
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SELECT setseed(0.42)")
        for n, (domain, conversations, messages, agents) in enumerate([
            (args.shop, args.conversations, args.messages, args.agents),
            (args.other_shop, args.other_conversations, args.other_messages, 3),
        ]):
            shop, agent_rows = make_shop(domain, agents, 9100000000000001 + 1000 * n)
            counts = seed_shop_rows(cursor, shop.pk, [a.pk for a in agent_rows], conversations, messages, n)
            shops[domain] = {"shop_id": shop.pk, "agents": [[a.pk, a.shopify_user_id] for a in agent_rows], **counts}
        seeded = time.monotonic()
        for table in ("support_customer", "support_order", "support_conversation", "support_message",
                      "support_conversationtag", "shopapp_agent", "shopapp_shop"):
            cursor.execute(f"VACUUM (ANALYZE) {table}")
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    main = shops[args.shop]
    return {"shops": shops, "seed_seconds": round(seeded - started, 1),
            "vacuum_seconds": round(time.monotonic() - seeded, 1), "database_bytes": size,
            "search_name": args.search_name, "search_order": main["sample_order"]}


def seed_shop_rows(cursor, shop_id: int, agent_ids: list[int], conversations: int, messages: int, n: int) -> dict:
    from support.models import Conversation, ConversationTag, Customer, Message, Order

    customers = max(1, int(conversations * 0.7))  # some shoppers write more than once
    agents = "ARRAY[" + ",".join(map(str, agent_ids)) + "]::bigint[]"
    base = 9300000000000000 + n * 10**12  # Shopify ids above 2**53
    insert_select(cursor, Customer, {
        "shop_id": str(shop_id), "shopify_id": f"{base} + g",
        "first_name": "fn", "last_name": "ln",
        "email": "lower(translate(fn || '.' || ln, ' ', '')) || g || '@example.com'",
        "locale": pick(LANGUAGES), "country_code": pick(["FR", "DE", "JP", "CN", "BR", "US", "CA", "ES", "IT", "KR"]),
        "shopify_created_at": "now() - random() * interval '700 days'",
    }, f"(SELECT g, {pick(FIRST_NAMES)} AS fn, {pick(LAST_NAMES)} AS ln"
       f" FROM generate_series(1, {customers}) g) s")
    cursor.execute("SELECT min(id), max(id), count(*) FROM support_customer WHERE shop_id = %s", [shop_id])
    first_customer, last_customer, count = cursor.fetchone()
    assert last_customer - first_customer + 1 == count == customers, "customer ids are not contiguous"

    orders = int(customers * 1.2)
    insert_select(cursor, Order, {
        "shop_id": str(shop_id), "shopify_id": f"{base + 10**11} + g",
        "customer_id": f"{first_customer} + mod(g - 1, {customers})",
        "customer_shopify_id": f"{base} + 1 + mod(g - 1, {customers})",
        "name": f"'#' || ({1000 + n * 10**6} + g)", "currency": "'EUR'", "presentment_currency": "'EUR'",
        "total_price": "round((20 + random() * 300)::numeric, 2)", "financial_status": "'paid'",
        "fulfillment_status": pick(["fulfilled", "partial", "unfulfilled"]),
        "shopify_created_at": "now() - random() * interval '365 days'",
    }, f"generate_series(1, {orders}) g")

    # Conversation g is newer than g - 1; the newest 3 % are the live inbox (open, pending, snoozed),
    # the rest mostly resolved or closed, with a few forgotten open ones.
    insert_select(cursor, Conversation, {
        "shop_id": str(shop_id),
        "customer_id": f"{first_customer} + floor(r1 * {customers})::bigint",
        "channel": "CASE WHEN r2 < 0.7 THEN 'chat' ELSE 'email' END",
        "status": f"CASE WHEN g > {conversations} * 0.97 THEN (CASE WHEN r3 < 0.6 THEN 'open' WHEN r3 < 0.9"
                  " THEN 'pending' ELSE 'snoozed' END) WHEN r3 < 0.02 THEN 'open' WHEN r3 < 0.72 THEN 'resolved'"
                  " ELSE 'closed' END",
        "priority": "CASE WHEN r4 < 0.05 THEN 'A' WHEN r4 < 0.25 THEN 'B' ELSE 'C' END",
        "assignee_id": f"CASE WHEN r5 < 0.15 THEN NULL ELSE ({agents})[1 + floor(r6 * {len(agent_ids)})::int] END",
        "language": pick(LANGUAGES),
        "last_activity_at": "at",
        "created_at": "at - r2 * interval '5 days'",
        "waiting_since": f"CASE WHEN g > {conversations} * 0.97 AND r3 < 0.6 THEN at END",
        "first_response_at": "CASE WHEN r5 < 0.9 THEN at - r2 * interval '4 days' END",
        "snoozed_until": f"CASE WHEN g > {conversations} * 0.97 AND r3 >= 0.9 THEN now() + interval '1 day' END",
    }, f"(SELECT g, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,"
       f" now() - ({conversations} - g) * interval '{365 * 86400 / conversations:.3f} seconds'"
       f" - random() * interval '30 minutes' AS at FROM generate_series(1, {conversations}) g) s")
    cursor.execute("SELECT min(id), max(id), count(*) FROM support_conversation WHERE shop_id = %s", [shop_id])
    first_conversation, last_conversation, count = cursor.fetchone()
    assert last_conversation - first_conversation + 1 == count == conversations, "conversation ids not contiguous"

    # Messages: each falls in a random conversation (about ten each), a little before its last
    # activity; inserted in time order so ids interleave across conversations as they do live.
    insert_select(cursor, Message, {
        "shop_id": str(shop_id), "conversation_id": "c.id",
        "kind": "CASE WHEN m.r < 0.45 THEN 'shopper' WHEN m.r < 0.85 THEN 'agent' WHEN m.r < 0.90 THEN 'note'"
                " WHEN m.r < 0.95 THEN 'bot' ELSE 'system' END",
        "agent_id": "CASE WHEN m.r >= 0.45 AND m.r < 0.90 THEN c.assignee_id END",
        "body": f"{pick(PHRASES, 'm.r2')} || ' ' || {pick(PHRASES, 'm.r3')}",
        "client_id": "CASE WHEN m.r < 0.90 THEN 'b-' || m.g ELSE '' END",
        "created_at": "c.last_activity_at - m.r2 * interval '4 days'",
    }, f"(SELECT g, random() r, random() r2, random() r3, {first_conversation} + floor(random() * {conversations})"
       f"::bigint AS cid FROM generate_series(1, {messages}) g) m JOIN support_conversation c ON c.id = m.cid",
       suffix="ORDER BY c.last_activity_at - m.r2 * interval '4 days'")

    tagged = f"support_conversation c WHERE c.shop_id = {shop_id} AND random() < "
    insert_select(cursor, ConversationTag, {"shop_id": str(shop_id), "conversation_id": "c.id",
                                            "name": f"({sql_array(TAGS)})[1 + mod(c.id, {len(TAGS)})::int]"},
                  tagged + "0.3")
    insert_select(cursor, ConversationTag, {"shop_id": str(shop_id), "conversation_id": "c.id",
                                            "name": f"({sql_array(TAGS)})[1 + mod(c.id + 3, {len(TAGS)})::int]"},
                  tagged + "0.1", suffix="ON CONFLICT DO NOTHING")
    # An order of a customer who wrote recently, the kind of number an agent pastes into the search.
    cursor.execute("SELECT o.name FROM support_order o JOIN support_conversation c ON c.customer_id = o.customer_id"
                   " WHERE c.id = %s ORDER BY o.id LIMIT 1", [last_conversation - conversations // 50])
    sample_order = cursor.fetchone()[0]
    return {"customers": customers, "orders": orders, "conversations": conversations, "messages": messages,
            "sample_order": sample_order}


# --- explain: the app's own queries for an inbox page -----------------------------------------------
def plan_summary(plan: dict) -> dict:
    """Scans (node type, relation, index) and the timings of an EXPLAIN (ANALYZE, FORMAT JSON) plan."""
    scans = []

    def bitmap_indexes(node) -> str:
        found = [node["Index Name"]] if node.get("Node Type") == "Bitmap Index Scan" else []
        found += [bitmap_indexes(child) for child in node.get("Plans", [])]
        return " + ".join(name for name in found if name)

    def walk(node):
        kind = node.get("Node Type", "")
        if "Scan" in kind and node.get("Relation Name"):
            index = bitmap_indexes(node) if kind == "Bitmap Heap Scan" else node.get("Index Name")
            scans.append({"node": kind, "relation": node["Relation Name"], "index": index,
                          "loops": node.get("Actual Loops"), "rows": node.get("Actual Rows"),
                          "removed_by_filter": node.get("Rows Removed by Filter", 0)})
        for child in node.get("Plans", []):
            walk(child)

    walk(plan["Plan"])
    return {"execution_ms": round(plan.get("Execution Time", 0.0), 2),
            "planning_ms": round(plan.get("Planning Time", 0.0), 2), "scans": scans}


def explain_app(args) -> dict:
    """For each inbox variant: the SQL the app's selector and serializer run for one page (captured),
    EXPLAIN ANALYZE of each, and how many queries a whole API request makes (auth included)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIRequestFactory

    from shopapp.devstore.session_tokens import mint_session_token
    from shopapp.models import Agent
    from support.api.conversations import ConversationListApi, ConversationSerializer
    from support.selectors.conversations import InboxFilters, inbox

    agent = Agent.objects.select_related("shop").get(pk=args.agent_id)
    results = {}
    for name, params in json.loads(args.variants).items():
        filters = InboxFilters(**{k: v for k, v in params.items() if k != "limit"})
        with CaptureQueriesContext(connection) as captured:
            rows, _ = inbox(agent, filters, limit=int(params.get("limit", 25)))
            ConversationSerializer(rows, many=True).data  # noqa: B018 - the prefetches run here
        queries = []
        for query in captured.captured_queries:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + query["sql"])
                plan = cursor.fetchone()[0]
            plan = plan[0] if isinstance(plan, list) else json.loads(plan)[0]
            queries.append({"sql": query["sql"], **plan_summary(plan)})
        token = mint_session_token(shop=agent.shop.domain, user_id=agent.shopify_user_id,
                                   api_key=args.api_key, api_secret=args.api_secret)
        request = APIRequestFactory().get("/api/admin/conversations", params, HTTP_HOST=args.host,
                                          HTTP_AUTHORIZATION=f"Bearer {token}")
        with CaptureQueriesContext(connection) as whole:
            response = ConversationListApi.as_view()(request)
        results[name] = {"page_queries": queries, "request_queries": len(whole.captured_queries),
                         "status": response.status_code, "rows": len(rows)}
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.seed", description=__doc__)
    sub = parser.add_subparsers(dest="what", required=True)
    chat = sub.add_parser("chat")
    chat.add_argument("--shop", required=True)
    chat.add_argument("--agents", type=int, default=20)
    chat.add_argument("--conversations", type=int, default=2000)
    inbox = sub.add_parser("inbox")
    inbox.add_argument("--shop", required=True)
    inbox.add_argument("--other-shop", required=True)
    inbox.add_argument("--agents", type=int, default=20)
    inbox.add_argument("--conversations", type=int, default=100_000)
    inbox.add_argument("--messages", type=int, default=1_000_000)
    inbox.add_argument("--other-conversations", type=int, default=20_000)
    inbox.add_argument("--other-messages", type=int, default=200_000)
    inbox.add_argument("--search-name", default="Nakamura")
    explain = sub.add_parser("explain")
    explain.add_argument("--agent-id", type=int, required=True)
    explain.add_argument("--variants", required=True, help="JSON: {name: {query parameters}}")
    explain.add_argument("--host", required=True)
    explain.add_argument("--api-key", required=True)
    explain.add_argument("--api-secret", required=True)
    args = parser.parse_args(argv)
    django.setup()
    result = {"chat": seed_chat, "inbox": seed_inbox, "explain": explain_app}[args.what](args)
    json.dump(result, sys.stdout, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
