"""The "Te laat" list (the top bar's count, clicked): what is past its deadline, grouped per
crisis (the count spans every crisis, so the list says which), oldest deadline first. "Ga naar"
(or Enter, or a double click) opens the item in its crisis and page; the list closes with
Sluiten or Esc. Long texts wrap instead of being cut off."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.clock import format_local

ItemRole = Qt.ItemDataRole.UserRole + 1
COL_DUE, COL_LATE, COL_WHAT = range(3)
MAX_TEXT_PX = 640  # the widest line of an item's text
PADDING = 24


@dataclass(frozen=True)
class OverdueRow:
    kind: str  # "measure" (an obligation of a measure) or "request" (an information request)
    crisis_id: str
    item_id: str  # the measure's or the request's id
    due: datetime | None
    what: str


class OverdueDialog(QDialog):
    jump_requested = Signal(str, str, str)  # kind, crisis id, item id

    def __init__(self, rows: Sequence[OverdueRow], crisis_names: dict[str, str],
                 current_crisis: str | None, now: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Te laat"))
        self.setObjectName("overdueDialog")
        groups: dict[str, list[OverdueRow]] = {}
        for row in sorted(rows, key=lambda r: (r.due is None, r.due or now)):
            groups.setdefault(row.crisis_id, []).append(row)
        order = sorted(groups, key=lambda c: (c != current_crisis,
                                              crisis_names.get(c, "").casefold()))
        self.summary = QLabel()
        self.summary.setObjectName("overdueSummary")
        self.summary.setWordWrap(True)
        if rows:
            self.summary.setText(self.tr("%1 te laat in %2 crisis(sen)").replace(
                "%1", str(len(rows))).replace("%2", str(len(groups))))
        else:
            self.summary.setText(self.tr("Niets te laat"))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Te laat, per crisis"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Termijn"), self.tr("Te laat"), self.tr("Wat")])
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(COL_DUE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_LATE, QHeaderView.ResizeMode.ResizeToContents)
        bold = QFont(self.font())
        bold.setBold(True)
        for crisis_id in order:
            items = groups[crisis_id]
            name = crisis_names.get(crisis_id) or self.tr("onbekende crisis")
            group = QTreeWidgetItem([f"{name} ({len(items)})"])
            group.setFont(COL_DUE, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for row in items:
                # The text is wrapped by hand (``_fit``): a tree's rows do not grow for word
                # wrap, and an elided question is a question not read.
                child = QTreeWidgetItem([format_local(row.due) if row.due else "",
                                         self.late_text(now - row.due) if row.due else "",
                                         row.what])
                child.setData(COL_DUE, ItemRole, row)
                child.setToolTip(COL_WHAT, " ".join(row.what.split()))
                group.addChild(child)
            group.setExpanded(True)
        self.jump_button = QPushButton(self.tr("Ga naar"))
        self.jump_button.setToolTip(self.tr("Open in de eigen crisis en pagina (Enter)"))
        self.jump_button.setEnabled(False)
        self.jump_button.clicked.connect(self.jump)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        self.buttons.addButton(self.jump_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(
            lambda current, _prev: self.jump_button.setEnabled(self._row(current) is not None))
        self.tree.itemDoubleClicked.connect(lambda _item, _col: self.jump())
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self.tree).activated.connect(self.jump)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        first = self.tree.topLevelItem(0)
        if first is not None and first.childCount():
            self.tree.setCurrentItem(first.child(0))
        self._fit()

    def _fit(self) -> None:
        """Every line whole: the texts are wrapped to what the screen leaves beside the times,
        and the dialog is as large as its lines, never larger than the screen."""
        metrics = self.tree.fontMetrics()
        children = [self.tree.topLevelItem(i).child(j)
                    for i in range(self.tree.topLevelItemCount())
                    for j in range(self.tree.topLevelItem(i).childCount())]
        fixed = max((metrics.horizontalAdvance(c.text(COL_DUE)) for c in children), default=0)
        fixed += max((metrics.horizontalAdvance(c.text(COL_LATE)) for c in children), default=0)
        fixed += self.tree.indentation() + 2 * PADDING + 90  # margins, frame, scroll bar
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        room = int(area.width() * 0.9) - fixed if area is not None else MAX_TEXT_PX
        text_px = max(240, min(MAX_TEXT_PX, room))
        widest, lines = 0, self.tree.topLevelItemCount()
        for child in children:
            wrapped = wrap_to_width(child.toolTip(COL_WHAT), metrics, text_px)
            child.setText(COL_WHAT, "\n".join(wrapped))
            widest = max([widest, *(metrics.horizontalAdvance(line) for line in wrapped)])
            lines += len(wrapped)
        width = fixed + widest + PADDING
        height = 150 + (metrics.height() + 6) * min(lines, 16)
        if area is not None:
            width = min(width, int(area.width() * 0.9))
            height = min(height, int(area.height() * 0.8))
        self.resize(max(width, 480), height)

    def late_text(self, late: timedelta) -> str:
        """How late, coarsely: "1 d 4 u", "3 u 5 min", "12 min"."""
        minutes = max(0, int(late.total_seconds() // 60))
        days, rest = divmod(minutes, 24 * 60)
        hours, minutes = divmod(rest, 60)
        if days:
            return self.tr("%1 d %2 u").replace("%1", str(days)).replace("%2", str(hours))
        if hours:
            return self.tr("%1 u %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
        return self.tr("%1 min").replace("%1", str(minutes))

    @staticmethod
    def _row(item: QTreeWidgetItem | None) -> OverdueRow | None:
        return item.data(COL_DUE, ItemRole) if item is not None else None

    def chosen(self) -> OverdueRow | None:
        return self._row(self.tree.currentItem())

    def jump(self) -> None:
        row = self.chosen()
        if row is None:
            return
        self.jump_requested.emit(row.kind, row.crisis_id, row.item_id)
        self.accept()


def wrap_to_width(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Greedy word wrap by pixels; a word longer than a line is split."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if metrics.horizontalAdvance(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while metrics.horizontalAdvance(word) > width and len(word) > 1:
            cut = len(word)
            while cut > 1 and metrics.horizontalAdvance(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines or [""]
