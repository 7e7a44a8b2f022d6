"""HTML to a paginated A4 PDF with Qt (QTextDocument + QPdfWriter), for letters and reports.

Generic on purpose: any feature that prints (letters, the situational picture) gives HTML and
gets PDF bytes back, with a header line, a mark such as "OEFENING" on every page, and
"Pagina x van n" in the footer; given the audit chain's head the document was made from, every
page's footer also names it ("Auditketen #seq · first 16 hex", domain.chain_head), so a paper
copy can be matched to the chain and to an anchor. Only QtGui is used (the core never imports widgets); a
QGuiApplication must exist for fonts, so one is created on the offscreen platform when the
caller (the CLI, a test) has none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from crisisconsole.domain.chain_head import chain_label
from crisisconsole.i18n import tr

RESOLUTION = 300  # dots per inch of the PDF's coordinate system
CSS_DPI = 96  # what a "px" in the HTML is, on any device
_APP: list[QGuiApplication] = []  # keeps a created application alive for the process


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new offscreen QGuiApplication (CLI, scripts)."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["crisisconsole", "-platform", "offscreen"])
        _APP.append(app)
    return app  # type: ignore[return-value]


@dataclass(frozen=True)
class PdfOptions:
    title: str = ""
    header: str = ""  # small text top left on every page
    mark: str = ""  # e.g. "OEFENING": bold, top right on every page
    footer: str = ""  # small text bottom left on every page
    chain: dict[str, Any] | None = None  # the head made from: {"seq", "hash"}; under footer
    author: str = "crisisconsole"
    font_family: str = "DejaVu Sans"
    font_size: float = 10.5
    margins_mm: tuple[float, float, float, float] = (22, 16, 20, 16)  # left, top, right, bottom
    # The footer's page number, "{page}" and "{pages}" filled in. Dutch unless the caller
    # passes its reader's language (reader_page_format): letters to Dutch bodies stay Dutch.
    page_format: str = "Pagina {page} van {pages}"


def footer_text(options: PdfOptions) -> str:
    """The footer's left-hand text: the caller's line and, under it, the chain's head."""
    if not options.chain:
        return options.footer
    head = chain_label(int(options.chain["seq"]), str(options.chain["hash"]))
    return f"{options.footer}\n{head}" if options.footer else head


def page_label(page: int, pages: int, page_format: str = "Pagina {page} van {pages}") -> str:
    return page_format.format(page=page, pages=pages)


def reader_page_format() -> str:
    """The page number in the reader's language (the picture, the sheet, the handover)."""
    return tr("Pagina {page} van {pages}", "Page {page} of {pages}")


def count_pages(html: str, options: PdfOptions | None = None) -> int:
    """How many A4 pages ``render_pdf`` would make of ``html`` (nothing is painted): a
    one-page layout (the briefing sheet) tries smaller forms until it fits."""
    options = options or PdfOptions()
    ensure_gui_app()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(*options.margins_mm), QPageLayout.Unit.Millimeter)
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    band = int(RESOLUTION * 0.42)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(QFont(options.font_family, options.font_size))
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(float(area.width()), float(area.height() - 2 * band)))
    pages = max(1, doc.pageCount())
    buffer.close()
    return pages


FOOTER_GAP = 0.25  # inch kept free between the footer's text and the page number


def fit_footer(text: str, width: float, measure: Any, elide: Any) -> list[str]:
    """The footer's lines, each cut (with "…") to ``width``: the page number on the right
    owns its own part of the line, so the text never runs into it. ``measure(line)`` gives
    a line's width, ``elide(line, width)`` the line cut to fit."""
    return [_fit_line(line, width, measure, elide) for line in text.split("\n")]


def _fit_line(line: str, width: float, measure: Any, elide: Any) -> str:
    """A line too wide loses the end of its first part, never its last part after " · "
    (the date a letter was drawn up, the chain's hash): a cut date or hash is worse than a
    cut title."""
    if measure(line) <= width:
        return line
    if " · " in line:
        head, tail = line.rsplit(" · ", 1)
        room = width - measure(" · " + tail)
        if room > width / 4:
            return elide(head, room) + " · " + tail
    return elide(line, width)


def image_html(name: str, width_mm: float, width_px: int, height_px: int) -> str:
    """An ``<img>`` for an image passed to ``render_pdf`` (``images``), so many millimetres
    wide on the page whatever its pixel size."""
    width = round(width_mm / 25.4 * CSS_DPI)  # Qt's HTML measures in CSS pixels
    height = round(width * height_px / max(1, width_px))
    return f'<img src="{name}" width="{width}" height="{height}">'


class PageFrame:
    """What every page carries around its body: the header line and the mark on top, the
    footer (with the chain's head) and "Pagina x van n" below; measured for ``device``, a
    QPdfWriter or a QPrinter (``resolution`` its dots per inch)."""

    def __init__(self, device: QPagedPaintDevice, options: PdfOptions,
                 resolution: int) -> None:
        self.options = options
        self.resolution = resolution
        area = device.pageLayout().paintRectPixels(resolution)
        self.band = int(resolution * 0.42)  # header and footer bands, 0.42 inch each
        self.width = float(area.width())
        self.body = float(area.height() - 2 * self.band)
        self.small = QFont(options.font_family, 8)
        # No ligatures in the header and footer: the chain's hash must copy out as typed
        # ("ff", not "ﬀ"), so a reader can search for it.
        self.small.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        self.strong = QFont(options.font_family, 11)
        self.strong.setBold(True)
        self.metrics = QFontMetricsF(self.small, device)

    def paint_top(self, painter: QPainter) -> None:
        """The header line and the mark (before the page's body: text order in the PDF)."""
        options, width, band = self.options, self.width, self.band
        top = QRectF(0, 0, width, band * 0.8)
        painter.setFont(self.small)
        painter.setPen(QColor("#444444"))
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         options.header)
        if options.mark:
            painter.setFont(self.strong)
            painter.setPen(QColor("#b00020"))
            painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             options.mark)

    def paint_bottom(self, painter: QPainter, index: int, pages: int) -> None:
        """The footer and the page number (after the page's body)."""
        options, width, band, body = self.options, self.width, self.band, self.body
        metrics = self.metrics

        def elide(line: str, room: float) -> str:
            return metrics.elidedText(line, Qt.TextElideMode.ElideRight, room)

        bottom = QRectF(0, band + body + band * 0.2, width, band * 0.8)
        painter.setFont(self.small)
        painter.setPen(QColor("#444444"))
        label = page_label(index + 1, pages, options.page_format)
        label_width = metrics.horizontalAdvance(label)
        room = width - label_width - self.resolution * FOOTER_GAP
        lines = fit_footer(footer_text(options), room, metrics.horizontalAdvance, elide)
        painter.drawText(QRectF(bottom.left(), bottom.top(), room, bottom.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                         "\n".join(lines))
        painter.drawText(QRectF(width - label_width, bottom.top(), label_width,
                                bottom.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, label)


def a4_writer(options: PdfOptions) -> tuple[QBuffer, QPdfWriter]:
    """An open buffer and an A4 PDF writer into it, titled and at RESOLUTION (every PDF here
    starts so; the caller closes the buffer and takes its bytes)."""
    ensure_gui_app()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(options.title)
    writer.setCreator(options.author)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return buffer, writer


def render_pdf(html: str, options: PdfOptions | None = None,
               images: Mapping[str, bytes | QImage] | None = None) -> bytes:
    """The PDF bytes of ``html`` on A4 pages; ``images`` (name -> PNG bytes, or a QImage
    drawn with QPainter: the small maps, the charts) are what the HTML's ``<img src="name">``
    show: nothing is fetched from anywhere."""
    options = options or PdfOptions()
    buffer, writer = a4_writer(options)
    writer.setPageMargins(QMarginsF(*options.margins_mm), QPageLayout.Unit.Millimeter)
    area = writer.pageLayout().paintRectPixels(RESOLUTION)
    band = int(RESOLUTION * 0.42)  # header and footer bands, 0.42 inch each
    width, body = float(area.width()), float(area.height() - 2 * band)

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(QFont(options.font_family, options.font_size))
    doc.setDocumentMargin(0)
    for name, data in (images or {}).items():
        image = data if isinstance(data, QImage) else QImage.fromData(data, "PNG")
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(width, body))
    pages = max(1, doc.pageCount())

    frame = PageFrame(writer, options, RESOLUTION)
    painter = QPainter(writer)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            frame.paint_top(painter)
            painter.save()
            painter.translate(0, band - index * body)
            doc.drawContents(painter, QRectF(0, index * body, width, body))
            painter.restore()
            frame.paint_bottom(painter, index, pages)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data().data())
