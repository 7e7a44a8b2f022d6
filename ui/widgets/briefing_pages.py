"""Screen pages for the briefing (issue 13, item 3): a section's HTML cut into pages that fit
the body's viewport, so the mayor never meets a scrollbar and nothing is cut off.

The section HTML (interchange/picture_html.py) is a flat run of top-level blocks: paragraphs,
headings, tables and lists. Lists are cut into their items, because one list (a discipline's
topics) is often taller than the screen. Pages are filled greedily, block by block, each
candidate page laid out by a QTextDocument with the body's own font, width and margin, which
is how the QTextBrowser will lay it out; a block that does not fit starts the next page. A
single block taller than the screen is cut at its line breaks (``<br>``), and when a piece
is still too tall it gets a page of its own (``Page.fits`` is False, so a test can see it).
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from PySide6.QtGui import QFont, QTextDocument

VOID = frozenset({"br", "img", "hr", "meta", "input"})


@dataclass(frozen=True)
class Block:
    html: str
    list_id: int | None = None  # the list an item (<li>) belongs to; None: a block of its own
    list_tag: str = "ul"


@dataclass(frozen=True)
class Page:
    html: str
    height: float
    fits: bool


class _Splitter(HTMLParser):
    """Top-level blocks of a fragment, list items one by one (lists are not nested here)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[Block] = []
        self.depth = 0
        self.buffer: list[str] = []
        self.list_depth = 0
        self.list_id = 0
        self.list_tag = "ul"

    def _raw(self) -> str:
        return self.get_starttag_text() or ""

    def handle_starttag(self, tag: str, attrs: list) -> None:  # noqa: ANN001
        if self.depth == 0 and tag in ("ul", "ol"):
            self.list_depth, self.list_id, self.list_tag = 1, self.list_id + 1, tag
            self.depth = 1
            return
        if tag not in VOID:
            self.depth += 1
        self.buffer.append(self._raw())
        if self.depth == 0:  # a void element at the top level
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list) -> None:  # noqa: ANN001
        self.buffer.append(self._raw())
        if self.depth == 0:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.list_depth and self.depth == 1 and tag in ("ul", "ol"):
            self._flush()
            self.list_depth, self.depth = 0, 0
            return
        self.buffer.append(f"</{tag}>")
        self.depth = max(0, self.depth - 1)
        if self.depth == 0 or (self.list_depth and self.depth == 1 and tag == "li"):
            self._flush()

    def handle_data(self, data: str) -> None:
        if data.strip() or self.buffer:
            self.buffer.append(data)
        if self.depth == 0 and data.strip():
            self._flush()

    def handle_entityref(self, name: str) -> None:
        self.buffer.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.buffer.append(f"&#{name};")

    def _flush(self) -> None:
        html = "".join(self.buffer).strip()
        self.buffer = []
        if not html:
            return
        if self.list_depth:
            self.blocks.append(Block(html, self.list_id, self.list_tag))
        else:
            self.blocks.append(Block(html))


def split_blocks(html: str) -> list[Block]:
    parser = _Splitter()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.blocks


def join_blocks(blocks: list[Block]) -> str:
    """The blocks as one fragment, the items of one list inside one list again."""
    out: list[str] = []
    open_list: int | None = None
    tag = "ul"
    for block in blocks:
        if block.list_id != open_list:
            if open_list is not None:
                out.append(f"</{tag}>")
            if block.list_id is not None:
                tag = block.list_tag
                out.append(f"<{tag}>")
            open_list = block.list_id
        out.append(block.html)
    if open_list is not None:
        out.append(f"</{tag}>")
    return "".join(out)


def _pieces(block: Block) -> list[Block]:
    """A block too tall for a page, cut at its line breaks (each piece keeps its tag)."""
    html = block.html
    start = html.find(">") + 1
    end = html.rfind("</")
    if start <= 0 or end < start:
        return [block]
    opening, inner, closing = html[:start], html[start:end], html[end:]
    parts = [p for p in inner.split("<br>") if p.strip()]
    if len(parts) < 2:
        return [block]
    first = Block(opening + parts[0] + closing, block.list_id, block.list_tag)
    # The continuation is no new list item: a paragraph indented like one.
    rest = [Block(f'<p style="margin-left:40px">{p}</p>') for p in parts[1:]]
    return [first, *rest]


class PageMeasure:
    """Lays out HTML like the body does: its font, style sheet, width and margin."""

    def __init__(self, font: QFont, width: float, margin: float, css: str = "") -> None:
        self.doc = QTextDocument()
        self.doc.setDefaultFont(font)
        self.doc.setDocumentMargin(margin)
        if css:
            self.doc.setDefaultStyleSheet(css)
        self.doc.setTextWidth(width)

    def height(self, fragment: str) -> float:
        self.doc.setHtml(f"<html><body>{fragment}</body></html>")
        return self.doc.size().height()


def paginate(html: str, measure: PageMeasure, height: float) -> list[Page]:
    """Cut ``html`` into pages of at most ``height`` (device pixels of the body's viewport)."""
    blocks: list[Block] = []
    for block in split_blocks(html):
        if measure.height(join_blocks([block])) > height:
            blocks.extend(_pieces(block))
        else:
            blocks.append(block)
    pages: list[Page] = []
    current: list[Block] = []
    current_height = 0.0
    for block in blocks:
        candidate = [*current, block]
        tall = measure.height(join_blocks(candidate))
        if tall <= height or not current:
            current, current_height = candidate, tall
            continue
        pages.append(Page(join_blocks(current), current_height, current_height <= height))
        current = [block]
        current_height = measure.height(join_blocks(current))
    if current or not pages:
        pages.append(Page(join_blocks(current), current_height, current_height <= height))
    return pages
