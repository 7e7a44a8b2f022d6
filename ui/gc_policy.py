"""The app's one rule for Python's cyclic garbage collector (issue 18 and 19: frames over 50 ms).

A full collection walks every object the process holds: after start-up that is the modules,
the widgets and, once the Kaart is open, tens of thousands of layer objects, and one such walk
(45–106 ms, measured in `bench map`) landed exactly on the slow frames. What lives as long as
the window (modules, built pages, the layers a page shows) is moved out of the collector's
sight with ``gc.freeze()`` when it is made, so later collections walk only what is new.
Frozen objects are still freed by reference counting when nothing holds them; only a cycle
among them waits for the process to end, which for these long-lived parts is the same.

A job on the worker's lanes (``bulk``) makes hundreds of thousands of objects (a log export
of 100,000 entries, a page's topic book); each full collection it set off walked them all
while holding the GIL, the window's thread included (20–840 ms in `bench ui-lag`, found with
gc callbacks: the export's worst stalls were exactly its collections). So while any such job
runs the collector rests; what a long job leaves alive (its result, kept by a page) is frozen
when the last one ends (a short one's few objects are left to the collector: freezing after
every typed line would also keep the cycles it left, for good).

The collector runs on the GUI thread only (``collect_on_gui_thread``): automatic collection is
off, and a timer of the window's thread collects what is due by the collector's own
thresholds. A collection run by a worker or sync thread could destroy a Qt object caught in a
cycle there: Qt then takes its signal lock and PySide waits for the GIL, while the GUI thread
holds the GIL and waits for that lock (a deadlock seen in the two-window team test).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_active = False
_lock = threading.Lock()
_bulk = 0
_was_enabled = True
_since = 0.0
LONG_S = 0.2  # a job at least this long froze what it leaves alive


def activate() -> None:
    """The rule holds in this process: the app's (run_gui) and the benchmarks' children that
    stand in for it. Not in a test process, where one window after another is made and
    dropped: frozen there, their cycles (and the stores they hold) would never be freed."""
    global _active
    _active = True


_timer = None  # the GUI thread's collector (collect_on_gui_thread)
INTERVAL_MS = 200


def collect_on_gui_thread(parent: Any) -> None:
    """Automatic collection off for good; the thread of ``parent`` (a QObject of the GUI
    thread: the application) collects what is due, every INTERVAL_MS, unless a worker job
    runs (``bulk``)."""
    global _timer
    from PySide6.QtCore import QTimer

    if _timer is not None:
        return
    gc.disable()
    _timer = QTimer(parent)
    _timer.setInterval(INTERVAL_MS)
    _timer.timeout.connect(collect_due)
    _timer.start()


def collect_due() -> None:
    """On the GUI thread: the generations past their thresholds, youngest first."""
    if _bulk:
        return  # the collector rests while a worker job runs
    limits = gc.get_threshold()
    for generation in range(3):
        if gc.get_count()[generation] <= limits[generation]:
            break
        gc.collect(generation)


def keep_long_lived() -> None:
    """What exists now lives long: the collector stops walking it."""
    if _active:
        gc.freeze()


@contextmanager
def bulk() -> Iterator[None]:
    """Around a worker job: no automatic collection while any job runs (nested and concurrent
    uses counted); the last one out freezes what lives on and lets the collector work again."""
    global _bulk, _was_enabled, _since
    if not _active:
        yield
        return
    with _lock:
        if _bulk == 0:
            _was_enabled = gc.isenabled()
            _since = time.perf_counter()
            gc.disable()
        _bulk += 1
    try:
        yield
    finally:
        with _lock:
            _bulk -= 1
            if _bulk == 0:
                if time.perf_counter() - _since >= LONG_S:
                    gc.freeze()
                if _was_enabled:
                    gc.enable()
