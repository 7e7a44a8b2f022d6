"""Slow work off the GUI thread, through one helper with success/failure callbacks.

Writes go through one single-threaded lane, so there is one serialised writer to the database.
Imports (minutes for a big folder) run in a second single-threaded lane: their transactions
and the writes of the first lane take turns on the store's fair write lock, so a line typed
during an import is saved between two of its files instead of after all of them. Reads that
take seconds (a page's first topic book over 100,000 entries, the map's layers) run in a third
lane, so neither a typed line waits behind them nor they behind an import. A thread, not a
process: the work is Python that gives up the GIL every switch interval (5 ms) and SQLite
calls that release it, so the GUI thread gets its turn within a few ms (bench ui-lag
measures it), while a process would have to open the store again and copy the book back.
An import from the intake page only waits on the import lane: the work itself runs in a child
process (ui/import_child.py), since its parsing and hashing held the GIL too long for the
window (issue 19). Every job runs with the garbage collector resting (ui/gc_policy.py).

The lanes are plain Python threads. Nothing made by Qt is created, touched or dropped on them:
a job hands back only its number and its result, and the callbacks stay with the Worker on the
GUI thread. (A QRunnable subclass with its own signal object, dropped by whichever thread let
go of it last, was deleted on the pool thread now and then while the GUI thread delivered its
signal: a crash of the whole process.)
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from crisisconsole.ui.gc_policy import bulk


class Lane:
    """One background thread, jobs one after another. The thread starts with the first job and
    ends when no job is left, so an idle window holds no thread."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._jobs: deque[Callable[[], None]] = deque()
        self._idle = threading.Condition()
        self._running = False

    def start(self, fn: Callable[[], None]) -> None:
        with self._idle:
            self._jobs.append(fn)
            if not self._running:
                self._running = True
                threading.Thread(target=self._run, name=self.name, daemon=False).start()

    def _run(self) -> None:
        while True:
            with self._idle:
                if not self._jobs:
                    self._running = False
                    self._idle.notify_all()
                    return
                fn = self._jobs.popleft()
            try:
                fn()
            except BaseException:  # noqa: BLE001, S110 - a job reports its own failure
                pass

    def wait(self, msecs: int = 10_000) -> bool:
        """True when every job started so far has run (their results may still be on their
        way to the GUI thread: they arrive with the next turn of the event loop)."""
        with self._idle:
            return self._idle.wait_for(lambda: not self._running, timeout=msecs / 1000)


class Worker(QObject):
    _finished = Signal(int, bool, object)  # job number, succeeded, result or error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = Lane("crisisconsole-write")
        self._imports = Lane("crisisconsole-import")
        self._reads = Lane("crisisconsole-read")
        self._numbers = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[Any], None]]] = {}
        self._finished.connect(self._deliver)  # a slot of this GUI-thread object: queued

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        *,
        long: bool = False,
        read: bool = False,
    ) -> None:
        number = next(self._numbers)
        self._callbacks[number] = (on_done, on_failed)
        finished = self._finished

        def job() -> None:
            try:
                with bulk():  # no collection walks the job's objects meanwhile (gc_policy)
                    result = fn()
            except BaseException as error:  # noqa: BLE001 - handed to the failure callback
                finished.emit(number, False, error)
            else:
                finished.emit(number, True, result)

        (self._imports if long else self._reads if read else self._writer).start(job)

    def _deliver(self, number: int, succeeded: bool, value: Any) -> None:
        callbacks = self._callbacks.pop(number, None)
        if callbacks is not None:
            callbacks[0 if succeeded else 1](value)

    def wait(self, msecs: int = 10_000) -> bool:
        return (self._imports.wait(msecs) and self._writer.wait(msecs)
                and self._reads.wait(msecs))
