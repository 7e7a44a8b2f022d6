"""Filters as chips above the log table; they build a LogFilter that the model runs in SQL.

The chips and the two lists sit in a FlowLayout: on a narrow window they wrap onto a second
line instead of making the window wider than a laptop screen."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.domain.log_rules import DISCIPLINES
from crisisconsole.domain.picture_input import discipline_label
from crisisconsole.services.log.queries import LogFilter
from crisisconsole.ui.widgets.flow_layout import FlowLayout

CHIP_STYLE = (
    "QToolButton { border: 1px solid #9fb3c8; border-radius: 11px; padding: 2px 10px;"
    " background: #ffffff; color: #243b53; }"
    "QToolButton:checked { background: #1f2d3d; color: #ffffff; border-color: #1f2d3d; }"
)


class LogFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CHIP_STYLE)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(8, 0, 8, 0)
        rows.setSpacing(4)
        top = QHBoxLayout()
        layout = FlowLayout(spacing=6)
        rows.addLayout(top)
        rows.addLayout(layout)
        self.reliability_chips: dict[str, QToolButton] = {}
        for key, label in (("confirmed", self.tr("Bevestigd")),
                           ("hearsay", self.tr("Van horen zeggen")),
                           ("refuted", self.tr("Ontkracht"))):
            chip = self._chip(label)
            self.reliability_chips[key] = chip
            layout.addWidget(chip)
        self.contradicted_chip = self._chip(self.tr("Tegengesproken"))
        layout.addWidget(self.contradicted_chip)
        layout.addSpacing(8)
        self.window_group = QButtonGroup(self)
        self.window_group.setExclusive(False)
        self.window_chips: dict[int, QToolButton] = {}
        for hours in (1, 6, 24):
            chip = self._chip(self.tr("%1 u").replace("%1", str(hours)))
            chip.setToolTip(self.tr("Alleen het laatste %1 uur").replace("%1", str(hours)))
            self.window_chips[hours] = chip
            self.window_group.addButton(chip)
            chip.toggled.connect(lambda on, h=hours: self._exclusive_window(h, on))
            layout.addWidget(chip)
        layout.addSpacing(8)
        self.source_box = QComboBox()
        self.source_box.setAccessibleName(self.tr("Filter op bron"))
        self.source_box.currentIndexChanged.connect(self.changed)
        layout.addWidget(self.source_box)
        self.discipline_box = QComboBox()
        self.discipline_box.setAccessibleName(self.tr("Filter op discipline"))
        self.discipline_box.addItem(self.tr("Alle disciplines"), None)
        for discipline in DISCIPLINES:
            self.discipline_box.addItem(discipline_label(discipline.id, discipline.label_nl),
                                        discipline.id)
        self.discipline_box.currentIndexChanged.connect(self.changed)
        layout.addWidget(self.discipline_box)
        for box in (self.source_box, self.discipline_box):  # not as wide as the longest name
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Zoeken in het logboek… (Ctrl+F)"))
        self.search_edit.setAccessibleName(self.tr("Zoeken"))
        self.search_edit.setClearButtonEnabled(True)
        top.addWidget(self.search_edit, 1)
        self.sort_box = QComboBox()
        self.sort_box.setAccessibleName(self.tr("Sorteren op"))
        self.sort_box.addItem(self.tr("Tijdstip gebeurd"), "occurred")
        self.sort_box.addItem(self.tr("Vastgelegd"), "recorded")
        top.addWidget(QLabel(self.tr("Sorteren:")))
        top.addWidget(self.sort_box)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self.changed)
        self.search_edit.textChanged.connect(lambda _t: self._typing.start())
        self.set_sources([])

    def _chip(self, label: str) -> QToolButton:
        chip = QToolButton()
        chip.setText(label)
        chip.setCheckable(True)
        chip.setAccessibleName(label)
        chip.toggled.connect(lambda _on: self.changed.emit())
        return chip

    def _exclusive_window(self, hours: int, on: bool) -> None:
        if on:
            for other, chip in self.window_chips.items():
                if other != hours and chip.isChecked():
                    chip.blockSignals(True)
                    chip.setChecked(False)
                    chip.blockSignals(False)

    def set_sources(self, sources: list[tuple[str, str]]) -> None:
        current = self.source_box.currentData()
        self.source_box.blockSignals(True)
        self.source_box.clear()
        self.source_box.addItem(self.tr("Alle bronnen"), None)
        for source_id, label in sources:
            self.source_box.addItem(label, source_id)
        index = self.source_box.findData(current)
        self.source_box.setCurrentIndex(max(index, 0))
        self.source_box.blockSignals(False)

    def log_filter(self, now: datetime) -> LogFilter:
        hours = next((h for h, chip in self.window_chips.items() if chip.isChecked()), None)
        source = self.source_box.currentData()
        discipline = self.discipline_box.currentData()
        return LogFilter(
            reliability=tuple(k for k, chip in self.reliability_chips.items()
                              if chip.isChecked()),
            source=(source,) if source else (),
            discipline=(discipline,) if discipline else (),
            since=now - timedelta(hours=hours) if hours else None,
            query=self.search_edit.text().strip() or None,
            contradicted_only=self.contradicted_chip.isChecked(),
        )

    def order(self) -> str:
        return self.sort_box.currentData()
