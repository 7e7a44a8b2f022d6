"""An unlocked session as the UI sees it: who acts, on which store, a worker for writes, and
the one feed of changes. Widgets never open database sessions; they call services through it.

Every change arrives as one ``Changes`` (services.foundation.changes), once per audit sequence
number: the writes made here from the store's feed as they commit, the writes of other
processes (the CLI, another window; later other laptops) from the audit chain, polled twice a
second for the sequence numbers it has not seen (ui/change_feed.py). Pages subscribe with
``watch``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from crisisconsole.domain.roles import role_label
from crisisconsole.errors import CrisisConsoleError
from crisisconsole.services.foundation import audit as audit_service
from crisisconsole.services.foundation import crises as crisis_service
from crisisconsole.services.foundation.changes import (
    Changes,
    Kind,
    act_on,
    initiated_by,
    of_records,
)
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.preferences import save_preferences
from crisisconsole.ui.change_feed import SeqLedger, Watch
from crisisconsole.ui.worker import Worker

POLL_MS = 500


def _while_alive(origin: object | None, *callbacks: Callable[[Any], None]
                 ) -> list[Callable[[Any], None]]:
    """The callbacks, skipped when the widget that started the act is gone meanwhile (a page
    closed while its write was on the worker): what it wrote still reaches the feed."""
    if not isinstance(origin, QObject):
        return list(callbacks)

    def guarded(callback: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if shiboken6.isValid(origin):
                callback(value)
        return call

    return [guarded(callback) for callback in callbacks]


class Session(QObject):
    changed = Signal(object)  # Changes, each audit sequence number once
    _arrived = Signal(object)  # a Changes from the store's feed, carried to the GUI thread

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._closed = False
        self.worker = Worker(self)
        self._crises: list | None = None
        self.ledger = SeqLedger(audit_service.last_seq(ctx.store))
        ctx.store.commits.before.append(self.ledger.reserve)
        ctx.store.commits.failed.append(self.ledger.release)
        self._arrived.connect(self._announce)
        ctx.feed.subscribe(self._from_feed)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.poll)
        self._poll.start()

    @property
    def store(self):  # noqa: ANN201 - Store
        return self.ctx.store

    @property
    def actor(self):  # noqa: ANN201 - Actor
        return self.ctx.actor

    @property
    def shown_name(self) -> str:
        """The signed-in person as the top bar shows them: display name, else profile name."""
        from crisisconsole.services.foundation.profiles import find_profile

        try:
            profile = find_profile(self.ctx.store, self.ctx.actor.name)
        except CrisisConsoleError:  # a profile removed meanwhile: its name still says who
            return self.ctx.actor.name
        return profile.display_name or profile.name

    @property
    def role_label(self) -> str:
        return role_label(self.ctx.actor.role)

    # -- the feed ------------------------------------------------------------------------------
    def _from_feed(self, changes: Changes) -> None:
        """In the writing thread: on to the GUI thread (a queued signal)."""
        self._arrived.emit(changes)

    def _announce(self, changes: Changes) -> None:
        """A change made here (from the store's feed), unless the poll announced it already."""
        if changes.seqs and not self.ledger.claim(changes.seqs):
            return
        self._emit(changes)

    def _emit(self, changes: Changes) -> None:
        if Kind.CRISIS in changes.kinds:
            self._crises = None
        self.changed.emit(changes)

    def poll(self) -> None:
        """Announce what other processes wrote since the last poll: only the sequence numbers
        nobody announced or reserved, read from the audit chain."""
        try:
            with self.ledger.lock:
                head = audit_service.last_seq(self.ctx.store)
                unread = self.ledger.unread(head)
                records = audit_service.records_between(self.ctx.store, unread)
                self.ledger.advance(head)
        except Exception:  # noqa: BLE001 - a failed poll is retried at the next tick
            return
        changes = of_records(records)
        if changes is not None:
            self._emit(changes)

    def watch(self, kinds: Iterable[Kind], slot: Callable[[Changes], None], page: QWidget,
              origin: object | None = None) -> Watch:
        """``slot(changes)`` for changes of ``kinds``: coalesced, lazily while ``page`` is
        hidden, and not for the changes the page started itself (``origin``, default the
        page: pass it to ``run``)."""
        watch = Watch(kinds, slot, page, origin)
        self.changed.connect(watch.arrived)
        return watch

    # -- crises --------------------------------------------------------------------------------
    def crises_changed(self) -> None:
        self._crises = None

    def crises(self) -> list:
        if self._crises is None:
            self._crises = crisis_service.list_crises(self.ctx.store)
        return self._crises

    def set_grip(self, crisis_id: str, level: str, note: str | None):  # noqa: ANN201
        return crisis_service.set_grip(self.ctx, crisis_id, level, note=note)

    # -- work off the GUI thread ---------------------------------------------------------------
    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[BaseException], None], *, origin: object | None = None) -> None:
        """Run one user act off the GUI thread (one serialised writer): whatever it writes
        arrives as one ``Changes``, marked with ``origin``."""
        store = self.ctx.store

        def act() -> Any:
            with initiated_by(origin), act_on(store):
                return fn()

        self.worker.submit(act, *_while_alive(origin, on_done, on_failed))

    def run_read(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
                 on_failed: Callable[[BaseException], None], *,
                 origin: object | None = None) -> None:
        """A slow read off the GUI thread, in its own lane beside the writer (a page's data:
        the topic book, the picture, the map's layers). It must not write: it is no act."""
        self.worker.submit(fn, *_while_alive(origin, on_done, on_failed), read=True)

    def run_here(self, fn: Callable[[], Any], *, origin: object | None = None) -> Any:
        """One user act on the GUI thread (Qt's text layout and PDF writer want the thread its
        fonts live on): like ``run``, one ``Changes`` marked with ``origin``."""
        with initiated_by(origin), act_on(self.ctx.store):
            return fn()

    def run_import(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
                   on_failed: Callable[[BaseException], None], *,
                   origin: object | None = None) -> None:
        """Run an import off the GUI thread, beside the writer: other writes take turns with
        its transactions instead of waiting for the whole import. Each file it takes in is
        its own transaction and reaches the feed as its own change, so the log fills while a
        folder is read."""
        def work() -> Any:
            with initiated_by(origin):
                return fn()

        self.worker.submit(work, *_while_alive(origin, on_done, on_failed), long=True)

    def save_preferences(self, values: Mapping[str, Any], *,
                         origin: object | None = None) -> Changes:
        """The user's settings file, on the GUI thread (a small file), announced on the feed."""
        return save_preferences(self.ctx.store, values, origin=origin)

    @property
    def closed(self) -> bool:
        """Closed, or its store is: what still arrives (a late refresh) is too late."""
        return self._closed or self.ctx.store.closed

    def close(self) -> None:
        self._closed = True  # late deliveries (a page's refresh after the store closed) stop
        self._poll.stop()
        self.worker.wait()
        self.ctx.feed.unsubscribe(self._from_feed)
        commits = self.ctx.store.commits
        for hooks, hook in ((commits.before, self.ledger.reserve),
                            (commits.failed, self.ledger.release)):
            if hook in hooks:
                hooks.remove(hook)
        self.ctx.store.close()
