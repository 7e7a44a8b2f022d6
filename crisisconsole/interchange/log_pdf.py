"""The log on paper (a PDF, or the printer from the app): one table row per entry with its whole
history under it, the header row on every page, no entry split over two pages.

Readable in black and white: the three reliability tags differ in more than colour. Bevestigd
is bold with a check mark, Van horen zeggen italic with a question mark, Ontkracht bold with a
cross, and a refuted entry's text is struck through (with "Ontkracht" in words beside it). The
header's words are never broken: the columns are wide enough for the longest header word.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any

from crisisconsole.clock import format_local, parse_stored
from crisisconsole.domain.log_rules import DISCIPLINES, source_label
from crisisconsole.interchange.log_export import LINK_NL, RELIABILITY_NL
from crisisconsole.interchange.pdf_render import PdfOptions
from crisisconsole.interchange.pdf_table import PagedTable, paint_table, render_table_pdf

# Column widths in percent: time, source, reliability, text. "Betrouwbaarheid" (the longest
# header word) must fit its column whole, in the header's bold.
WIDTHS = (16, 21, 23, 40)
HEADERS = ("Tijdstip gebeurd", "Bron", "Betrouwbaarheid", "Melding")
TABLE = ("<table width='100%' cellspacing='0' cellpadding='4' border='1' "
         "style='border-collapse:collapse;border-color:#999'>")
# The tag's look per reliability: (mark, opening tags, closing tags); never colour alone.
LOOK = {"confirmed": ("✓", "<b>", "</b>"),
        "hearsay": ("?", "<i>", "</i>"),
        "refuted": ("✗", "<b>", "</b>")}


def _local(value: str | None) -> str:
    if not value:
        return ""
    when: datetime = parse_stored(value)
    return format_local(when)


def _size(size: int) -> str:
    return f"{size} bytes" if size < 1024 else f"{size / 1024:.0f} kB"


def _short(entry_id: str) -> str:
    return f"#{entry_id[-8:]}"


def tag_html(reliability: str, grade: str | None) -> str:
    mark, opening, closing = LOOK.get(reliability, ("", "", ""))
    label = escape(RELIABILITY_NL.get(reliability, reliability))
    grade_text = f" {escape(grade)}" if grade else ""
    return f"{opening}{mark} {label}{grade_text}{closing}".strip()


def _details(e: dict[str, Any]) -> list[str]:
    details = []
    for v in e["versions"][:-1]:
        details.append(f"<s>{escape(v['text'])}</s> <small>(versie {v['version']})</small>")
    for v in e["versions"][1:]:
        details.append(f"Correctie naar versie {v['version']} door {escape(v['author'])}, "
                       f"{_local(v['recorded_at'])}: {escape(v['reason'] or '')}")
    for a in e["assessments"][1:]:
        on = a["confirming_source"] or (_short(a["corroborating_entry_id"])
                                        if a["corroborating_entry_id"] else "")
        details.append(f"{RELIABILITY_NL.get(a['reliability'], a['reliability'])}"
                       f"{' ' + escape(a['grade']) if a['grade'] else ''} door "
                       f"{escape(a['actor'])}, {_local(a['at'])}"
                       f"{'; bron: ' + escape(on) if on else ''}"
                       f"{'; reden: ' + escape(a['reason']) if a['reason'] else ''}")
    for link in e["links"]:
        if link["from_id"] == e["id"]:
            text = f"{LINK_NL[link['kind']]} {_short(link['to_id'])}"
        else:
            text = f"{_short(link['from_id'])} {LINK_NL[link['kind']]} deze melding"
        details.append(f"Koppeling: {text} (door {escape(link['actor'])}, "
                       f"{_local(link['at'])})")
    for w in e["withdrawals"]:
        details.append(f"Ingetrokken door {escape(w['actor'])}, {_local(w['at'])}: "
                       f"{escape(w['reason'])}")
    for f in e.get("attachments", ()):
        kind = f"{escape(f['mime'])}, " if f["mime"] else ""
        details.append(f"Bijlage: {escape(f['filename'])} ({kind}{_size(f['size'])}, "
                       f"SHA-256 {f['sha256'][:16]}…) door {escape(f['actor'])}, "
                       f"{_local(f['recorded_at'])}")
    return details


def entry_html(e: dict[str, Any]) -> str:
    """One entry as its own table (its row and the row of its history), the columns as wide
    as the header's."""
    w = WIDTHS
    refuted = e["reliability"] == "refuted"
    source = escape(source_label(e["source"]) + (f" ({e['person']})" if e["person"] else ""))
    marks = []
    if refuted:
        marks.append("<b>ONTKRACHT</b>")
    if e["contradicted"]:
        marks.append("<b>TEGENGESPROKEN</b>")
    if e["withdrawn"]:
        marks.append("<b>INGETROKKEN</b>")
    if e["late"]:
        marks.append("laat vastgelegd")
    text = escape(e["text"])
    text = f"<s>{text}</s>" if refuted else text
    rows = [
        f"<tr><td width='{w[0]}%'><b>{_local(e['occurred_at'])}</b><br/>"
        f"<small>vastgelegd {_local(e['recorded_at'])}</small></td>"
        f"<td width='{w[1]}%'>{source}<br/><small>{escape(e['discipline'] or '')}"
        f"{' · ' + escape(e['location']) if e['location'] else ''}</small></td>"
        f"<td width='{w[2]}%'>{tag_html(e['reliability'], e['grade'])}</td>"
        f"<td width='{w[3]}%'>{text}<br/><small>{' · '.join(marks)} {_short(e['id'])}</small>"
        "</td></tr>"
    ]
    details = _details(e)
    if details:
        rows.append(f"<tr><td width='{w[0]}%'></td><td colspan='3'><small>"
                    + "<br/>".join(details) + "</small></td></tr>")
    return TABLE + "".join(rows) + "</table>"


def header_html() -> str:
    cells = "".join(f"<th align='left' width='{width}%'>{escape(name)}</th>"
                    for width, name in zip(WIDTHS, HEADERS, strict=True))
    return f"{TABLE}<tr style='background:#dde3ea'>{cells}</tr></table>"


def filter_text(flt: dict[str, Any] | None) -> str:
    """The filter an export was made with, in words ("" for the whole log)."""
    if not flt:
        return ""
    parts = []
    if flt.get("reliability"):
        parts.append(", ".join(RELIABILITY_NL.get(r, r) for r in flt["reliability"]))
    if flt.get("contradicted_only"):
        parts.append("alleen tegengesproken")
    if flt.get("source"):
        parts.append("bron " + ", ".join(source_label(s) for s in flt["source"]))
    if flt.get("discipline"):
        names = {d.id: d.label_nl for d in DISCIPLINES}
        parts.append("discipline " + ", ".join(names.get(d, d) for d in flt["discipline"]))
    if flt.get("since"):
        parts.append(f"gebeurd vanaf {_local(flt['since'])}")
    if flt.get("until"):
        parts.append(f"gebeurd vóór {_local(flt['until'])}")
    if flt.get("query"):
        parts.append(f"zoekterm “{flt['query']}”")
    return "; ".join(parts)


def intro_html(data: dict[str, Any]) -> str:
    crisis = data["crisis"]
    banner = ("<p style='background:#ffdd00;font-size:14pt'><b>OEFENING — dit is een oefening"
              "</b></p>" if crisis["exercise"] else "")
    chosen = filter_text(data.get("filter"))
    scope = (f"<p><b>Selectie:</b> {escape(chosen)} (niet het volledige logboek).</p>"
             if chosen else "")
    return (
        f"{banner}<h2>Logboek — {escape(crisis['name'])}</h2>"
        f"<p>{escape(crisis['municipality'])} · geopend {_local(crisis['opened_at'])} · "
        f"{len(data['entries'])} meldingen · geëxporteerd {_local(data['exported_at'])} door "
        f"{escape(data['exported_by'])}. Tijden in Europe/Amsterdam. Doorgestreepte tekst is "
        "door een correctie vervangen of ontkracht. Betrouwbaarheid: ✓ <b>Bevestigd</b>, "
        "? <i>Van horen zeggen</i>, ✗ <b>Ontkracht</b> (tekst doorgestreept).</p>"
        f"{scope}<p></p>"
    )


def paged_table(data: dict[str, Any]) -> PagedTable:
    return PagedTable(intro_html(data), header_html(),
                      tuple(entry_html(e) for e in data["entries"]))


def options(data: dict[str, Any]) -> PdfOptions:
    crisis = data["crisis"]
    return PdfOptions(
        title=f"Logboek {crisis['name']}",
        header=f"Logboek — {crisis['name']} ({crisis['municipality']})",
        mark="OEFENING" if crisis["exercise"] else "",
        footer=f"Geëxporteerd {_local(data['exported_at'])} door {data['exported_by']}",
        chain=data.get("chain"),
    )


def to_pdf(data: dict[str, Any]) -> bytes:
    return render_table_pdf(paged_table(data), options(data))


def print_log(device: Any, data: dict[str, Any]) -> int:  # noqa: ANN401 - QPrinter
    """The same pages on a printer (a QPagedPaintDevice; the app passes its QPrinter)."""
    return paint_table(device, paged_table(data), options(data), device.logicalDpiY())
