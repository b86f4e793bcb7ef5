"""Follow-up benchmark (``python -m bench followups``): the beat's sweep and the Procfile's worker over
100,000 due follow-ups.

It starts the real stack itself: a fresh PostgreSQL database ``bench_followups_<pid>``, migrated, then
filled by ``bench/seed_followups.py`` (one shop, 10,000 customers, one conversation per follow-up, the
follow-ups all due: the app's own ``snooze_wake`` kind for conversations opened again since, its
cheapest real path), VACUUM ANALYZE, and Redis on a dedicated DB (flushed before and after).

Three figures:
  sweep     the beat task's body (``sweep_due_followups_task``) once, with no worker running: claim every
            due row (``FOR UPDATE SKIP LOCKED``, batches), mark it queued and publish its chunks to Redis;
            beside the baseline, one hand-written ``UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP
            LOCKED) RETURNING id`` per batch over the same rows (the database's own cost); target 2,000/s
  end to end  the rows due again, the Procfile's worker (``--concurrency 2``) and beat (every 30 s) started;
            processed/s from the first claim to the last finished row
  lateness  ``finished_at - due_at`` per row, the rows falling due 35 s after beat starts (``--due-after``:
            the sweep before claims them and publishes them to run when due; 0 makes them due as beat
            starts, so its first sweep finds them 30 s overdue); target: never more than 60 s
Results go to bench/results/followups.json.
"""
from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime, timedelta

from bench.appstack import SHOP, CpuMeter, Suite, common_options
from bench.stack import BIN, BenchError, Process, flush_redis, run_benchmark, wait_until

TARGET_RATE = 2000.0
TARGET_LATE_S = 60.0
FINISHED = ("done", "skipped", "failed", "cancelled")
BASELINE_SQL = """UPDATE support_followup SET status = 'queued', queued_at = now()
WHERE id IN (SELECT id FROM support_followup WHERE status = 'scheduled' AND due_at <= now()
             ORDER BY due_at LIMIT %s FOR UPDATE SKIP LOCKED) RETURNING id"""
RESET_SQL = """UPDATE support_followup SET status = 'scheduled', due_at = %s, queued_at = NULL, finished_at = NULL,
outcome = '', attempts = 0"""
LATENESS_SQL = """SELECT count(*),
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - due_at)),
  percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - due_at)),
  max(extract(epoch FROM finished_at - due_at)),
  max(extract(epoch FROM queued_at - due_at)),
  extract(epoch FROM max(queued_at) - min(queued_at)),
  extract(epoch FROM max(finished_at) - min(queued_at)),
  count(DISTINCT queued_at)
FROM support_followup WHERE finished_at IS NOT NULL"""


class FollowupsBench(Suite):
    name = "followups"

    def run(self) -> int:
        args = self.args
        try:
            self.measure_machine()
            flush_redis(args.redis_url)
            self.prepare_database()
            seeded = json.loads(self.django(["-m", "bench.seed_followups", "seed", "--shop", SHOP, "--followups",
                                             str(args.followups)], "seeding", timeout=1800))
            sweep = json.loads(self.django(["-m", "bench.seed_followups", "sweep"], "the sweep", timeout=900))
            flush_redis(args.redis_url)  # the sweep's published chunks: nobody runs them
            with self.db.connect() as conn:
                self.reset(conn, datetime.now(UTC))
                baseline = self.baseline(conn, sweep["batch"])
                live = self.live(conn)
            self.report(seeded, sweep, baseline, live)
        finally:
            self.close()
        return 0

    @staticmethod
    def reset(conn, due_at: datetime) -> None:
        conn.execute(RESET_SQL, [due_at])
        conn.execute("VACUUM (ANALYZE) support_followup")

    def baseline(self, conn, batch: int) -> dict:
        started, claimed = time.perf_counter(), 0
        while True:
            rows = conn.execute(BASELINE_SQL, [batch]).fetchall()
            claimed += len(rows)
            if len(rows) < batch:
                break
        return {"claimed": claimed, "seconds": time.perf_counter() - started}

    def start(self, name: str, argv: list[str], ready: str) -> Process:
        process = Process(name, argv, self.env("shopapp.settings"), self.work.path)
        self.processes.append(process)
        if not wait_until(lambda: ready in process.tail(50), timeout=60):
            raise BenchError(f"the Celery {name} did not start:\n{process.tail()}")
        return process

    def live(self, conn) -> dict:
        """The Procfile's worker and beat; every row due ``--due-after`` seconds after beat starts (0: due as
        it starts, the worst phase of the beat); until every row is finished."""
        worker = self.start("worker", [str(BIN / "celery"), "-A", "shopapp", "worker", "--loglevel", "INFO",
                                       "--concurrency", "2"], "ready")
        due = datetime.now(UTC) + timedelta(seconds=5 + self.args.due_after)
        self.reset(conn, due)
        time.sleep(5.0)
        beat = self.start("beat", [str(BIN / "celery"), "-A", "shopapp", "beat", "--loglevel", "INFO", "--schedule",
                                   str(self.work.path / "celerybeat-schedule")], "beat: Starting")
        meter = CpuMeter({worker.pid: "worker", beat.pid: "beat"}, self.db.name)
        total = self.args.followups

        def finished() -> int:
            return conn.execute("SELECT count(*) FROM support_followup WHERE status = ANY(%s)",
                                [list(FINISHED)]).fetchone()[0]

        complete = wait_until(lambda: finished() >= total, timeout=self.args.timeout, interval=0.5)
        cpu = meter.stop(max(1, finished()), "followup")
        row = conn.execute(LATENESS_SQL).fetchone()
        outcomes = conn.execute("SELECT status, outcome, count(*) FROM support_followup GROUP BY 1, 2"
                                " ORDER BY 3 DESC").fetchall()
        keys = ("finished", "late_p50_s", "late_p99_s", "late_max_s", "claim_late_max_s", "claims_spread_s",
                "first_claim_to_last_finish_s", "claims")
        return {**{k: (float(v) if v is not None else None) for k, v in zip(keys, row, strict=True)},
                "complete": complete, "outcomes": [list(o) for o in outcomes], "cpu": cpu}

    def report(self, seeded: dict, sweep: dict, baseline: dict, live: dict) -> None:
        n = self.args.followups
        sweep_rate = sweep["due"] / sweep["seconds"] if sweep["seconds"] else 0.0
        raw_rate = baseline["claimed"] / baseline["seconds"] if baseline["seconds"] else 0.0
        span = live["first_claim_to_last_finish_s"] or 0.0
        e2e_rate = live["finished"] / span if span else 0.0
        late_met = live["complete"] and (live["late_max_s"] or 1e9) <= TARGET_LATE_S
        outcomes = ", ".join(f"{outcome or status} {count:,}" for status, outcome, count in live["outcomes"])
        ms = live["cpu"]["ms_per_followup"]
        lines = [
            f"data: {n:,} due follow-ups (snooze_wake, one conversation each, {seeded['customers']:,} customers);"
            f" database {seeded['database_bytes'] / 2**20:.0f} MiB, seeded in {seeded['seed_seconds']:.0f} s"
            f" + VACUUM ANALYZE {seeded['vacuum_seconds']:.0f} s",
            f"sweep alone (the beat task, no worker running): {sweep['due']:,} claimed and published in"
            f" {sweep['seconds']:.2f} s = {sweep_rate:,.0f}/s (batches of {sweep['batch']:,},"
            f" tasks of {sweep['chunk']})"
            f" | raw SQL UPDATE ... FOR UPDATE SKIP LOCKED RETURNING id: {baseline['claimed']:,} in"
            f" {baseline['seconds']:.2f} s = {raw_rate:,.0f}/s | ratio {sweep_rate / raw_rate if raw_rate else 0:.2f}"
            f" | target >= {TARGET_RATE:,.0f}/s: {'met' if sweep_rate >= TARGET_RATE else 'NOT met'}",
            f"end to end (celery beat every 30 s + worker --concurrency 2): {live['finished']:,.0f} of {n:,} finished,"
            f" {span:.1f} s from the first claim to the last = {e2e_rate:,.0f}/s ({outcomes})"
            f" | target >= {TARGET_RATE:,.0f}/s: {'met' if e2e_rate >= TARGET_RATE else 'NOT met'}",
            f"lateness (finished_at - due_at, all due {self.args.due_after:g} s after beat starts):"
            f" p50 {live['late_p50_s']:.1f} s"
            f" p99 {live['late_p99_s']:.1f} s max {live['late_max_s']:.1f} s | claimed (queued_at - due_at) max"
            f" {live['claim_late_max_s']:.1f} s in {live['claims']:.0f} batches over {live['claims_spread_s']:.1f} s"
            f" | target max <= {TARGET_LATE_S:.0f} s: {'met' if late_met else 'NOT met'}",
            f"cpu ms per follow-up end to end: worker {ms.get('worker')}, beat {ms.get('beat')}, postgres"
            f" {ms.get('postgres')}, redis {ms.get('redis')} | other processes {live['cpu']['other_busy_cores']} cores,"
            f" steal {live['cpu']['steal_cores']} cores",
            f"machine: background before the run {self.machine['background_busy_cores']:.2f} cores of"
            f" {self.machine['cpus']}, sum(range(1000)) {self.machine['python_sum_range_1000_us']} us",
        ]
        for line in lines:
            print(line)
        config = {k: v for k, v in vars(self.args).items() if k not in ("database_url", "redis_url")}
        self.write(f"followups-{self.args.name}.json" if self.args.name else "followups.json",
                   {"config": config, "target_rate": TARGET_RATE, "target_late_s": TARGET_LATE_S, "seed": seeded,
                    "sweep": sweep, "baseline": baseline, "live": live}, lines)


def parse(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench followups", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    common_options(parser)
    parser.add_argument("--followups", type=int, default=100_000)
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds to wait for every row to finish")
    parser.add_argument("--due-after", type=float, default=35.0,
                        help="the rows fall due this long after beat starts (timed work is scheduled ahead; the"
                             " sweep claims what falls due before its next run); 0: due as beat starts, the"
                             " worst phase of a 30 s beat for work already overdue")
    parser.add_argument("--name", default="", help="suffix of the results file")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    return run_benchmark("followups", parse(argv), FollowupsBench)
