"""A snapshot of the situational picture as a PDF situation report (A4, Qt only).

Header line on every page (crisis, GRIP, version, time, prepared by), "OEFENING" on every page
of an exercise, "Pagina x van n" in the footer, all sections in BOB order. The generic
HTML-to-PDF work is `pdf_render`; persons are masked because the picture holds no names.
"""

from __future__ import annotations

from typing import Any

from crisisconsole.i18n import tr
from crisisconsole.interchange.pdf_render import (
    PdfOptions,
    image_html,
    reader_page_format,
    render_pdf,
)
from crisisconsole.interchange.picture_html import header_line, picture_html

STYLE = """<style>
h1 { font-size: 14pt; color: #102a43; margin-bottom: 2px; }
h2 { font-size: 11.5pt; color: #102a43; margin-top: 8px; margin-bottom: 2px; }
h3 { font-size: 10.5pt; color: #243b53; }
p { margin-top: 2px; margin-bottom: 2px; }
li { margin-bottom: 2px; }
</style>"""


AREA_MAP = "map:picture"


def picture_pdf(picture: dict[str, Any], snapshot_hash: str | None = None,
                area_map: bytes | None = None) -> bytes:
    """``area_map``: a small map (PNG) of the measures' areas, printed as the last section."""
    h = picture["header"]
    footer = f"SHA-256 {snapshot_hash[:16]}…" if snapshot_hash else "crisisconsole"
    html = picture_html(picture, printed_form=True).replace("<html>", "<html><head>" + STYLE + "</head>", 1)
    options = PdfOptions(
        title=f"{tr('Situatiebeeld', 'Situation report')} {h['crisis_name']}",
        header=header_line(picture),
        mark=tr("OEFENING", "EXERCISE") if h.get("exercise") else "", footer=footer,
        page_format=reader_page_format(),
        chain=picture.get("chain"),  # the head the snapshot was taken at
        font_size=9.5,
    )
    if area_map:
        html = html.replace("</body>", '<h2>Kaart: gebieden van maatregelen</h2><p>'
                            + image_html(AREA_MAP, 150, 560, 320) + "</p></body>", 1)
    return render_pdf(html, options, images={AREA_MAP: area_map} if area_map else None)
