"""`bench sync` (issue 17): three laptops with N offline facts each (log entries, each with its
audit record, written as the app writes them) converge through a real PostgreSQL server once
it is back: every laptop pushes (at once, one thread each), then every laptop pulls (at once),
until all three hold all 3N facts. Next to it, the baseline of the same run: the raw COPY of
the same rows (the pushed envelopes) into a plain table of the same server. Medians over runs.

Needs an admin DSN (``--dsn``) of a server where it may create and drop a scratch database.
The GUI thread's lag during a sync is not measured here (see the report of issue 17)."""

from __future__ import annotations

import argparse
import secrets
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from crisisconsole.bench.report import median, print_report

CONVERGE_TARGET_S = 10.0
RATIO_TARGET = 3.0
LAPTOPS = ("bench-a", "bench-b", "bench-c")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dsn", help="sync: DSN van een beheerder die een kladdatabase mag "
                        "maken en verwijderen")
    parser.add_argument("--facts", type=int, default=10_000,
                        help="sync: offline feiten per laptop (standaard 10000)")


def _fill(ctx: Any, crisis_id: str, count: int, name: str) -> None:
    from crisisconsole.ids import new_id
    from crisisconsole.store import tables

    now = ctx.now()
    rows = [{"id": new_id(), "crisis_id": crisis_id, "occurred_at": now, "recorded_at": now,
             "author": ctx.actor.id, "source": "burger", "text": f"{name} melding {i}",
             "reliability": "hearsay", "origin_kind": "manual"} for i in range(count)]
    log_entry = tables.log.log_entry
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert_many(log_entry, rows, "log.add")


def _scratch_dsn(admin_dsn: str, database: str) -> str:
    from psycopg import conninfo

    return conninfo.make_conninfo(admin_dsn, dbname=database)


def _all_at_once(work: list[Any]) -> None:
    errors: list[BaseException] = []

    def guarded(function: Any) -> None:
        try:
            function()
        except BaseException as error:  # noqa: BLE001 - reported after the join
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(w,)) for w in work]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def _one_run(admin_dsn: str, facts: int) -> dict[str, float]:
    import psycopg

    from crisisconsole.bench.aide import aide_context
    from crisisconsole.services.foundation.crises import open_crisis
    from crisisconsole.services.team.enrolment import enrol
    from crisisconsole.services.team.sync import sync_once
    from crisisconsole.store import team_facts
    from crisisconsole.store.opening import create_database
    from crisisconsole.store.secrets import MemorySecretStore
    from crisisconsole.store.server.admin import add_device, init_server

    database = f"cc_bench_sync_{secrets.token_hex(4)}"
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    dsn = _scratch_dsn(admin_dsn, database)
    stores = []
    try:
        with tempfile.TemporaryDirectory(prefix="cc-bench-sync-") as tmp:
            init_server(dsn)
            laptops = []
            for name in LAPTOPS:
                keys = MemorySecretStore()
                store = create_database(Path(tmp) / f"{name}.db", keys, purpose="bench")
                stores.append(store)
                ctx = aide_context(store)
                device = add_device(dsn, name, "aide")
                enrol(ctx, device["dsn"], device["code"], keys)
                laptops.append((ctx, keys))
            first = laptops[0][0]
            crisis = open_crisis(first, "Benchmark", "Waalbergen", grip="3")
            for ctx, keys in laptops:
                sync_once(ctx, keys)
            sync_once(*laptops[0])
            for (ctx, _keys), name in zip(laptops, LAPTOPS, strict=True):
                _fill(ctx, crisis.id, facts, name)          # offline: written, not pushed
            started = time.perf_counter()
            _all_at_once([lambda c=c, k=k: sync_once(c, k) for c, k in laptops])   # push
            _all_at_once([lambda c=c, k=k: sync_once(c, k) for c, k in laptops])   # pull
            converge_s = time.perf_counter() - started
            counts = []
            for store in stores:
                with store.read() as conn:
                    counts.append(conn.exec_driver_sql("SELECT count(*) FROM log_entry"
                                                       ).scalar())
            if len(set(counts)) != 1 or counts[0] < 3 * facts:
                raise RuntimeError(f"not converged: {counts}")
            # The baseline: the same envelopes, raw COPY into a plain table of the same server.
            rows = []
            for store in stores:
                raw = store.raw_connection()
                try:
                    team_facts.set_state(raw, pushed_seq=0)
                    batch = team_facts.outbox(raw, 10 * facts + 100)
                    raw.rollback()
                finally:
                    raw.close()
                rows += [(store.path.stem, *fact) for fact in batch.facts]
            with psycopg.connect(dsn) as conn:
                conn.execute("CREATE TABLE copy_baseline (device TEXT, table_name TEXT, id TEXT,"
                             " device_seq BIGINT, aggregate TEXT, hlc TEXT, row_json TEXT)")
                conn.commit()
                t0 = time.perf_counter()
                with conn.cursor() as cur, cur.copy("COPY copy_baseline FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                conn.commit()
                copy_s = time.perf_counter() - t0
    finally:
        for store in stores:
            store.close()
        with psycopg.connect(admin_dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    return {"converge_s": converge_s, "copy_s": copy_s, "rows": len(rows)}


def measure(admin_dsn: str, facts: int, runs: int) -> dict[str, Any]:
    results = [_one_run(admin_dsn, facts) for _ in range(runs)]
    converge = median([r["converge_s"] for r in results])
    copy = median([r["copy_s"] for r in results])
    return {"laptops": len(LAPTOPS), "facts_per_laptop": facts, "runs": runs,
            "copied_rows": results[0]["rows"], "converge_s": converge, "copy_baseline_s": copy,
            "ratio": converge / copy if copy else None, "converge_target_s": CONVERGE_TARGET_S,
            "converge_ok": converge <= CONVERGE_TARGET_S, "ratio_target": RATIO_TARGET,
            "ratio_ok": copy > 0 and converge / copy <= RATIO_TARGET}


def run(args: argparse.Namespace) -> int:
    from crisisconsole.errors import ValidationError
    from crisisconsole.i18n import tr

    if not args.dsn:
        raise ValidationError(tr("bench sync heeft --dsn nodig (een beheerder die een "
                                 "kladdatabase mag maken)", "bench sync needs --dsn"))
    data = measure(args.dsn, max(1, args.facts), max(1, args.runs))
    rows = [
        ("raw COPY of the same rows", f"{data['copy_baseline_s'] * 1000:.0f} ms",
         f"baseline ({data['copied_rows']} rows)"),
        ("3 laptops converge", f"{data['converge_s'] * 1000:.0f} ms",
         f"target <= {CONVERGE_TARGET_S:.0f} s" + (" OK" if data["converge_ok"] else " TOO SLOW")),
        ("ratio", f"{data['ratio']:.1f}x" if data["ratio"] else "-",
         f"target <= {RATIO_TARGET:.0f}x" + (" OK" if data["ratio_ok"] else " TOO SLOW")),
    ]
    print_report(f"Sync: {len(LAPTOPS)} laptops x {data['facts_per_laptop']} offline facts, "
                 f"median of {data['runs']} runs", rows, data, args.json)
    return 0
