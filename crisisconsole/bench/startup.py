"""Start-up: time to the first painted main window and to an unlocked interactive window,
next to a bare PySide6 QMainWindow shown the same way. Each run is a separate process; times
run from just before the process is spawned."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from crisisconsole.bench.report import median, print_report

BARE = """
import time, sys
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
class W(QMainWindow):
    done = False
    def event(self, e):
        r = super().event(e)
        if not self.done and e.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
            self.done = True
            print(f"FIRST_PAINT {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return r
app = QApplication(sys.argv[:1])
w = W(); w.setCentralWidget(QLabel("bare")); w.resize(1280, 800); w.show()
app.exec()
"""


def _marks(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"start-up run failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    marks = {}
    for line in proc.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("FIRST_PAINT", "INTERACTIVE"):
            marks[name] = float(value) - start
    return marks


def measure(runs: int) -> dict[str, float]:
    from crisisconsole.demo.build import build_demo_database

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["CRISISCONSOLE_STARTUP_PROBE"] = "1"
    env.pop("CRISISCONSOLE_PASSPHRASE", None)
    with tempfile.TemporaryDirectory(prefix="cc-bench-") as tmp:
        env["CRISISCONSOLE_HOME"] = str(Path(tmp) / "home")
        info = build_demo_database(Path(tmp) / "demo.db", passphrase=None)
        key_file = Path(tmp) / "key.txt"
        key_file.write_text(info.key.recovery_code(), encoding="utf-8")
        env["CRISISCONSOLE_PROFILE_SECRET"] = info.profile_secret
        ours_cmd = [sys.executable, "-m", "crisisconsole", "--db", str(info.path),
                    "--key-file", str(key_file), "--profile", "aide"]
        bare, first, interactive = [], [], []
        for _ in range(runs):
            bare.append(_marks([sys.executable, "-c", BARE], env)["FIRST_PAINT"])
            marks = _marks(ours_cmd, env)
            first.append(marks["FIRST_PAINT"])
            interactive.append(marks["INTERACTIVE"])
    result = {"runs": runs, "bare_s": median(bare), "first_paint_s": median(first),
              "interactive_s": median(interactive)}
    result["first_paint_ratio"] = result["first_paint_s"] / result["bare_s"]
    result["interactive_ratio"] = result["interactive_s"] / result["bare_s"]
    return result


def run(args: argparse.Namespace) -> int:
    data = measure(max(1, args.runs))
    rows = [
        ("bare QMainWindow", f"{data['bare_s'] * 1000:.0f} ms", "baseline"),
        ("first paint", f"{data['first_paint_s'] * 1000:.0f} ms",
         f"ratio {data['first_paint_ratio']:.2f} (target <= 2)"),
        ("interactive", f"{data['interactive_s'] * 1000:.0f} ms",
         f"ratio {data['interactive_ratio']:.2f} (target <= 5)"),
    ]
    print_report(f"Start-up, median of {data['runs']} runs", rows, data, args.json)
    return 0
