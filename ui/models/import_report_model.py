"""The import report: one row per file (Bestand, Status, Reden, Meldingen). Sortable by any
column; by default by status, refused files first (the three refused files of a 3,013-file
folder are at the top, not at row 3,000), and within a status the newest import on top.
Also the list of corroboration suggestions, which the sources page shows under it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from crisisconsole.clock import format_local
from crisisconsole.domain.log_rules import source_label
from crisisconsole.services.intake.corroboration import CorroborationHint
from crisisconsole.services.intake.values import (
    CANCELLED,
    DUPLICATE,
    IMPORTED,
    IMPORTED_WITH_WARNINGS,
    REFUSED,
    ImportItem,
)

_Index = QModelIndex | QPersistentModelIndex
_STATUS_COLOURS = {IMPORTED: "#1b5e20", IMPORTED_WITH_WARNINGS: "#8a4b00", REFUSED: "#b71c1c",
                   DUPLICATE: "#5f6368", CANCELLED: "#5f6368"}
# What needs the aide first: refused, then taken in with warnings, not read, already there,
# taken in.
STATUS_RANK = {REFUSED: 0, IMPORTED_WITH_WARNINGS: 1, CANCELLED: 2, DUPLICATE: 3, IMPORTED: 4}
COL_FILE, COL_STATUS, COL_REASON, COL_ENTRIES = range(4)


def status_label(status: str) -> str:
    return {IMPORTED: QCoreApplication.translate("intake", "Geïmporteerd"), REFUSED: QCoreApplication.translate("intake", "Geweigerd"),
            IMPORTED_WITH_WARNINGS: QCoreApplication.translate("intake", "Geïmporteerd met waarschuwingen"),
            DUPLICATE: QCoreApplication.translate("intake", "Al aanwezig"), CANCELLED: QCoreApplication.translate("intake", "Afgebroken")}.get(status, status)


def _sort_key(column: int, item: ImportItem) -> Any:
    if column == COL_FILE:
        return item.file.casefold()
    if column == COL_STATUS:
        return STATUS_RANK.get(item.status, len(STATUS_RANK))
    if column == COL_REASON:
        return item.reason.casefold()
    return len(item.entries)


class ImportReportModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ImportItem] = []
        self._arrival: list[tuple[int, int]] = []  # per row: (-import number, file order)
        self._imports = 0
        self._order: tuple[int, Qt.SortOrder] = (COL_STATUS, Qt.SortOrder.AscendingOrder)
        self._headers = [QCoreApplication.translate("intake", "Bestand"), QCoreApplication.translate("intake", "Status"), QCoreApplication.translate("intake", "Reden"), QCoreApplication.translate("intake", "Meldingen")]

    def add_items(self, items: Sequence[ImportItem]) -> None:
        """A new import's lines, put in the current order."""
        if not items:
            return
        self.beginInsertRows(QModelIndex(), 0, len(items) - 1)
        self._items[0:0] = list(items)
        self._imports += 1
        self._arrival[0:0] = [(-self._imports, i) for i in range(len(items))]
        self.endInsertRows()
        self.sort(*self._order)

    def clear(self) -> None:
        self.beginResetModel()
        self._items = []
        self._arrival = []
        self.endResetModel()

    def item(self, row: int) -> ImportItem:
        return self._items[row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Within equal keys (either direction) the newest import first, in file order."""
        if not 0 <= column < len(self._headers):
            return
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        rows = sorted(range(len(self._items)), key=lambda r: self._arrival[r])
        rows.sort(key=lambda r: _sort_key(column, self._items[r]),  # stable, also reversed
                  reverse=order == Qt.SortOrder.DescendingOrder)
        new_row = {old: new for new, old in enumerate(rows)}
        self._items = [self._items[r] for r in rows]
        self._arrival = [self._arrival[r] for r in rows]
        before = self.persistentIndexList()
        self.changePersistentIndexList(
            before, [self.index(new_row[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return item.file
            if column == 1:
                return status_label(item.status)
            if column == 2:
                if role == Qt.ItemDataRole.ToolTipRole and item.warnings:
                    return "\n".join([item.reason, *item.warnings])
                if role == Qt.ItemDataRole.ToolTipRole and item.skipped_rows:
                    return "\n".join([item.reason] + [f"rij {p.row}: {p.message}"
                                                      for p in item.skipped_rows[:30]])
                return item.reason
            if column == 3:
                return str(len(item.entries))
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(QColor(_STATUS_COLOURS.get(item.status, "#000000")))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SuggestionModel(QAbstractTableModel):
    """Corroboration suggestions: new entry, the entry it resembles, kind, score, why."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hints: list[CorroborationHint] = []
        self._headers = [QCoreApplication.translate("intake", "Nieuwe melding"), QCoreApplication.translate("intake", "Lijkt op"), QCoreApplication.translate("intake", "Soort"), QCoreApplication.translate("intake", "Score"),
                         QCoreApplication.translate("intake", "Waarom")]

    def add_hints(self, hints: Sequence[CorroborationHint]) -> None:
        """New suggestions on top; a pair already listed is not repeated."""
        known = {(h.entry.id, h.other.id) for h in self._hints}
        fresh = [h for h in hints if (h.entry.id, h.other.id) not in known]
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._hints[0:0] = fresh
        self.endInsertRows()

    def hint(self, row: int) -> CorroborationHint:
        return self._hints[row]

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._hints[row]
        self.endRemoveRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hints)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hints):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        hint = self._hints[index.row()]
        column = index.column()
        if column in (0, 1):
            entry = hint.entry if column == 0 else hint.other
            text = f"{format_local(entry.occurred_at)} · {source_label(entry.source)}: {entry.text}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return text
            return text.replace("\n", " ")[:160]
        if column == 2:
            return QCoreApplication.translate("intake", "Bevestiging") if hint.kind == "corroborates" else QCoreApplication.translate("intake", "Mogelijk dubbel")
        if column == 3:
            return f"{hint.score:.0f}%"
        return hint.reason
