"""The app's rule for the garbage collector (ui/gc_policy.py): long-lived parts frozen in the
app and its benchmark children, never in a test process."""

import gc
import os
import subprocess
import sys

from crisisconsole.ui import gc_policy

PROGRAM = """
import gc
from crisisconsole.ui import gc_policy
held = [[i] for i in range(10_000)]
gc_policy.keep_long_lived()
before = gc.get_freeze_count()
gc_policy.activate()
gc_policy.keep_long_lived()
print(before, gc.get_freeze_count() >= 10_000)
"""


def test_frozen_only_where_the_rule_is_active():
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "True"]


def test_not_active_in_the_test_process():
    before = gc.get_freeze_count()
    gc_policy.keep_long_lived()
    assert gc.get_freeze_count() == before


BULK = """
import gc, threading, time
from crisisconsole.ui import gc_policy
from crisisconsole.ui.worker import Lane
gc_policy.activate()
seen = {}
gate = threading.Event()
def job(name, wait):
    def run():
        with gc_policy.bulk():
            seen[name] = gc.isenabled()
            if wait:
                gate.wait(10)
                kept.extend([i] for i in range(10_000))
                time.sleep(gc_policy.LONG_S)
    return run
kept = []
first, second = Lane("a"), Lane("b")
first.start(job("long", True))
while "long" not in seen:
    time.sleep(0.01)
second.start(job("short", False))
assert second.wait(10_000)
still_off = not gc.isenabled()  # the long job still runs: the collector still rests
gate.set()
assert first.wait(10_000)
print(seen["long"], seen["short"], still_off, gc.isenabled(), gc.get_freeze_count() >= 10_000)
"""


def test_the_collector_rests_while_any_worker_job_runs_and_what_a_long_one_left_is_frozen():
    done = subprocess.run([sys.executable, "-c", BULK], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "True", "True", "True"]


def test_bulk_changes_nothing_in_the_test_process():
    before = gc.isenabled()
    with gc_policy.bulk():
        assert gc.isenabled() == before
    assert gc.isenabled() == before


GUI_COLLECTOR = """
import gc, threading
from PySide6.QtCore import QCoreApplication, QTimer
from crisisconsole.ui import gc_policy
app = QCoreApplication([])
gc_policy.collect_on_gui_thread(app)
collected_on = set()
gc.callbacks.append(lambda phase, info: phase == "start"
                    and collected_on.add(threading.current_thread().name))
def churn():
    for _ in range(200_000):
        a = []; a.append(a)  # a cycle for the collector
worker = threading.Thread(target=churn, name="worker")
worker.start(); worker.join()
QTimer.singleShot(3 * gc_policy.INTERVAL_MS, app.quit)
app.exec()
print(gc.isenabled(), sorted(collected_on))
"""


def test_only_the_gui_thread_collects():
    done = subprocess.run([sys.executable, "-c", GUI_COLLECTOR], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "['MainThread']"]
