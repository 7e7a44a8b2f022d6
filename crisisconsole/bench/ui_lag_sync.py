"""`bench ui-lag --dsn ADMIN_DSN`: the sync phase of issue 17 (the GUI thread during a sync of
30,000 facts, target: no stall over 100 ms). Needs a PostgreSQL server where the admin may
create and drop a scratch database (as `bench sync`); without ``--dsn`` there is no such phase.

Per run, before the window starts: a scratch server database; the run's copy of the bench
database enrolled and pushed (so its own history is on the server, and its window's first
round has nothing to push); a second laptop database enrolled, caught up, and then given
``--sync-facts`` log entries in the big crisis, offline. In the phase (ui/bench/ui_lag_sync.py)
that other laptop pushes them by another process (`crisisconsole sync --once`), and the
window's own sync controller pulls them in (woken by the server's NOTIFY) while the big
crisis's Logboek is on screen, until all of them are in."""

from __future__ import annotations

import argparse
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

STALL_TARGET_MS = 100.0
OTHER = "bench-other"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dsn", help="ui-lag: DSN van een beheerder die een kladdatabase mag "
                        "maken (dan ook de sync-fase)")
    parser.add_argument("--sync-facts", type=int, default=30_000,
                        help="ui-lag met --dsn: feiten die de andere laptop tijdens de "
                             "sync-fase pusht (standaard 30.000)")


def prepare(built: dict[str, Any], db: Path, folder: Path, admin_dsn: str, facts: int
            ) -> tuple[list[str], Callable[[], None]]:
    """The server and the other laptop for one run; the window's extra arguments and what
    drops the scratch database afterwards."""
    import psycopg
    from psycopg import conninfo

    from crisisconsole.bench.sync import _fill
    from crisisconsole.services.foundation.profiles import add_profile
    from crisisconsole.services.foundation.sign_in import sign_in
    from crisisconsole.services.foundation.unlock import unlock
    from crisisconsole.services.team.enrolment import enrol
    from crisisconsole.services.team.sync import sync_once
    from crisisconsole.store.opening import create_database
    from crisisconsole.store.secrets import MemorySecretStore
    from crisisconsole.store.server.admin import add_device, init_server

    database = f"cc_bench_lag_{secrets.token_hex(4)}"
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')

    def drop() -> None:
        with psycopg.connect(admin_dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    try:
        dsn = conninfo.make_conninfo(admin_dsn, dbname=database)
        init_server(dsn)
        unlocked = unlock(db, key_file=built["key_file"])
        try:  # the window's laptop: enrolled (credential wrapped in the database), pushed
            ctx = unlocked.sign_in(built["profile"], built["secret"]).ctx
            device = add_device(dsn, "bench-window", "aide")
            enrol(ctx, device["dsn"], device["code"], None)
            sync_once(ctx, None)
        finally:
            unlocked.store.close()
        other_db = folder / f"{OTHER}.db"
        store = create_database(other_db, MemorySecretStore(), purpose="bench")
        try:  # the other laptop: caught up (it holds the big crisis), then writes offline
            key_file = folder / f"{OTHER}.key"
            key_file.write_text(store.key.recovery_code(), encoding="utf-8")
            add_profile(store, "aide", "aide", None, secret=built["secret"])
            ctx = sign_in(store, "aide", built["secret"]).ctx
            device = add_device(dsn, OTHER, "aide")
            enrol(ctx, device["dsn"], device["code"], None)
            sync_once(ctx, None)
            _fill(ctx, built["crisis_id"], facts, OTHER)
        finally:
            store.close()
    except BaseException:
        drop()
        raise
    return ["--sync-db", str(other_db), "--sync-key-file", str(key_file),
            "--sync-facts", str(facts)], drop


def rows(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    if "sync_max_ms" not in data:
        return []
    return [("sync", f"{data['sync_max_ms']:.0f} ms",
             f"p99 {data['sync_p99_ms']:.0f} ms, {data['sync_s']:.1f} s, "
             f"{data.get('sync_facts', 0):,} facts pulled "
             f"(target: max <= {STALL_TARGET_MS:.0f} ms)")]
