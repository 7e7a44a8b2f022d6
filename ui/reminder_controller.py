"""The app's reminders, owned by the application (not by a page): APScheduler on the qasync
loop as the one trigger, the catch-up at start, the tray notification and the overdue count of
the top bar. crisisconsole.reminders decides what a wake means; this only surfaces it.

A check writes when this user last saw reminders, so it runs on the session's worker, never on
the GUI thread; what it found comes back here as ``woke`` (the measures page shows its banner
from it). The overdue count follows every change of measures, the council or a crisis.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QSystemTrayIcon, QWidget

from crisisconsole.reminders import ReminderDesk, ReminderScheduler, Wake
from crisisconsole.services.foundation.changes import Changes, Kind
from crisisconsole.services.measures.views import overdue_obligations
from crisisconsole.services.network.request_queries import list_overdue as list_overdue_requests
from crisisconsole.services.network.request_queries import overdue_count as overdue_requests
from crisisconsole.ui.change_feed import COALESCE_MS
from crisisconsole.ui.session import Session

# The information requests past their deadline count too (issue 16).
COUNTED = frozenset({Kind.MEASURES, Kind.COUNCIL, Kind.CRISIS, Kind.SETTINGS, Kind.REQUESTS})


class ReminderController(QObject):
    woke = Signal(object)  # Wake
    overdue_changed = Signal(int)
    overdue_summary_changed = Signal(str)  # which crises the count is of (the bar's tooltip)

    def __init__(self, session: Session, show_error: Callable[[BaseException], None],
                 icon: QIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.show_error = show_error
        self.icon = icon or QIcon()
        self.last_wake: Wake | None = None
        self.overdue = 0
        self.tray: QSystemTrayIcon | None = None
        self.overdue_dialog: QDialog | None = None
        store, actor_id = session.store, session.actor.id
        self.scheduler = ReminderScheduler(ReminderDesk(store, actor_id), self._surface,
                                           run=self._on_worker)
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(COALESCE_MS)
        self._recount.timeout.connect(self.recount)
        session.changed.connect(self._changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def _on_worker(self, check: Callable[[], Wake], done: Callable[[Wake], None]) -> None:
        self.session.run(check, done, self.show_error)

    def start(self) -> None:
        """The catch-up (what fell due while the app was closed), then APScheduler on the
        running loop (without one, in tests, only the check)."""
        try:
            self.scheduler.start()
        except Exception as error:  # noqa: BLE001 - shown; the next change or start retries
            self.show_error(error)
        self.recount()

    def check_now(self) -> None:
        self.scheduler.check_now()

    def stop(self) -> None:
        self.scheduler.stop()

    # -- surfacing -------------------------------------------------------------------------------
    def _surface(self, wake: Wake) -> None:
        self.last_wake = wake
        if wake.fire_now:
            self._notify_tray(wake)
        self.woke.emit(wake)
        self.recount(wake.at)

    def _notify_tray(self, wake: Wake) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(self.icon, self)
            self.tray.show()
        self.tray.showMessage(self.tr("Herinnering"),
                              "\n".join(r.text for r in wake.fire_now[:5]),
                              QSystemTrayIcon.MessageIcon.Warning, 15_000)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(COUNTED) and not self._recount.isActive():
            self._recount.start()

    def recount(self, at=None) -> None:  # noqa: ANN001 - datetime | None
        """``count_overdue`` with its reads on the session's read lane: the top bar shows the
        count when it arrives (at start-up, after a wake, after a change). On the GUI thread
        the reads cost 40-50 ms each right when the window turned interactive (issue 19)."""
        now = at or self.session.ctx.now()
        self.session.run_read(lambda: self._read_overdue(now), self._show_overdue,
                              self.show_error, origin=self)

    def count_overdue(self, at=None) -> int:  # noqa: ANN001 - datetime | None
        """Every overdue obligation and information request of every crisis (small indexed
        reads), counted here and now."""
        try:
            counted = self._read_overdue(at or self.session.ctx.now())
        except Exception as error:  # noqa: BLE001 - shown through the one error path
            self.show_error(error)
            return self.overdue
        self._show_overdue(counted)
        return counted[0]

    def _read_overdue(self, now) -> tuple[int, dict[str, int]]:  # noqa: ANN001 - datetime
        store = self.session.store
        obligations = overdue_obligations(store, None, now)
        count = len(obligations) + overdue_requests(store, None, now)
        per_crisis: dict[str, int] = {}
        for crisis_id in [o.crisis_id for o in obligations] + [
                r.crisis_id for r in list_overdue_requests(store, now)]:
            per_crisis[crisis_id] = per_crisis.get(crisis_id, 0) + 1
        return count, per_crisis

    def _show_overdue(self, counted: tuple[int, dict[str, int]]) -> None:
        count, per_crisis = counted
        self.overdue = count
        self.overdue_changed.emit(count)
        self.overdue_summary_changed.emit(self._summary(per_crisis))

    def _summary(self, per_crisis: dict[str, int]) -> str:
        if not per_crisis:
            return self.tr("Niets te laat")
        names = {c.id: c.name for c in self.session.crises()}
        lines = [self.tr("%1 in %2").replace("%1", str(n)).replace(
                     "%2", names.get(crisis_id) or self.tr("onbekende crisis"))
                 for crisis_id, n in sorted(per_crisis.items(), key=lambda kv: -kv[1])]
        return "\n".join([self.tr("Te laat, per crisis (klik voor de lijst):"), *lines])

    def overdue_rows(self, now) -> list:  # noqa: ANN001 - datetime; list[OverdueRow]
        """What is past its deadline in every crisis: measures' obligations and requests."""
        from crisisconsole.ui.dialogs.overdue_dialog import OverdueRow

        rows = [OverdueRow("measure", item.crisis_id, item.measure_id, item.obligation.due,
                           f"{item.title}: {item.obligation.text}")
                for item in overdue_obligations(self.session.store, None, now)]
        rows += [OverdueRow("request", request.crisis_id, request.id, request.due_at,
                            f"{self.tr('Uitvraag')} {request.to}: {request.question}")
                 for request in list_overdue_requests(self.session.store, now)]
        return rows

    def show_overdue(self, parent: QWidget | None = None,
                     current_crisis: str | None = None) -> QDialog:
        """The overdue list (the top bar's count, clicked), grouped per crisis, the current
        crisis first; its ``jump_requested`` opens an item."""
        from crisisconsole.ui.dialogs.overdue_dialog import OverdueDialog

        now = self.session.ctx.now()
        names = {c.id: c.name for c in self.session.crises()}
        if self.overdue_dialog is not None and self.overdue_dialog.isVisible():
            self.overdue_dialog.close()
        dialog = OverdueDialog(self.overdue_rows(now), names, current_crisis, now, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.overdue_dialog = dialog
        dialog.destroyed.connect(lambda _obj=None: self._forget_dialog(dialog))
        return dialog

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self.overdue_dialog is dialog:
            self.overdue_dialog = None
