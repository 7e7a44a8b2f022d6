"""Maatregelen: the measures of the crisis with state, next due obligation and a countdown; the
selected one's lifecycle actions, checklist, obligations, timeline and letters; the council
calendar actions; the terms and Wvr art. 39 dialog; the reminder banner.

Reads go through the services on the GUI thread (small, indexed); writes through
``session.run``. The reminders themselves (the scheduler, the tray, the top bar's overdue
count) are the application's (ui/reminder_controller.py): this page shows their banner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.clock import format_local
from crisisconsole.domain.ordinance_records import ObligationKind
from crisisconsole.errors import CrisisConsoleError
from crisisconsole.reminders import Wake
from crisisconsole.services.foundation.changes import Changes, Kind
from crisisconsole.services.measures import council
from crisisconsole.services.measures import letters as measures_letters
from crisisconsole.services.measures import lifecycle as measures
from crisisconsole.services.measures import reminders as measures_reminders
from crisisconsole.services.measures.art39 import art39_status, set_terms_and_art39
from crisisconsole.services.measures.views import list_measures, show_measure
from crisisconsole.ui.dialogs.measure_dialogs import (
    IssueMeasureDialog,
    MeetingDialog,
    OutcomeDialog,
)
from crisisconsole.ui.dialogs.measure_event_dialog import MeasureEventDialog, TermsDialog
from crisisconsole.ui.models.measures_model import MeasuresModel
from crisisconsole.ui.page_context import PageContext
from crisisconsole.ui.widgets.flow_layout import FlowLayout
from crisisconsole.ui.widgets.measure_detail import MeasureDetail

WATCHED = frozenset({Kind.MEASURES, Kind.COUNCIL, Kind.CRISIS, Kind.SETTINGS})
TICK_MS = 1000


class MeasuresPage(QWidget):
    def __init__(self, page: PageContext) -> None:
        super().__init__()
        self.current = page.crisis
        self.show_error = page.show_error
        self.show_status = page.show_status
        self.session = page.session
        self.ctx = self.session.ctx
        self.selected_id: str | None = None
        self.banner = QLabel("")
        self.banner.setObjectName("reminderBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fff3cd; color:#5c3c00; padding:6px; "
                                  "border:1px solid #e0b000;")
        self.banner.setVisible(False)
        self.buttons: dict[str, QPushButton] = {}
        bar = FlowLayout()  # seven buttons wrap on a laptop's width instead of widening it
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
        # The detail scrolls up and down where the screen is low (1366x768 at 125 % leaves
        # 614 px; the detail alone asks ~480), never sideways: its rows wrap
        detail_area = QScrollArea()
        detail_area.setWidget(self.detail)
        detail_area.setWidgetResizable(True)
        detail_area.setFrameShape(QFrame.Shape.NoFrame)
        detail_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail_area)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._tick = QTimer(self, interval=TICK_MS, timeout=self._on_tick)
        self._tick.start()
        self.session.watch(WATCHED, self._on_changes, self)
        self.current.changed.connect(lambda _id: self.refresh())
        if page.reminders is not None:
            page.reminders.woke.connect(self.show_wake)
            if page.reminders.last_wake is not None:
                self.show_wake(page.reminders.last_wake)
        # The window picks its crisis after the pages exist: fill once the loop runs.
        QTimer.singleShot(0, self.refresh)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self.refresh()

    # -- data --------------------------------------------------------------------------------
    def now(self):  # noqa: ANN201 - datetime
        return self.ctx.now()

    def _on_changes(self, changes: Changes) -> None:
        if changes.concerns(self.current.id):
            self.refresh()

    def refresh(self) -> None:
        now = self.now()
        crisis_id = self.current.id
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

    def select_item(self, measure_id: str) -> bool:
        """Select a measure and show its detail (the overdue list's jump)."""
        self.selected_id = measure_id
        self.refresh()
        found = self.selected_id == measure_id
        if found:
            self.table.setFocus()
        return found

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
    def show_wake(self, wake: Wake) -> None:
        """The banner for what the app's reminder check found (ui/reminder_controller.py)."""
        ours = ObligationKind.ANSWER_REQUEST  # requests remind on their own page and the tray
        overdue = [o for o in wake.plan.overdue if o.kind is not ours]
        lines = [r.text for r in wake.fire_now if r.obligation.kind is not ours]
        if overdue and not lines:
            lines = [self.tr("Te laat: %1").replace("%1", o.text) for o in overdue[:3]]
        self.banner.setText("<b>" + self.tr("Herinnering") + ":</b> " + " · ".join(lines[:4])
                            + (" …" if len(lines) > 4 else ""))
        self.banner.setVisible(bool(lines))

    # -- actions -----------------------------------------------------------------------------
    def _run(self, fn, done=None) -> None:  # noqa: ANN001
        def on_done(result) -> None:  # noqa: ANN001
            if done is not None:
                done(result)
            self.refresh()

        self.session.run(fn, on_done, self.show_error, origin=self)

    def ask_issue(self) -> None:
        if not self.current.id:
            QMessageBox.information(self, self.tr("Maatregel"), self.tr("Open eerst een crisis."))
            return
        self.issue_dialog().exec()

    def issue_dialog(self) -> IssueMeasureDialog:
        """The dialog, wired to issue the measure: it stays open until the write is done."""
        crisis_id = self.current.id
        dialog = IssueMeasureDialog(self.now(), self, art39_status(self.ctx.store, crisis_id))
        dialog.submit_through(self.session, lambda v: measures.issue_measure(
            self.ctx, crisis_id, **v), self._issued, origin=self)
        return dialog

    def issue(self, values: dict) -> None:
        crisis_id = self.current.id
        self._run(lambda: measures.issue_measure(self.ctx, crisis_id, **values), self._issued)

    def _issued(self, result) -> None:  # noqa: ANN001 - IssueResult
        self.selected_id = result.id
        for warning in result.warnings:
            QMessageBox.warning(self, self.tr("Let op"), warning)
        self.refresh()

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
        return MeasureEventDialog(kind, f"{view.measure.kind.label}: {view.measure.title}",
                                  self.now(), until=check.until if check else None,
                                  meeting=meeting, parent=self)

    def ask_event(self, measure_id: str, kind: str) -> None:
        dialog = self.event_dialog(measure_id, kind)
        dialog.submit_through(self.session, lambda v: measures.record_action(
            self.ctx, measure_id, kind, v), lambda _r: self.refresh(), origin=self)
        dialog.exec()

    def record_event(self, measure_id: str, kind: str, values: dict) -> None:
        """Off the GUI thread; a refusal (one line naming the rule) goes to show_error."""
        self._run(lambda: measures.record_action(self.ctx, measure_id, kind, values))

    def ask_terms(self) -> None:
        crisis_id = self.current.id
        if not crisis_id:
            return
        names = {c.id: c.name for c in self.session.crises()}
        dialog = TermsDialog(measures_reminders.terms(self.ctx.store),
                             art39_status(self.ctx.store, crisis_id), names.get(crisis_id, ""),
                             self)
        dialog.submit_through(self.session, lambda v: set_terms_and_art39(
            self.ctx, crisis_id, notify_hours=v["notify_hours"],
            agenda_lead_hours=v["agenda_lead_hours"], art39=v["art39"]),
            lambda _r: self.refresh(), origin=self)
        dialog.exec()

    def save_terms(self, crisis_id: str, values: dict) -> None:
        self._run(lambda: set_terms_and_art39(
            self.ctx, crisis_id, notify_hours=values["notify_hours"],
            agenda_lead_hours=values["agenda_lead_hours"], art39=values["art39"]))

    def ask_meeting(self) -> None:
        meetings = council.list_meetings(self.ctx.store)
        dialog = MeetingDialog(self.now(), meetings[-1].seats if meetings else 29, self)
        dialog.submit_through(self.session, lambda v: council.add_meeting(
            self.ctx, v["start"], v["seats"], v["title"]), lambda _r: self.refresh(),
            origin=self)
        dialog.exec()

    def ask_outcome(self) -> None:
        open_meetings = [m for m in council.list_meetings(self.ctx.store) if m.attended is None]
        if not open_meetings:
            QMessageBox.information(self, self.tr("Uitkomst"),
                                    self.tr("Er is geen raadsvergadering zonder uitkomst."))
            return
        due = {m.id: council.due_for_meeting(self.ctx.store, m.id) for m in open_meetings}
        dialog = OutcomeDialog(open_meetings, due, self)
        dialog.submit_through(self.session, lambda v: council.record_outcome(
            self.ctx, v["meeting_id"], v["attended"], ratified=v["ratified"],
            rejected=v["rejected"], at=v["at"]), lambda _r: self.refresh(), origin=self)
        dialog.exec()

    def ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Vergaderingen importeren"),
                                                    "", self.tr("iCalendar (*.ics)"))
        if not path:
            return
        seats = None
        if not council.list_meetings(self.ctx.store):
            seats, ok = QInputDialog.getInt(self, self.tr("Zittende leden"),
                                            self.tr("Aantal zittende leden van de raad (niet "
                                                    "zetels: vacatures tellen niet mee):"),
                                            29, 1, 200)
            if not ok:
                return
        self.import_ics_file(Path(path), seats)

    def import_ics_file(self, path: Path, seats: int | None = None) -> None:
        self._run(lambda: council.import_ics_file(self.ctx, path, seats))

    def ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Termijnen exporteren"),
                                                    "termijnen.ics", self.tr("iCalendar (*.ics)"))
        if path:
            self.export_ics_file(Path(path))

    def export_ics_file(self, path: Path) -> None:
        """A read and a file (through the one safe writer): on the GUI thread, small."""
        try:
            measures_reminders.write_ics(self.ctx.store, self.current.id, path)
        except Exception as error:  # noqa: BLE001 - one error path
            self.show_error(error)

    def ask_municipality(self, measure_id: str, party: str) -> bool:
        """Asked once: the province, parket or safety region the letter names, kept as a
        setting of the municipality (only an aide may set it; a refusal says so)."""
        from crisisconsole.services.foundation import settings_facts as sf

        questions = {
            sf.PROVINCE.key: (sf.PROVINCE, self.tr("Provincie"),
                              self.tr("Provincie van de commissaris van de Koning:")),
            sf.PARKET.key: (sf.PARKET, self.tr("Arrondissementsparket"),
                            self.tr("Arrondissementsparket van de hoofdofficier van justitie:")),
            sf.SAFETY_REGION.key: (sf.SAFETY_REGION, self.tr("Veiligheidsregio"),
                                   self.tr("Naam van de veiligheidsregio (briefhoofd):")),
        }
        try:
            missing = measures_letters.needed_settings(self.ctx, measure_id, party)
            for key in missing:
                setting, title, label = questions[key]
                text, ok = QInputDialog.getText(self, title, label)
                if not ok or not text.strip():
                    return False
                self.session.run_here(lambda s=setting, v=text: sf.set_values(
                    self.ctx, {s: v}, action="municipality.set"), origin=self)
        except CrisisConsoleError as error:
            self.show_error(error)
            return False
        return True

    def ask_letter(self, measure_id: str, party: str) -> None:
        if not self.ask_municipality(measure_id, party):
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Brief opslaan"),
                                                    f"kennisgeving-{party}.pdf",
                                                    self.tr("PDF (*.pdf)"))
        if path:
            self.generate_letter(measure_id, party, Path(path))

    def generate_letter(self, measure_id: str, party: str, path: Path) -> None:
        """On the GUI thread: Qt's text layout and PDF writer want the thread fonts live on."""
        try:
            self.session.run_here(lambda: measures_letters.write_letter(
                self.ctx, measure_id, party, path), origin=self)
        except Exception as error:  # noqa: BLE001 - one error path
            self.show_error(error)
            return
        self.show_status(self.tr("Brief opgeslagen: %1").replace("%1", str(path)), 0)
        self.refresh()


def make_page(page: PageContext) -> QWidget:
    return MeasuresPage(page)
