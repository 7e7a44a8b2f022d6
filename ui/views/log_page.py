"""Logboek: quick entry on top, filter chips, the table (a million rows stay fast), and the
detail panel with the whole history and the acts confirm / refute / correct / link.

Live: every change of the log (from elsewhere in this app or, through the session's poll of the
audit chain, from the CLI or another laptop) refreshes the table once, keeping the selected
entry and the entry at the top of the view where the user left them. What the page does itself
it shows at once (its own changes are not handed back by the watch)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisconsole import settings
from crisisconsole.domain.file_names import safe_file_name
from crisisconsole.errors import CrisisConsoleError
from crisisconsole.services.foundation.changes import Changes, Kind
from crisisconsole.services.log import attachments as log_attachments
from crisisconsole.services.log import entries as log_entries
from crisisconsole.services.log import record
from crisisconsole.services.log import sources as log_sources
from crisisconsole.services.log.export_data import history_json
from crisisconsole.services.log.queries import LogFilter, list_entries
from crisisconsole.services.log.values import late_threshold
from crisisconsole.services.places.gazetteer import gazetteer_for_crisis
from crisisconsole.services.team import conflicts
from crisisconsole.ui.dialogs.log_action_dialogs import (
    AssessDialog,
    CorrectDialog,
    LinkDialog,
    SettleDialog,
)
from crisisconsole.ui.models.log_table_model import (
    COL_AGE,
    COL_RELIABILITY,
    COL_TEXT,
    EntryIdRole,
    LogTableModel,
)
from crisisconsole.ui.page_context import PageContext
from crisisconsole.ui.views.log_export_actions import LogExport
from crisisconsole.ui.widgets.empty_view_note import EmptyViewNote
from crisisconsole.ui.widgets.entry_picker import PickerEntry, picker_entries
from crisisconsole.ui.widgets.log_delegates import BadgeDelegate, HighlightDelegate
from crisisconsole.ui.widgets.log_detail_panel import LogDetailPanel
from crisisconsole.ui.widgets.log_filter_bar import LogFilterBar
from crisisconsole.ui.widgets.log_quick_entry import QuickEntryBar

WATCHED = frozenset({Kind.LOG, Kind.SOURCES, Kind.SETTINGS, Kind.PLACES})
ROW_HEIGHT = 28
# Below this width of the page (the window's navigation takes 200 px more) the detail panel
# goes under the table: beside it, the fixed columns (~720 px) and the panel (320) leave the
# message column too little room.
NARROW_PAGE = 1340
PICKER_LIMIT = 1000  # the most recent entries offered to link or corroborate


class LogPage(QWidget):
    def __init__(self, page: PageContext) -> None:
        super().__init__()
        self.current = page.crisis
        self.show_error = page.show_error
        self.show_status = page.show_status
        self.session = page.session
        self.ctx = self.session.ctx
        self.crisis_id: str | None = None
        self.model = LogTableModel(self.ctx.store, self.ctx.store.clock, self)
        remembered = settings.load()
        self.model.late_after = late_threshold(self.ctx.store)
        self.quick = QuickEntryBar()
        self.quick.set_reliability(remembered.get("last_reliability"))
        self.filters = LogFilterBar()
        self.table = QTableView()
        self.table.setObjectName("logTable")
        self.table.setAccessibleName(self.tr("Logboek"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().hide()
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((140, 86, 196, 168, 300, 132)):
            if column != COL_TEXT:
                self.table.setColumnWidth(column, width)
        badge = BadgeDelegate(self.table)
        self.table.setItemDelegateForColumn(COL_AGE, badge)
        self.table.setItemDelegateForColumn(COL_RELIABILITY, badge)
        self.table.setItemDelegateForColumn(COL_TEXT, HighlightDelegate(self.table))
        self.empty_note = EmptyViewNote(self.table, self._empty_text)
        self.detail = LogDetailPanel()
        self.exporter = LogExport(self)  # export and print what the filter shows
        self.split = split = QSplitter()
        split.setObjectName("logSplit")
        split.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.table, 1)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([760, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.quick)
        layout.addWidget(split, 1)
        detail_key = QShortcut(QKeySequence("Ctrl+D"), self)
        detail_key.setWhatsThis(self.tr("Detailpaneel tonen of verbergen"))
        detail_key.activated.connect(self.toggle_detail)

        self._age_timer = QTimer(self)
        self._age_timer.setInterval(30_000)
        self._age_timer.timeout.connect(self.model.refresh_ages)
        self._age_timer.start()
        for key in ("Ctrl+L", "F2"):
            quick_key = QShortcut(QKeySequence(key), self)
            quick_key.setWhatsThis(self.tr("Naar het invoerveld voor een nieuwe melding"))
            quick_key.activated.connect(self.focus_quick_entry)
        search_key = QShortcut(QKeySequence("Ctrl+F"), self)
        search_key.setWhatsThis(self.tr("Zoeken in het logboek"))
        search_key.activated.connect(self.filters.search_edit.setFocus)
        self.quick.submitted.connect(self.save_quick_entry)
        self.filters.changed.connect(self.apply_filters)
        self.filters.sort_box.currentIndexChanged.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.detail.confirm_requested.connect(lambda: self.assess("confirmed"))
        self.detail.refute_requested.connect(lambda: self.assess("refuted"))
        self.detail.correct_requested.connect(self.correct)
        self.detail.link_requested.connect(self.link)
        self.detail.settle_requested.connect(self.settle)
        self.detail.attach_requested.connect(self.choose_attachments)
        self.detail.save_attachment_requested.connect(self.ask_save_attachment)
        self.model.count_ready.connect(self._after_count)
        self._pending_view: tuple[str | None, str | None] = (None, None)
        self.session.watch(WATCHED, self._on_changes, self)
        self.current.changed.connect(self.set_crisis)
        self._load_sources()
        self.set_crisis(self.current.id)
        QTimer.singleShot(0, self._follow_window)

    def _follow_window(self) -> None:
        """The window picks its first crisis after the pages exist, without a signal."""
        if self.current.id != self.crisis_id:
            self.set_crisis(self.current.id)

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        self._follow_window()
        super().showEvent(event)

    # -- layout --------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        """On a narrow window (the page below NARROW_PAGE px) the detail panel goes below the
        table, so the message column keeps a readable width beside the fixed ones."""
        super().resizeEvent(event)
        self.place_detail(event.size().width())

    def place_detail(self, width: int) -> None:
        wanted = (Qt.Orientation.Vertical if width < NARROW_PAGE
                  else Qt.Orientation.Horizontal)
        if self.split.orientation() == wanted:
            return
        self.split.setOrientation(wanted)
        beside = wanted == Qt.Orientation.Horizontal
        self.detail.setMinimumWidth(320 if beside else 0)
        self.detail.set_beside(beside)
        along = self.split.width() if beside else self.split.height()
        first = along * 3 // 4 if beside else along * 2 // 3
        self.split.setSizes([first, along - first])

    def toggle_detail(self) -> None:
        """Ctrl+D: the detail panel hidden gives the table the whole page, and back."""
        self.detail.setVisible(self.detail.isHidden())

    # -- data ----------------------------------------------------------------------------------
    def _load_sources(self) -> None:
        sources = [(o.id, o.label_nl) for o in log_sources.list_sources(self.ctx.store)]
        self.quick.set_sources(sources, settings.load().get("last_source"))
        self.filters.set_sources(sources)

    def _load_places(self) -> None:
        """The gazetteer's names for the location field (the crisis's municipality)."""
        names: list[str] = []
        if self.crisis_id is not None:
            book = gazetteer_for_crisis(self.ctx.store, self.crisis_id)
            names = sorted({name for place in book.places
                            for name in (place.name, *place.aliases)}, key=str.casefold)
        self.quick.set_places(names)

    def set_crisis(self, crisis_id: str | None) -> None:
        self.crisis_id = crisis_id
        self._load_places()
        self.model.set_filter(self.filters.log_filter(self.ctx.now()))
        self.model.set_crisis(crisis_id)
        self.detail.show_history(None)

    def current_filter(self):  # noqa: ANN201 - LogFilter
        """The filter the table shows now (export and print take it)."""
        return self.model.filter

    def apply_filters(self) -> None:
        self.model.filter = self.filters.log_filter(self.ctx.now())
        self.model.order = self.filters.order()
        self.refresh(keep_top=False)

    def _on_changes(self, changes: Changes) -> None:
        """Changes made elsewhere, coalesced: at most one refresh for all of them."""
        if Kind.SOURCES in changes.kinds:
            self._load_sources()
        if Kind.PLACES in changes.kinds:
            self._load_places()
        stale = Kind.LOG in changes.kinds and changes.concerns(self.crisis_id)
        if Kind.SETTINGS in changes.kinds:
            stale = self._late_threshold_changed() or stale
        if stale:
            self.refresh()

    def select_entry(self, entry_id: str) -> None:
        """Select one entry (the Kaart asks, through the main window) and show its detail."""
        self._restore_view(entry_id, None)
        row = self.model.row_of(entry_id)
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))

    def selected_id(self) -> str | None:
        index = self.table.selectionModel().currentIndex()
        return index.data(EntryIdRole) if index.isValid() else None

    def refresh(self, keep_top: bool = True) -> None:
        """Reload, keeping the selected entry and the entry at the top of the view."""
        selected = self.selected_id()
        bar = self.table.verticalScrollBar()
        top_row = self.table.rowAt(0)
        anchor = None
        if keep_top and bar.value() > 0 and top_row >= 0:
            anchor = self.model.index(top_row, 0).data(EntryIdRole)
        self.model.refresh()
        if not keep_top:  # a new filter or order starts at the top (or at the selection)
            self.table.scrollToTop()
        self._pending_view = (selected, anchor) if self.model.counting else (None, None)
        self._restore_view(selected, anchor)

    def _late_threshold_changed(self) -> bool:
        """The threshold is an audited setting of the database: whoever changes it (here, in
        another window, from the CLI), the marks follow. True when the view must refresh."""
        threshold = late_threshold(self.ctx.store)
        if threshold == self.model.late_after:
            return False
        self.model.late_after = threshold
        return True

    def _after_count(self) -> None:
        """A filtered view counts in the background: once the count is in, rows further down
        exist, so the selection and scroll position can be put back there."""
        selected, anchor = self._pending_view
        self._pending_view = (None, None)
        if selected is not None and self.selected_id() is None:
            self._restore_view(selected, anchor)
        elif anchor is not None:
            self._scroll_to(anchor)

    def _restore_view(self, selected: str | None, anchor: str | None) -> None:
        """Select the entry that was selected and scroll the anchor to the top again."""
        if selected is not None:
            row = self.model.row_of(selected)
            if row is not None:
                selection = self.table.selectionModel()
                selection.blockSignals(True)
                self.table.selectRow(row)
                selection.setCurrentIndex(self.model.index(row, 0),
                                          selection.SelectionFlag.NoUpdate)
                selection.blockSignals(False)
                self.table.viewport().update()
                self._show_detail(selected)
            else:  # the filter hides it: no live buttons on an entry that is not shown
                self.table.selectionModel().clearSelection()
                self.detail.show_history(None)
        else:
            self.detail.show_history(None)
        if anchor is not None:  # after the selection, which may have scrolled
            self._scroll_to(anchor)

    def _scroll_to(self, anchor: str) -> None:
        row = self.model.row_of(anchor)
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0),
                                QAbstractItemView.ScrollHint.PositionAtTop)

    def _empty_text(self) -> str:
        if self.crisis_id is None:
            return self.tr("Geen crisis gekozen")
        if self.model.filter != LogFilter():
            return self.tr("Geen meldingen voor dit filter")
        return self.tr("Nog geen meldingen in deze crisis")

    def _selection_changed(self, current, _previous) -> None:  # noqa: ANN001
        entry_id = current.data(EntryIdRole) if current.isValid() else None
        self._show_detail(entry_id)

    def _show_detail(self, entry_id: str | None) -> None:
        data = history_json(self.ctx.store, entry_id) if entry_id else None
        if data is not None:  # team mode: the versions in conflict, until someone settles
            found = conflicts.entry_conflicts(self.ctx.store, [entry_id]).get(entry_id)
            data["conflict"] = found.as_json() if found else None
        self.detail.show_history(data)

    def _choices(self, exclude: str) -> list[PickerEntry]:
        """The recent entries to pick from (searchable in the dialog)."""
        return picker_entries(list_entries(self.ctx.store, self.crisis_id, limit=PICKER_LIMIT),
                              exclude)

    # -- writes --------------------------------------------------------------------------------
    def focus_quick_entry(self) -> None:
        self.quick.text_edit.setFocus()
        self.quick.text_edit.selectAll()

    def save_quick_entry(self, _payload: dict | None = None) -> None:
        """One act: services.log.record takes in a new source, the files and the entry in one
        transaction (the same use case as ``crisisconsole log add``)."""
        if self.crisis_id is None:
            return
        try:
            draft = self.quick.draft(self.ctx.now())
        except Exception as error:  # noqa: BLE001 - shown in the bar, text kept
            self.quick.failed(error)
            return
        ctx, crisis_id = self.ctx, self.crisis_id
        self.quick.saving()
        self.session.run(lambda: record.record_and_remember(ctx, crisis_id, draft), self._saved,
                         self.quick.failed, origin=self)

    def _saved(self, entry) -> None:  # noqa: ANN001 - LogEntry
        self.quick.saved()
        self.refresh()

    # -- attachments of the selected entry -----------------------------------------------------
    def choose_attachments(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Bijlagen toevoegen"))
        if paths:
            self.attach_files(paths)

    def attach_files(self, paths: list[str]) -> None:
        entry_id = self.detail.entry_id
        if entry_id is None:
            return
        ctx = self.ctx

        def added(items: list) -> None:
            self.refresh()
            self.detail.note(self.tr("%1 bijlage(n) toegevoegd").replace("%1", str(len(items))))

        self.session.run(lambda: log_attachments.attach_files(ctx, entry_id, paths), added,
                         self._attachment_failed, origin=self)

    def ask_save_attachment(self, attachment_id: str, filename: str) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Bijlage opslaan als"),
                                                    safe_file_name(filename))
        if path:
            self.save_attachment_to(attachment_id, path)

    def save_attachment_to(self, attachment_id: str, path: str) -> None:
        """The file dialog asked about overwriting already."""
        ctx = self.ctx
        self.session.run(
            lambda: log_attachments.save_attachment(ctx, attachment_id, path, overwrite=True),
            lambda out: self.detail.note(self.tr("Opgeslagen: %1").replace("%1", str(out))),
            self._attachment_failed)

    def _attachment_failed(self, error: BaseException) -> None:
        if isinstance(error, CrisisConsoleError):
            self.detail.note(error.message, error=True)
        else:
            self.show_error(error)

    def _act(self, dialog, act) -> None:  # noqa: ANN001 - a ValidatedDialog
        """Run the act through the dialog: it stays open, text kept, until the write is done,
        and shows a refusal beside the field it names."""
        dialog.submit_through(self.session, act, lambda _r: self.refresh(), origin=self)
        self.dialog = dialog
        dialog.exec()

    def assess(self, reliability: str) -> None:
        entry_id = self.detail.entry_id
        if entry_id is None:
            return
        entry_text = self.model.entry_at(self.table.currentIndex().row())
        dialog = AssessDialog(reliability, entry_text.text if entry_text else "",
                              self._choices(entry_id), self, entry_id=entry_id)
        self._act(dialog, lambda v: log_entries.assess_entry(self.ctx, entry_id, reliability,
                                                             **v))

    def correct(self) -> None:
        entry_id = self.detail.entry_id
        if entry_id is None:
            return
        entry = self.model.entry_at(self.table.currentIndex().row())
        dialog = CorrectDialog(entry.text if entry else "", self)
        self._act(dialog, lambda v: log_entries.correct_entry(self.ctx, entry_id, **v))

    def settle(self) -> None:
        """Concurrent corrections: the aide keeps a version or types a new text (the settle
        service checks the role and audits a refusal; the dialog shows it)."""
        entry_id = self.detail.entry_id
        found = conflicts.entry_conflicts(self.ctx.store, [entry_id]).get(entry_id) \
            if entry_id else None
        if found is None:
            return
        dialog = SettleDialog(list(found.versions), self, list(found.grades))
        self._act(dialog, lambda v: conflicts.settle_entry(self.ctx, entry_id, **v))

    def link(self) -> None:
        entry_id = self.detail.entry_id
        if entry_id is None:
            return
        dialog = LinkDialog(self._choices(entry_id), self)
        self._act(dialog, lambda v: log_entries.link_entries(self.ctx, entry_id,
                                                             v["other"] or "", v["kind"]))


def make_page(page: PageContext) -> QWidget:
    return LogPage(page)
