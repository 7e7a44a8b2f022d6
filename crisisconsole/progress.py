"""How far a long act (an export) has come, and the user's wish to stop it: shared between
the thread that does the work and the GUI thread that shows a progress bar with "Annuleren".

The worker calls ``step(done, total)`` between slices of its work; the GUI thread reads
``fraction`` and calls ``cancel()``. Plain attributes and an Event: no lock is needed for two
numbers one thread writes and another reads.
"""

from __future__ import annotations

import threading

from crisisconsole.errors import CancelledError
from crisisconsole.i18n import tr


class Progress:
    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total else 0.0

    def step(self, done: int, total: int) -> None:
        """Record where the work is; raise ``CancelledError`` when the user asked to stop
        (before anything is written, so no partial file is left)."""
        self.done, self.total = done, total
        if self._stop.is_set():
            raise CancelledError(tr("geannuleerd", "cancelled"))
