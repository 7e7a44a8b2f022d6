"""Decisions and actions as table models: plain rows from the picture_records services,
values formatted once; overdue actions in the alert colour and bold."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from crisisconsole.clock import format_local

Index = QModelIndex | QPersistentModelIndex
IdRole = Qt.ItemDataRole.UserRole + 1
OVERDUE_BRUSH = QBrush(QColor("#b00020"))
BOLD = QFont()
BOLD.setBold(True)
STATUS_NL = {"open": QT_TRANSLATE_NOOP("decisions", "open"),
             "done": QT_TRANSLATE_NOOP("decisions", "gereed"),
             "dropped": QT_TRANSLATE_NOOP("decisions", "vervallen")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("decisions", text)


class _RowsModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._items: list = []
        self._cells: list[tuple[str, ...]] = []

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._cells = [self.cells(i) for i in self._items]
        self.endResetModel()

    def cells(self, item) -> tuple[str, ...]:  # noqa: ANN001
        raise NotImplementedError

    def item(self, row: int):  # noqa: ANN201
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.COLUMNS)):
            return _tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or index.row() >= len(self._items):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == IdRole:
            return self._items[index.row()].id
        return self.extra(self._items[index.row()], role)

    def extra(self, item, role: int):  # noqa: ANN001, ANN201
        return None


class DecisionsModel(_RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("decisions", "Tijdstip"),
               QT_TRANSLATE_NOOP("decisions", "Besluit"),
               QT_TRANSLATE_NOOP("decisions", "Onderbouwing"),
               QT_TRANSLATE_NOOP("decisions", "Besloten door"),
               QT_TRANSLATE_NOOP("decisions", "Rust op"))

    def cells(self, d) -> tuple[str, ...]:  # noqa: ANN001 - Decision
        basis = list(d.entry_labels)
        if d.snapshot_version:
            basis.append(QCoreApplication.translate("decisions", "beeld versie %1").replace("%1", str(d.snapshot_version)))
        return (format_local(d.decided_at), d.text, d.rationale, d.decided_by,
                ", ".join(basis) or "–")


class ActionsModel(_RowsModel):
    COLUMNS = (QT_TRANSLATE_NOOP("decisions", "Actie"),
               QT_TRANSLATE_NOOP("decisions", "Actiehouder"),
               QT_TRANSLATE_NOOP("decisions", "Termijn"),
               QT_TRANSLATE_NOOP("decisions", "Status"))

    def cells(self, a) -> tuple[str, ...]:  # noqa: ANN001 - Action
        status = _tr(STATUS_NL[a.status])
        if a.overdue:
            status = QCoreApplication.translate("decisions", "TE LAAT") + f" ({status})"
        return (a.text, a.owner, format_local(a.due) if a.due else "–", status)

    def extra(self, a, role: int):  # noqa: ANN001, ANN201
        if a.overdue and role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_BRUSH
        if a.overdue and role == Qt.ItemDataRole.FontRole:
            return BOLD
        return None
