"""The crisis's topics as a table for curation on the Totaalbeeld page (issue 13, item 7):
title, discipline, reliability, reports, last report, trend, state. Values are formatted
once in ``set_items``; ``data`` only looks them up. The trend column is a badge: the
direction of the topic's counts from domain/numbers_trend.py (a crowd of 34 -> 52: rising),
coloured like the picture's badges."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from crisisconsole.clock import format_time, to_local
from crisisconsole.domain.picture_input import DISCIPLINES, discipline_label

translate = QCoreApplication.translate
TREND_COLOURS = {"rising": ("#8a5a00", "#ffffff"), "falling": ("#0d47a1", "#ffffff"),
                 "steady": ("#444444", "#ffffff")}
RELIABILITY_COLOURS = {"confirmed": ("#1b5e20", "#ffffff"), "hearsay": ("#8a5a00", "#ffffff"),
                       "refuted": ("#7a1f1f", "#ffffff"), "withdrawn": ("#444444", "#ffffff")}
TREND_COLUMN = 5
RELIABILITY_COLUMN = 2


def headers() -> list[str]:
    return [translate("TopicsModel", "Onderwerp"), translate("TopicsModel", "Discipline"),
            translate("TopicsModel", "Betrouwbaarheid"), translate("TopicsModel", "Meldingen"),
            translate("TopicsModel", "Laatste melding"), translate("TopicsModel", "Trend"),
            translate("TopicsModel", "Status")]


def reliability_label(value: str) -> str:
    return {"confirmed": translate("TopicsModel", "Bevestigd"),
            "hearsay": translate("TopicsModel", "Van horen zeggen"),
            "refuted": translate("TopicsModel", "Ontkracht"),
            "withdrawn": translate("TopicsModel", "Ingetrokken")}.get(value, value)


def trend_label(trend: Any) -> str:  # noqa: ANN401 - domain Trend
    words = {"rising": translate("TopicsModel", "↑ stijgend"),
             "falling": translate("TopicsModel", "↓ dalend"),
             "steady": translate("TopicsModel", "→ gelijk")}
    if trend is None or trend.direction not in words:
        return ""
    values = [int(v) if v == int(v) else v for v in trend.values[-2:]]
    series = " → ".join(str(v) for v in values)
    return f"{words[trend.direction]} ({series})" if len(values) >= 2 else words[trend.direction]


def state_label(view: Any) -> str:  # noqa: ANN401 - TopicView
    parts = []
    if view.pinned:
        parts.append(translate("TopicsModel", "vastgepind"))
    if view.closed:
        parts.append(translate("TopicsModel", "afgehandeld"))
    if view.reopened and not view.closed:
        parts.append(translate("TopicsModel", "heropend"))
    if view.open_contradictions:
        parts.append(translate("TopicsModel", "tegenstrijdig"))
    return ", ".join(parts)


class TopicsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.items: list[Any] = []
        self._rows: list[list[str]] = []
        self._labels = {key: discipline_label(key, dutch) for key, dutch in DISCIPLINES}

    def set_items(self, views: list[Any]) -> None:
        self.beginResetModel()
        self.items = list(views)
        self._rows = [[v.title, self._labels.get(v.discipline or "", v.discipline or "–"),
                       reliability_label(v.reliability), str(v.reports),
                       format_time(to_local(v.last_at), "%d-%m %H:%M") if v.last_at else "–", trend_label(v.trend),
                       state_label(v)] for v in self.items]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(headers())

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[row][column]
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = None
            if column == TREND_COLUMN:
                colours = TREND_COLOURS.get(self.items[row].trend.direction)
            elif column == RELIABILITY_COLUMN:
                colours = RELIABILITY_COLOURS.get(self.items[row].reliability)
            if colours is None:
                return None
            return QColor(colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN401
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            names = headers()
            return names[section] if 0 <= section < len(names) else None
        return None

    def topic(self, row: int) -> Any:  # noqa: ANN401 - TopicView
        return self.items[row] if 0 <= row < len(self.items) else None
