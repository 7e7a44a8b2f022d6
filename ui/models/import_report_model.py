"""The import report: one row per file (Bestand, Status, Reden, Meldingen), newest import on top.
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
    DUPLICATE,
    IMPORTED,
    IMPORTED_WITH_WARNINGS,
    REFUSED,
    ImportItem,
)

_Index = QModelIndex | QPersistentModelIndex
_STATUS_COLOURS = {IMPORTED: "#1b5e20", IMPORTED_WITH_WARNINGS: "#8a4b00", REFUSED: "#b71c1c",
                   DUPLICATE: "#5f6368"}


def _t(text: str) -> str:
    return QCoreApplication.translate("intake", text)


def status_label(status: str) -> str:
    return {IMPORTED: QCoreApplication.translate("intake", "Geïmporteerd"), REFUSED: QCoreApplication.translate("intake", "Geweigerd"),
            IMPORTED_WITH_WARNINGS: QCoreApplication.translate("intake", "Geïmporteerd met waarschuwingen"),
            DUPLICATE: QCoreApplication.translate("intake", "Al aanwezig")}.get(status, status)


class ImportReportModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ImportItem] = []
        self._headers = [QCoreApplication.translate("intake", "Bestand"), QCoreApplication.translate("intake", "Status"), QCoreApplication.translate("intake", "Reden"), QCoreApplication.translate("intake", "Meldingen")]

    def add_items(self, items: Sequence[ImportItem]) -> None:
        if not items:
            return
        self.beginInsertRows(QModelIndex(), 0, len(items) - 1)
        self._items[0:0] = list(items)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._items = []
        self.endResetModel()

    def item(self, row: int) -> ImportItem:
        return self._items[row]

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
