"""`audit verify` at scale (default 1,000,000 log entries): the whole verification (the file's
page checks, the chain with every content hash, every derived table recomputed, the schema)
against the file's page checks alone (SQLCipher's cipher_integrity_check and SQLite's
integrity_check) in the same run, on the same file, read-only (medians).

The log is built as the log benchmark builds it (real tables, triggers, FTS index, audit
records), with the facts that make log_current more than a copy: re-grades (5 %), corrections
(1 %), corroborating (1 %) and contradicting (0.2 %) links and withdrawals (0.5 %), each with
its audit record, so the derived check has every rule to replay.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from crisisconsole.bench.report import median, print_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--entries", type=int, default=1_000_000,
                        help="verify: aantal meldingen (standaard 1.000.000)")


def _facts(store: Any, ctx: Any, entries: int) -> int:
    """Assessments, versions, links and withdrawals on a sample of the entries, with their
    audit records (bulk, as bulk_build writes entries). Returns how many facts."""
    from crisisconsole.clock import format_utc
    from crisisconsole.ids import new_id
    from crisisconsole.store import audit_chain, tables
    from crisisconsole.store.tables import log as t

    rng = random.Random(11)
    raw = store.raw_connection()
    try:
        ids = [row[0] for row in raw.execute("SELECT id FROM log_entry ORDER BY rowid")]
        seq, prev = raw.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        now = ctx.now()
        rows: dict[Any, list[dict[str, Any]]] = {t.log_assessment: [], t.log_version: [],
                                                  t.log_link: [], t.log_withdrawal: []}
        for _ in range(entries // 20):
            rows[t.log_assessment].append({
                "id": new_id(), "entry_id": rng.choice(ids),
                "reliability": rng.choice(("confirmed", "refuted", "hearsay")),
                "grade": rng.choice((None, "A1", "C3")), "reason": None,
                "at": format_utc(now - timedelta(seconds=rng.randint(0, entries))),
                "actor": ctx.actor.id, "confirming_source": "politie",
                "corroborating_entry_id": None})
        for number, entry_id in enumerate(rng.sample(ids, entries // 100)):
            rows[t.log_version].append({
                "id": new_id(), "entry_id": entry_id, "version": 2,
                "text": f"Gecorrigeerd {number}", "location": None,
                "recorded_at": format_utc(now), "author": ctx.actor.id, "reason": "bench"})
        for kind, share in (("corroborates", 100), ("contradicts", 500)):
            for _ in range(max(1, entries // share)):
                a, b = rng.sample(ids, 2)
                rows[t.log_link].append({"id": new_id(), "from_id": a, "to_id": b,
                                         "kind": kind, "at": format_utc(now),
                                         "actor": ctx.actor.id})
        for entry_id in rng.sample(ids, entries // 200):
            rows[t.log_withdrawal].append({"id": new_id(), "entry_id": entry_id,
                                           "at": format_utc(now), "actor": ctx.actor.id,
                                           "reason": "bench"})
        audit_columns = [c.name for c in tables.audit.columns]
        audits = []
        raw.execute("BEGIN IMMEDIATE")
        for table, batch in rows.items():
            columns = [c.name for c in table.columns]
            raw.executemany(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES "
                            f"({', '.join('?' * len(columns))})",
                            [tuple(r[c] for c in columns) for r in batch])
            for row in batch:
                seq += 1
                record = {"seq": seq, "id": new_id(), "at": format_utc(now),
                          "actor": ctx.actor.id, "origin": store.origin,
                          "kind": audit_chain.WRITE, "action": "bench",
                          "object_type": table.name, "object_id": row["id"], "result": "ok",
                          "content_hash": audit_chain.content_hash(table, row),
                          "prev_hash": prev}
                record["hash"] = prev = audit_chain.record_hash(record)
                audits.append(tuple(record[c] for c in audit_columns))
        raw.executemany(f"INSERT INTO audit ({', '.join(audit_columns)}) VALUES "
                        f"({', '.join('?' * len(audit_columns))})", audits)
        raw.execute("COMMIT")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    return sum(len(batch) for batch in rows.values())


def _integrity_only(store: Any) -> None:
    from crisisconsole.store.integrity import check_integrity

    raw = store.raw_connection()
    try:
        report = check_integrity(raw)
    finally:
        raw.close()
    if not report.ok:
        raise SystemExit(f"benchmark database damaged: {report.cipher_line()}")


def _derived_only(store: Any) -> None:
    from crisisconsole.store.derived_checks import run_checks

    with store.inspect() as conn:
        _, total = run_checks(conn.connection.dbapi_connection, store.key.db_id)
    if total:
        raise SystemExit(f"benchmark database: {total} differences in derived tables")


def measure(entries: int, runs: int) -> dict[str, Any]:
    from crisisconsole.bench.aide import aide_context
    from crisisconsole.bench.log import bulk_build
    from crisisconsole.clock import FakeClock
    from crisisconsole.services.foundation import audit
    from crisisconsole.services.foundation.crises import open_crisis
    from crisisconsole.store.opening import create_database, open_database
    from crisisconsole.store.secrets import MemorySecretStore

    with tempfile.TemporaryDirectory(prefix="cc-bench-verify-") as tmp:
        path = Path(tmp) / "verify.db"
        secrets = MemorySecretStore()
        store = create_database(path, secrets, clock=FakeClock(datetime.now(UTC)),
                                purpose="bench")
        try:
            ctx = aide_context(store)
            crisis = open_crisis(ctx, "Benchmark", "Waalbergen")
            t0 = time.perf_counter()
            bulk_build(store, ctx, crisis.id, entries)
            facts = _facts(store, ctx, entries)
            build_s = time.perf_counter() - t0
        finally:
            store.close()
        reader = open_database(path, secrets, read_only=True)
        try:
            integrity, derived, full = [], [], []
            for _ in range(runs):
                t0 = time.perf_counter()
                _integrity_only(reader)
                integrity.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                _derived_only(reader)
                derived.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                report = audit.verify(reader)
                full.append(time.perf_counter() - t0)
                if not report.ok:
                    raise SystemExit(f"benchmark database does not verify: {report.reason}")
        finally:
            reader.close()
        size_mb = path.stat().st_size / 1e6
    return {"entries": entries, "facts": facts, "runs": runs, "build_s": build_s,
            "db_mb": size_mb, "records": report.records, "integrity_s": median(integrity),
            "derived_s": median(derived), "verify_s": median(full),
            "ratio": median(full) / median(integrity) if median(integrity) else None}


def run(args: argparse.Namespace) -> int:
    data = measure(max(1, args.entries), max(1, args.runs))
    rows = [
        ("build (bulk, with audit)", f"{data['build_s']:.1f} s",
         f"{data['entries']:,} entries, {data['facts']:,} further facts, {data['db_mb']:.0f} MB"),
        ("page checks alone", f"{data['integrity_s']:.2f} s",
         "baseline: cipher_integrity_check + integrity_check"),
        ("derived tables alone", f"{data['derived_s']:.2f} s",
         "log_current, log_count, log_fts, tracker state, purge gate, db_meta"),
        ("audit verify (all checks)", f"{data['verify_s']:.2f} s",
         f"ratio {data['ratio']:.2f} against the page checks; {data['records']:,} records"),
    ]
    print_report(f"Verify benchmark, {data['entries']:,} entries, median of {data['runs']} runs",
                 rows, data, args.json)
    return 0
