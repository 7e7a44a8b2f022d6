"""An unlocked session as the UI sees it: who acts, on which store, and a worker for writes.
Widgets never open database sessions; they call these methods."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from crisisconsole.domain.roles import ROLE_LABELS_NL
from crisisconsole.services import crises as crisis_service
from crisisconsole.services.changes import ChangeNote
from crisisconsole.services.context import ServiceContext
from crisisconsole.ui.worker import Worker


class Session:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.worker = Worker()
        self._crises: list | None = None
        ctx.bus.subscribe(self._on_change)

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
        if note.object_type == "crisis":
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

    def close(self) -> None:
        self.worker.wait()
        self.ctx.store.close()
