"""`bench ui-lag`'s sync phase (issue 17), the Qt side: another laptop (another process,
`crisisconsole sync --once`) pushes ``--sync-facts`` log entries of the big crisis to the team
server, and this window's own sync controller (ui/sync_controller.py, woken by the server's
NOTIFY) pulls them in on its thread while the big crisis's Logboek is on screen. The phase
lasts from the other process's start until the window has pulled all of them; its stalls are
``sync_max_ms`` and ``sync_p99_ms``, its duration ``sync_s``. Without ``--sync-db`` (the core
side gives it when ``bench ui-lag --dsn`` names a server) there is no such phase.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

FIRST_ROUND_S = 120.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sync-db", type=Path, help="the other laptop's database")
    parser.add_argument("--sync-key-file", type=Path)
    parser.add_argument("--sync-profile", default="aide")
    parser.add_argument("--sync-facts", type=int, default=0)


async def phase(run: Any, window: Any) -> None:  # noqa: ANN401 - ui_lag.Run, MainWindow
    from crisisconsole.ui.bench.ui_lag import TAIL_S, Failed, _pause, _until

    args = run.args
    if args.sync_db is None:
        return
    sync = window.sync
    await _until(lambda: sync.enrolled is not None and (sync.rounds > 0 or not sync.enrolled),
                 "the window's first sync round", FIRST_ROUND_S)
    if not sync.enrolled:
        raise Failed("the bench window's database does not sync (not enrolled?)")
    window.show_page("log")
    await _pause(TAIL_S)
    before = sync.pulled
    cmd = [sys.executable, "-m", "crisisconsole", "--db", str(args.sync_db), "--key-file",
           str(args.sync_key_file), "--profile", args.sync_profile, "sync", "--once", "--json"]
    log = args.out / "sync_other.out"
    with open(log, "wb") as out, open(log.with_suffix(".err"), "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        try:
            await _until(lambda: sync.pulled - before >= args.sync_facts or bool(run.errors)
                         or (proc.poll() not in (None, 0)), "the window's pull")
            t1 = time.perf_counter()
            await _until(lambda: proc.poll() is not None, "the other laptop's sync")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    run.check()
    if proc.returncode != 0:
        text = log.with_suffix(".err").read_text(encoding="utf-8", errors="replace")
        raise Failed(f"the other laptop's sync failed ({proc.returncode}): {text[-500:]}")
    await _pause(TAIL_S)
    run.phase("sync", t0, t1, TAIL_S)
    run.result["sync_facts"] = sync.pulled - before
    run.result["sync_rounds"] = sync.rounds
