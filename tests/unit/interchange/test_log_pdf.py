"""The log on paper (issue 14, item 4): the header on every page and never broken inside a
word, no entry split over two pages, a refuted entry struck through and labelled in words,
the three tags apart in more than colour."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from crisisconsole.interchange.log_pdf import entry_html, header_html, tag_html, to_pdf
from crisisconsole.interchange.pdf_table import plan_pages
from crisisconsole.services.log.entries import add_entry, assess_entry
from crisisconsole.services.log.export_data import gather_log

WORDS = ("Tijdstip", "gebeurd", "Bron", "Betrouwbaarheid", "Melding")


def _fill(ctx, crisis, clock, n=70):
    made = []
    for i in range(n):
        clock.advance(minutes=3)
        text = (f"Melding {i:03d}: groep van {i + 10} personen bij de Stationsstraat, "
                + "stenen en vuurwerk richting de ME, " * (1 + i % 5) + f"einde {i:03d}")
        entry = add_entry(ctx, crisis.id, text, "politie" if i % 2 else "burger")
        if i % 7 == 3:
            assess_entry(ctx, entry.id, "refuted", by="politie OvD", reason="niet gezien")
        elif i % 5 == 1:
            assess_entry(ctx, entry.id, "confirmed", by="politie OvD", grade="B2")
        made.append(text)
    return made


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_header_on_every_page_whole_and_no_entry_split(ctx, crisis, clock, tmp_path):
    texts = _fill(ctx, crisis, clock)
    pdf = to_pdf(gather_log(ctx, crisis.id))
    (tmp_path / "log.pdf").write_bytes(pdf)
    pages = _pages(pdf)
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        for word in WORDS:
            assert word in page, f"header word {word!r} missing on page {number}"
        assert "Tijdstip gebeurd Bron Betrouwbaarheid Melding" in page
        assert not re.search(r"Betrouwb\S* aarheid|Betrouwb$", page)
    for text in texts:
        head, tail = text[:12], text[-9:]  # "Melding 007:" ... "einde 007"
        on = [n for n, page in enumerate(pages) if head in page]
        assert len(on) == 1, f"{head} on pages {on}"
        assert tail in pages[on[0]], f"{head} split over two pages"


def test_refuted_is_struck_through_and_labelled_the_tags_differ_beyond_colour(ctx, crisis):
    hearsay = add_entry(ctx, crisis.id, "Auto in brand Marktplein", "burger")
    refuted = add_entry(ctx, crisis.id, "Schoten gehoord bij het station", "burger")
    assess_entry(ctx, refuted.id, "refuted", by="politie OvD")
    data = gather_log(ctx, crisis.id)
    row = next(e for e in data["entries"] if e["id"] == refuted.id)
    html = entry_html(row)
    assert "<s>Schoten gehoord bij het station</s>" in html and "ONTKRACHT" in html
    looks = {tag: tag_html(tag, None) for tag in ("confirmed", "hearsay", "refuted")}
    assert looks["confirmed"] == "<b>✓ Bevestigd</b>"
    assert looks["hearsay"] == "<i>? Van horen zeggen</i>"
    assert looks["refuted"] == "<b>✗ Ontkracht</b>"
    assert "color" not in "".join(looks.values())
    text = " ".join(_pages(to_pdf(data)))
    assert "Ontkracht" in text and "ONTKRACHT" in text and "Van horen zeggen" in text
    assert hearsay.text in text


def test_header_word_fits_its_column(qapp):
    """The header's longest word fits its column at the header's bold: never broken."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QFont, QTextDocument

    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 10.5))
    doc.setDocumentMargin(0)
    doc.setHtml(header_html())
    doc.setPageSize(QSizeF(635, 10_000))  # A4 less the margins at 96 dpi
    doc.size()  # lays it out
    lines = {}
    block = doc.begin()
    while block.isValid():
        if block.text():
            layout = block.layout()
            lines[block.text()] = [block.text()[layout.lineAt(i).textStart():][
                :layout.lineAt(i).textLength()].strip() for i in range(layout.lineCount())]
        block = block.next()
    assert lines["Betrouwbaarheid"] == ["Betrouwbaarheid"]
    assert all(line in name.split() or line == name for name, cut in lines.items()
               for line in cut)  # a header wraps at a space, if at all


def test_a_row_that_does_not_fit_moves_whole_to_the_next_page():
    pages = plan_pages(100, 20, [300, 300, 300, 1500], 800)
    assert [[p.piece for p in page] for page in pages] == [
        [-1, -2, 0, 1], [-2, 2], [-2, 3], [-2, 3]]
    tall = [p for page in pages for p in page if p.piece == 3]
    assert sum(p.height for p in tall) == 1500 and tall[1].clip == 780
