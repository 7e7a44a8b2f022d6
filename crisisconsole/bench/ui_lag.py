"""How long the GUI thread keeps typing waiting (issue 19): the main window on the demo database
plus a crisis of N entries (default 100,000), a 10 ms timer on its event loop, and the phases
start-up, in-app CAP import, CAP import by another process, picture snapshot + PDF, and log
export to CSV; per phase the longest stall, the 99th percentile and the duration, next to the
same timer with nothing running (``idle_max_ms``), in the same run.

The window runs in a child process (``crisisconsole.ui.bench.ui_lag``, the Qt side), so the
core never imports Qt widgets and every run starts as the app does. The database is built once
and copied for each run (the imports add to it); figures are medians over the runs. A phase
``pages`` (every page shown once) is reported too: a page built on first show pays there.

Measured here (issue 19), full size, one run each, before and after run back to back at the
same load (~2.5; the machine is shared with five other sessions, so figures are noisy: at load
~7 every figure was 2-3 times worse). Max / p99 stall in ms, duration in s. Before: main at
53b2564 (every page built right after start-up, sign-in on the GUI thread). After: pages
built on first show, sign-in off the GUI thread, watches merge once and rest after a slow
refresh, 50-row log reads.

    phase            before                  after
    idle             4.2 / 3.8               3.3 / 3.2
    startup          12571 / 12571  18.4 s   750 / 85      4.2 s
    pages            3041 / 3041     3.7 s   12396 / 12396 18.0 s
    import_inapp     484 / 215      89.9 s   351 / 106    83.0 s
    import_external  243 / 170      40.0 s   233 / 155    39.2 s
    picture          160 / 160      0.35 s   155 / 155    0.35 s
    export           1101 / 21      37.9 s   1008 / 21    31.7 s

The pages phase holds what start-up held before: the Totaalbeeld's first show builds its topic
book and live picture over 100,000 entries on the GUI thread (seconds). Still over the issue's
targets: that, the imports' p99 (each refresh of the visible log repaints the styled table),
and the export's max (one long C call holding the GIL in the worker thread).

Second round (h-lag2): the Totaalbeeld, the Kaart, the Tijdlijn and the Evaluatie read their
data on a read lane of the worker (a thread: Python that yields the GIL every 5 ms and SQLite
calls that release it; a process would have to open the store again and copy the topic book
back), with a "bezig" line meanwhile; the log export and the picture's PDF are made on the
worker (QTextDocument is reentrant, QPainter may paint a QPdfWriter off the GUI thread), the
log export with progress and cancel. ``pages`` is now a phase of its own and lasts until
those four pages show their data. Full size, medians of 3; before: main at c1913e8, load
~6.5 (database built in 20 s); after: load ~8 (built in 47 s: the machine was about half as
fast), so durations are not comparable between the columns.

    phase            before                  after
    idle             3.2 / 2.0               7.9 / 4.7
    startup          672 / 151     1.9 s     1832 / 78     5.4 s
    pages            8433 / 8433  15.4 s     774 / 125    20.6 s
    import_inapp     296 / 97     75.4 s     208 / 79    104.7 s
    import_external  239 / 124    38.1 s     179 / 118    31.3 s
    picture          112 / 112    0.27 s     43 / 43      0.38 s
    export           1256 / 49    31.1 s     1706 / 39    37.3 s

Still over the targets: the pages phase's max (sampled: gaps where no Python thread ran, so a
long C call holds the GIL, on the read lane or in Qt's layout of the page; not found yet),
start-up's max (unchanged code, noisy at this load), the imports' p99 and the export's max.

Third round (h-lag3): imports from the app in a child process; worker jobs and the sign-in
with the collector resting; page modules imported on the sign-in thread; this bench compiles
the app's modules first (PYTHONDONTWRITEBYTECODE made each import compile). Full size, one
run, load ~1; before: the figures on main at load 1.5.

    phase            before                  after
    idle             3.4 / 3.3               2.7 / 1.5
    startup          711 / 35.4    2.6 s     299 / 7.3     1.95 s
    pages            544 / 104.7   8.3 s     132 / 76.9    6.1 s
    import_inapp     1240 / 134   38.6 s     43.7 / 14.5  21.7 s
    import_external  51.9 / 22.2  12.8 s     43.9 / 24.9  10.9 s
    picture          36.7 / 36.7  0.21 s     26.5 / 26.5  0.19 s
    export           840 / 39.9   20.9 s     656 / 66.6   19.7 s

Still over: start-up's and the pages' max, the pages' p99 and the export's max and p99 (one
stall of some 0.65 s near the export's end, not yet found: no collection runs then).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from crisisconsole.bench import ui_lag_sync
from crisisconsole.bench.report import median, print_report

# "pages" (every page shown once, until its data is shown) beside the five: opening a
# page for the first time must not stall either.
PHASES = ("startup", "pages", "import_inapp", "import_external", "picture", "export")
PREFIX = "UI_LAG "


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--entries", type=int, default=100_000,
                        help="ui-lag: meldingen in de grote crisis (standaard 100.000)")
    parser.add_argument("--files", type=int, default=3000,
                        help="ui-lag: CAP-bestanden per import, één bericht per bestand "
                             "(standaard 3000)")
    ui_lag_sync.add_arguments(parser)  # with --dsn: the sync phase (issue 17)


def write_alerts(folder: Path, count: int, first: int, now: datetime) -> None:
    """``count`` single-alert CAP files numbered from ``first`` (unique identifiers), sent in
    the past hour."""
    from crisisconsole.bench.intake import alert_xml

    folder.mkdir(parents=True, exist_ok=True)
    start = now - timedelta(hours=1)
    step = timedelta(hours=1) / max(count, 1)
    for i in range(count):
        text = '<?xml version="1.0" encoding="UTF-8"?>\n' + alert_xml(first + i, start + step * i)
        (folder / f"alert-{first + i:07d}.cap").write_text(text, encoding="utf-8")


def build(folder: Path, entries: int) -> dict[str, Any]:
    """The demo database plus a crisis of ``entries`` entries (the newest crisis, so the
    window opens on it); its key in a key file, as a script gives it."""
    from crisisconsole.bench.log import bulk_build
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.services.foundation.crises import open_crisis
    from crisisconsole.services.foundation.unlock import unlock

    info = build_demo_database(folder / "lag.db", passphrase=None)
    key_file = folder / "key.txt"
    key_file.write_text(info.key.recovery_code(), encoding="utf-8")
    unlocked = unlock(info.path, key=info.key)
    try:
        ctx = unlocked.sign_in(info.profile, info.profile_secret).ctx
        crisis = open_crisis(ctx, "Benchmark ui-lag", "Waalbergen")
        bulk_build(ctx.store, ctx, crisis.id, entries)
    finally:
        unlocked.store.close()
    return {"db": info.path, "key_file": key_file, "profile": info.profile,
            "secret": info.profile_secret, "crisis_id": crisis.id}


def run_once(built: dict[str, Any], folder: Path, files: int, env: dict[str, str],
             sync: tuple[str, int] | None = None) -> dict[str, Any]:
    folder.mkdir()
    db = folder / "lag.db"
    shutil.copyfile(built["db"], db)
    now = datetime.now(UTC)
    inapp, external, out = folder / "inapp", folder / "external", folder / "out"
    write_alerts(inapp, files, 0, now)
    write_alerts(external, files, files, now)
    out.mkdir()
    cmd = [sys.executable, "-m", "crisisconsole.ui.bench.ui_lag", "--db", str(db),
           "--key-file", str(built["key_file"]), "--profile", built["profile"],
           "--crisis", built["crisis_id"], "--inapp", str(inapp), "--external", str(external),
           "--out", str(out)]
    drop = None
    if sync is not None:  # (admin DSN, facts): the sync phase's server and other laptop
        extra, drop = ui_lag_sync.prepare(built, db, folder, *sync)
        cmd += extra
    try:
        proc = subprocess.run(cmd, env={**env, "CRISISCONSOLE_PROFILE_SECRET": built["secret"]},
                              capture_output=True, text=True, timeout=3600,
                              stdin=subprocess.DEVNULL)
    finally:
        if drop is not None:
            drop()
    lines = [line for line in proc.stdout.splitlines() if line.startswith(PREFIX)]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"ui-lag run failed ({proc.returncode}): {proc.stderr.strip()[-800:]}")
    return json.loads(lines[-1][len(PREFIX):])


def compile_sources() -> None:
    """The app's modules as bytecode, as an installed app has them (pip compiles a wheel at
    install). Without it, in a checkout run with PYTHONDONTWRITEBYTECODE (CI, these sandboxes),
    every process compiles each module it imports from source: a C call that held the GIL up
    to 220 ms when a page module was first imported, which is no stall a user ever sees."""
    import compileall
    import importlib.util

    roots = {Path(__file__).resolve().parents[1]}
    spec = importlib.util.find_spec("crisisconsole.ui")
    if spec is not None:
        roots.update(Path(p) for p in spec.submodule_search_locations or ())
    for root in sorted(roots):
        if os.access(root, os.W_OK):
            compileall.compile_dir(str(root), quiet=2, workers=1)


def measure(entries: int, files: int, runs: int, sync: tuple[str, int] | None = None
            ) -> dict[str, Any]:
    compile_sources()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("CRISISCONSOLE_PASSPHRASE", None)
    results = []
    with tempfile.TemporaryDirectory(prefix="cc-bench-lag-") as tmp:
        folder = Path(tmp)
        env["CRISISCONSOLE_HOME"] = str(folder / "home")
        t0 = time.perf_counter()
        (folder / "built").mkdir()
        built = build(folder / "built", entries)
        build_s = time.perf_counter() - t0
        for run in range(runs):
            results.append(run_once(built, folder / f"run{run}", files, env, sync))
    data: dict[str, Any] = {"entries": entries, "files": files, "runs": runs,
                            "build_s": round(build_s, 1)}
    for key in results[0]:
        values = [r[key] for r in results if key in r]
        data[key] = median(values) if len(values) == len(results) else values[0]
    return data


def run(args: argparse.Namespace) -> int:
    sync = (args.dsn, max(1, args.sync_facts)) if getattr(args, "dsn", None) else None
    data = measure(max(1, args.entries), max(1, args.files), max(1, min(args.runs, 3)), sync)
    rows = [("idle (baseline)", f"{data['idle_max_ms']:.0f} ms",
             f"p99 {data['idle_p99_ms']:.0f} ms, {data['idle_s']:.1f} s")]
    for phase in PHASES:
        rows.append((phase, f"{data[f'{phase}_max_ms']:.0f} ms",
                     f"p99 {data[f'{phase}_p99_ms']:.0f} ms, {data[f'{phase}_s']:.1f} s "
                     "(target: max <= 100 ms, p99 <= 50 ms)"))
    rows += ui_lag_sync.rows(data)
    print_report(f"GUI-thread stalls (10 ms timer), {data['entries']:,} entries, "
                 f"{data['files']} CAP files, median of {data['runs']} run(s)", rows, data,
                 args.json)
    return 0
