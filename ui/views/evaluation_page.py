"""Evaluatie: the information position of the crisis (per source: confirmed, refuted, never
settled; per partner: requests in time, late, never; the time to confirmation), drawn by the
same QPainter code as the evaluation PDF, with the totals in words above and exports.

It follows the crisis the window shows and the Vernieuwen button (F5), not the change feed:
the evaluation is read after the fact, not live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crisisconsole.interchange.evaluation_charts import paint_evaluation
from crisisconsole.services.network.evaluation import evaluate
from crisisconsole.services.network.evaluation_export import export_evaluation
from crisisconsole.ui.latest_read import LatestRead
from crisisconsole.ui.page_context import PageContext


class EvaluationCanvas(QWidget):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.data: dict | None = None
        self.setAccessibleName(self.tr("Grafieken van de evaluatie"))

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        if self.data is None:
            return
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self.palette().base())
            paint_evaluation(painter, QRectF(self.rect()).adjusted(8, 8, -8, -8), self.data)
        finally:
            painter.end()


class EvaluationPage(QWidget):
    def __init__(self, page: PageContext) -> None:
        super().__init__()
        self.current = page.crisis
        self.show_error = page.show_error
        self.session = page.session
        self.ctx = self.session.ctx
        self.canvas = EvaluationCanvas()
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        title = QLabel(self.tr("Evaluatie van de informatiepositie"))
        title.setObjectName("emptyTitle")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        refresh = QPushButton(self.tr("Vernieuwen (F5)"))
        refresh.setShortcut("F5")
        refresh.clicked.connect(self.refresh)
        bar.addWidget(refresh)
        for label, suffix in ((self.tr("PDF…"), "pdf"), (self.tr("JSON…"), "json")):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=suffix: self.export(s))
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.canvas, 1)
        self.reads = LatestRead(self.session, self)
        self.current.changed.connect(lambda _id: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        crisis_id = self.current.id
        if crisis_id is None:
            return
        store = self.ctx.store  # seconds over a big crisis: off the GUI thread
        self.reads.request(lambda: evaluate(store, crisis_id), self._show, self.show_error)

    @property
    def busy(self) -> bool:
        return self.reads.busy

    def _show(self, data: dict) -> None:
        t = data["totals"]
        self.summary.setText(self.tr(
            "%1 meldingen: %2 bevestigd, %3 ontkracht, %4 nooit beslist; %5 te laat vastgelegd."
            " %6 tegenstrijdigheden. %7 uitvragen: %8 op tijd, %9 te laat, %10 nooit beantwoord."
            " %11 kennisgevingen te laat.")
            .replace("%11", str(t["notifications_late"])).replace("%10", str(t["requests_never"]))
            .replace("%1", str(t["entries"])).replace("%2", str(t["confirmed"]))
            .replace("%3", str(t["refuted"])).replace("%4", str(t["unsettled"]))
            .replace("%5", str(t["late_entries"])).replace("%6", str(t["contradictions"]))
            .replace("%7", str(t["requests"])).replace("%8", str(t["requests_in_time"]))
            .replace("%9", str(t["requests_late"])))
        self.canvas.data = data
        self.canvas.update()

    def export(self, suffix: str) -> None:
        crisis_id = self.current.id
        if crisis_id is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Evaluatie opslaan"),
                                              f"evaluatie.{suffix}", f"{suffix.upper()} (*.{suffix})")
        if not name:
            return
        self.export_to(crisis_id, Path(name))

    def export_to(self, crisis_id: str, path: Path) -> None:
        """On the GUI thread: the charts are drawn by QtGui (the thread its fonts live on)."""
        try:
            self.session.run_here(lambda: export_evaluation(self.ctx, crisis_id, path),
                                  origin=self)
        except Exception as error:  # noqa: BLE001 - shown, not swallowed
            self.show_error(error)


def make_page(page: PageContext) -> QWidget:
    return EvaluationPage(page)
