"""`bench ui-lag`, the Qt side: the real main window on a prepared database, a 10 ms timer on
its event loop (ui/bench/lag_probe.py), and the phases of issue 19 one after another, each
started the way the app starts it:

- startup: from just before the window is shown until the loop has been quiet for a while;
- idle: nothing running (the baseline, same timer, same run);
- pages: every page shown once, until the pages that read their data off the GUI thread
  (Totaalbeeld, Kaart, Tijdlijn, Evaluatie) have shown it: pages built on first show pay for it here, not at
  start-up;
- import_inapp: a folder of single-alert CAP files through the intake page (the app's worker),
  with the Logboek on screen;
- import_external: another folder by another process (`crisisconsole import cap`), which the
  window hears of through its audit poll;
- picture: a snapshot of the picture and its PDF export, as the Totaalbeeld page does both;
- export: the whole big crisis to CSV, as the Logboek's "Logboek exporteren" does it (on the
  worker, with its progress bar).

Each phase's stalls count until a short tail after its work ended (the refreshes it set off).
Run by crisisconsole/bench/ui_lag.py as ``python -m crisisconsole.ui.bench.ui_lag``; prints one
line ``UI_LAG {json}``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crisisconsole.ui.bench import ui_lag_sync
from crisisconsole.ui.bench.lag_probe import LagProbe

PHASES = ("startup", "pages", "import_inapp", "import_external", "picture", "export")
TAIL_S = 0.3  # after a phase's work: its coalesced refreshes (250 ms) still count
POLL_TAIL_S = 0.6  # after another process's work: the audit poll (500 ms) must hear of it
QUIET_S = 0.75  # start-up is over once the loop has kept this quiet ...
QUIET_MS = 50.0  # ... with no tick later than this
IDLE_S = 2.0
TIMEOUT_S = 900.0


class Failed(Exception):
    pass


def _arguments(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="crisisconsole.ui.bench.ui_lag")
    p.add_argument("--db", required=True, type=Path)
    p.add_argument("--key-file", required=True, type=Path)
    p.add_argument("--profile", default="aide")
    p.add_argument("--crisis", required=True)
    p.add_argument("--inapp", required=True, type=Path, help="folder for the in-app import")
    p.add_argument("--external", required=True, type=Path, help="folder for the other process")
    p.add_argument("--out", required=True, type=Path, help="folder for the exported files")
    ui_lag_sync.add_arguments(p)  # the sync phase (issue 17), when a team server is given
    return p.parse_args(argv)


async def _until(done: Callable[[], bool], what: str, timeout: float = TIMEOUT_S) -> None:
    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            raise Failed(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def _pause(seconds: float) -> None:
    await asyncio.sleep(seconds)


class Run:
    def __init__(self, args: argparse.Namespace, probe: LagProbe) -> None:
        self.args = args
        self.probe = probe
        self.result: dict[str, Any] = {}
        self.errors: list[str] = []

    def phase(self, name: str, t0: float, t1: float, tail: float) -> None:
        stalls = self.probe.stalls(t0, t1 + tail)
        self.result[f"{name}_max_ms"] = round(stalls.max_ms, 1)
        self.result[f"{name}_p99_ms"] = round(stalls.p99_ms, 1)
        self.result[f"{name}_s"] = round(t1 - t0, 3)

    def failed(self, error: BaseException) -> None:
        self.errors.append("".join(traceback.format_exception(error)).strip())

    async def drive(self, window, startup, t_start: float) -> None:  # noqa: ANN001
        await self.startup(window, startup, t_start)
        await self.idle()
        await self.pages(window)
        await self.import_inapp(window)
        await self.import_external(window)
        await self.picture(window)
        await self.export(window)
        await ui_lag_sync.phase(self, window)

    def check(self) -> None:
        if self.errors:
            raise Failed(self.errors[0])

    async def startup(self, window, startup, t0: float) -> None:  # noqa: ANN001
        await _until(lambda: startup.session is not None, "the unlock", 120)
        await _until(lambda: self.probe.quiet_since(time.perf_counter(), QUIET_S, QUIET_MS),
                     "a quiet event loop after start-up", 120)
        self.phase("startup", t0, time.perf_counter() - QUIET_S, 0.0)
        self.check()
        if window.crisis_id != self.args.crisis:  # the big crisis is the newest: shown first
            raise Failed(f"the window shows crisis {window.crisis_id}, not the big one")

    async def idle(self) -> None:
        t0 = time.perf_counter()
        await _pause(IDLE_S)
        stalls = self.probe.stalls(t0, time.perf_counter())
        self.result["idle_max_ms"] = round(stalls.max_ms, 1)
        self.result["idle_p99_ms"] = round(stalls.p99_ms, 1)
        self.result["idle_s"] = IDLE_S

    async def pages(self, window) -> None:  # noqa: ANN001
        """Every page shown once, in navigation order (a page not built yet is built now)."""
        t0 = time.perf_counter()
        for spec in window.specs:
            window.show_page(spec.key)
            await _pause(0.05)
        window.show_page("log")
        loading = [window.page(key) for key in ("picture", "map", "timeline", "evaluation")]
        await _until(lambda: not any(getattr(p, "busy", False) for p in loading),
                     "the pages' data")
        t1 = time.perf_counter()
        await _pause(TAIL_S)
        self.phase("pages", t0, t1, TAIL_S)
        self.check()

    async def import_inapp(self, window) -> None:  # noqa: ANN001
        intake = window.page("intake")
        window.show_page("log")
        await _pause(TAIL_S)
        t0 = time.perf_counter()
        intake.import_cap([self.args.inapp])
        await _until(lambda: not intake.busy, "the in-app import")
        t1 = time.perf_counter()
        await _pause(TAIL_S)
        self.phase("import_inapp", t0, t1, TAIL_S)
        self.result["import_inapp_files"] = len(list(self.args.inapp.iterdir()))
        self.check()

    async def import_external(self, window) -> None:  # noqa: ANN001
        args = self.args
        cmd = [sys.executable, "-m", "crisisconsole", "--db", str(args.db), "--key-file",
               str(args.key_file), "--profile", args.profile, "import", "cap", "--crisis",
               args.crisis, str(args.external), "--json"]
        # Its output goes to files: a pipe nobody reads while it runs would fill and stop it.
        log = args.out / "import_external.out"
        with open(log, "wb") as out, open(log.with_suffix(".err"), "wb") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
            try:
                await _until(lambda: proc.poll() is not None, "the other process's import")
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
            t1 = time.perf_counter()
        if proc.returncode != 0:
            text = log.with_suffix(".err").read_text(encoding="utf-8", errors="replace")
            raise Failed(f"import cap failed ({proc.returncode}): {text.strip()[-500:]}")
        await _pause(POLL_TAIL_S)
        self.phase("import_external", t0, t1, POLL_TAIL_S)

    async def picture(self, window) -> None:  # noqa: ANN001
        page = window.page("picture")
        await _pause(TAIL_S)
        taken: list[Any] = []
        t0 = time.perf_counter()
        page.take_snapshot("manual", taken.append)
        await _until(lambda: bool(taken) or bool(self.errors), "the snapshot")
        self.check()
        page.export_to("pdf", self.args.out / "picture.pdf")
        await _until(lambda: not page.exporting, "the picture's PDF")
        t1 = time.perf_counter()
        self.check()
        await _pause(TAIL_S)
        self.phase("picture", t0, t1, TAIL_S)
        if not (self.args.out / "picture.pdf").is_file():
            raise Failed("the picture's PDF was not written")

    async def export(self, window) -> None:  # noqa: ANN001
        """The Logboek's export of the whole big crisis (its filter cleared) to CSV."""
        log = window.page("log")
        window.show_page("log")
        exporter = log.exporter
        out = self.args.out / "log.csv"
        notes: list[str] = []
        shown = log.show_status
        log.show_status = lambda text, ms=0: (notes.append(text), shown(text, ms))
        t0 = time.perf_counter()
        exporter.export_to(out)
        await _until(lambda: not exporter.busy, "the log export")
        t1 = time.perf_counter()
        log.show_status = shown
        self.check()
        if not out.is_file():
            raise Failed(f"the log export wrote no file: {notes}")
        await _pause(TAIL_S)
        self.phase("export", t0, t1, TAIL_S)
        counts = [int(word) for note in notes for word in note.split()[:1] if word.isdigit()]
        self.result["export_entries"] = counts[-1] if counts else 0  # "N meldingen geëxporteerd"


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = _arguments(sys.argv[1:] if argv is None else argv)
    t_start = time.perf_counter()
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from crisisconsole.launch import GuiLaunch
    from crisisconsole.ui import gc_policy
    from crisisconsole.ui.app import Startup, apply_theme, make_app
    from crisisconsole.ui.main_window import MainWindow
    from crisisconsole.ui.translations import install_translator

    gc_policy.activate()  # the app's rule for the collector, as run_gui
    app = make_app()
    gc_policy.collect_on_gui_thread(app)
    install_translator(app, "nl")
    apply_theme(app)
    probe = LagProbe(app)
    run = Run(args, probe)
    window = MainWindow()
    window.show_error = run.failed  # a dialog would hold the run; the error ends it instead
    launch = GuiLaunch(db=args.db, key_file=args.key_file, profile=args.profile,
                       secret=os.environ.get("CRISISCONSOLE_PROFILE_SECRET"))
    startup = Startup(window, launch)
    window.first_painted.connect(  # as ui/app.py run_gui does
        lambda: QTimer.singleShot(0, lambda: startup.continue_after_paint(background=True)))
    probe.start()
    window.show()
    app.processEvents()  # as the app does (ui/app.py run_gui): paint first
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    outcome: list[BaseException] = []

    async def drive() -> None:
        try:
            await run.drive(window, startup, t_start)
        except BaseException as error:  # noqa: BLE001 - reported below, the run fails
            outcome.append(error)

    try:
        with loop:
            loop.run_until_complete(drive())
    finally:
        probe.stop()
        if startup.session is not None:
            startup.session.close()
        window.close()
        QApplication.processEvents()
    if outcome:
        error = outcome[0]
        message = str(error) if isinstance(error, Failed) else "".join(
            traceback.format_exception(error))
        print(f"ui-lag failed: {message}", file=sys.stderr)
        return 1
    print("UI_LAG " + json.dumps(run.result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
