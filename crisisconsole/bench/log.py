"""The log at scale (issue 3): a crisis of N entries (default 1,000,000), then, in the same run
and on the same disk with the same PRAGMAs (medians):

- add one entry through the service (audit record, FTS index, durable commit) against a raw
  single-row INSERT + COMMIT on a plain table in a second database (ratio, target <= 4);
- the newest 200 hits of a common word through the service against the raw FTS5 query that
  returns the same rows (ratio, target <= 3);
- open the log view (model + QTableView, offscreen) and paint the first page, jump to the oldest
  entry, data() for every cell of a page (absolute ms) and the resident memory with it open.

The bulk build inserts through the real tables in transactions of 50,000 rows, so the triggers
fill log_current and the FTS index, and it writes the audit records of the chain as well.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from crisisconsole.bench.report import median, print_report

WORDS = ("groep supporters station binnenstad marktplein politie brandweer ambulance melding "
         "vuurwerk flessen ruiten winkel plundering gewonden ME inzet oproep video bus trein "
         "afzetting brand container scooter jongeren camera café straat plein haven kade "
         "bewoner verslaggever opvang").split()
SOURCES = ("politie", "brandweer", "ghor", "gemeente", "om", "veiligheidsregio", "media",
           "social_media", "burger")
COMMON = "groep"
VIEW_KEY_ENV = "CRISISCONSOLE_BENCH_KEY"  # the throwaway bench database's raw key, for the child
CHUNK = 50_000
COLUMNS = ("id", "crisis_id", "occurred_at", "recorded_at", "author", "source", "person",
           "discipline", "location", "lat", "lon", "text", "reliability", "grade",
           "confirmed_by", "corroborating_entry_id", "origin_kind", "external_key", "extra_json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--entries", type=int, default=1_000_000,
                        help="log: aantal meldingen in de crisis (standaard 1.000.000)")


def bulk_build(store, ctx, crisis_id: str, n: int) -> None:  # noqa: ANN001
    """N entries through the real tables (triggers, FTS) with their audit records."""
    from crisisconsole.clock import format_utc
    from crisisconsole.ids import new_id
    from crisisconsole.store import audit_chain, tables
    from crisisconsole.store.tables.log import log_entry

    rng = random.Random(7)
    start = ctx.now() - timedelta(seconds=n)
    conn = store.raw_connection()
    seq, prev = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    insert_entry = (f"INSERT INTO log_entry ({', '.join(COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(COLUMNS))})")
    audit_columns = [c.name for c in tables.audit.columns]
    insert_audit = (f"INSERT INTO audit ({', '.join(audit_columns)}) "
                    f"VALUES ({', '.join('?' * len(audit_columns))})")
    now_text = format_utc(ctx.now())
    try:
        for first in range(0, n, CHUNK):
            entries, audits = [], []
            for i in range(first, min(first + CHUNK, n)):
                occurred = format_utc(start + timedelta(seconds=i))
                row = {
                    "id": new_id(), "crisis_id": crisis_id, "occurred_at": occurred,
                    "recorded_at": occurred, "author": ctx.actor.id,
                    "source": SOURCES[i % len(SOURCES)], "person": None, "discipline": None,
                    "location": rng.choice(WORDS[:12]), "lat": None, "lon": None,
                    "text": " ".join(rng.choices(WORDS, k=rng.randint(6, 14))),
                    "reliability": "hearsay" if i % 3 else "confirmed",
                    "grade": "B2" if i % 5 == 0 else None,
                    "confirmed_by": None if i % 3 else "politie", "corroborating_entry_id": None,
                    "origin_kind": "bench", "external_key": None, "extra_json": None,
                }
                entries.append(tuple(row[c] for c in COLUMNS))
                seq += 1
                record = {"seq": seq, "id": new_id(), "at": now_text, "actor": ctx.actor.id,
                          "origin": store.origin, "kind": audit_chain.WRITE,
                          "action": "log.add", "object_type": "log_entry",
                          "object_id": row["id"], "result": "ok",
                          "content_hash": audit_chain.content_hash(log_entry, row),
                          "prev_hash": prev}
                record["hash"] = prev = audit_chain.record_hash(record)
                audits.append(tuple(record[c] for c in audit_columns))
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(insert_entry, entries)
            conn.executemany(insert_audit, audits)
            conn.execute("COMMIT")
        conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'", (seq,))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ANALYZE")
    finally:
        conn.close()


def _timed(fn, runs: int) -> list[float]:  # noqa: ANN001
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def measure_writes(store, ctx, crisis_id: str, folder: Path, runs: int) -> dict[str, float]:  # noqa: ANN001
    from crisisconsole.services.log.entries import add_entry
    from crisisconsole.services.log.queries import fts_query, search_entries
    from crisisconsole.store.connection import connect

    raw = connect(folder / "baseline.db", store.key, check=False)
    raw.execute(f"CREATE TABLE plain ({', '.join(COLUMNS)})")
    row = tuple(["x"] * len(COLUMNS))

    def raw_add() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(f"INSERT INTO plain VALUES ({', '.join('?' * len(COLUMNS))})", row)
        raw.execute("COMMIT")

    def service_add() -> None:
        add_entry(ctx, crisis_id, "Groep van 40 supporters bij het station", "politie")

    raw_add()
    service_add()
    add_raw, add_service = [], []
    for _ in range(max(100, runs * 40)):  # interleaved, so disk hiccups hit both; many
        # samples because one durable commit is a fraction of a millisecond here
        add_raw += _timed(raw_add, 1)
        add_service += _timed(service_add, 1)
    raw.close()

    fts = store.raw_connection()
    sql = ("SELECT c.*, highlight(log_fts, 0, char(2), char(3)) FROM log_fts "
           "JOIN log_current c ON c.rowid = log_fts.rowid "
           "WHERE log_fts MATCH ? AND c.crisis_id = ? ORDER BY log_fts.rowid DESC LIMIT 200")

    def raw_search() -> None:
        assert len(fts.execute(sql, (fts_query(COMMON), crisis_id)).fetchall()) > 0

    def service_search() -> None:
        assert len(search_entries(store, crisis_id, COMMON, limit=200)) > 0

    raw_search()
    service_search()
    search_raw, search_service = [], []
    for _ in range(runs):
        search_raw += _timed(raw_search, 1)
        search_service += _timed(service_search, 1)
    fts.close()
    return {
        "add_raw_ms": median(add_raw) * 1000, "add_service_ms": median(add_service) * 1000,
        "add_ratio": median(add_service) / median(add_raw),
        "search_raw_ms": median(search_raw) * 1000,
        "search_service_ms": median(search_service) * 1000,
        "search_ratio": median(search_service) / median(search_raw),
    }


def measure_view(path: Path, key, crisis_id: str, runs: int) -> dict[str, float]:  # noqa: ANN001
    """The log view's figures, measured by the UI layer in a child process (the core does not
    import widgets; the child's memory is the view's own, not the bulk build's)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           VIEW_KEY_ENV: key.key.hex()}
    done = subprocess.run([sys.executable, "-m", "crisisconsole.ui.bench.log_view", str(path),
                           crisis_id, str(runs)], env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"log view benchmark failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)


def measure(entries: int, runs: int) -> dict[str, float]:
    from crisisconsole.bench.aide import aide_context
    from crisisconsole.clock import FakeClock
    from crisisconsole.services.foundation.crises import open_crisis
    from crisisconsole.store.opening import create_database
    from crisisconsole.store.secrets import MemorySecretStore

    with tempfile.TemporaryDirectory(prefix="cc-bench-log-") as tmp:
        folder = Path(tmp)
        clock = FakeClock(datetime.now(UTC))
        store = create_database(folder / "log.db", MemorySecretStore(), clock=clock,
                                purpose="bench")
        try:
            ctx = aide_context(store)
            crisis = open_crisis(ctx, "Benchmark", "Waalbergen")
            t0 = time.perf_counter()
            bulk_build(store, ctx, crisis.id, entries)
            build_s = time.perf_counter() - t0
            clock.set(datetime.now(UTC))
            data: dict[str, float] = {"entries": entries, "runs": runs, "build_s": build_s}
            data.update(measure_writes(store, ctx, crisis.id, folder, max(runs, 5) * 4))
            data.update(measure_view(folder / "log.db", store.key, crisis.id, max(runs, 3)))
            data["db_mb"] = (folder / "log.db").stat().st_size / 1e6
        finally:
            store.close()
    return data


def run(args: argparse.Namespace) -> int:
    data = measure(max(1, args.entries), max(1, args.runs))
    rows = [
        ("build (bulk, with audit)", f"{data['build_s']:.1f} s", f"{data['entries']:,} entries"),
        ("add entry: service", f"{data['add_service_ms']:.2f} ms",
         f"raw {data['add_raw_ms']:.2f} ms, ratio {data['add_ratio']:.2f} (target <= 4)"),
        ("search newest 200", f"{data['search_service_ms']:.2f} ms",
         f"raw {data['search_raw_ms']:.2f} ms, ratio {data['search_ratio']:.2f} (target <= 3)"),
        ("open view, first page", f"{data['first_page_ms']:.1f} ms", "target <= 150 ms"),
        ("jump to oldest", f"{data['jump_oldest_ms']:.1f} ms", "target <= 150 ms"),
        ("data() of a page", f"{data['page_data_ms']:.2f} ms",
         f"{data['page_rows']} rows x 6 columns, target <= 5 ms"),
        ("resident memory", f"{data['rss_mb']:.0f} MB", "target <= 300 MB"),
    ]
    print_report(f"Log benchmark, {data['entries']:,} entries", rows, data, args.json)
    return 0
