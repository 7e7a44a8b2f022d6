"""What a page is given, instead of the main window: the session, the crisis the window
shows (a value and a signal), and where errors and short notes go.

The main window composes the pages; a page knows none of it. So a page can be built and tested
on its own, and the window's other parts (the top bar, the tray, the reminders) are the
application's, not a page's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the window is painted before these (and the store) are imported
    from crisisconsole.ui.reminder_controller import ReminderController
    from crisisconsole.ui.session import Session


class CurrentCrisis(QObject):
    """The crisis the window shows; ``changed(crisis_id)`` when another is chosen."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._id: str | None = None

    @property
    def id(self) -> str | None:
        return self._id

    def choose(self, crisis_id: str | None, *, announce: bool = True) -> None:
        self._id = crisis_id
        if announce and crisis_id is not None:
            self.changed.emit(crisis_id)


@dataclass(frozen=True)
class PageContext:
    session: Session
    crisis: CurrentCrisis
    show_error: Callable[[BaseException], None]
    show_status: Callable[[str, int], None]  # a short note in the status bar, for ms
    reminders: ReminderController | None = None  # the app's (the measures page shows them)

    @property
    def ctx(self):  # noqa: ANN201 - ServiceContext
        return self.session.ctx
