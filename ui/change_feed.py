"""The app's side of the one change feed: which audit sequence numbers were announced
(``SeqLedger``), and a page's subscription (``Watch``: coalesced, and held while hidden).

Every change reaches the session twice over: a write made here comes from the store's feed at
once, and every write anywhere appears in the audit chain the session polls. The ledger makes
each sequence number count once: the seqs of a write made here are reserved just before its
commit (so the poll, which runs under the same lock, never reads them as another process's),
and announced when its ``Changes`` arrives.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from crisisconsole.services.foundation.changes import Changes, Kind, merge_all
from crisisconsole.store.commits import Committed

COALESCE_MS = 250  # at most one refresh of a page per this many milliseconds
# ... and longer after a slow refresh: the page's refreshes take at most a sixth of the GUI
# thread, so during a long import a slow page (the log of a big crisis) leaves room for typing.
SHARE = 5
MAX_COALESCE_MS = 1000


def _minus(ranges: Iterable[tuple[int, int]], taken: Iterable[tuple[int, int]]
           ) -> list[tuple[int, int]]:
    """The parts of ``ranges`` not in ``taken`` (inclusive ranges of sequence numbers)."""
    left = sorted(ranges)
    for low_t, high_t in sorted(taken):
        cut: list[tuple[int, int]] = []
        for low, high in left:
            if high < low_t or low > high_t:
                cut.append((low, high))
                continue
            if low < low_t:
                cut.append((low, low_t - 1))
            if high > high_t:
                cut.append((high_t + 1, high))
        left = cut
    return left


class SeqLedger:
    """Which audit sequence numbers have been announced. Everything up to ``mark`` has been
    (the poll read it); above it, the ranges written here wait for their ``Changes``."""

    def __init__(self, mark: int) -> None:
        self.lock = threading.Lock()  # the poll holds it while it reads the chain
        self.mark = mark
        self._reserved: list[tuple[int, int]] = []  # written here, not yet announced
        self._announced: list[tuple[int, int]] = []  # written here, announced, above mark

    def reserve(self, done: Committed) -> None:
        """The store's hook just before a commit here (in the writing thread)."""
        with self.lock:
            self._reserved.append((done.first_seq, done.last_seq))

    def release(self, done: Committed) -> None:
        """The commit failed: those numbers were never written."""
        with self.lock:
            self._reserved = _minus(self._reserved, [(done.first_seq, done.last_seq)])

    def claim(self, seqs: Iterable[tuple[int, int]]) -> bool:
        """Whether a change made here still needs announcing (False: already announced)."""
        seqs = list(seqs)
        with self.lock:
            waiting = _minus(seqs, _minus(seqs, self._reserved))  # reserved for it
            unseen = _minus(_minus(seqs, [(0, self.mark)]), self._announced + self._reserved)
            self._reserved = _minus(self._reserved, seqs)
            self._announced.extend(r for r in waiting + unseen if r[1] > self.mark)
            return bool(waiting or unseen)

    def unread(self, head: int) -> list[tuple[int, int]]:
        """The ranges up to ``head`` that nobody announced or reserved (call with ``lock``
        held); ``advance(head)`` once they are announced."""
        if head <= self.mark:
            return []
        return _minus([(self.mark + 1, head)], self._reserved + self._announced)

    def advance(self, head: int) -> None:
        """Everything up to ``head`` is announced or waits in ``reserved`` (``lock`` held)."""
        self.mark = max(self.mark, head)
        self._announced = _minus(self._announced, [(0, self.mark)])


class Watch(QObject):
    """One page's subscription: the changes of ``kinds``, merged and handed to ``slot`` at
    most once per ``COALESCE_MS`` (or ``SHARE`` times as long as the last refresh took, up to
    ``MAX_COALESCE_MS``); while the page is hidden they wait and arrive when it is
    shown. Changes the page started itself (``origin``) are not handed back: the page that
    acted has already shown the result."""

    def __init__(self, kinds: Iterable[Kind], slot: Callable[[Changes], None], page: QWidget,
                 origin: object | None = None) -> None:
        super().__init__(page)
        self.kinds = frozenset(kinds)
        self.slot = slot
        self.page = page
        self.origin = page if origin is None else origin
        self._waiting: list[Changes] = []  # merged once, when handed over (merge_all)
        self.clock: Callable[[], float] = time.perf_counter  # how long a refresh took
        self._rest_until = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._flush)
        page.installEventFilter(self)

    @property
    def pending(self) -> Changes | None:
        """What waits for the page, as one ``Changes`` (None: nothing)."""
        return merge_all(self._waiting) if self._waiting else None

    def arrived(self, changes: Changes) -> None:
        if not changes.touches(self.kinds) or changes.origin is self.origin:
            return
        self._waiting.append(changes)
        if self.page.isVisible() and not self._timer.isActive():
            self._start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (watched is self.page and event.type() == QEvent.Type.Show
                and self._waiting and not self._timer.isActive()):
            self._start()
        return False

    def _flush(self) -> None:
        if not self._waiting or not self.page.isVisible():
            return  # hidden meanwhile: it stays pending until the page is shown
        changes, self._waiting = merge_all(self._waiting), []
        started = self.clock()
        try:
            self.slot(changes)
        finally:
            now = self.clock()
            self._rest_until = now + min(MAX_COALESCE_MS, SHARE * (now - started) * 1000) / 1000

    def _start(self) -> None:
        """Wait COALESCE_MS, or until the rest after a slow refresh is over."""
        rest_ms = (self._rest_until - self.clock()) * 1000
        self._timer.start(round(min(MAX_COALESCE_MS, max(COALESCE_MS, rest_ms))))
