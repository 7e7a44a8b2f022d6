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
from crisisconsole.domain.picture_input import discipline_label
from crisisconsole.i18n import language, tr
from crisisconsole.interchange.log_words import LINK_EN, LINK_NL, RELIABILITY_EN, RELIABILITY_NL
from crisisconsole.interchange.pdf_render import PdfOptions
from crisisconsole.interchange.pdf_table import PagedTable, paint_table, render_table_pdf

# Column widths in percent: time, source, reliability, text. "Betrouwbaarheid" (the longest
# header word) must fit its column whole, in the header's bold.
WIDTHS = (16, 21, 23, 40)
HEADERS = ("Tijdstip gebeurd", "Bron", "Betrouwbaarheid", "Melding")
HEADERS_EN = ("Time it happened", "Source", "Reliability", "Report")
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


def _reliability(key: str) -> str:
    return tr(RELIABILITY_NL.get(key, key), RELIABILITY_EN.get(key, key))


def _link(kind: str) -> str:
    return tr(LINK_NL.get(kind, kind), LINK_EN.get(kind, kind))


def tag_html(reliability: str, grade: str | None) -> str:
    mark, opening, closing = LOOK.get(reliability, ("", "", ""))
    label = escape(_reliability(reliability))
    grade_text = f" {escape(grade)}" if grade else ""
    return f"{opening}{mark} {label}{grade_text}{closing}".strip()


def _details(e: dict[str, Any], refs: dict[str, str]) -> list[str]:
    """The entry's history; other entries named by time and source (``refs``), not by id."""
    def ref(entry_id: str | None) -> str:
        return escape(refs.get(entry_id or "", tr("een andere melding", "another report")))

    by = tr("door", "by")
    details = []
    for v in e["versions"][:-1]:
        details.append(f"<s>{escape(v['text'])}</s> <small>({tr('versie', 'version')} "
                       f"{v['version']})</small>")
    for v in e["versions"][1:]:
        details.append(tr(f"Correctie naar versie {v['version']}",
                          f"Corrected to version {v['version']}")
                       + f" {by} {escape(v['author'])}, {_local(v['recorded_at'])}: "
                       f"{escape(v['reason'] or '')}")
    for a in e["assessments"][1:]:
        on = (escape(a["confirming_source"]) if a["confirming_source"] else
              ref(a["corroborating_entry_id"]) if a["corroborating_entry_id"] else "")
        details.append(f"{escape(_reliability(a['reliability']))}"
                       f"{' ' + escape(a['grade']) if a['grade'] else ''} {by} "
                       f"{escape(a['actor'])}, {_local(a['at'])}"
                       f"{'; ' + tr('bron', 'source') + ': ' + on if on else ''}"
                       f"{'; ' + tr('reden', 'reason') + ': ' + escape(a['reason']) if a['reason'] else ''}")
    for link in e["links"]:
        if link["from_id"] == e["id"]:
            text = f"{_link(link['kind'])} {ref(link['to_id'])}"
        else:
            text = (f"{ref(link['from_id'])} {_link(link['kind'])} "
                    f"{tr('deze melding', 'this report')}")
        details.append(f"{tr('Koppeling', 'Link')}: {text} ({by} {escape(link['actor'])}, "
                       f"{_local(link['at'])})")
    for w in e["withdrawals"]:
        details.append(f"{tr('Ingetrokken', 'Withdrawn')} {by} {escape(w['actor'])}, "
                       f"{_local(w['at'])}: {escape(w['reason'])}")
    for f in e.get("attachments", ()):
        kind = f"{escape(f['mime'])}, " if f["mime"] else ""
        details.append(f"{tr('Bijlage', 'Attachment')}: {escape(f['filename'])} "
                       f"({kind}{_size(f['size'])}, SHA-256 {f['sha256'][:16]}…) {by} "
                       f"{escape(f['actor'])}, {_local(f['recorded_at'])}")
    return details


def entry_refs(data: dict[str, Any]) -> dict[str, str]:
    """How a reader knows each entry: its time and source."""
    return {e["id"]: f"{_local(e['occurred_at'])} {source_label(e['source'])}"
            for e in data["entries"]}


def entry_html(e: dict[str, Any], refs: dict[str, str] | None = None) -> str:
    """One entry as its own table (its row and the row of its history), the columns as wide
    as the header's."""
    w = WIDTHS
    refuted = e["reliability"] == "refuted"
    source = escape(source_label(e["source"]) + (f" ({e['person']})" if e["person"] else ""))
    marks = []
    if refuted:
        marks.append(f"<b>{tr('ONTKRACHT', 'REFUTED')}</b>")
    if e["contradicted"]:
        marks.append(f"<b>{tr('TEGENGESPROKEN', 'CONTRADICTED')}</b>")
    if e["withdrawn"]:
        marks.append(f"<b>{tr('INGETROKKEN', 'WITHDRAWN')}</b>")
    if e["late"]:
        marks.append(tr("laat vastgelegd", "recorded late"))
    text = escape(e["text"])
    text = f"<s>{text}</s>" if refuted else text
    rows = [
        f"<tr><td width='{w[0]}%'><b>{_local(e['occurred_at'])}</b><br/>"
        f"<small>{tr('vastgelegd', 'recorded')} {_local(e['recorded_at'])}</small></td>"
        f"<td width='{w[1]}%'>{source}<br/><small>{escape(e['discipline'] or '')}"
        f"{' · ' + escape(e['location']) if e['location'] else ''}</small></td>"
        f"<td width='{w[2]}%'>{tag_html(e['reliability'], e['grade'])}</td>"
        f"<td width='{w[3]}%'>{text}<br/><small>{' · '.join(marks)}</small>"
        "</td></tr>"
    ]
    details = _details(e, refs or {})
    if details:
        rows.append(f"<tr><td width='{w[0]}%'></td><td colspan='3'><small>"
                    + "<br/>".join(details) + "</small></td></tr>")
    return TABLE + "".join(rows) + "</table>"


def header_html() -> str:
    cells = "".join(f"<th align='left' width='{width}%'>{escape(name)}</th>"
                    for width, name in zip(WIDTHS, HEADERS_EN if language() == "en" else HEADERS,
                                           strict=True))
    return f"{TABLE}<tr style='background:#dde3ea'>{cells}</tr></table>"


def filter_text(flt: dict[str, Any] | None) -> str:
    """The filter an export was made with, in words ("" for the whole log)."""
    if not flt:
        return ""
    parts = []
    if flt.get("reliability"):
        parts.append(", ".join(_reliability(r) for r in flt["reliability"]))
    if flt.get("contradicted_only"):
        parts.append(tr("alleen tegengesproken", "contradicted only"))
    if flt.get("source"):
        parts.append(tr("bron ", "source ") + ", ".join(source_label(s) for s in flt["source"]))
    if flt.get("discipline"):
        names = {d.id: discipline_label(d.id, d.label_nl) for d in DISCIPLINES}
        parts.append("discipline " + ", ".join(names.get(d, d) for d in flt["discipline"]))
    if flt.get("since"):
        parts.append(tr(f"gebeurd vanaf {_local(flt['since'])}",
                        f"happened from {_local(flt['since'])}"))
    if flt.get("until"):
        parts.append(tr(f"gebeurd vóór {_local(flt['until'])}",
                        f"happened before {_local(flt['until'])}"))
    if flt.get("query"):
        parts.append(tr(f"zoekterm “{flt['query']}”", f"search “{flt['query']}”"))
    return "; ".join(parts)


def intro_html(data: dict[str, Any]) -> str:
    crisis = data["crisis"]
    banner = (f"<p style='background:#ffdd00;font-size:14pt'><b>"
              f"{tr('OEFENING — dit is een oefening', 'EXERCISE — this is an exercise')}"
              "</b></p>" if crisis["exercise"] else "")
    chosen = filter_text(data.get("filter"))
    scope = (tr(f"<p><b>Selectie:</b> {escape(chosen)} (niet het volledige logboek).</p>",
                f"<p><b>Selection:</b> {escape(chosen)} (not the whole log).</p>")
             if chosen else "")
    when, who = _local(data["exported_at"]), escape(data["exported_by"])
    count, opened = len(data["entries"]), _local(crisis["opened_at"])
    return (
        f"{banner}<h2>{tr('Logboek', 'Log')} — {escape(crisis['name'])}</h2>"
        f"<p>{escape(crisis['municipality'])} · " + tr(
            f"geopend {opened} · {count} meldingen · geëxporteerd {when} door {who}. Tijden in "
            "Europe/Amsterdam. Doorgestreepte tekst is door een correctie vervangen of "
            "ontkracht. Betrouwbaarheid: ✓ <b>Bevestigd</b>, ? <i>Van horen zeggen</i>, "
            "✗ <b>Ontkracht</b> (tekst doorgestreept).",
            f"opened {opened} · {count} reports · exported {when} by {who}. Times in "
            "Europe/Amsterdam. Struck-through text was replaced by a correction or refuted. "
            "Reliability: ✓ <b>Confirmed</b>, ? <i>Hearsay</i>, ✗ <b>Refuted</b> (text struck "
            "through).") + f"</p>{scope}<p></p>"
    )


def paged_table(data: dict[str, Any]) -> PagedTable:
    refs = entry_refs(data)
    return PagedTable(intro_html(data), header_html(),
                      tuple(entry_html(e, refs) for e in data["entries"]))


def to_html(data: dict[str, Any]) -> str:
    """The log's text as one HTML document (what the pages hold, in order)."""
    table = paged_table(data)
    return table.intro_html + table.header_html + "".join(table.rows_html)


def options(data: dict[str, Any]) -> PdfOptions:
    crisis = data["crisis"]
    return PdfOptions(
        title=f"{tr('Logboek', 'Log')} {crisis['name']}",
        header=f"{tr('Logboek', 'Log')} — {crisis['name']} ({crisis['municipality']})",
        mark=tr("OEFENING", "EXERCISE") if crisis["exercise"] else "",
        footer=tr(f"Geëxporteerd {_local(data['exported_at'])} door {data['exported_by']}",
                  f"Exported {_local(data['exported_at'])} by {data['exported_by']}"),
        chain=data.get("chain"),
    )


def to_pdf(data: dict[str, Any], step: Any = None) -> bytes:  # noqa: ANN401 - Step
    """``step(done, total)`` hears of the work between rows and pages (it may raise to stop)."""
    return render_table_pdf(paged_table(data), options(data), step)


def print_log(device: Any, data: dict[str, Any]) -> int:  # noqa: ANN401 - QPrinter
    """The same pages on a printer (a QPagedPaintDevice; the app passes its QPrinter)."""
    return paint_table(device, paged_table(data), options(data), device.logicalDpiY())
