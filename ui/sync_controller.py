"""Team sync in the app (issue 17), owned by the application like the reminders: rounds of
push and pull on a thread of their own, never on the GUI thread, so typing never waits for the
server. A round starts after a local write (coalesced), when the server hints that another
device pushed (LISTEN/NOTIFY, on a second thread), and at the latest every ``INTERVAL_S``; a
round after the server was unreachable is the reconnect, and every round pulls by the
sequence. What a round pulls in reaches the pages through the one change feed (the store's
commit hook), like a local write; this only surfaces the state for the top bar: online since,
offline since and how many records wait, and the conflict count.

Only a database with a device credential syncs (``sync enrol``), only for the roles that may
(services.team.sync), never on a read-only medium.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from crisisconsole.services.foundation.changes import Changes
from crisisconsole.ui.change_feed import COALESCE_MS
from crisisconsole.ui.session import Session

INTERVAL_S = 5.0  # the longest pause between rounds
# ... and the shortest: during an import (a write per file) the rounds would follow each other
# back to back, and their Python competes with the GUI thread for the GIL (bench ui-lag --dsn).
MIN_PAUSE_S = 1.0
HINT_WAIT_S = 4.0  # one LISTEN session of the hint thread (it ends this soon after stop)
STOP_WAIT_S = 30.0  # how long stop waits for a round under way (a big pull's last batch)


@dataclass(frozen=True)
class SyncState:
    """What the top bar shows of team sync, after a round (or from the laptop at start)."""

    online: bool
    last_sync_at: str | None
    offline_since: str | None
    pending: int
    conflicts: int
    pushed: int = 0
    pulled: int = 0
    error: str | None = None  # a refusal (role taken away, credential gone)


def _enrolled(session: Session, secret_store: Any) -> bool:
    from crisisconsole.services.team.sync import SYNC_ROLES
    from crisisconsole.store.server import credentials

    store = session.store
    if store.read_only or session.actor.role not in SYNC_ROLES:
        return False
    return credentials.load(store, secret_store) is not None


def _state(store: Any, result: dict[str, Any] | None = None,
           error: str | None = None) -> SyncState:
    from crisisconsole.services.team.sync import status

    now = status(store)
    result = result or {}
    return SyncState(bool(result.get("online", now["online"])) and error is None,
                     now["last_sync_at"], now["offline_since"], now["pending"],
                     now["conflicts"], result.get("pushed", 0), result.get("pulled", 0), error)


class SyncController(QObject):
    state_changed = Signal(object)  # SyncState
    enrolled_changed = Signal(bool)  # the enrolment check's answer (the top bar's "Team")
    conflicts_changed = Signal(int)
    _reported = Signal(object)  # from the sync thread: a SyncState or an exception

    def __init__(self, session: Session, show_error: Callable[[BaseException], None],
                 secret_store: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.show_error = show_error
        if secret_store is None:
            from crisisconsole.store.secrets import KeyringSecretStore

            secret_store = KeyringSecretStore()
        self.secret_store = secret_store
        self.enrolled: bool | None = None  # None: not known yet (checked on the sync thread)
        self.state: SyncState | None = None
        self.rounds = 0  # rounds reported so far (tests and the bench wait on it)
        self.pulled = 0  # facts pulled in since start
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._threads: list[threading.Thread] = []
        self._shown_errors: set[str] = set()
        self._reported.connect(self._arrived)  # a slot of this GUI-thread object: queued
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(COALESCE_MS)
        self._coalesce.timeout.connect(self._wake.set)
        session.changed.connect(self._changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    # -- life ------------------------------------------------------------------------------------
    def start(self) -> None:
        """Look (off the GUI thread: the keyring may be slow) whether this database is
        enrolled; if so, run rounds until ``stop``."""
        if self._threads or self._stopped.is_set():
            return
        rounds = threading.Thread(target=self._rounds, name="crisisconsole-sync", daemon=True)
        self._threads.append(rounds)
        rounds.start()

    def stop(self) -> None:
        """No new round; a round under way ends first (its writes are transactions)."""
        self._stopped.set()
        self._wake.set()
        self._coalesce.stop()
        for thread in self._threads:
            if thread is not threading.current_thread() and thread.name == "crisisconsole-sync":
                thread.join(STOP_WAIT_S)

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    def sync_now(self) -> None:
        self._wake.set()

    # -- the GUI side ----------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        """A write (here, by another process, or pulled in): push it soon, once per burst."""
        if self.enrolled and not self._coalesce.isActive():
            self._coalesce.start()

    def _arrived(self, outcome: object) -> None:
        if isinstance(outcome, bool):  # the enrolment check
            self.enrolled = outcome
            self.enrolled_changed.emit(outcome)
            return
        if isinstance(outcome, BaseException):
            key = f"{type(outcome).__name__}: {outcome}"
            if key not in self._shown_errors:  # once, not every five seconds
                self._shown_errors.add(key)
                self.show_error(outcome)
            return
        assert isinstance(outcome, SyncState)
        self.rounds += 1
        self.pulled += outcome.pulled
        changed = self.state is None or self.state.conflicts != outcome.conflicts
        self.state = outcome
        self.state_changed.emit(outcome)
        if changed:
            self.conflicts_changed.emit(outcome.conflicts)

    # -- the sync threads ------------------------------------------------------------------------
    def _report(self, outcome: object) -> None:
        """To the GUI thread (a queued signal), unless the window is gone meanwhile."""
        try:
            self._reported.emit(outcome)
        except RuntimeError:  # the C++ side was deleted with the window: nobody to tell
            self._stopped.set()

    def _rounds(self) -> None:
        store = self.session.store
        try:
            enrolled = _enrolled(self.session, self.secret_store)
        except Exception as error:  # noqa: BLE001 - shown; this window does not sync
            if store.closed or self._stopped.is_set():
                return  # the window went away meanwhile
            self._report(error)
            enrolled = False
        self._report(enrolled)
        if not enrolled:
            return
        try:
            self._report(_state(store))  # from the laptop alone, before any contact
        except Exception as error:  # noqa: BLE001 - shown through the one error path
            self._report(error)
        hints = threading.Thread(target=self._hints, name="crisisconsole-sync-hint",
                                 daemon=True)
        self._threads.append(hints)
        hints.start()
        while not self._stopped.is_set():
            self._wake.clear()
            started = time.monotonic()
            self._one_round(store)
            self._stopped.wait(max(0.0, MIN_PAUSE_S - (time.monotonic() - started)))
            self._wake.wait(INTERVAL_S)

    def _one_round(self, store: Any) -> None:
        from crisisconsole.errors import AccessDeniedError, ValidationError
        from crisisconsole.services.team.sync import sync_once

        try:
            result = sync_once(self.session.ctx, self.secret_store)
            self._report(_state(store, result))
        except (AccessDeniedError, ValidationError) as refusal:  # shown in the bar, once
            if store.closed:
                return
            self._report(refusal)
            try:
                self._report(_state(store, error=str(refusal)))
            except Exception:  # noqa: BLE001, S110 - the refusal itself is shown
                pass
        except Exception as error:  # noqa: BLE001 - the next round retries
            if not store.closed and not self._stopped.is_set():
                self._report(error)

    def _hints(self) -> None:
        """Wake a round when another device pushed (the server's NOTIFY: only a hint)."""
        from crisisconsole.services.team.sync import wait_for_hint

        store = self.session.store
        while not self._stopped.is_set():
            try:
                hinted = wait_for_hint(store, self.secret_store, HINT_WAIT_S)
            except Exception:  # noqa: BLE001 - a closed store or no credential: stop listening
                if store.closed or self._stopped.is_set():
                    return
                self._stopped.wait(HINT_WAIT_S)
                continue
            if hinted:
                self._wake.set()
