"""The preview in the column-mapping dialog: the first rows of the file as they would be stored
(parsed values per field), with the row number and the row's errors first; bad rows are tinted
and show the file's own cell text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from crisisconsole.interchange.table_import import FIELDS
from crisisconsole.services.intake.table import TablePreview

_Index = QModelIndex | QPersistentModelIndex
ERROR_TINT = "#fde7e7"


def field_labels() -> dict[str, str]:
    def t(text: str) -> str:
        return QCoreApplication.translate("intake", text)

    return {
        "occurred_at": t("Tijdstip gebeurd"), "source": t("Bron"), "person": t("Persoon"),
        "text": t("Melding"), "reliability": t("Betrouwbaarheid"), "grade": t("Beoordeling"),
        "location": t("Locatie"), "discipline": t("Discipline"),
    }


class TablePreviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._preview: TablePreview | None = None
        self._fields: list[str] = []
        self._raw_index: dict[str, int] = {}
        labels = field_labels()
        self._labels = labels

    def set_preview(self, preview: TablePreview) -> None:
        self.beginResetModel()
        self._preview = preview
        used = set(preview.mapping.values())
        self._fields = [name for name in FIELDS if name in used]
        position = {column: i for i, column in enumerate(preview.columns)}
        self._raw_index = {field: position[column] for column, field in preview.mapping.items()
                           if column in position}
        self.endResetModel()

    def _headers(self) -> list[str]:
        return ([QCoreApplication.translate("intake", "Rij"),
                 QCoreApplication.translate("intake", "Fouten")]
                + [self._labels[name] for name in self._fields])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self._preview is None:
            return 0
        return len(self._preview.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._fields) + 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        headers = self._headers()
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(headers)):
            return headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._preview is None or not index.isValid():
            return None
        if not 0 <= index.row() < len(self._preview.rows):
            return None
        row = self._preview.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and row.errors:
            return QBrush(QColor(ERROR_TINT))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return str(row.row)
        if column == 1:
            return "; ".join(row.errors)
        if 2 <= column < len(self._fields) + 2:
            field = self._fields[column - 2]
            if row.parsed:
                value = row.parsed.get(field, "")
            else:  # a bad row: show what the file says, so the user sees what is wrong
                position = self._raw_index.get(field)
                value = row.values[position] if position is not None else ""
            return value if role == Qt.ItemDataRole.ToolTipRole else value.replace("\n", " ")
        return None
