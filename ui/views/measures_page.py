"""Maatregelen: the measures of the crisis with state, next due obligation and a countdown; the
selected one's lifecycle actions, checklist, obligations, timeline and letters; the council
calendar actions; the terms and Wvr art. 39 dialog; the reminder banner, the tray
notification and the top bar's overdue count.

Reads go through the services on the GUI thread (small, indexed); writes through
``session.run``. Reminders: crisisconsole.reminders decides, this page only surfaces.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisconsole import safe_files
from crisisconsole.clock import format_local
from crisisconsole.errors import CrisisConsoleError
from crisisconsole.reminders import ReminderDesk, ReminderScheduler, Wake
from crisisconsole.services.measures import council
from crisisconsole.services.measures import letters as measures_letters
from crisisconsole.services.measures import lifecycle as measures
from crisisconsole.services.measures import reminders as measures_reminders
from crisisconsole.services.measures.art39 import art39_status, set_art39
from crisisconsole.services.measures.views import list_measures, overdue_obligations, show_measure
from crisisconsole.services.network.request_queries import list_overdue as list_overdue_requests
from crisisconsole.services.network.request_queries import overdue_count as overdue_requests
from crisisconsole.ui.dialogs.measure_dialogs import (
    IssueMeasureDialog,
    MeetingDialog,
    OutcomeDialog,
)
from crisisconsole.ui.dialogs.measure_event_dialog import MeasureEventDialog, TermsDialog
from crisisconsole.ui.models.measures_model import MeasuresModel
from crisisconsole.ui.widgets.measure_detail import MeasureDetail

WATCHED = frozenset({"measure", "measure_event", "council_meeting", "meeting_outcome",
                     "meeting_outcome_item", "measure_letter", "crisis", "crisis_event",
                     "measure_tracker_state"})
TICK_MS = 1000
CHECK_MS = 60_000


class MeasuresPage(QWidget):
    def __init__(self, window) -> None:  # noqa: ANN001 - MainWindow
        super().__init__()
        self.window = window
        self.session = window.session
        self.ctx = self.session.ctx
        self.selected_id: str | None = None
        self.last_wake: Wake | None = None
        self.banner = QLabel("")
        self.banner.setObjectName("reminderBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fff3cd; color:#5c3c00; padding:6px; "
                                  "border:1px solid #e0b000;")
        self.banner.setVisible(False)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, label, slot in (
            ("issue", self.tr("Nieuwe maatregel…"), self.ask_issue),
            ("withdraw", self.tr("Intrekken…"), self.ask_withdraw),
            ("meeting", self.tr("Raadsvergadering toevoegen…"), self.ask_meeting),
            ("outcome", self.tr("Uitkomst raad vastleggen…"), self.ask_outcome),
            ("import", self.tr("Vergaderingen importeren (.ics)…"), self.ask_import),
            ("export", self.tr("Termijnen naar agenda (.ics)…"), self.ask_export),
            ("terms", self.tr("Termijnen en art. 39…"), self.ask_terms),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        self.model = MeasuresModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Maatregelen"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 4):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail = MeasureDetail()
        self.detail.mark_sent.connect(self.mark_sent)
        self.detail.letter_requested.connect(self.ask_letter)
        self.detail.action_requested.connect(self.ask_event)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.overdue_dialog: QDialog | None = None
        self.tray: QSystemTrayIcon | None = None
        self._refresh_soon = QTimer(self, singleShot=True, interval=50, timeout=self.refresh)
        self._tick = QTimer(self, interval=TICK_MS, timeout=self._on_tick)
        self._tick.start()
        self._check = QTimer(self, interval=CHECK_MS, timeout=self.check_reminders)
        self._check.start()
        self.session.changed.connect(self._on_change)
        window.crisis_changed.connect(lambda _id: self.refresh())
        window.top_bar.overdue_clicked.connect(self.show_overdue)
        self.reminders = ReminderScheduler(ReminderDesk(self.ctx.store, self.ctx.actor.id),
                                           self._on_wake)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.reminders.stop)
        # The window picks its crisis after the pages exist: fill once the loop runs.
        QTimer.singleShot(0, self.refresh)
        QTimer.singleShot(0, self.start_reminders)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.refresh()

    # -- data --------------------------------------------------------------------------------
    def now(self):  # noqa: ANN201 - datetime
        return self.ctx.now()

    def _on_change(self, note) -> None:  # noqa: ANN001 - ChangeNote
        if note.object_type in WATCHED:
            self._refresh_soon.start()

    def refresh(self) -> None:
        now = self.now()
        crisis_id = self.window.crisis_id
        views = list_measures(self.ctx.store, crisis_id, now) if crisis_id else []
        self.model.set_views(views, now)
        row = self.model.row_of(self.selected_id) if self.selected_id else -1
        if row < 0 and views:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            self._show_detail(self.model.view_at(row).id)
        else:
            self.selected_id = None
            self.detail.show_view(None)
            self.buttons["withdraw"].setEnabled(False)
        self.update_overdue(now)

    def update_overdue(self, now=None) -> int:  # noqa: ANN001
        now = now or self.now()
        count = len(overdue_obligations(self.ctx.store, None, now)) + overdue_requests(
            self.ctx.store, None, now)  # the aide's information requests past their deadline
        self.window.top_bar.set_overdue(count)
        return count

    def _row_changed(self, current, _previous) -> None:  # noqa: ANN001
        view = self.model.view_at(current.row())
        if view is not None and view.id != self.selected_id:
            self._show_detail(view.id)

    def _show_detail(self, measure_id: str) -> None:
        self.selected_id = measure_id
        view = show_measure(self.ctx.store, measure_id, self.now())
        self.detail.show_view(view)
        withdraw = view.action("withdrawn")
        self.buttons["withdraw"].setEnabled(withdraw is not None and withdraw.offered)
        self.buttons["withdraw"].setToolTip(withdraw.reason or "" if withdraw else "")

    def _on_tick(self) -> None:
        self.model.set_now(self.now())

    # -- reminders ---------------------------------------------------------------------------
    def start_reminders(self) -> None:
        try:
            self.reminders.start()
        except Exception as error:  # noqa: BLE001 - shown, and the minute timer retries
            self.window.show_error(error)

    def check_reminders(self) -> None:
        try:
            self.reminders.check_now()
        except Exception as error:  # noqa: BLE001
            self.window.show_error(error)
        self.refresh()

    def _on_wake(self, wake: Wake) -> None:
        self.last_wake = wake
        overdue = wake.plan.overdue
        lines = [r.text_nl for r in wake.fire_now]
        if overdue and not lines:
            lines = [self.tr("Te laat: %1").replace("%1", o.text_nl) for o in overdue[:3]]
        self.banner.setText("<b>" + self.tr("Herinnering") + ":</b> " + " · ".join(lines[:4])
                            + (" …" if len(lines) > 4 else ""))
        self.banner.setVisible(bool(lines))
        if wake.fire_now:
            self._notify_tray(wake)
        self.window.top_bar.set_overdue(len(overdue_obligations(self.ctx.store, None, wake.at))
                                        + overdue_requests(self.ctx.store, None, wake.at))

    def _notify_tray(self, wake: Wake) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(self.window.windowIcon(), self)
            self.tray.show()
        self.tray.showMessage(self.tr("Herinnering maatregelen"),
                              "\n".join(r.text_nl for r in wake.fire_now[:5]),
                              QSystemTrayIcon.MessageIcon.Warning, 15_000)

    def show_overdue(self) -> QDialog:
        """The overdue list (top bar click): every overdue obligation of every crisis."""
        now = self.now()
        names = {c.id: c.name for c in self.session.crises()}
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Te laat"))
        listing = QListWidget(dialog)
        for item in overdue_obligations(self.ctx.store, None, now):
            due = format_local(item.obligation.due) if item.obligation.due else ""
            listing.addItem(f"{due} · {names.get(item.crisis_id, '')} · {item.title}: "
                            f"{item.obligation.text_nl}")
        for request in list_overdue_requests(self.ctx.store, now):
            listing.addItem(f"{format_local(request.due_at)} · {names.get(request.crisis_id, '')}"
                            f" · {self.tr('Uitvraag')} {request.to}: {request.question}")
        if listing.count() == 0:
            listing.addItem(self.tr("Niets te laat"))
        QVBoxLayout(dialog).addWidget(listing)
        dialog.resize(720, 320)
        dialog.show()
        self.overdue_dialog = dialog
        self.window.show_page("measures")
        return dialog

    # -- actions -----------------------------------------------------------------------------
    def _run(self, fn, done=None) -> None:  # noqa: ANN001
        def on_done(result) -> None:  # noqa: ANN001
            if done is not None:
                done(result)
            self.refresh()

        self.session.run(fn, on_done, self.window.show_error)

    def ask_issue(self) -> None:
        if not self.window.crisis_id:
            QMessageBox.information(self, self.tr("Maatregel"), self.tr("Open eerst een crisis."))
            return
        dialog = IssueMeasureDialog(self.now(), self,
                                    art39_status(self.ctx.store, self.window.crisis_id))
        if dialog.exec():
            self.issue(dialog.values())

    def issue(self, values: dict) -> None:
        crisis_id = self.window.crisis_id

        def done(result) -> None:  # noqa: ANN001 - IssueResult
            self.selected_id = result.id
            for warning in result.warnings:
                QMessageBox.warning(self, self.tr("Let op"), warning)

        self._run(lambda: measures.issue_measure(self.ctx, crisis_id, **values), done)

    def mark_sent(self, measure_id: str, party: str) -> None:
        self._run(lambda: measures.notify(self.ctx, measure_id, party))

    def ask_withdraw(self) -> None:
        if self.selected_id is not None:
            self.ask_event(self.selected_id, "withdrawn")

    def event_dialog(self, measure_id: str, kind: str) -> MeasureEventDialog:
        """The dialog for one lifecycle event of the measure, filled from its current view."""
        view = show_measure(self.ctx.store, measure_id, self.now())
        check = view.action(kind)
        meeting = None
        if kind == "agenda_placed" and view.status.ratification_meeting_id:
            found = [m for m in council.list_meetings(self.ctx.store)
                     if m.id == view.status.ratification_meeting_id]
            meeting = f"{format_local(found[0].start)} · {found[0].title}" if found else None
        return MeasureEventDialog(kind, f"{view.measure.kind.label_nl}: {view.measure.title}",
                                  self.now(), until=check.until if check else None,
                                  meeting=meeting, parent=self)

    def ask_event(self, measure_id: str, kind: str) -> None:
        dialog = self.event_dialog(measure_id, kind)
        if dialog.exec():
            self.record_event(measure_id, kind, dialog.values())

    def record_event(self, measure_id: str, kind: str, values: dict) -> None:
        """Off the GUI thread; a refusal (one line naming the rule) goes to show_error."""
        self._run(lambda: measures.record_action(self.ctx, measure_id, kind, values))

    def ask_terms(self) -> None:
        crisis_id = self.window.crisis_id
        if not crisis_id:
            return
        names = {c.id: c.name for c in self.session.crises()}
        dialog = TermsDialog(measures_reminders.terms(self.ctx.store),
                             art39_status(self.ctx.store, crisis_id), names.get(crisis_id, ""),
                             self)
        if dialog.exec():
            self.save_terms(crisis_id, dialog.values())

    def save_terms(self, crisis_id: str, values: dict) -> None:
        def work() -> None:
            if values["notify_hours"] is not None or values["agenda_lead_hours"] is not None:
                measures_reminders.set_terms(self.ctx, notify_hours=values["notify_hours"],
                                             agenda_lead_hours=values["agenda_lead_hours"])
            if values["art39"] is not None:
                set_art39(self.ctx, crisis_id, values["art39"])

        self._run(work)

    def ask_meeting(self) -> None:
        meetings = council.list_meetings(self.ctx.store)
        dialog = MeetingDialog(self.now(), meetings[-1].seats if meetings else 29, self)
        if dialog.exec():
            values = dialog.values()
            self._run(lambda: council.add_meeting(self.ctx, values["start"], values["seats"],
                                                  values["title"]))

    def ask_outcome(self) -> None:
        open_meetings = [m for m in council.list_meetings(self.ctx.store) if m.attended is None]
        if not open_meetings:
            QMessageBox.information(self, self.tr("Uitkomst"),
                                    self.tr("Er is geen raadsvergadering zonder uitkomst."))
            return
        due = {m.id: council.due_for_meeting(self.ctx.store, m.id) for m in open_meetings}
        dialog = OutcomeDialog(open_meetings, due, self)
        if dialog.exec():
            v = dialog.values()
            self._run(lambda: council.record_outcome(
                self.ctx, v["meeting_id"], v["attended"], ratified=v["ratified"],
                rejected=v["rejected"], at=v["at"]))

    def ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Vergaderingen importeren"),
                                                    "", self.tr("iCalendar (*.ics)"))
        if not path:
            return
        seats = None
        if not council.list_meetings(self.ctx.store):
            seats, ok = QInputDialog.getInt(self, self.tr("Aantal zetels"),
                                            self.tr("Aantal zetels van de raad:"), 29, 1, 200)
            if not ok:
                return
        self.import_ics_file(Path(path), seats)

    def import_ics_file(self, path: Path, seats: int | None = None) -> None:
        try:
            data = council.read_ics_file(path)
        except Exception as error:  # noqa: BLE001 - one error path
            self.window.show_error(error)
            return
        self._run(lambda: council.import_ics(self.ctx, data, seats))

    def ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Termijnen exporteren"),
                                                    "termijnen.ics", self.tr("iCalendar (*.ics)"))
        if path:
            self.export_ics_file(Path(path))

    def export_ics_file(self, path: Path) -> None:
        try:
            safe_files.write_bytes(path, measures_reminders.export_ics(self.ctx.store,
                                                                       self.window.crisis_id))
        except (OSError, CrisisConsoleError) as error:
            self.window.show_error(error)

    def ask_letter(self, measure_id: str, party: str) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Brief opslaan"),
                                                    f"kennisgeving-{party}.pdf",
                                                    self.tr("PDF (*.pdf)"))
        if path:
            self.generate_letter(measure_id, party, Path(path))

    def generate_letter(self, measure_id: str, party: str, path: Path) -> None:
        """On the GUI thread: Qt's text layout and PDF writer want the thread fonts live on."""
        try:
            measures_letters.write_letter(self.ctx, measure_id, party, path)
        except Exception as error:  # noqa: BLE001 - one error path
            self.window.show_error(error)
            return
        self.window.statusBar().showMessage(self.tr("Brief opgeslagen: %1").replace("%1", str(path)))
        self.refresh()


def make_page(window) -> QWidget:  # noqa: ANN001 - MainWindow
    return MeasuresPage(window)
