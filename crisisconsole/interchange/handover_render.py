"""The shift handover as Markdown and as a PDF (A4, Qt only), in the UI language. Times are
absolute (``21:45``, with the date when not the handover's day); entries are named by their
time and source, never by a hash id."""

from __future__ import annotations

from html import escape
from typing import Any

from crisisconsole.domain.log_rules import source_label, source_labels
from crisisconsole.i18n import tr
from crisisconsole.interchange.pdf_render import PdfOptions, reader_page_format, render_pdf
from crisisconsole.interchange.picture_topics_html import badge, printed, reason_text


def _heads() -> list[tuple[str, str]]:
    return [("new", tr("Nieuwe onderwerpen", "New topics")),
            ("changed", tr("Gewijzigde onderwerpen", "Changed topics")),
            ("newly_confirmed", tr("Nu bevestigd", "Newly confirmed"))]


def _title(h: dict[str, Any]) -> str:
    return tr(f"Overdracht {h['crisis']['name']}", f"Shift handover {h['crisis']['name']}")


def _span(h: dict[str, Any]) -> str:
    return tr(f"van {printed(h['since'], h['as_of'])} tot {printed(h['as_of'], h['as_of'])}, "
              f"opgesteld door {h['prepared_by']}",
              f"from {printed(h['since'], h['as_of'])} to {printed(h['as_of'], h['as_of'])}, "
              f"prepared by {h['prepared_by']}")


def _on_duty(h: dict[str, Any]) -> list[str]:
    """'Dienst: burgemeester: … · OvD-Bz: …' (the roster), when anybody is on it."""
    return [tr(f"Dienst: {h['on_duty']}", f"On duty: {h['on_duty']}")] if h.get("on_duty") else []


def _mix(h: dict[str, Any]) -> str:
    m = h["reliability_mix"]
    return tr(f"{m['confirmed']} bevestigd, {m['hearsay']} van horen zeggen, "
              f"{m['refuted']} ontkracht, {m['withdrawn']} ingetrokken",
              f"{m['confirmed']} confirmed, {m['hearsay']} hearsay, {m['refuted']} refuted, "
              f"{m['withdrawn']} withdrawn")


def _side(s: dict[str, Any], as_of: str) -> str:
    return f"{s['text']} ({source_label(s['source'])}, {printed(s['at'], as_of)})"


def handover_markdown(h: dict[str, Any]) -> str:
    as_of = h["as_of"]
    out = [f"# {_title(h)}", "", _span(h), "", *(line for d in _on_duty(h) for line in (d, ""))]
    if h["crisis"].get("exercise"):
        out += [tr("**OEFENING**", "**EXERCISE**"), ""]
    out += [f"## {tr('Betrouwbaarheid van de nieuwe meldingen', 'Reliability of new reports')}",
            "", _mix(h), ""]
    for key, head in _heads():
        out += [f"## {head}", ""]
        items = h["topics"][key]
        out += [f"- **{t['title']}** [{t['reliability']}]: {t['statement'] or ''} "
                f"({reason_text(t['reasons'])}; {printed(t['last_at'], as_of)})"
                for t in items] or [tr("- geen", "- none")]
        out.append("")
    out += [f"## {tr('Tegenstrijdigheden', 'Contradictions')}", ""]
    out += [f"- {tr('geopend', 'opened')}: {_side(c['a'], as_of)} ↔ {_side(c['b'], as_of)}"
            for c in h["contradictions"]["opened"]]
    out += [f"- {tr('opgelost', 'settled')}: {_side(c['a'], as_of)} ↔ {_side(c['b'], as_of)}"
            for c in h["contradictions"]["settled"]]
    if not (h["contradictions"]["opened"] or h["contradictions"]["settled"]):
        out.append(tr("- geen", "- none"))
    out += ["", f"## {tr('Besluiten', 'Decisions')}", ""]
    out += [f"- **{d['text']}** ({d['decided_by']}, {printed(d['decided_at'], as_of)}): "
            f"{d['rationale']}" for d in h["decisions"]] or [tr("- geen", "- none")]
    out += ["", f"## {tr('Open acties', 'Open actions')}", ""]
    out += [f"- {tr('TE LAAT ', 'OVERDUE ') if a['overdue'] else ''}{a['text']} — {a['owner']}"
            + (f", {tr('termijn', 'due')} {printed(a['due'], as_of)}" if a.get("due") else "")
            for a in h["actions"]["open"]] or [tr("- geen", "- none")]
    out += ["", f"## {tr('Verplichtingen binnen 12 uur', 'Obligations due within 12 hours')}",
            ""]
    out += [f"- {o['title']}: {o.get('text') or o['kind']}, {printed(o['due'], as_of)}"
            + (tr(" TE LAAT", " OVERDUE") if o.get("overdue") else "")
            for o in h["obligations_due"]] or [tr("- geen", "- none")]
    return "\n".join(out) + "\n"


def _ul(items: list[str]) -> str:
    if not items:
        return f"<p><i>{escape(tr('Geen.', 'None.'))}</i></p>"
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def handover_html(h: dict[str, Any]) -> str:
    as_of = h["as_of"]
    parts = [f"<h1>{escape(_title(h))}</h1><p>{escape(_span(h))}</p>",
             *(f"<p>{escape(d)}</p>" for d in _on_duty(h))]
    parts.append(f"<h2>{escape(tr('Betrouwbaarheid van de nieuwe meldingen', 'Reliability of new reports'))}</h2>"
                 f"<p>{escape(_mix(h))}</p>")
    for key, head in _heads():
        parts.append(f"<h2>{escape(head)}</h2>")
        parts.append(_ul([f"{badge(t['reliability'])} <b>{escape(t['title'])}</b><br>"
                          f"{escape(t['statement'] or '')}<br><span style=\"color:#52606d\">"
                          f"{escape(reason_text(t['reasons']))} · {escape(source_labels(t['sources']))}"
                          f" · {printed(t['last_at'], as_of)}</span>"
                          for t in h["topics"][key]]))
    parts.append(f"<h2>{escape(tr('Tegenstrijdigheden', 'Contradictions'))}</h2>")
    parts.append(_ul([f"<b>{escape(tr('geopend', 'opened'))}</b>: {escape(_side(c['a'], as_of))}"
                      f" ↔ {escape(_side(c['b'], as_of))}" for c in h["contradictions"]["opened"]]
                     + [f"<b>{escape(tr('opgelost', 'settled'))}</b>: "
                        f"{escape(_side(c['a'], as_of))} ↔ {escape(_side(c['b'], as_of))}"
                        for c in h["contradictions"]["settled"]]))
    parts.append(f"<h2>{escape(tr('Besluiten', 'Decisions'))}</h2>")
    parts.append(_ul([f"<b>{escape(d['text'])}</b> ({escape(d['decided_by'])}, "
                      f"{printed(d['decided_at'], as_of)}): {escape(d['rationale'])}"
                      for d in h["decisions"]]))
    parts.append(f"<h2>{escape(tr('Open acties', 'Open actions'))}</h2>")
    parts.append(_ul([(f'<b style="color:#b00020">{escape(tr("TE LAAT", "OVERDUE"))}</b> '
                       if a["overdue"] else "") + f"{escape(a['text'])} — {escape(a['owner'])}"
                      + (f", {escape(tr('termijn', 'due'))} {printed(a['due'], as_of)}"
                         if a.get("due") else "") for a in h["actions"]["open"]]))
    parts.append(f"<h2>{escape(tr('Verplichtingen binnen 12 uur', 'Obligations due within 12 hours'))}</h2>")
    parts.append(_ul([f"{escape(o['title'])}: {escape(o.get('text') or o['kind'])}, "
                      f"{printed(o['due'], as_of)}"
                      + (f' <b style="color:#b00020">{escape(tr("TE LAAT", "OVERDUE"))}</b>'
                         if o.get("overdue") else "") for o in h["obligations_due"]]))
    return "<html><body>" + "".join(parts) + "</body></html>"


def handover_pdf(h: dict[str, Any], chain: dict[str, Any] | None = None) -> bytes:
    options = PdfOptions(title=_title(h), header=f"{_title(h)} · {_span(h)}",
                         mark=tr("OEFENING", "EXERCISE") if h["crisis"].get("exercise") else "",
                         footer="crisisconsole", chain=chain, page_format=reader_page_format())
    return render_pdf(handover_html(h), options)
