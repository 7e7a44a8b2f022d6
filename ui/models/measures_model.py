"""The list of measures: state, next due obligation and a live countdown.

Rows are MeasureView values evaluated by the service at one moment; the countdown column is
recomputed against the clock on each tick without re-reading the database.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from crisisconsole.clock import format_age, format_local

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (QT_TRANSLATE_NOOP("measures", "Maatregel"), QT_TRANSLATE_NOOP("measures", "Soort"),
           QT_TRANSLATE_NOOP("measures", "Status"),
           QT_TRANSLATE_NOOP("measures", "Volgende termijn"),
           QT_TRANSLATE_NOOP("measures", "Aftellen"))
COUNTDOWN = 4
OVERDUE_BRUSH = QBrush(QColor("#b00020"))


def countdown_text(due: datetime | None, now: datetime) -> str:
    if due is None:
        return "–"
    delta = due - now
    if delta.total_seconds() >= 0:
        return QCoreApplication.translate("measures", "over %1").replace("%1", format_age(delta))
    return QCoreApplication.translate("measures", "%1 te laat").replace("%1", format_age(-delta))


class MeasuresModel(QAbstractTableModel):
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._views: list = []
        self._now: datetime | None = None

    def set_views(self, views: list, now: datetime) -> None:
        self.beginResetModel()
        self._views = list(views)
        self._now = now
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        """Tick the countdown only (no database read)."""
        self._now = now
        if self._views:
            self.dataChanged.emit(self.index(0, COUNTDOWN),
                                  self.index(len(self._views) - 1, COUNTDOWN),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole])

    def view_at(self, row: int):  # noqa: ANN201 - MeasureView | None
        return self._views[row] if 0 <= row < len(self._views) else None

    def row_of(self, measure_id: str) -> int:
        return next((i for i, v in enumerate(self._views) if v.id == measure_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._views)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return QCoreApplication.translate("measures", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._views):
            return None
        view = self._views[index.row()]
        column = index.column()
        nxt = view.status.next_due
        if role == self.IdRole:
            return view.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return view.measure.title
            if column == 1:
                return view.measure.kind.label
            if column == 2:
                return view.status.state.label
            if column == 3:
                if nxt is None:
                    undated = [o for o in view.status.obligations if o.due is None]
                    return undated[0].text if undated else "–"
                return f"{format_local(nxt.due)} · {nxt.text}"
            if column == COUNTDOWN:
                return countdown_text(nxt.due if nxt else None, self._now or view.now)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in (3, COUNTDOWN) and nxt is not None:
            now = self._now or view.now
            return OVERDUE_BRUSH if nxt.due is not None and now > nxt.due else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and nxt is not None:
            return nxt.text
        return None
