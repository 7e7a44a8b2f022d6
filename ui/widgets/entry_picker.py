"""Choosing log entries in a dialog (Koppelen, a corroborating entry, the entries a decision
rests on): a search line over a small table of time, source and text. Every word typed must
appear in one of the three (case and accents do not matter), so "14:3 politie brand" finds the
police's fire report of half past two.

The dialogs get a few hundred recent entries; filtering them here in Python is instant. The
log page itself filters in SQL (a million rows)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.clock import format_local
from crisisconsole.domain.log_rules import source_label

EntryIdRole = Qt.ItemDataRole.UserRole + 1
COL_TIME, COL_SOURCE, COL_TEXT = range(3)


@dataclass(frozen=True)
class PickerEntry:
    id: str
    when: str  # as shown: local day and time
    source: str
    text: str


def picker_entries(entries: Iterable, exclude: str | None = None) -> list[PickerEntry]:  # noqa: ANN001 - LogEntry
    """Log entries (services.log.values.LogEntry) as picker rows, ``exclude`` left out."""
    return [PickerEntry(e.id, format_local(e.occurred_at, False), source_label(e.source),
                        " ".join(e.text.split()))
            for e in entries if e.id != exclude]


def fold(text: str) -> str:
    """Lower case without accents: "Café" and "cafe" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class EntryFilterModel(QSortFilterProxyModel):
    """Keeps the rows in which every typed word appears (in time, source or text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+, where invalidateFilter is deprecated
            self.beginFilterChange()
            self._words = fold(text).split()
            self.endFilterChange()
        else:
            self._words = fold(text).split()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int,  # noqa: N802 - Qt override
                         parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = " ".join(fold(str(model.index(row, column, parent).data() or ""))
                            for column in range(model.columnCount(parent)))
        return all(word in haystack for word in self._words)


class EntryPicker(QWidget):
    """One entry (``multiple=False``: the selected row) or several (checked rows; checks
    stay while the filter hides their rows)."""

    chosen_changed = Signal()

    def __init__(self, entries: Sequence[PickerEntry], *, multiple: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.multiple = multiple
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Zoek op tekst, tijd of bron…"))
        self.search_edit.setAccessibleName(self.tr("Meldingen zoeken"))
        self.search_edit.setClearButtonEnabled(True)
        self.source_model = QStandardItemModel(0, 3, self)
        self.source_model.setHorizontalHeaderLabels(
            [self.tr("Tijdstip gebeurd"), self.tr("Bron"), self.tr("Melding")])
        for entry in entries:
            row = [QStandardItem(entry.when), QStandardItem(entry.source),
                   QStandardItem(entry.text)]
            for item in row:
                item.setEditable(False)
                item.setData(entry.id, EntryIdRole)
            row[COL_TEXT].setToolTip(entry.text)
            if multiple:
                row[COL_TIME].setCheckable(True)
                row[COL_TIME].setCheckState(Qt.CheckState.Unchecked)
            self.source_model.appendRow(row)
        self.proxy = EntryFilterModel(self)
        self.proxy.setSourceModel(self.source_model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Meldingen"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        self.count_label = QLabel()
        self.count_label.setObjectName("pickerCount")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.search_edit.textChanged.connect(self._filter)
        self.search_edit.returnPressed.connect(self._take_only_row)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._changed())
        self.source_model.itemChanged.connect(lambda _item: self._changed())
        self._show_count()

    # -- choosing ------------------------------------------------------------------------------
    def chosen_id(self) -> str | None:
        """The selected entry (single mode), or None; a row hidden by the filter is not
        chosen."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(EntryIdRole) if rows else None

    def chosen_ids(self) -> list[str]:
        """The checked entries (multiple mode), in the list's order."""
        return [self.source_model.item(row, COL_TIME).data(EntryIdRole)
                for row in range(self.source_model.rowCount())
                if self.source_model.item(row, COL_TIME).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, entry_id: str | None, checked: bool = True) -> bool:
        """Select (or, with ``multiple``, check) an entry; False when it is not in the list or
        the filter hides it."""
        for row in range(self.source_model.rowCount()):
            item = self.source_model.item(row, COL_TIME)
            if item.data(EntryIdRole) != entry_id:
                continue
            if self.multiple:
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)
                return True
            shown = self.proxy.mapFromSource(item.index())
            if not shown.isValid():
                return False
            self.table.selectRow(shown.row())
            return True
        if entry_id is None and not self.multiple:
            self.table.clearSelection()
        return False

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(row, 0).data(EntryIdRole)
                for row in range(self.proxy.rowCount())]

    # -- filtering -----------------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        chosen = self.chosen_id()
        self.proxy.set_query(text)
        if not self.multiple:
            # Qt moves the selection to a neighbouring row when the chosen one is filtered
            # away; a row the aide did not pick must never become the choice.
            selection = self.table.selectionModel()
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), selection.SelectionFlag.NoUpdate)
            if chosen is not None:
                self.set_chosen(chosen)
        self._show_count()
        self._changed()

    def _take_only_row(self) -> None:
        """Enter in the search line with one row left picks it (single mode)."""
        if not self.multiple and self.proxy.rowCount() == 1:
            self.table.selectRow(0)

    def _show_count(self) -> None:
        total, shown = self.source_model.rowCount(), self.proxy.rowCount()
        if total == 0:
            text = self.tr("Geen meldingen om uit te kiezen")
        elif shown == 0:
            text = self.tr("Geen meldingen voor deze zoekterm")
        elif shown == total:
            text = self.tr("%1 meldingen").replace("%1", str(total))
        else:
            text = self.tr("%1 van %2 meldingen").replace("%1", str(shown)).replace(
                "%2", str(total))
        if self.multiple:
            text += " · " + self.tr("%1 gekozen").replace("%1", str(len(self.chosen_ids())))
        self.count_label.setText(text)

    def _changed(self) -> None:
        if self.multiple:
            self._show_count()
        self.chosen_changed.emit()
