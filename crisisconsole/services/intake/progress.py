"""Between an import running off the GUI thread and the window showing it: the import says how
far it is after each file, and stops before the next file when the aide cancels.

Cancelling never undoes: every CAP file is its own transaction, so the files taken in before
the cancel stay (and are in the report); the files not yet read are reported as cancelled.
A spreadsheet is one file and one transaction: cancelled before its write, nothing of it is
stored; once its write has begun, it completes."""

from __future__ import annotations

import threading
from collections.abc import Callable


class ImportProgress:
    def __init__(self, on_step: Callable[[int, int], None] | None = None) -> None:
        """``on_step(done, total)`` runs on the importing thread (the UI relays it through a
        queued signal); ``total`` 0 means the amount is not known."""
        self._on_step = on_step
        self._cancelled = threading.Event()
        self._on_cancel: list[Callable[[], None]] = []

    def when_cancelled(self, fn: Callable[[], None]) -> None:
        """``fn()`` at the cancel (an import in another process is told through its pipe)."""
        self._on_cancel.append(fn)

    def cancel(self) -> None:
        self._cancelled.set()
        for fn in list(self._on_cancel):
            fn()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def step(self, done: int, total: int) -> None:
        if self._on_step is not None:
            self._on_step(done, total)


def step(progress: ImportProgress | None, done: int, total: int) -> bool:
    """Report ``done`` of ``total``; False when the import should stop here."""
    if progress is None:
        return True
    if progress.cancelled:
        return False
    progress.step(done, total)
    return not progress.cancelled
