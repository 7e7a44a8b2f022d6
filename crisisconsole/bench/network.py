"""The aide's network at size (issue 16): the first page of `request list --overdue` over
10,000 requests (target under 50 ms) and `evaluate` on a crisis of 100,000 log entries (target
under 5 s), each next to a raw SQL baseline measured in the same run; medians over runs.

Requests are inserted through the triggers that keep ``info_request_current`` (as the app's
writes do); the log is filled as `bench picture` fills it. Both bypass the audit chain, which
does not matter for a throw-away benchmark database."""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from crisisconsole.bench.report import median, print_report

LIST_TARGET_MS = 50.0
EVALUATE_TARGET_S = 5.0
_BASELINE_LIST = """
    SELECT r.id, r.to_name, r.question, r.asked_at, r.due_at, c.state
    FROM info_request_current c JOIN info_request r ON r.id = c.request_id
    WHERE c.crisis_id = ? AND c.state IN ('open', 'partly_answered') AND c.due_at < ?
    ORDER BY c.due_at, c.request_id LIMIT 200"""
_BASELINE_EVALUATE = """
    SELECT source, reliability, count(*), sum(julianday(recorded_at) - julianday(occurred_at))
    FROM log_current NOT INDEXED WHERE crisis_id = ? AND withdrawn = 0
    GROUP BY source, reliability"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--requests", type=int, default=10_000,
                        help="network: aantal uitvragen (standaard 10000)")
    parser.add_argument("--entries", type=int, default=100_000,
                        help="network: aantal meldingen voor evaluate (standaard 100000)")


def _fill_requests(store: Any, crisis_id: str, actor: str, count: int) -> None:
    from crisisconsole.clock import format_utc
    from crisisconsole.ids import new_id

    rng = random.Random(16)
    now = store.clock.now()
    rows, events = [], []
    for i in range(count):
        asked = now - timedelta(minutes=rng.randint(30, 3000))
        due = asked + timedelta(minutes=rng.randint(15, 4000))
        request_id = new_id()
        rows.append((request_id, crisis_id, f"Vraag {i}: stand van zaken locatie {i % 97}",
                     None, f"Partner {i % 40}", "phone", "normal", format_utc(asked),
                     format_utc(due), None, None, format_utc(asked), actor))
        if rng.random() < 0.5:  # half answered, some late
            events.append((new_id(), request_id, "answered", None, "bench",
                           format_utc(asked + timedelta(minutes=rng.randint(5, 600))), actor))
    raw = store.raw_connection()
    try:
        raw.execute("BEGIN")
        raw.executemany("INSERT INTO info_request VALUES (" + ",".join("?" * 13) + ")", rows)
        raw.executemany("INSERT INTO info_request_event VALUES (?, ?, ?, ?, ?, ?, ?)", events)
        raw.execute("COMMIT")
    finally:
        raw.close()


def _timed(function: Any, runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - t0)
    return median(times), result


def measure(requests: int, entries: int, runs: int) -> dict[str, Any]:
    from crisisconsole.bench.aide import aide_context
    from crisisconsole.bench.picture import _fill
    from crisisconsole.clock import format_utc
    from crisisconsole.services.foundation.crises import open_crisis
    from crisisconsole.services.network.evaluation import evaluate
    from crisisconsole.services.network.request_queries import list_requests
    from crisisconsole.store.opening import create_database
    from crisisconsole.store.secrets import MemorySecretStore

    with tempfile.TemporaryDirectory(prefix="cc-bench-network-") as tmp:
        store = create_database(Path(tmp) / "bench.db", MemorySecretStore(), purpose="bench")
        try:
            ctx = aide_context(store)
            crisis = open_crisis(ctx, "Benchmark", "Waalbergen", grip="3")
            started = time.perf_counter()
            _fill_requests(store, crisis.id, ctx.actor.id, requests)
            _fill(store, crisis.id, ctx.actor.id, entries)
            fill_s = time.perf_counter() - started
            now = store.clock.now()
            raw = store.raw_connection()
            try:
                base_list, rows = _timed(lambda: raw.execute(
                    _BASELINE_LIST, (crisis.id, format_utc(now))).fetchall(), runs)
                base_eval, _ = _timed(lambda: raw.execute(
                    _BASELINE_EVALUATE, (crisis.id,)).fetchall(), runs)
            finally:
                raw.close()
            list_s, page = _timed(lambda: list_requests(store, crisis.id, overdue_only=True,
                                                        now=now), runs)
            eval_s, data = _timed(lambda: evaluate(store, crisis.id, now), runs)
        finally:
            store.close()
    list_ms, base_list_ms = list_s * 1000, base_list * 1000
    return {"requests": requests, "entries": entries, "runs": runs, "fill_s": fill_s,
            "overdue_first_page": len(page), "baseline_rows": len(rows),
            "list_ms": list_ms, "list_baseline_ms": base_list_ms,
            "list_ratio": list_ms / base_list_ms if base_list_ms else None,
            "list_target_ms": LIST_TARGET_MS, "list_ok": list_ms <= LIST_TARGET_MS,
            "evaluate_s": eval_s, "evaluate_baseline_s": base_eval,
            "evaluate_ratio": eval_s / base_eval if base_eval else None,
            "evaluate_target_s": EVALUATE_TARGET_S, "evaluate_ok": eval_s <= EVALUATE_TARGET_S,
            "evaluated_entries": data["totals"]["entries"]}


def run(args: argparse.Namespace) -> int:
    data = measure(max(1, args.requests), max(1, args.entries), max(1, args.runs))
    rows = [
        ("raw SQL: overdue first page", f"{data['list_baseline_ms']:.1f} ms",
         f"baseline ({data['baseline_rows']} rows)"),
        ("request list --overdue", f"{data['list_ms']:.1f} ms",
         f"target <= {LIST_TARGET_MS:.0f} ms" + (" OK" if data["list_ok"] else " TOO SLOW")),
        ("raw SQL: grouped log scan", f"{data['evaluate_baseline_s'] * 1000:.0f} ms",
         f"baseline ({data['entries']} entries)"),
        ("evaluate", f"{data['evaluate_s'] * 1000:.0f} ms",
         f"target <= {EVALUATE_TARGET_S:.0f} s" + (" OK" if data["evaluate_ok"] else " TOO SLOW")),
    ]
    print_report(f"Network: {data['requests']} requests, {data['entries']} entries, median of "
                 f"{data['runs']} runs", rows, data, args.json)
    return 0
