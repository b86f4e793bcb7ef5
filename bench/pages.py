"""Load process of the inbox benchmark (run by ``bench.inbox``): one agent at a time loading the
inbox, over loopback, and the same page as raw SQL.

For each variant (query parameters of ``GET /api/admin/conversations``), requests alternate: one
HTTP request (keep-alive HTTP/1.1, ``Authorization: Bearer <session token>`` minted like App Bridge
for each request, HS256 with the API secret; agents in turn, so ``assignee=me`` is each one's
own), then the same page as one hand-written SQL statement over psycopg (its own connection,
statements planned each time as Django's are). Both are timed from send to the last byte, after a
short warm-up, bounded in count and time. Then, once: the page ids of both are compared, and the raw
statement is EXPLAINed (ANALYZE, BUFFERS). CPU of the web server and of the PostgreSQL backends is
read from /proc around each variant. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import socket
import sys
import time
from urllib.parse import urlencode

import psycopg

from bench.seed import plan_summary
from bench.stack import _stat, session_pids

PAGE_SQL = """
SELECT c.id, c.status, c.channel, c.priority, c.language, c.assignee_id,
       cu.first_name, cu.last_name, cu.email, c.waiting_since, c.first_response_at, c.snoozed_until,
       c.last_activity_at, c.agent_read_id, c.shopper_read_id, c.rating,
       lm.id AS last_message_id, lm.kind AS last_message_kind, left(lm.body, 200) AS last_message_body,
       ARRAY(SELECT t.name FROM support_conversationtag t WHERE t.conversation_id = c.id ORDER BY t.name) AS tags
FROM support_conversation c
JOIN support_customer cu ON cu.id = c.customer_id
LEFT JOIN LATERAL (
    SELECT m.id, m.kind, m.body FROM support_message m
    WHERE m.conversation_id = c.id AND m.kind <> 'note' ORDER BY m.id DESC LIMIT 1
) lm ON true
WHERE c.shop_id = %(shop)s{filters}
ORDER BY c.last_activity_at DESC, c.id DESC
LIMIT %(limit)s
"""
# The app's search in SQL (support.selectors.conversations._searched), on the indexed expressions of
# its migration 0005 (trigram GIN on UPPER(names) and UPPER(body), b-trees on UPPER(email) and
# UPPER(order name)). Each part reads its own page in page order (the page's filters applied), and
# the page is the newest of their union: the message text as an EXISTS per conversation (PostgreSQL
# walks the newest conversations for a common word, reads the trigram index for a rare one); an order
# number or an e-mail by customer; a name walking the newest conversations with the matching customers
# and buyers hashed, skipped when nobody matches.
CUSTOMERS = """SELECT cs.id FROM support_customer cs WHERE cs.shop_id = %(shop)s
    AND (upper(cs.first_name) LIKE upper(%(like)s) OR upper(cs.last_name) LIKE upper(%(like)s)
         OR upper(cs.email) = upper(%(q)s))"""
BUYERS = """SELECT o.customer_id FROM support_order o WHERE o.shop_id = %(shop)s
    AND upper(o.name) = upper(%(q)s) AND o.customer_id IS NOT NULL"""
WRITTEN = """EXISTS (SELECT 1 FROM support_message m WHERE m.conversation_id = {a}.id AND m.shop_id = %(shop)s
    AND upper(m.body) LIKE upper(%(like)s))"""
PEOPLE = f"""(EXISTS ({CUSTOMERS}) OR EXISTS ({BUYERS}))
    AND ({{a}}.customer_id IN ({CUSTOMERS}) OR {{a}}.customer_id IN ({BUYERS}))"""
EXACT_PARTS = [f"{{a}}.customer_id IN ({CUSTOMERS})", f"{{a}}.customer_id IN ({BUYERS})"]
PART_SQL = """(SELECT {a}.id FROM support_conversation {a} WHERE {a}.shop_id = %(shop)s{filters}
    AND {part} ORDER BY {a}.last_activity_at DESC, {a}.id DESC LIMIT %(limit)s)"""
EXACT_TERM = re.compile(r"^#?\d{1,19}$|@")


def raw_query(params: dict, shop_id: int, agent_pk: int) -> tuple[str, dict]:
    """The same page as the API's (filters, order, limit + 1 to know if there is a next page)."""
    filters, args = "", {"shop": shop_id, "limit": int(params.get("limit", 25)) + 1}
    if "status" in params:
        filters += "\n  AND {a}.status = %(status)s"
        args["status"] = params["status"]
    if params.get("assignee") == "me":
        filters += "\n  AND {a}.assignee_id = %(me)s"
        args["me"] = agent_pk
    if params.get("q"):
        q = params["q"].strip()[:100]
        args["q"] = q
        args["like"] = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        parts = [WRITTEN, *(EXACT_PARTS if EXACT_TERM.search(q) else [PEOPLE])]
        union = "\n  UNION ".join(PART_SQL.format(a=f"p{i}", filters=filters.format(a=f"p{i}"),
                                                  part=part.format(a=f"p{i}")) for i, part in enumerate(parts))
        return PAGE_SQL.format(filters=f"\n  AND c.id IN ({union})"), args
    return PAGE_SQL.format(filters=filters.format(a="c")), args


class Http:
    """A blocking keep-alive HTTP/1.1 connection: send, read the whole answer."""

    def __init__(self, port: int):
        self.port, self.sock, self.file = port, None, None

    def get(self, target: str, headers: dict) -> tuple[int, bytes]:
        if self.sock is None:
            self.sock = socket.create_connection(("127.0.0.1", self.port))
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.file = self.sock.makefile("rb")
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n{head}\r\n".encode())
        status = int(self.file.readline().split()[1])
        length, chunked, close = 0, False, False
        while (line := self.file.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value:
                chunked = True
            elif name == "connection" and value == "close":
                close = True
        if chunked:
            body = b""
            while size := int(self.file.readline().split(b";")[0], 16):
                body += self.file.read(size + 2)[:-2]
            self.file.readline()
        else:
            body = self.file.read(length)
        if close:
            self.close()
        return status, body

    def close(self):
        if self.sock is not None:
            self.file.close()
            self.sock.close()
            self.sock = self.file = None


def cpu_seconds(pids) -> float:
    return sum((_stat(str(pid)) or (0, "", 0.0))[2] for pid in pids)


def backends(database: str) -> list[int]:
    marker, found = f" {database} ".encode(), []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                title = open(f"/proc/{entry}/cmdline", "rb").read().replace(b"\0", b" ")
            except OSError:
                continue
            if title.startswith(b"postgres:") and marker in title:
                found.append(int(entry))
    return found


class Pages:
    def __init__(self, args, spec):
        from shopapp.devstore.session_tokens import mint_session_token

        self.args, self.spec, self.mint = args, spec, mint_session_token
        self.http = Http(args.port)
        self.sql = psycopg.connect(args.dsn, autocommit=True, prepare_threshold=None)
        self.sql_backend = self.sql.execute("SELECT pg_backend_pid()").fetchone()[0]
        self.database = self.sql.info.dbname
        self.secret = os.environ["BENCH_SHOPIFY_API_SECRET"]
        self.agents = spec["agents"]  # [[pk, shopify user id], ...]

    def page(self, params: dict, agent) -> tuple[int, bytes]:
        token = self.mint(shop=self.spec["shop"], user_id=agent[1], api_key=self.args.api_key, api_secret=self.secret)
        return self.http.get(f"/api/admin/conversations?{urlencode(params)}",
                             {"Authorization": f"Bearer {token}", "Accept": "application/json"})

    def raw(self, params: dict, agent) -> list[tuple]:
        sql, sql_args = raw_query(params, self.spec["shop_id"], agent[0])
        return self.sql.execute(sql, sql_args).fetchall()

    def one_pair(self, params, agent, http_times, sql_times, statuses):
        started = time.perf_counter()
        status, _ = self.page(params, agent)
        http_times.append(time.perf_counter() - started)
        statuses[str(status)] = statuses.get(str(status), 0) + 1
        started = time.perf_counter()
        self.raw(params, agent)
        sql_times.append(time.perf_counter() - started)

    def variant(self, params: dict) -> dict:
        args = self.args
        warm_until = time.monotonic() + args.warmup_seconds
        for i in range(args.warmup):
            if time.monotonic() > warm_until:
                break
            self.one_pair(params, self.agents[i % len(self.agents)], [], [], {})
        server, web_backends = [args.server_pid, *session_pids(args.server_pid)], None
        web_backends = [pid for pid in backends(self.database) if pid != self.sql_backend]
        cpu_before = (cpu_seconds(server), cpu_seconds(web_backends), cpu_seconds([self.sql_backend]))
        http_times, sql_times, statuses = [], [], {}
        deadline = time.monotonic() + args.duration
        while len(http_times) < args.requests and time.monotonic() < deadline:
            self.one_pair(params, self.agents[len(http_times) % len(self.agents)], http_times, sql_times, statuses)
        cpu_after = (cpu_seconds(server), cpu_seconds(web_backends), cpu_seconds([self.sql_backend]))
        n = len(http_times)
        web, web_pg, raw_pg = (round((a - b) * 1000 / n, 2) for a, b in zip(cpu_after, cpu_before, strict=True))
        return {"params": params, "statuses": statuses, "http": http_times, "sql": sql_times,
                "cpu_ms_per_page": {"web": web, "postgres_for_web": web_pg, "postgres_for_raw_sql": raw_pg},
                **self.check(params), "explain": self.explain(params)}

    def check(self, params: dict) -> dict:
        """The API's page and the raw statement's are the same conversations in the same order."""
        agent = self.agents[0]
        status, body = self.page(params, agent)
        api_ids = [row["id"] for row in json.loads(body)["results"]] if status == 200 else []
        raw_ids = [str(row[0]) for row in self.raw(params, agent)][: int(params.get("limit", 25))]
        return {"rows": len(api_ids), "same_page": api_ids == raw_ids, "api_status": status}

    def explain(self, params: dict) -> dict:
        sql, sql_args = raw_query(params, self.spec["shop_id"], self.agents[0][0])
        plan = self.sql.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, sql_args).fetchone()[0][0]
        return {"sql": sql, "args": {k: str(v) for k, v in sql_args.items()}, **plan_summary(plan)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--server-pid", type=int, required=True, help="the web server (CPU from /proc)")
    parser.add_argument("--dsn", required=True, help="the benchmark's database (raw SQL baseline)")
    parser.add_argument("--spec", required=True, help="JSON: shop, shop_id, agents [[pk, user id]]")
    parser.add_argument("--variants", required=True, help="JSON: {name: {query parameters}}")
    parser.add_argument("--requests", type=int, default=200, help="pages per variant (bound in count)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per variant (bound in time)")
    parser.add_argument("--warmup", type=int, default=10, help="unrecorded pages first")
    parser.add_argument("--warmup-seconds", type=float, default=3.0)
    parser.add_argument("--api-key", default="bench-api-key")
    args = parser.parse_args(argv)
    spec = json.loads(open(args.spec).read())
    pages = Pages(args, spec)
    result = {name: pages.variant(params) for name, params in json.loads(args.variants).items()}
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
