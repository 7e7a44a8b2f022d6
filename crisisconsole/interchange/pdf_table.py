"""A long table on paper that stays readable: its header row repeated at the top of every page,
and no row split across two pages (a row that does not fit moves to the next page whole).

QTextDocument alone cuts a table wherever the page ends, header once, rows in two; so here
every row is laid out on its own (same column widths as the header) and the pages are planned
from the rows' heights before anything is painted, which also gives "Pagina x van n". Only a
single row taller than a whole page is continued over pages (it cannot be helped).

Paints on any paged device: a QPdfWriter (``render_table_pdf``) or, from the app, a QPrinter
(``paint_table``); only QtGui is used, so the core stays free of widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QTextDocument,
)

from crisisconsole.interchange.pdf_render import (
    RESOLUTION,
    PageFrame,
    PdfOptions,
    a4_writer,
    ensure_gui_app,
)


@dataclass(frozen=True)
class PagedTable:
    intro_html: str  # above the table, on the first page
    header_html: str  # a <table> holding the header row; on top of every page
    rows_html: tuple[str, ...]  # one <table> per row (its rows kept together)


@dataclass(frozen=True)
class Placement:
    piece: int  # -1 the intro, -2 the header, else the row's index
    top: float  # where on the page's body it starts
    clip: float  # from where in the piece (a continued tall row), and how much
    height: float


def _document(html: str, device: QPagedPaintDevice, options: PdfOptions,
              width: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(QFont(options.font_family, options.font_size))
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setTextWidth(width)
    return doc


def plan_pages(intro: float, header: float, rows: list[float],
               body: float) -> list[list[Placement]]:
    """Which piece goes where on which page, from the heights alone."""
    pages: list[list[Placement]] = [[]]
    y = 0.0
    if intro:
        pages[0].append(Placement(-1, 0.0, 0.0, min(intro, body)))
        y = min(intro, body)

    def new_page() -> None:
        nonlocal y
        pages.append([Placement(-2, 0.0, 0.0, header)])
        y = header

    if y + header > body or (rows and y + header + min(rows[0], body - header) > body):
        new_page()
    else:
        pages[-1].append(Placement(-2, y, 0.0, header))
        y += header
    for index, height in enumerate(rows):
        if y + height <= body:
            pages[-1].append(Placement(index, y, 0.0, height))
            y += height
            continue
        if y > header:  # it does not fit under what is there: a new page
            new_page()
        if y + height <= body:
            pages[-1].append(Placement(index, y, 0.0, height))
            y += height
            continue
        done = 0.0  # taller than a page: continued, page after page
        while done < height:
            room = body - y
            part = min(room, height - done)
            pages[-1].append(Placement(index, y, done, part))
            done += part
            y += part
            if done < height:
                new_page()
    return pages


def paint_table(device: QPagedPaintDevice, table: PagedTable, options: PdfOptions,
                resolution: int, step: Callable[[int, int], None] | None = None) -> int:
    """Paint ``table`` on ``device`` (its page size as set, the options' margins); returns
    the number of pages. ``step(done, total)`` hears of every row laid out and every page
    painted (a worker thread's progress and cancel: QTextDocument is reentrant and QPainter
    may paint a QPdfWriter or QPrinter outside the GUI thread)."""
    ensure_gui_app()
    device.setPageMargins(QMarginsF(*options.margins_mm), QPageLayout.Unit.Millimeter)
    frame = PageFrame(device, options, resolution)
    width, body, band = frame.width, frame.body, frame.band
    intro = _document(table.intro_html, device, options, width) if table.intro_html else None
    header = _document(table.header_html, device, options, width)
    count = len(table.rows_html)
    rows = []
    for number, html in enumerate(table.rows_html):
        if step is not None and number % 200 == 0:
            step(number, 2 * count)
        rows.append(_document(html, device, options, width))
    pages = plan_pages(intro.size().height() if intro else 0.0, header.size().height(),
                       [doc.size().height() for doc in rows], body)
    pieces = {-1: intro, -2: header}
    painter = QPainter(device)
    try:
        for number, placements in enumerate(pages):
            if step is not None:
                step(count + count * number // max(1, len(pages)), 2 * count)
            if number:
                device.newPage()
            frame.paint_top(painter)
            for place in placements:
                doc = pieces[place.piece] if place.piece < 0 else rows[place.piece]
                painter.save()
                painter.translate(0, band + place.top - place.clip)
                doc.drawContents(painter, QRectF(0, place.clip, width, place.height))
                painter.restore()
            frame.paint_bottom(painter, number, len(pages))
    finally:
        painter.end()
    return len(pages)


def render_table_pdf(table: PagedTable, options: PdfOptions | None = None,
                     step: Callable[[int, int], None] | None = None) -> bytes:
    """The table as A4 PDF bytes."""
    options = options or PdfOptions()
    buffer, writer = a4_writer(options)
    paint_table(writer, table, options, RESOLUTION, step)
    buffer.close()
    return bytes(buffer.data().data())
