"""Writers take turns: a write during a long import waits for it instead of failing with
"database is locked" (issue 11, "Smaller items").

SQLite lets one writer at a time hold the file; another one waits ``BUSY_TIMEOUT_MS`` and then
gives up. That is right when some other program holds the file, but an import holds it for
every file it writes (a spreadsheet of 50,000 rows is one transaction of many seconds, a folder
of alerts is thousands of short ones back to back), and the aide's one line typed meanwhile
must simply wait its turn. So:

- Within a process, the store's write lock is handed out in arrival order (``FairLock``): the
  import's writer thread cannot grab it again before a write that was already waiting.
- Between processes, an import announces itself with a small marker file in a folder beside
  the database (``<db>.writers/import-*``). A write that finds the file busy keeps waiting as
  long as such an import is running (its process alive), up to ``IMPORT_WAIT_S``; and while it
  waits it leaves its own marker (``wait-*``), which the import sees between two files and
  pauses for, so the write gets in after at most one file.

Markers are plain files (portable; nothing to install). A marker left by a crashed process is
ignored once its process is gone (POSIX) or when it is older than ``IMPORT_WAIT_S``.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

IMPORT_WAIT_S = 600.0  # a write waits at most this long for imports of other processes
YIELD_MAX_S = 5.0  # an import pauses at most this long for the writes waiting on it
_POLL_S = 0.02


class FairLock:
    """A reentrant lock handed to waiting threads in the order they asked for it (CPython's
    locks are not fair: a thread that releases and asks again usually wins)."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._owner: int | None = None
        self._depth = 0
        self._next = 0
        self._serving = 0
        self._abandoned: set[int] = set()

    def acquire(self) -> None:
        me = threading.get_ident()
        with self._cond:
            if self._owner == me:
                self._depth += 1
                return
            ticket = self._next
            self._next += 1
            try:
                while self._owner is not None or self._serving != ticket:
                    self._cond.wait()
            except BaseException:  # interrupted while waiting: give the turn away
                self._abandoned.add(ticket)
                self._skip_abandoned()
                raise
            self._owner, self._depth = me, 1

    def release(self) -> None:
        with self._cond:
            if self._owner != threading.get_ident():
                raise RuntimeError("FairLock released by a thread that does not hold it")
            self._depth -= 1
            if self._depth:
                return
            self._owner = None
            self._serving += 1
            self._skip_abandoned()

    def _skip_abandoned(self) -> None:
        while self._serving in self._abandoned:
            self._abandoned.discard(self._serving)
            self._serving += 1
        self._cond.notify_all()

    def __enter__(self) -> FairLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


class WriteTurns:
    """The cross-process side: import and wait markers beside one database file."""

    def __init__(self, db_path: Path) -> None:
        self.folder = Path(str(db_path) + ".writers")
        self._importing = 0
        self._guard = threading.Lock()
        self._marker: Path | None = None

    # -- the import's side ------------------------------------------------------------------
    @contextmanager
    def importing(self) -> Iterator[None]:
        """Mark this process as importing (nested and concurrent uses are counted)."""
        with self._guard:
            self._importing += 1
            if self._importing == 1:
                self._marker = self._make("import")
        try:
            yield
        finally:
            with self._guard:
                self._importing -= 1
                if self._importing == 0 and self._marker is not None:
                    with suppress(OSError):
                        self._marker.unlink()
                    self._marker = None

    @property
    def is_importing(self) -> bool:
        return self._importing > 0

    def yield_to_waiters(self) -> None:
        """Between two of the import's transactions: pause while writes of other processes
        wait for the file (at most ``YIELD_MAX_S``)."""
        deadline = time.monotonic() + YIELD_MAX_S
        while self._live("wait-") and time.monotonic() < deadline:
            time.sleep(_POLL_S)

    # -- a waiting write's side -------------------------------------------------------------
    def begin(self, begin_immediate: Callable[[], None], is_busy: Callable[[BaseException], bool]
              ) -> None:
        """Run ``begin_immediate`` (which waits the busy timeout itself); when the file stays
        busy because another process imports, leave a wait marker and keep trying."""
        try:
            begin_immediate()
            return
        except Exception as error:
            if not is_busy(error) or not self._live("import-"):
                raise
            first = error
        marker = self._make("wait")
        try:
            deadline = time.monotonic() + IMPORT_WAIT_S
            while True:
                try:
                    begin_immediate()
                    return
                except Exception as error:
                    if (not is_busy(error) or time.monotonic() > deadline
                            or not self._live("import-")):
                        raise error from first
                time.sleep(_POLL_S)  # the attempt itself waited the busy timeout, or not at all
        finally:
            if marker is not None:
                with suppress(OSError):
                    marker.unlink()

    # -- markers ----------------------------------------------------------------------------
    def _make(self, kind: str) -> Path | None:
        try:
            self.folder.mkdir(exist_ok=True)
            marker = self.folder / f"{kind}-{os.getpid()}-{secrets.token_hex(4)}"
            fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        except OSError:
            return None  # a read-only folder: writes still work, only without turns
        return marker

    def _live(self, prefix: str) -> bool:
        """Is there a marker of this kind, not this store's own, whose process is there?"""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return False
        now = time.time()
        for entry in entries:
            if not entry.name.startswith(prefix) or (
                    self._marker is not None and entry.name == self._marker.name):
                continue
            pid = _pid(entry.name)
            try:
                fresh = now - entry.stat().st_mtime < IMPORT_WAIT_S
            except OSError:
                continue
            if fresh and _alive(pid):
                return True
        return False


def _pid(name: str) -> int:
    try:
        return int(name.split("-")[1])
    except (IndexError, ValueError):
        return -1


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name != "posix":
        return True  # no cheap check without extra packages; the age limit still applies
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
