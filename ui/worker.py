"""Slow work off the GUI thread, through one helper with success/failure callbacks.

Writes go through one single-threaded pool, so there is one serialised writer to the database.
Imports (minutes for a big folder) run in a second single-threaded pool: their transactions
and the writes of the first pool take turns on the store's fair write lock, so a line typed
during an import is saved between two of its files instead of after all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as error:  # noqa: BLE001 - handed to the failure callback
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


class Worker(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._imports = QThreadPool(self)
        self._imports.setMaxThreadCount(1)
        self._jobs: set[_Job] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        *,
        long: bool = False,
    ) -> None:
        job = _Job(fn)
        job.setAutoDelete(False)
        self._jobs.add(job)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._jobs.discard(job)
            callback(value)

        job.signals.done.connect(lambda value: finish(on_done, value))
        job.signals.failed.connect(lambda error: finish(on_failed, error))
        (self._imports if long else self._writer).start(job)

    def wait(self, msecs: int = 10_000) -> bool:
        return self._imports.waitForDone(msecs) and self._writer.waitForDone(msecs)
