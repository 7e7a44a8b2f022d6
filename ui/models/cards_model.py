"""The masked list of person cards: initials and role in the crisis, never a name."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from crisisconsole.clock import format_local

Index = QModelIndex | QPersistentModelIndex
REVIEW_BRUSH = QBrush(QColor("#8a4b00"))
PURGED_BRUSH = QBrush(QColor("#6b7785"))


def _columns() -> tuple[str, ...]:
    return (QCoreApplication.translate("cards", "Persoonskaart"),
            QCoreApplication.translate("cards", "Soort"),
            QCoreApplication.translate("cards", "Feiten"),
            QCoreApplication.translate("cards", "Herzien op"),
            QCoreApplication.translate("cards", "Bewaren tot"))


class CardsModel(QAbstractTableModel):
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._items: list = []
        self._headers = _columns()

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int):  # noqa: ANN201 - MaskedCard | None
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, card_id: str | None) -> int:
        return next((i for i, c in enumerate(self._items) if c.id == card_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        card = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(card, index.column())
        if role == self.IdRole:
            return card.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if card.purged:
                return PURGED_BRUSH
            if card.review_due and index.column() == 3:
                return REVIEW_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and card.review_due and index.column() == 3:
            return QCoreApplication.translate("cards", "Herziening is aan de beurt")
        return None

    @staticmethod
    def _text(card, column: int) -> str:  # noqa: ANN001 - MaskedCard
        if column == 0:
            return card.masked
        if column == 1:
            return (QCoreApplication.translate("cards", "Persoon") if card.kind == "person"
                    else QCoreApplication.translate("cards", "Organisatie"))
        if column == 2:
            return "–" if card.purged else str(card.fact_count)
        if column == 3:
            return format_local(card.review_date) if card.review_date and not card.purged else "–"
        if card.purged:
            return QCoreApplication.translate("cards", "verwijderd")
        if card.deletion_date:
            return format_local(card.deletion_date)
        return QCoreApplication.translate("cards", "crisis loopt nog")
