"""Building the situational picture of a big crisis (default 100,000 log entries) through the
service (gather from the store + pure build), next to a raw SQL scan of the same rows in the
same run. Target: median build <= 200 ms.

The entries are bulk-inserted into `log_entry` in one transaction (the triggers keep
`log_current` as the app would); they bypass the audit chain, which does not matter for a
throw-away benchmark database."""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from crisisconsole.bench.report import median, print_report

TARGET_MS = 200.0
DISCIPLINES = ("politie", "brandweer", "ghor", "bevolkingszorg", "communicatie", "gemeente",
               "om", None)
SOURCES = ("politie", "brandweer", "ghor", "gemeente", "burger", "social_media")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--entries", type=int, default=100_000,
                        help="picture: aantal meldingen (standaard 100000)")


def _fill(store: Any, crisis_id: str, author: str, entries: int) -> None:
    from crisisconsole.clock import format_utc
    from crisisconsole.ids import new_id

    rng = random.Random(6)
    now = store.clock.now()
    rows, ids = [], []
    for i in range(entries):
        at = format_utc(now - timedelta(seconds=(entries - i) * 3))
        tag = rng.choice(("hearsay", "hearsay", "confirmed", "refuted"))
        entry_id = new_id()
        ids.append(entry_id)
        rows.append((entry_id, crisis_id, at, at, author, rng.choice(SOURCES), None,
                     rng.choice(DISCIPLINES), "Marktplein", None, None,
                     f"Melding {i}: situatie bij locatie {i % 97}", tag, None,
                     "bench" if tag == "confirmed" else None, None, "manual", None, None))
    links = []
    for _ in range(max(1, entries // 100)):  # 1 % corroborating, 0.2 % contradicting
        a, b = rng.sample(ids, 2)
        links.append((new_id(), a, b, "corroborates", format_utc(now), author))
    for _ in range(max(1, entries // 500)):
        a, b = rng.sample(ids, 2)
        links.append((new_id(), a, b, "contradicts", format_utc(now), author))
    raw = store.raw_connection()
    try:
        raw.execute("BEGIN")
        raw.executemany("INSERT INTO log_entry VALUES (" + ",".join("?" * 19) + ")", rows)
        raw.executemany("INSERT OR IGNORE INTO log_link VALUES (?, ?, ?, ?, ?, ?)", links)
        raw.execute("COMMIT")
    finally:
        raw.close()


def measure(entries: int, runs: int) -> dict[str, Any]:
    from sqlalchemy import text

    from crisisconsole.bench.aide import aide_context
    from crisisconsole.services.foundation.crises import open_crisis
    from crisisconsole.services.picture.snapshots import live_picture
    from crisisconsole.store.opening import create_database
    from crisisconsole.store.secrets import MemorySecretStore

    with tempfile.TemporaryDirectory(prefix="cc-bench-picture-") as tmp:
        store = create_database(Path(tmp) / "bench.db", MemorySecretStore(), purpose="bench")
        try:
            ctx = aide_context(store)
            crisis = open_crisis(ctx, "Benchmark", "Waalbergen", grip="3")
            started = time.perf_counter()
            _fill(store, crisis.id, ctx.actor.id, entries)
            fill_s = time.perf_counter() - started
            build, scan, items = [], [], 0
            for _ in range(runs):
                t0 = time.perf_counter()
                with store.read() as conn:
                    rows = conn.execute(text(
                        "SELECT entry_id, occurred_at, recorded_at, source, discipline, text, "
                        "reliability, location, grade, last_confirmed_at, withdrawn "
                        "FROM log_current WHERE crisis_id = :c"), {"c": crisis.id}).all()
                scan.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                picture = live_picture(ctx, crisis.id)
                build.append((time.perf_counter() - t0) * 1000)
                items = sum(len(d["confirmed"]) + len(d["hearsay"])
                            for d in picture["disciplines"])
            counts = picture["summary"]["counts"]
        finally:
            store.close()
    return {"entries": entries, "runs": runs, "rows_scanned": len(rows),
            "build_ms": median(build), "baseline_ms": median(scan),
            "ratio": median(build) / median(scan) if median(scan) else None,
            "target_ms": TARGET_MS, "ok": median(build) <= TARGET_MS, "items_shown": items,
            "reports_counted": counts["confirmed"] + counts["hearsay"],
            "contradictions": counts["contradictions"], "fill_s": fill_s}


def run(args: argparse.Namespace) -> int:
    data = measure(max(1, args.entries), max(1, args.runs))
    rows = [
        ("raw SQL scan of the rows", f"{data['baseline_ms']:.1f} ms",
         f"baseline ({data['rows_scanned']} rows)"),
        ("build picture", f"{data['build_ms']:.1f} ms", f"target <= {TARGET_MS:.0f} ms"
         + (" OK" if data["ok"] else " TOO SLOW")),
        ("items shown", str(data["items_shown"]),
         f"of {data['reports_counted']} reports; {data['contradictions']} contradictions"),
    ]
    print_report(f"Situational picture, {data['entries']} entries, median of {data['runs']} "
                 "runs", rows, data, args.json)
    return 0
