"""An unlocked session as the UI sees it: who acts, on which store, a worker for writes, and
the live feed of changes. Widgets never open database sessions; they call these methods.

Live: every write anywhere (this app, the CLI, another process on the same file) appends an
audit record, so polling the audit sequence twice a second is a complete change feed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from crisisconsole.domain.roles import ROLE_LABELS_NL
from crisisconsole.services.foundation import audit as audit_service
from crisisconsole.services.foundation import crises as crisis_service
from crisisconsole.services.foundation.changes import ChangeNote
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.ui.worker import Worker

POLL_MS = 500


class Session(QObject):
    changed = Signal(object)  # ChangeNote

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker = Worker(self)
        self._crises: list | None = None
        self._seq = audit_service.last_seq(ctx.store)
        ctx.bus.subscribe(self._on_change)
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
    def role_label(self) -> str:
        return ROLE_LABELS_NL[self.ctx.actor.role]

    def _on_change(self, note: ChangeNote) -> None:
        if note.object_type in ("crisis", "crisis_event"):
            self._crises = None
        self.changed.emit(note)

    def poll(self) -> None:
        """Announce writes made since the last poll (by anyone) as change notes."""
        try:
            notes, self._seq = audit_service.changes_since(self.ctx.store, self._seq)
        except Exception:  # noqa: BLE001 - a failed poll is retried at the next tick
            return
        for note in notes:
            self._on_change(note)

    def crises_changed(self) -> None:
        self._crises = None

    def crises(self) -> list:
        if self._crises is None:
            self._crises = crisis_service.list_crises(self.ctx.store)
        return self._crises

    def set_grip(self, crisis_id: str, level: str, note: str | None):  # noqa: ANN201
        return crisis_service.set_grip(self.ctx, crisis_id, level, note=note)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[BaseException], None]) -> None:
        """Run a write off the GUI thread (one serialised writer)."""
        self.worker.submit(fn, on_done, on_failed)

    def run_import(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
                   on_failed: Callable[[BaseException], None]) -> None:
        """Run an import off the GUI thread, beside the writer: other writes take turns with
        its transactions instead of waiting for the whole import."""
        self.worker.submit(fn, on_done, on_failed, long=True)

    def close(self) -> None:
        self._poll.stop()
        self.worker.wait()
        self.ctx.store.close()
