"""The situational picture as HTML (Qt rich text): for the PDF report, the picture page and
the briefing. It reads the picture dict (live or a reopened snapshot) and nothing else, so a
snapshot renders exactly as it was. Persons appear masked: the dict holds no names.

Items link to their log entries as ``entry:<id>,<id>`` anchors; the page opens them.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from crisisconsole.clock import format_local, parse_stored
from crisisconsole.domain.picture import SECTION_TITLES, SECTIONS
from crisisconsole.domain.picture_input import JUDGEMENT_KINDS

BADGES = {  # text, background, foreground: AA contrast on both themes
    "confirmed": ("Bevestigd", "#1b5e20", "#ffffff"),
    "hearsay": ("Van horen zeggen", "#8a5a00", "#ffffff"),
    "refuted": ("Ontkracht", "#7a1f1f", "#ffffff"),
}
ALERT = "#b00020"


def local(value: str | None, with_date: bool = True) -> str:
    if not value:
        return "–"
    return format_local(parse_stored(value), with_date)


def badge(reliability: str, grade: str | None = None) -> str:
    text, bg, fg = BADGES.get(reliability, (reliability, "#444444", "#ffffff"))
    label = f"{text} {grade}" if grade else text
    return (f'<span style="background-color:{bg}; color:{fg}; font-weight:bold">'
            f"&nbsp;{escape(label)}&nbsp;</span>")


def _alert(text: str) -> str:
    return f'<span style="color:{ALERT}; font-weight:bold">{escape(text)}</span>'


def _item(item: dict[str, Any], links: bool) -> str:
    text = escape(item["text"])
    if links:
        text = f'<a href="entry:{",".join(item["entry_ids"])}">{text}</a>'
    meta = [f"bron: {escape(', '.join(item['sources']))}",
            f"{item['age']} geleden ({local(item['occurred_at'], False)})"]
    if item.get("location"):
        meta.insert(0, escape(item["location"]))
    if item.get("last_confirmed_at"):
        meta.append(f"laatst bevestigd {local(item['last_confirmed_at'])}")
    if item["reports"] > 1:
        meta.append(f"{item['reports']} meldingen samengevoegd")
    meta.append(escape(" ".join(item["refs"])))
    flag = (" " + _alert("Tegenstrijdig")) if item.get("contradicted") else ""
    return (f"<li>{badge(item['reliability'], item.get('grade'))} {text}{flag}<br>"
            f'<span style="color:#52606d">{" · ".join(meta)}</span></li>')


def _list(items: list[str], empty: str = "Geen.") -> str:
    if not items:
        return f"<p><i>{escape(empty)}</i></p>"
    return "<ul>" + "".join(items) + "</ul>"


def section_header(p: dict[str, Any]) -> str:
    h = p["header"]
    version = f"versie {h['version']}" if h.get("version") else "live (geen momentopname)"
    rows = [("Crisis", f"{h['crisis_name']} ({h['municipality']})"), ("GRIP", h["grip_label"]),
            ("Versie", version), ("Tijdstip", local(h["as_of"])),
            ("Opgesteld door", h["prepared_by"]),
            *([("Dienst", h["on_duty"])] if h.get("on_duty") else []),
            ("Vastgesteld door", h.get("authorized_by") or "–"),
            ("Volgende update", local(h.get("next_update")))]
    body = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(str(v))}</td></tr>"
                   for k, v in rows)
    mark = (f'<p style="color:{ALERT}; font-size:large; font-weight:bold">OEFENING</p>'
            if h.get("exercise") else "")
    return mark + f"<table>{body}</table>"


def section_summary(p: dict[str, Any]) -> str:
    notes = "".join(f"<p>{escape(n['text'])}</p>" for n in p["summary"]["notes"])
    lines = "".join(f"<li>{escape(line)}</li>" for line in p["summary"]["lines"])
    return notes + f"<ul>{lines}</ul>"


def section_disciplines(p: dict[str, Any], links: bool = False) -> str:
    parts = []
    for d in p["disciplines"]:
        if not (d["confirmed"] or d["hearsay"]):
            continue
        parts.append(f"<h3>{escape(d['label'])}</h3>")
        for tag, title in (("confirmed", "Bevestigd"), ("hearsay", "Van horen zeggen")):
            items = d[tag]
            if not items:
                continue
            more = f" — {d[tag + '_more']} oudere niet getoond" if d[tag + "_more"] else ""
            parts.append(f"<p><b>{title}</b> ({d[tag + '_reports']} meldingen{more})</p>")
            parts.append(_list([_item(i, links) for i in items]))
    quiet = [d["label"] for d in p["disciplines"] if not (d["confirmed"] or d["hearsay"])]
    if quiet:
        parts.append(f"<p><i>Geen meldingen: {escape(', '.join(quiet))}.</i></p>")
    return "".join(parts)


def section_contradictions(p: dict[str, Any], links: bool = False) -> str:
    items = []
    for c in p["contradictions"]:
        pair = []
        for side in (c["a"], c["b"]):
            text = escape(side["text"])
            if links:
                text = f'<a href="entry:{side["entry_id"]}">{text}</a>'
            pair.append(f"{badge(side['reliability'], side.get('grade'))} {text} "
                        f'<span style="color:#52606d">(bron: {escape(side["source"])}, '
                        f"{side['age']} geleden, {side['ref']})</span>")
        items.append(f"<li>{_alert('Tegenstrijdig:')} {pair[0]}<br>&nbsp;&nbsp;tegenover "
                     f"{pair[1]}</li>")
    return _list(items, "Geen open tegenstrijdigheden.")


def section_judgement(p: dict[str, Any]) -> str:
    parts = []
    for kind, label in JUDGEMENT_KINDS:
        notes = [f"<li>{escape(n['text'])} <span style=\"color:#52606d\">({escape(n['author'])}, "
                 f"{local(n['at'], False)})</span></li>" for n in p["judgement"][kind]]
        parts.append(f"<p><b>{label}</b></p>" + _list(notes))
    return "".join(parts)


def section_decisions(p: dict[str, Any]) -> str:
    items = []
    for d in p["decisions"]:
        basis = ", ".join(d["refs"]) or "–"
        snap = f"; beeld versie {d['snapshot_version']}" if d.get("snapshot_version") else ""
        items.append(f"<li><b>{escape(d['text'])}</b><br>Onderbouwing: {escape(d['rationale'])}"
                     f'<br><span style="color:#52606d">{escape(d["decided_by"])}, '
                     f"{local(d['decided_at'])}; rust op meldingen {escape(basis)}{snap}</span>"
                     "</li>")
    return _list(items, "Nog geen besluiten.")


def section_actions(p: dict[str, Any]) -> str:
    items = []
    for a in p["actions"]:
        due = f"termijn {local(a['due'])}" if a.get("due") else "geen termijn"
        flag = (" " + _alert("TE LAAT")) if a["overdue"] else ""
        items.append(f"<li>{escape(a['text'])}{flag}<br><span style=\"color:#52606d\">"
                     f"Actiehouder: {escape(a['owner'])} · {due} · status: "
                     f"{escape(a['status_label'])}</span></li>")
    return _list(items, "Nog geen acties.")


def section_powers(p: dict[str, Any]) -> str:
    items = []
    for m in p["powers"]:
        nxt = m.get("next_due")
        line = f"<b>{escape(m['kind_label'])}</b>: {escape(m['title'])} — {escape(m['state_label'])}"
        if nxt:
            when = f" uiterlijk {local(nxt['due'])}" if nxt.get("due") else ""
            text = escape(nxt.get("text") or nxt["kind"]) + when
            line += "<br>Eerstvolgende: " + (_alert("TE LAAT: ") + text if nxt["overdue"]
                                             else text)
        items.append(f"<li>{line}</li>")
    return _list(items, "Geen bevoegdheden in gebruik.")


def section_persons(p: dict[str, Any], reveal: Callable[[str], str | None] | None = None) -> str:
    if not p["persons"]["visible"]:
        return "<p><i>Niet zichtbaar voor uw rol (need to know).</i></p>"
    items = []
    for person in p["persons"]["items"]:
        shown = reveal(person["id"]) if reveal else None
        label = escape(shown) if shown else escape(person["masked"])
        kind = "organisatie" if person["kind"] == "organisation" else "persoon"
        items.append(f"<li>{label} <span style=\"color:#52606d\">({kind})</span></li>")
    return _list(items, "Geen personen van belang.")


def section_contacts(p: dict[str, Any]) -> str:
    return _list([f"<li>{escape(n['text'])}</li>" for n in p["contacts"]], "Geen contacten.")


def section_html(p: dict[str, Any], key: str, *, links: bool = False,
                 reveal: Callable[[str], str | None] | None = None) -> str:
    if key == "disciplines":
        return section_disciplines(p, links)
    if key == "contradictions":
        return section_contradictions(p, links)
    if key == "persons":
        return section_persons(p, reveal)
    return RENDERERS[key](p)


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "header": section_header, "summary": section_summary, "judgement": section_judgement,
    "decisions": section_decisions, "actions": section_actions, "powers": section_powers,
    "contacts": section_contacts,
}


def picture_html(p: dict[str, Any], *, links: bool = False, title: bool = True) -> str:
    """All sections one under the other, in BOB order."""
    h = p["header"]
    parts = []
    if title:
        parts.append(f"<h1>Situatiebeeld {escape(h['crisis_name'])}</h1>")
    for number, (key, label) in enumerate(SECTIONS, start=1):
        parts.append(f"<h2>{number}. {escape(label)}</h2>")
        parts.append(section_html(p, key, links=links))
    return "<html><body>" + "".join(parts) + "</body></html>"


def header_line(p: dict[str, Any]) -> str:
    """One short line for the top of every PDF page (the first section has the full header)."""
    h = p["header"]
    version = f"versie {h['version']}" if h.get("version") else "live"
    name = h["crisis_name"] if len(h["crisis_name"]) <= 40 else h["crisis_name"][:39] + "…"
    return (f"Situatiebeeld {name} · {h['grip_label']} · {version} · {local(h['as_of'])} · "
            f"{h['prepared_by']}")


def section_title(key: str) -> str:
    return SECTION_TITLES[key]
