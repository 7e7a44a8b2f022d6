"""The one-page briefing sheet (issue 13 item 4): one A4 page with the header, the summary,
per discipline the top topics with their reliability, open contradictions, decisions, actions
due, and the powers in use with their next deadline. Made from a snapshot's picture dict.

One page is a promise: the sheet is laid out in ever shorter forms (fewer topics per
discipline, fewer items per list, a smaller type) until Qt's layout says it fits; what is
left out is counted ("+ 3 meer"), never silently dropped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from crisisconsole.domain.log_rules import source_label
from crisisconsole.domain.picture_topics import section_titles
from crisisconsole.i18n import tr
from crisisconsole.interchange.pdf_render import (
    PdfOptions,
    count_pages,
    reader_page_format,
    render_pdf,
)
from crisisconsole.interchange.picture_html import header_line, section_summary
from crisisconsole.interchange.picture_topics_html import alert, badge, more_line, printed

# (topics per discipline, items per list, type size): tried in this order.
FORMS = ((3, 6, 9.0), (2, 5, 8.5), (2, 4, 8.0), (1, 3, 7.5), (1, 2, 7.0))
STYLE = ("<style>h1 { font-size: 13pt; } h2 { font-size: 10pt; margin-top: 4px; "
         "margin-bottom: 1px; } ul { margin-top: 0px; margin-bottom: 0px; } "
         "li { margin-bottom: 0px; } p { margin-top: 1px; margin-bottom: 1px; }</style>")


def _cut(items: list[str], limit: int) -> list[str]:
    if len(items) <= limit:
        return items
    return [*items[:limit], escape(tr(f"+ {len(items) - limit} meer", f"+ {len(items) - limit} more"))]


def _ul(items: list[str]) -> str:
    if not items:
        return f"<p><i>{escape(tr('Geen.', 'None.'))}</i></p>"
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def sheet_html(p: dict[str, Any], per_discipline: int = 3, per_list: int = 6) -> str:
    h = p["header"]
    as_of = h.get("as_of")
    titles = section_titles()
    parts = [f"<h1>{escape(tr('Briefing', 'Briefing'))} {escape(h['crisis_name'])} · "
             f"{escape(h['grip_label'])} · {printed(as_of, as_of)}</h1>"]
    parts.append(f"<h2>{escape(titles['summary'])}</h2>" + section_summary(p))
    parts.append(f"<h2>{escape(titles['disciplines'])}</h2>")
    rows = []
    for d in p["disciplines"]:
        topics = [*d.get("confirmed", []), *d.get("unconfirmed", [])]
        topics = [t for t in topics if "title" in t]
        if not topics:
            continue
        shown = topics[:per_discipline]
        hidden = len(topics) - len(shown) + (d.get("more") or 0)
        lines = [f"{badge(t['reliability'])} <b>{escape(t['title'])}</b>: "
                 f"{escape(t.get('statement') or '')}" for t in shown]
        if hidden:
            lines.append(escape(more_line(hidden)))
        rows.append(f"<p><b>{escape(d['label'])}</b></p>" + _ul(lines))
    parts.append("".join(rows) or f"<p><i>{escape(tr('Geen meldingen.', 'No reports.'))}</i></p>")
    parts.append(f"<h2>{escape(titles['contradictions'])}</h2>")
    parts.append(_ul(_cut([f"{alert('≠')} {escape(c['a']['text'])} ({escape(source_label(c['a']['source']))})"
                           f" / {escape(c['b']['text'])} ({escape(source_label(c['b']['source']))})"
                           for c in p["contradictions"]], per_list)))
    parts.append(f"<h2>{escape(titles['decisions'])}</h2>")
    parts.append(_ul(_cut([f"<b>{escape(d['text'])}</b> ({escape(d['decided_by'])}, "
                           f"{printed(d['decided_at'], as_of)})" for d in p["decisions"]],
                          per_list)))
    parts.append(f"<h2>{escape(tr('Acties die open staan', 'Actions due'))}</h2>")
    open_actions = [a for a in p["actions"] if a["status"] == "open"]
    parts.append(_ul(_cut([(alert(tr("TE LAAT", "OVERDUE")) + " " if a["overdue"] else "")
                           + f"{escape(a['text'])} — {escape(a['owner'])}"
                           + (f", {printed(a['due'], as_of)}" if a.get("due") else "")
                           for a in open_actions], per_list)))
    parts.append(f"<h2>{escape(titles['powers'])}</h2>")
    powers = []
    for m in p["powers"]:
        nxt = m.get("next_due")
        line = f"<b>{escape(m['kind_label'])}</b>: {escape(m['title'])} ({escape(m['state_label'])})"
        if nxt and nxt.get("due"):
            step, due = nxt.get("text") or nxt["kind"], printed(nxt["due"], as_of)
            line += (f" — {escape(step)}" + ("" if due in step else f" {due}")  # said once
                     + (" " + alert(tr("TE LAAT", "OVERDUE")) if nxt.get("overdue") else ""))
        powers.append(line)
    parts.append(_ul(_cut(powers, per_list)))
    return f"<html><head>{STYLE}</head><body>" + "".join(parts) + "</body></html>"


def picture_sheet_pdf(picture: dict[str, Any], snapshot_hash: str | None = None) -> bytes:
    """The sheet as a one-page PDF (the shortest form when even that does not fit)."""
    h = picture["header"]
    footer = f"SHA-256 {snapshot_hash[:16]}…" if snapshot_hash else "crisisconsole"
    html, options = "", PdfOptions()
    for per_discipline, per_list, size in FORMS:
        html = sheet_html(picture, per_discipline, per_list)
        options = PdfOptions(
            title=tr(f"Briefing {h['crisis_name']}", f"Briefing {h['crisis_name']}"),
            header=header_line(picture), mark=tr("OEFENING", "EXERCISE") if h.get("exercise")
            else "", footer=footer, chain=picture.get("chain"), font_size=size,
            margins_mm=(14, 10, 14, 10), page_format=reader_page_format())
        if count_pages(html, options) == 1:
            break
    return render_pdf(html, options)
