"""The benchmark's report: one line per figure, the machine it ran on, and the JSON record
kept in bench/results/ so runs can be compared across commits."""
import json
import os
import platform
import subprocess
import time
from datetime import UTC, datetime

from bench.deliveries import TOPIC
from bench.stack import ROOT, cpu_delta, cpu_snapshot

RESULTS = ROOT / "bench" / "results"
NO_HANDLER_TOPIC = "bench/no_handler"  # accepted and recorded like any topic; no handler: ignored
TARGET_RPS, TARGET_P99_MS, TARGET_RATIO, TARGET_PROCESSING = 1000, 50.0, 0.5, 200


def report(args, config: dict, results: dict, bodies: dict, *, calibration: float, background: float):
    """Print one line per figure (with the baseline and the ratio) and write the JSON record."""
    lines = []
    server = config["server"]

    def fig(r):
        return f"{r['rps']:.0f} req/s p50 {r['p50_ms']:.1f} ms p99 {r['p99_ms']:.1f} ms" + (
            f" ({r['errors']} errors)" if r["errors"] else "")

    if "max" in results:
        m = results["max"]
        lines.append(f"ingest max ({args.connections} conns, closed loop): {fig(m['ingest'])}"
                     f" | bare: {fig(m['bare'])} | ratio {m['ratio']:.2f} (goal >= {TARGET_RATIO})")
    for item in results.get("at_rate", []):
        ing, rate = item["ingest"], item["rate"]
        line = (f"ingest at {rate:.0f} req/s offered ({args.connections} conns, open loop): {fig(ing)}"
                f" | bare: {fig(item['bare'])}")
        if rate >= TARGET_RPS:
            met = ing["rps"] >= 0.98 * TARGET_RPS and ing["p99_ms"] < TARGET_P99_MS and not ing["errors"]
            line += f" | target >= {TARGET_RPS} req/s, p99 < {TARGET_P99_MS:.0f} ms: {'met' if met else 'NOT met'}"
        lines.append(line)
    if "max" in results:
        m = results["max"]

        def cpu(r):
            return ", ".join(f"{k} {v:.2f}" for k, v in r["cpu_ms_per_request"].items() if k != "other")

        lines.append(f"cpu ms per request at max: ingest {cpu(m['ingest'])} | bare {cpu(m['bare'])}"
                     f" | other processes {m['ingest']['other_busy_cores']:.2f} cores,"
                     f" steal {m['ingest']['steal_cores']:.2f} cores, sum(range(1000)) {calibration} us")
    live = results.get("live")
    if live:
        # Kept up: when the load stopped, at most one second's worth of deliveries was still waiting.
        kept_up = (live["waiting_when_load_stopped"] <= TARGET_PROCESSING and not live["left_unprocessed"]
                   and live["ingest"]["rps"] >= 0.98 * TARGET_PROCESSING)
        lines.append(
            f"live ({TOPIC} at {TARGET_PROCESSING} req/s offered, worker beside the web server):"
            f" ingest {fig(live['ingest'])} | recorded -> processed p50 {live['delay_p50_ms']:.0f} ms"
            f" p99 {live['delay_p99_ms']:.0f} ms | waiting when the load stopped {live['waiting_when_load_stopped']},"
            f" left unprocessed {live['left_unprocessed']} | keeps up with {TARGET_PROCESSING}/s:"
            f" {'yes' if kept_up else 'NO'}"
        )
    proc = results.get("processing")
    if proc:
        orders, base = proc["topics"][TOPIC], proc["topics"][NO_HANDLER_TOPIC]
        ratio = orders["per_second"] / base["per_second"] if base["per_second"] else 0.0
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(orders["statuses"].items()))
        lines.append(
            f"processing (celery worker --concurrency {proc['concurrency']}): {TOPIC}"
            f" {orders['per_second']:.0f} deliveries/s"
            f" ({orders['drained']} in {orders['seconds']:.1f} s: {statuses})"
            f" | no handler: {base['per_second']:.0f} deliveries/s | ratio {ratio:.2f}"
            f" | target {TARGET_PROCESSING}/s: {'met' if orders['per_second'] >= TARGET_PROCESSING else 'NOT met'}"
            f" | other processes {proc['other_busy_cores']:.2f} cores, steal {proc['steal_cores']:.2f} cores"
        )
    lines.append(f"server: {server}")
    for line in lines:
        print(line)
    RESULTS.mkdir(parents=True, exist_ok=True)
    document = {
        "benchmark": "webhooks",
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git_commit(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "background_busy_cores": background, "python_sum_range_1000_us": calibration},
        "config": config,
        "bodies": bodies,
        "lines": lines,
        **results,
    }
    path = RESULTS / (f"webhooks-{args.name}.json" if args.name else "webhooks.json")
    path.write_text(json.dumps(document, indent=2, default=str) + "\n")
    print(f"results: {path.relative_to(ROOT)}")


def python_speed() -> float:
    """Microseconds for sum(range(1000)), best of 5: how fast this (virtual) CPU is right now, so
    that runs on different days or machines can be put side by side."""
    import timeit

    return round(min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000 * 1e6, 2)


def background_load(seconds: float = 1.0) -> float:
    """Cores kept busy by other processes before the benchmark starts (other jobs on the machine)."""
    before = cpu_snapshot({})
    time.sleep(seconds)
    return round(cpu_delta(before, cpu_snapshot({}))["_busy"] / seconds, 2)


def _git_commit() -> str | None:
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=5)
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "") if head.returncode == 0 else None
