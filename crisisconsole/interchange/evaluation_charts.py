"""The evaluation's charts, drawn with QPainter (QtGui only): per source a stacked bar of the
share confirmed, refuted and never settled; per partner a stacked bar of the requests answered
in time, late and never; and the distribution of the time from first report to confirmation.
The Evaluatie page paints them on screen, the PDF gets them as images."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from crisisconsole.i18n import tr
from crisisconsole.interchange.pdf_render import ensure_gui_app

GREEN, RED, GREY, AMBER, BLUE = "#2e7d32", "#c62828", "#9e9e9e", "#ef8f00", "#1f6fb2"


def _title(painter: QPainter, area: QRectF, title: str) -> QRectF:
    font = QFont("DejaVu Sans", 10)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#212121"))
    painter.drawText(QRectF(area.left(), area.top(), area.width(), 22),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    painter.setFont(QFont("DejaVu Sans", 8))
    return QRectF(area.left(), area.top() + 26, area.width(), area.height() - 26)


def _legend(painter: QPainter, area: QRectF, items: Sequence[tuple[str, str]]) -> float:
    x = area.left() + 150
    for label, color in items:
        painter.fillRect(QRectF(x, area.top() + 3, 10, 10), QColor(color))
        painter.setPen(QColor("#212121"))
        painter.drawText(QRectF(x + 14, area.top(), 150, 16), Qt.AlignmentFlag.AlignVCenter,
                         label)
        x += 24 + painter.fontMetrics().horizontalAdvance(label)
    return area.top() + 22


def paint_stacked(painter: QPainter, area: QRectF, title: str,
                  rows: Sequence[tuple[str, Sequence[float]]],
                  series: Sequence[tuple[str, str]]) -> None:
    """One horizontal bar per row, its parts stacked as shares of the row's total."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    body = _title(painter, area, title)
    y = _legend(painter, body, series)
    bar_h = min(22.0, max(10.0, (body.bottom() - y) / max(1, len(rows)) - 6))
    for label, values in rows:
        if y + bar_h > body.bottom():
            break
        painter.setPen(QColor("#212121"))
        painter.drawText(QRectF(body.left(), y, 145, bar_h),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label[:24])
        total = sum(values) or 1
        x = body.left() + 150
        width = body.width() - 200
        for value, (_name, color) in zip(values, series, strict=True):
            part = width * value / total
            painter.fillRect(QRectF(x, y, part, bar_h), QColor(color))
            x += part
        painter.setPen(QColor("#424242"))
        painter.drawText(QRectF(x + 4, y, 46, bar_h), Qt.AlignmentFlag.AlignVCenter,
                         str(int(sum(values))))
        y += bar_h + 6
    if not rows:
        painter.drawText(body, Qt.AlignmentFlag.AlignCenter, tr("geen gegevens", "no data"))
    painter.restore()


def paint_distribution(painter: QPainter, area: QRectF, title: str,
                       buckets: dict[str, int]) -> None:
    """Vertical bars: how many fell in each bucket."""
    painter.save()
    body = _title(painter, area, title)
    labels = list(buckets)
    top = max(buckets.values(), default=0) or 1
    slot = body.width() / max(1, len(labels))
    body = QRectF(body.left(), body.top() + 16, body.width(), body.height() - 16)  # the counts
    chart_h = body.height() - 20
    for i, label in enumerate(labels):
        height = chart_h * buckets[label] / top
        x = body.left() + i * slot
        painter.fillRect(QRectF(x + slot * 0.15, body.top() + chart_h - height, slot * 0.7,
                                height), QColor(BLUE))
        painter.setPen(QColor("#212121"))
        painter.drawText(QRectF(x, body.top() + chart_h - height - 14, slot, 14),
                         Qt.AlignmentFlag.AlignCenter, str(buckets[label]))
        painter.drawText(QRectF(x, body.top() + chart_h + 2, slot, 16),
                         Qt.AlignmentFlag.AlignCenter, label)
    painter.restore()


def source_rows(data: dict[str, Any]) -> list[tuple[str, list[float]]]:
    return [(s["label"], [s["confirmed"], s["refuted"], s["hearsay"]]) for s in data["sources"]]


def partner_rows(data: dict[str, Any]) -> list[tuple[str, list[float]]]:
    return [(p["name"], [p["in_time"], p["late"], p["never"]]) for p in data["partners"]]


def source_series() -> tuple[tuple[str, str], ...]:
    return ((tr("bevestigd", "confirmed"), GREEN), (tr("ontkracht", "refuted"), RED),
            (tr("nooit beslist", "never settled"), GREY))


def partner_series() -> tuple[tuple[str, str], ...]:
    return ((tr("op tijd", "in time"), GREEN), (tr("te laat", "late"), AMBER),
            (tr("nooit", "never"), RED))


def paint_evaluation(painter: QPainter, area: QRectF, data: dict[str, Any]) -> None:
    """The three charts one under the other (the page and the images share this layout)."""
    third = area.height() / 3
    paint_stacked(painter, QRectF(area.left(), area.top(), area.width(), third - 8),
                  tr("Per bron: bevestigd, ontkracht, nooit beslist",
                     "Per source: confirmed, refuted, never settled"),
                  source_rows(data), source_series())
    paint_stacked(painter, QRectF(area.left(), area.top() + third, area.width(), third - 8),
                  tr("Per partner: uitvragen op tijd, te laat, nooit beantwoord",
                     "Per partner: requests answered in time, late, never"),
                  partner_rows(data), partner_series())
    paint_distribution(painter, QRectF(area.left(), area.top() + 2 * third, area.width(),
                                       third - 8),
                       tr("Tijd van eerste melding tot bevestiging",
                          "Time from first report to confirmation"),
                       data["totals"]["to_confirmation"]["buckets"])


def evaluation_image(data: dict[str, Any], width: int = 900, height: int = 780,
                     scale: float = 1.0) -> QImage:
    ensure_gui_app()
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        paint_evaluation(painter, QRectF(0, 0, width, height), data)
    finally:
        painter.end()
    return image
