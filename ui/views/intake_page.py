"""Bronnen/Import: CAP files or folders, spreadsheets with the column-mapping dialog, the inbox
folder (watched: a changed folder triggers a pass, and a timer catches what a watcher misses on
network shares), the import report, and corroboration suggestions for what came in.

Imports and inbox passes run in a child process (ui/import_child.py) that opens the same
database, so their parsing and hashing never hold the window's GIL; each is one call
(services.intake.acts), which also brings the suggestions for what came in. The window sees
their writes through its audit poll."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.errors import CrisisConsoleError
from crisisconsole.services.intake import preferences as intake_settings
from crisisconsole.services.intake.acts import (
    Intake,
    take_in_cap,
    take_in_inbox,
    take_in_table,
)
from crisisconsole.services.intake.corroboration import link_as_corroborating, mark_duplicate
from crisisconsole.services.intake.inbox import inbox_status
from crisisconsole.services.intake.progress import ImportProgress
from crisisconsole.services.intake.table import read_table_path
from crisisconsole.ui import import_child
from crisisconsole.ui.models.import_report_model import (
    COL_STATUS,
    ImportReportModel,
    SuggestionModel,
)
from crisisconsole.ui.page_context import PageContext

INBOX_POLL_MS = 10_000
INBOX_DEBOUNCE_MS = 2_500
SETTLE_SECONDS = 2.0


def _table_view(name: str, accessible: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class _ProgressRelay(QObject):
    """Brings the importing thread's steps to the GUI thread (a queued signal)."""

    stepped = Signal(int, int)

    def emit_step(self, done: int, total: int) -> None:
        if shiboken6.isValid(self):  # the page may be gone while the import runs
            self.stepped.emit(done, total)


class IntakePage(QWidget):
    def __init__(self, page: PageContext) -> None:
        super().__init__()
        self.current = page.crisis
        self.show_error = page.show_error
        self.session = page.session
        self.ctx = self.session.ctx
        self.busy = False
        self.child: import_child.ChildImport | None = None  # the running import's child

        self.cap_files_button = QPushButton(self.tr("CAP-bestanden importeren…"))
        self.cap_folder_button = QPushButton(self.tr("CAP-map importeren…"))
        self.table_button = QPushButton(self.tr("Spreadsheet importeren…"))
        self.cap_files_button.setToolTip(self.tr("CAP 1.1/1.2-berichten (Ctrl+I)"))
        self.table_button.setToolTip(self.tr(".xlsx, .csv of .json (Ctrl+Shift+I)"))
        self.cap_files_button.clicked.connect(self.choose_cap_files)
        self.cap_folder_button.clicked.connect(self.choose_cap_folder)
        self.table_button.clicked.connect(self.choose_table)
        for key, slot, what in (("Ctrl+I", self.choose_cap_files, self.tr("CAP-berichten inlezen")),
                                ("Ctrl+Shift+I", self.choose_table, self.tr("Tabel inlezen"))):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setWhatsThis(what)
            shortcut.activated.connect(slot)
        buttons = QHBoxLayout()
        for button in (self.cap_files_button, self.cap_folder_button, self.table_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.state_label = QLabel()
        self.state_label.setObjectName("importState")
        buttons.addWidget(self.state_label)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("importProgress")
        self.progress_bar.setAccessibleName(self.tr("Voortgang van de import"))
        self.progress_bar.setMinimumWidth(220)
        self.progress_bar.setFormat(self.tr("%v van %m bestanden"))
        self.progress_bar.hide()
        self.cancel_button = QPushButton(self.tr("Afbreken"))
        self.cancel_button.setToolTip(self.tr("Stopt na het bestand dat nu wordt ingelezen; "
                                              "wat al is ingelezen blijft"))
        self.cancel_button.clicked.connect(self.cancel_import)
        self.cancel_button.hide()
        buttons.addWidget(self.progress_bar)
        buttons.addWidget(self.cancel_button)
        self._relay = _ProgressRelay(self)
        self._relay.stepped.connect(self._show_progress)
        self._progress: ImportProgress | None = None

        inbox_box = QGroupBox(self.tr("Inbox-map"))
        self.inbox_label = QLabel()
        self.inbox_label.setObjectName("inboxFolder")
        self.inbox_status_label = QLabel()
        self.inbox_status_label.setObjectName("inboxStatus")
        self.watch_box = QCheckBox(self.tr("Bewaken"))
        self.watch_box.setToolTip(self.tr("Nieuwe bestanden in de map automatisch importeren"))
        choose = QPushButton(self.tr("Map kiezen…"))
        choose.clicked.connect(self.choose_inbox)
        self.process_button = QPushButton(self.tr("Nu verwerken"))
        self.process_button.clicked.connect(self.process_inbox_now)
        inbox_row = QHBoxLayout(inbox_box)
        inbox_row.addWidget(self.inbox_label, 1)
        inbox_row.addWidget(self.inbox_status_label)
        inbox_row.addWidget(self.watch_box)
        inbox_row.addWidget(choose)
        inbox_row.addWidget(self.process_button)

        self.report_model = ImportReportModel(self)
        self.report_view = _table_view("importReport", self.tr("Importverslag"))
        self.report_view.setModel(self.report_model)
        self.report_view.setSortingEnabled(True)
        self.report_view.horizontalHeader().setSortIndicator(COL_STATUS,
                                                             Qt.SortOrder.AscendingOrder)
        self.report_view.horizontalHeader().setToolTip(
            self.tr("Klik op een kolom om te sorteren (standaard: geweigerde bestanden eerst)"))
        for column, width in enumerate((260, 110, 520, 90)):
            self.report_view.setColumnWidth(column, width)
        self.report_view.horizontalHeader().setStretchLastSection(False)
        self.report_view.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)

        self.suggestion_model = SuggestionModel(self)
        self.suggestion_view = _table_view("suggestions", self.tr("Suggesties"))
        self.suggestion_view.setModel(self.suggestion_model)
        for column, width in enumerate((300, 300, 110, 60)):
            self.suggestion_view.setColumnWidth(column, width)
        self.link_button = QPushButton(self.tr("Koppelen als bevestiging"))
        self.duplicate_button = QPushButton(self.tr("Markeren als duplicaat"))
        self.ignore_button = QPushButton(self.tr("Negeren"))
        self.link_button.clicked.connect(lambda: self.act_on_suggestion("link"))
        self.duplicate_button.clicked.connect(lambda: self.act_on_suggestion("duplicate"))
        self.ignore_button.clicked.connect(lambda: self.act_on_suggestion("ignore"))
        acts = QHBoxLayout()
        acts.addWidget(QLabel(self.tr("Lijkt op een recente melding uit een andere bron:")))
        acts.addStretch(1)
        for button in (self.link_button, self.duplicate_button, self.ignore_button):
            acts.addWidget(button)
        self.suggestion_view.selectionModel().selectionChanged.connect(self._update_buttons)

        report_part = QWidget()
        report_layout = QVBoxLayout(report_part)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(QLabel(self.tr("Importverslag")))
        report_layout.addWidget(self.report_view)
        suggestion_part = QWidget()
        suggestion_layout = QVBoxLayout(suggestion_part)
        suggestion_layout.setContentsMargins(0, 0, 0, 0)
        suggestion_layout.addLayout(acts)
        suggestion_layout.addWidget(self.suggestion_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(report_part)
        split.addWidget(suggestion_part)
        split.setSizes([360, 240])

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(inbox_box)
        layout.addWidget(split, 1)

        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self._debounce.start())
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(INBOX_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.process_inbox_now)
        self._poll = QTimer(self)
        self._poll.setInterval(INBOX_POLL_MS)
        self._poll.timeout.connect(self.process_inbox_now)
        self.watch_box.toggled.connect(self._watch)
        self.set_inbox(intake_settings.inbox_folder(), remember=False)
        self._update_buttons()

    # ------------------------------------------------------------------ imports
    def _crisis(self) -> str | None:
        crisis_id = self.current.id
        if crisis_id is None:
            QMessageBox.information(self, self.tr("Import"), self.tr("Open eerst een crisis."))
        return crisis_id

    def choose_cap_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("CAP-bestanden importeren"), "",
            self.tr("CAP-berichten (*.cap *.xml *.edxlde);;Alle bestanden (*)"))
        if paths:
            self.import_cap([Path(p) for p in paths])

    def choose_cap_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Map met CAP-berichten"))
        if folder:
            self.import_cap([Path(folder)])

    def import_cap(self, paths: list[Path]) -> None:
        crisis_id = self._crisis()
        if crisis_id is None:
            return
        progress = self._start(self.tr("CAP importeren…"), cancellable=True)
        self._run_import({"kind": "cap", "crisis": crisis_id, "paths": [str(p) for p in paths]},
                         lambda: take_in_cap(self.ctx, crisis_id, paths, progress=progress),
                         progress)

    def choose_table(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Spreadsheet importeren"), "",
            self.tr("Logboeken (*.xlsx *.csv *.txt *.json);;Alle bestanden (*)"))
        if path:
            self.open_table(Path(path))

    def open_table(self, path: Path) -> None:
        """Read the file, let the user map the columns, then import."""
        from crisisconsole.ui.dialogs.column_mapping_dialog import ColumnMappingDialog

        crisis_id = self._crisis()
        if crisis_id is None:
            return
        try:
            table = read_table_path(path)
        except CrisisConsoleError as error:
            self.show_error(error)
            return
        dialog = ColumnMappingDialog(table, path.name, self.ctx.now(), self,
                                     reload=lambda sheet, row: read_table_path(path, sheet, row))
        if dialog.exec():
            self.import_table_file(path, dialog.mapping(), dialog.on_error(),
                                   dialog.default_source(), dialog.sheet(), dialog.header_row())

    def import_table_file(self, path: Path, mapping: dict[str, str], on_error: str,
                          default_source: str | None, sheet: str | None = None,
                          header_row: int | None = None) -> None:
        crisis_id = self._crisis()
        if crisis_id is None:
            return
        progress = self._start(self.tr("Spreadsheet importeren…"), cancellable=True)
        self._run_import(
            {"kind": "table", "crisis": crisis_id, "path": str(path), "mapping": dict(mapping),
             "on_error": on_error, "default_source": default_source, "sheet": sheet,
             "header_row": header_row},
            lambda: take_in_table(self.ctx, crisis_id, path, mapping, on_error, default_source,
                                  sheet=sheet, header_row=header_row, progress=progress),
            progress)

    # ------------------------------------------------------------------ inbox
    def choose_inbox(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Inbox-map kiezen"))
        if folder:
            self.set_inbox(Path(folder))

    def set_inbox(self, folder: Path | None, remember: bool = True) -> None:
        self.inbox = folder
        if remember:
            intake_settings.set_inbox_folder(folder)
        self.inbox_label.setText(str(folder) if folder else self.tr("Geen inbox-map gekozen"))
        self.process_button.setEnabled(folder is not None)
        self.watch_box.setEnabled(folder is not None)
        self._watch(self.watch_box.isChecked())
        self.show_inbox_status()

    def _watch(self, on: bool) -> None:
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        if on and self.inbox is not None and self.inbox.is_dir():
            self.watcher.addPath(str(self.inbox))
            self._poll.start()
            self.process_inbox_now()
        else:
            self._poll.stop()

    def show_inbox_status(self) -> None:
        if self.inbox is None:
            self.inbox_status_label.setText("")
            return
        status = inbox_status(self.inbox)
        self.inbox_status_label.setText(
            self.tr("Verwerkt: %1 · Geweigerd: %2 · Wachtend: %3")
            .replace("%1", str(status.processed)).replace("%2", str(status.rejected))
            .replace("%3", str(status.waiting)))

    def process_inbox_now(self) -> None:
        if self.inbox is None or self.busy or self.current.id is None:
            return
        folder, crisis_id = self.inbox, self.current.id
        self._start(self.tr("Inbox verwerken…"))
        self._run_import(
            {"kind": "inbox", "crisis": crisis_id, "folder": str(folder),
             "settle_seconds": SETTLE_SECONDS},
            lambda: take_in_inbox(self.ctx, folder, crisis_id, settle_seconds=SETTLE_SECONDS),
            None)

    def _run_import(self, job: dict, here: Callable[[], Intake],
                    progress: ImportProgress | None) -> None:
        """The import in a child process (ui/import_child.py), so it never holds the window's
        GIL; on the import lane's thread (``here``) only where no child can run."""
        if not import_child.possible():
            self.child = None
            self.session.run_import(here, self._imported, self._failed, origin=self)
            return
        self.child = import_child.ChildImport(self.ctx, job, progress)
        self.session.run_import(self.child.run, self._imported, self._failed, origin=self)

    # ------------------------------------------------------------------ results
    def _start(self, text: str, cancellable: bool = False) -> ImportProgress | None:
        """The import's progress (a bar with a cancel button) for an import the aide started;
        an inbox pass only says that it runs."""
        self.busy = True
        self.state_label.setText(text)
        self._progress = ImportProgress(self._relay.emit_step) if cancellable else None
        if cancellable:
            self.progress_bar.setRange(0, 0)  # busy until the first file is counted
            self.progress_bar.setValue(0)
            self.progress_bar.show()
            self.cancel_button.setEnabled(True)
            self.cancel_button.show()
        return self._progress

    def _show_progress(self, done: int, total: int) -> None:
        if self._progress is None:
            return
        if total <= 0:  # one spreadsheet: busy, not counted
            self.progress_bar.setRange(0, 0)
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def cancel_import(self) -> None:
        if self._progress is None:
            return
        self._progress.cancel()
        self.cancel_button.setEnabled(False)
        self.state_label.setText(self.tr("Afbreken na het huidige bestand…"))

    def _stop_progress(self) -> None:
        self._progress = None
        self.progress_bar.hide()
        self.cancel_button.hide()

    def _imported(self, intake: Intake) -> None:
        report = intake.report
        self.busy = False
        self._stop_progress()
        self.report_model.add_items(list(report.items))
        summary = (self.tr("%1 geïmporteerd, %2 geweigerd, %3 al aanwezig")
                   .replace("%1", str(report.count("imported")
                                      + report.count("imported with warnings")))
                   .replace("%2", str(report.count("refused")))
                   .replace("%3", str(report.count("duplicate"))))
        if report.count("cancelled"):
            summary += " · " + self.tr("afgebroken: %1 niet ingelezen").replace(
                "%1", str(report.count("cancelled")))
        self.state_label.setText(summary)
        self.show_inbox_status()
        if intake.hints:
            self.suggestion_model.add_hints(list(intake.hints))
            self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._stop_progress()
        self.state_label.setText(self.tr("Niet gelukt"))
        self.show_error(error)

    def _selected_row(self) -> int | None:
        rows = self.suggestion_view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self, *_args: object) -> None:
        row = self._selected_row()
        for button in (self.link_button, self.duplicate_button, self.ignore_button):
            button.setEnabled(row is not None)

    def act_on_suggestion(self, act: str) -> None:
        row = self._selected_row()
        if row is None:
            return
        hint = self.suggestion_model.hint(row)
        self.suggestion_model.remove(row)
        self._update_buttons()
        if act == "link":
            self.session.run(lambda: link_as_corroborating(self.ctx, hint.entry.id, hint.other.id),
                             lambda _entry: None, self._failed, origin=self)
        elif act == "duplicate":
            self.session.run(lambda: mark_duplicate(self.ctx, hint.entry.id, hint.other.id),
                             lambda _entry: None, self._failed, origin=self)


def make_page(page: PageContext) -> QWidget:
    return IntakePage(page)
