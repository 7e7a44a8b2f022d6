"""Tijdlijn: the crisis as a time axis (GRIP steps, decisions, measures and requests as bars,
topics), drawn by the same QPainter code as the PDF. Zoom with Ctrl+wheel, + and - (on the page),
0 for the whole crisis; the scroll bar below moves the window of time.

It follows the change feed (requests, the crisis and its GRIP steps, decisions, measures) and
the crisis the window shows."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.interchange.timeline_paint import content_height, paint_timeline
from crisisconsole.services.foundation.changes import Changes, Kind
from crisisconsole.services.network.timeline import Timeline, build_timeline, export_timeline
from crisisconsole.ui.latest_read import LatestRead
from crisisconsole.ui.page_context import PageContext

WATCHED = frozenset({Kind.REQUESTS, Kind.CRISIS, Kind.DECISIONS, Kind.MEASURES})


class TimelineCanvas(QWidget):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.window_of_time: tuple[datetime, datetime] | None = None
        self.setAccessibleName(self.tr("Tijdlijn van de crisis"))
        self.setMinimumHeight(200)

    def set_timeline(self, timeline: Timeline | None,
                     window: tuple[datetime, datetime] | None) -> None:
        self.timeline, self.window_of_time = timeline, window
        if timeline is not None:
            self.setMinimumHeight(int(content_height(timeline)))
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        painter = QPainter(self)
        try:
            if self.timeline is None:
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                                 self.tr("Geen crisis gekozen"))
                return
            paint_timeline(painter, QRectF(self.rect()), self.timeline, self.window_of_time)
        finally:
            painter.end()


class TimelinePage(QWidget):
    def __init__(self, page: PageContext) -> None:
        super().__init__()
        self.current = page.crisis
        self.show_error = page.show_error
        self.session = page.session
        self.ctx = self.session.ctx
        self.timeline: Timeline | None = None
        self.zoom = 1.0  # 1: the whole crisis; 2: half of it …
        self.canvas = TimelineCanvas()
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.canvas)
        self.scroll = QScrollBar(Qt.Orientation.Horizontal)
        self.scroll.setRange(0, 0)
        self.scroll.valueChanged.connect(lambda _v: self._apply())
        title = QLabel(self.tr("Tijdlijn"))
        title.setObjectName("emptyTitle")
        self.zoom_label = QLabel("")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(self.zoom_label)
        for label, key, factor in ((self.tr("Inzoomen"), "+", 2.0),
                                   (self.tr("Uitzoomen"), "-", 0.5),
                                   (self.tr("Hele crisis"), "0", 0.0)):
            button = QPushButton(f"{label} ({key})")
            button.clicked.connect(lambda _=False, f=factor: self.zoom_by(f))
            shortcut = QShortcut(QKeySequence(key), self, activated=lambda f=factor: self.zoom_by(f))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(label)
            bar.addWidget(button)
        pdf = QPushButton(self.tr("PDF…"))
        pdf.clicked.connect(self.export_pdf)
        bar.addWidget(pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(area, 1)
        layout.addWidget(self.scroll)
        self.reads = LatestRead(self.session, self)
        self.session.watch(WATCHED, self._on_changes, self)
        self.current.changed.connect(lambda _id: self.refresh())
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.concerns(self.current.id):
            self.refresh()

    def refresh(self) -> None:
        crisis_id = self.current.id
        if crisis_id is None:
            self.canvas.set_timeline(None, None)
            return
        store = self.ctx.store  # the topic book takes seconds over a big crisis: off the GUI thread
        self.reads.request(lambda: build_timeline(store, crisis_id), self._built,
                           self.show_error)

    @property
    def busy(self) -> bool:
        return self.reads.busy

    def _built(self, timeline) -> None:  # noqa: ANN001 - Timeline
        self.timeline = timeline
        self._apply()

    def zoom_by(self, factor: float) -> None:
        self.zoom = 1.0 if factor == 0 else min(64.0, max(1.0, self.zoom * factor))
        self._apply()

    def visible_window(self) -> tuple[datetime, datetime] | None:
        if self.timeline is None:
            return None
        start, end = self.timeline.start, max(self.timeline.end,
                                              self.timeline.start + timedelta(minutes=30))
        span = (end - start) / self.zoom
        steps = max(0, int(self.zoom * 100) - 100)
        self.scroll.blockSignals(True)
        self.scroll.setRange(0, steps)
        self.scroll.setPageStep(100)
        self.scroll.blockSignals(False)
        offset = (end - start - span) * (self.scroll.value() / steps) if steps else timedelta(0)
        return start + offset, start + offset + span

    def _apply(self) -> None:
        window = self.visible_window()
        self.zoom_label.setText(self.tr("zoom ×%1").replace("%1", f"{self.zoom:g}"))
        self.canvas.set_timeline(self.timeline, window)

    def wheelEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(2.0 if event.angleDelta().y() > 0 else 0.5)
            event.accept()
            return
        super().wheelEvent(event)

    def export_pdf(self) -> None:
        crisis_id = self.current.id
        if crisis_id is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Tijdlijn als PDF"), "tijdlijn.pdf",
                                              "PDF (*.pdf)")
        if not name:
            return
        self.export_to(crisis_id, Path(name))

    def export_to(self, crisis_id: str, path: Path) -> None:
        """On the GUI thread: the PDF is drawn by QtGui (the thread its fonts live on)."""
        try:
            self.session.run_here(lambda: export_timeline(self.ctx, crisis_id, path),
                                  origin=self)
        except Exception as error:  # noqa: BLE001 - shown, not swallowed
            self.show_error(error)


def make_page(page: PageContext) -> QWidget:
    return TimelinePage(page)
