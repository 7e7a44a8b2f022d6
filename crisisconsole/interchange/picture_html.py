"""The situational picture as HTML (Qt rich text): for the PDF report, the picture page and
the briefing. It reads the picture dict (live or a reopened snapshot) and nothing else, so a
snapshot renders exactly as it was. Persons appear masked: the dict holds no names.

Order (issue 13): "Sinds de vorige briefing", the summary, then judgement, decisions,
actions and powers in use (the first page of every export), then the picture per discipline
in topics, contradictions, persons, contacts. Printed times are absolute (``printed``); on
screen (``links=True``) the topics also show their age. No hash ids: entries are named by
their time and source. Topics link as ``topic:<id>``, "+ N more" as ``more:<discipline>``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from crisisconsole.clock import format_local, parse_stored
from crisisconsole.domain.log_rules import source_label
from crisisconsole.domain.picture_input import JUDGEMENT_KINDS
from crisisconsole.domain.picture_topics import EXPORT_ORDER, section_titles
from crisisconsole.i18n import tr
from crisisconsole.interchange.picture_topics_html import (
    ALERT,
    MUTED,
    alert,
    badge,
    basis_text,
    printed,
    section_disciplines,
    section_since,
)

__all__ = ["ALERT", "badge", "header_line", "local", "picture_html", "section_html",
           "section_title"]


def local(value: str | None, with_date: bool = True) -> str:
    if not value:
        return "–"
    return format_local(parse_stored(value), with_date)


def _list(items: list[str], empty: str) -> str:
    if not items:
        return f"<p><i>{escape(empty)}</i></p>"
    return "<ul>" + "".join(items) + "</ul>"


def _as_of(p: dict[str, Any]) -> str | None:
    return p["header"].get("as_of")


def section_header(p: dict[str, Any], compact: bool = False) -> str:
    """The header table; ``compact`` (print): one paragraph, so the first page keeps room for
    the judgement, decisions, actions and powers."""
    h = p["header"]
    version = (tr(f"versie {h['version']}", f"version {h['version']}") if h.get("version")
               else tr("live (geen momentopname)", "live (no snapshot)"))
    rows = [(tr("Crisis", "Crisis"), f"{h['crisis_name']} ({h['municipality']})"),
            ("GRIP", h["grip_label"]), (tr("Versie", "Version"), version),
            (tr("Tijdstip", "Time"), local(h["as_of"])),
            (tr("Opgesteld door", "Prepared by"), h["prepared_by"]),
            *([(tr("Dienst", "On duty"), h["on_duty"])] if h.get("on_duty") else []),
            (tr("Vastgesteld door", "Authorised by"), h.get("authorized_by") or "–"),
            (tr("Volgende update", "Next update"), local(h.get("next_update")))]
    mark = (f'<p style="color:{ALERT}; font-size:large; font-weight:bold">'
            f'{escape(tr("OEFENING", "EXERCISE"))}</p>' if h.get("exercise") else "")
    if compact:
        return mark + "<p>" + " · ".join(f"<b>{escape(k)}</b> {escape(str(v))}"
                                         for k, v in rows) + "</p>"
    body = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(str(v))}</td></tr>"
                   for k, v in rows)
    return mark + f"<table>{body}</table>"


def section_summary(p: dict[str, Any]) -> str:
    notes = "".join(f"<p>{escape(n['text'])}</p>" for n in p["summary"]["notes"])
    lines = "".join(f"<li>{escape(line)}</li>" for line in p["summary"]["lines"])
    return notes + f"<ul>{lines}</ul>"


def _side(side: dict[str, Any], as_of: str | None, links: bool) -> str:
    text = escape(side["text"])
    if links:
        text = f'<a href="entry:{side["entry_id"]}">{text}</a>'
    return (f"{badge(side['reliability'], side.get('grade'))} {text} "
            f'<span style="color:{MUTED}">({escape(source_label(side["source"]))}, '
            f"{printed(side.get('occurred_at'), as_of)})</span>")


def section_contradictions(p: dict[str, Any], links: bool = False) -> str:
    as_of = _as_of(p)
    items = [f"<li>{alert(tr('Tegenstrijdig:', 'Contradiction:'))} "
             f"{_side(c['a'], as_of, links)}<br>&nbsp;&nbsp;{escape(tr('tegenover', 'against'))} "
             f"{_side(c['b'], as_of, links)}</li>" for c in p["contradictions"]]
    return _list(items, tr("Geen open tegenstrijdigheden.", "No open contradictions."))


def judgement_labels() -> dict[str, str]:
    return {"bottleneck": tr("Knelpunten", "Bottlenecks"),
            "forecast": tr("Verwachting", "Forecast"), "dilemma": tr("Dilemma's", "Dilemmas")}


def section_judgement(p: dict[str, Any], compact: bool = False) -> str:
    parts = []
    labels = judgement_labels()
    if compact:  # print: one list, each note with its kind
        items = [f"<li><b>{escape(labels.get(kind, label))}</b>: {escape(n['text'])}</li>"
                 for kind, label in JUDGEMENT_KINDS for n in p["judgement"][kind]]
        return _list(items, tr("Geen oordeel vastgelegd.", "No judgement recorded."))
    for kind, label in JUDGEMENT_KINDS:
        notes = [f"<li>{escape(n['text'])} <span style=\"color:{MUTED}\">"
                 f"({escape(n['author'])}, {printed(n['at'], _as_of(p))})</span></li>"
                 for n in p["judgement"][kind]]
        parts.append(f"<p><b>{escape(labels.get(kind, label))}</b></p>"
                     + _list(notes, tr("Geen.", "None.")))
    return "".join(parts)


def section_decisions(p: dict[str, Any], compact: bool = False) -> str:
    items = []
    as_of = _as_of(p)
    for d in p["decisions"]:
        if compact:
            items.append(f"<li><b>{escape(d['text'])}</b> ({escape(d['decided_by'])}, "
                         f"{printed(d['decided_at'], as_of)}): {escape(d['rationale'])} "
                         f'<span style="color:{MUTED}">'
                         f"[{escape(basis_text(d, as_of))}]</span></li>")
            continue
        snap = (tr(f"; beeld versie {d['snapshot_version']}",
                   f"; picture version {d['snapshot_version']}")
                if d.get("snapshot_version") else "")
        items.append(f"<li><b>{escape(d['text'])}</b><br>"
                     f"{escape(tr('Onderbouwing', 'Rationale'))}: {escape(d['rationale'])}"
                     f'<br><span style="color:{MUTED}">{escape(d["decided_by"])}, '
                     f"{printed(d['decided_at'], as_of)}; "
                     f"{escape(tr('rust op meldingen', 'rests on reports'))} "
                     f"{escape(basis_text(d, as_of))}{escape(snap)}</span></li>")
    return _list(items, tr("Nog geen besluiten.", "No decisions yet."))


def status_label(status: str) -> str:
    return {"open": tr("open", "open"), "done": tr("gereed", "done"),
            "dropped": tr("vervallen", "dropped")}.get(status, status)


def section_actions(p: dict[str, Any]) -> str:
    items = []
    as_of = _as_of(p)
    for a in p["actions"]:
        due = (tr(f"termijn {printed(a['due'], as_of)}", f"due {printed(a['due'], as_of)}")
               if a.get("due") else tr("geen termijn", "no deadline"))
        flag = (" " + alert(tr("TE LAAT", "OVERDUE"))) if a["overdue"] else ""
        items.append(f"<li>{escape(a['text'])}{flag}<br><span style=\"color:{MUTED}\">"
                     f"{escape(tr('Actiehouder', 'Owner'))}: {escape(a['owner'])} · "
                     f"{escape(due)} · status: {escape(status_label(a['status']))}</span></li>")
    return _list(items, tr("Nog geen acties.", "No actions yet."))


def section_powers(p: dict[str, Any]) -> str:
    items = []
    as_of = _as_of(p)
    for m in p["powers"]:
        nxt = m.get("next_due")
        line = f"<b>{escape(m['kind_label'])}</b>: {escape(m['title'])} — {escape(m['state_label'])}"
        if nxt:
            step = nxt.get("text") or nxt["kind"]
            due = printed(nxt["due"], as_of) if nxt.get("due") else ""
            when = (tr(f" uiterlijk {due}", f" by {due}") if due and due not in step else "")
            text = escape(step) + escape(when)
            line += (f"<br>{escape(tr('Eerstvolgende', 'Next'))}: "
                     + (alert(tr("TE LAAT: ", "OVERDUE: ")) + text if nxt["overdue"] else text))
        items.append(f"<li>{line}</li>")
    return _list(items, tr("Geen bevoegdheden in gebruik.", "No powers in use."))


def section_persons(p: dict[str, Any], reveal: Callable[[str], str | None] | None = None) -> str:
    if not p["persons"]["visible"]:
        return "<p><i>" + escape(tr("Niet zichtbaar voor uw rol (need to know).",
                                    "Not visible for your role (need to know).")) + "</i></p>"
    items = []
    for person in p["persons"]["items"]:
        shown = reveal(person["id"]) if reveal else None
        label = escape(shown) if shown else escape(person["masked"])
        kind = (tr("organisatie", "organisation") if person["kind"] == "organisation"
                else tr("persoon", "person"))
        items.append(f"<li>{label} <span style=\"color:{MUTED}\">({escape(kind)})</span></li>")
    return _list(items, tr("Geen personen van belang.", "No persons of interest."))


def section_contacts(p: dict[str, Any]) -> str:
    return _list([f"<li>{escape(n['text'])}</li>" for n in p["contacts"]],
                 tr("Geen contacten.", "No contacts."))


def section_html(p: dict[str, Any], key: str, *, links: bool = False,
                 reveal: Callable[[str], str | None] | None = None,
                 screen: bool | None = None, compact: bool = False) -> str:
    """One section; ``screen`` (default: ``links``) adds relative ages to the topics;
    ``compact`` (print) keeps "since the last briefing" short."""
    on_screen = links if screen is None else screen
    if key == "disciplines":
        return section_disciplines(p, screen=on_screen, links=links)
    if key == "since_last_briefing":
        return section_since(p, screen=on_screen, links=links, compact=compact)
    if key == "contradictions":
        return section_contradictions(p, links)
    if key == "persons":
        return section_persons(p, reveal)
    if key in ("header", "judgement", "decisions"):
        return COMPACTABLE[key](p, compact)
    return RENDERERS[key](p)


COMPACTABLE: dict[str, Callable[[dict[str, Any], bool], str]] = {
    "header": section_header, "judgement": section_judgement, "decisions": section_decisions,
}
RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "header": section_header, "summary": section_summary, "judgement": section_judgement,
    "decisions": section_decisions, "actions": section_actions, "powers": section_powers,
    "contacts": section_contacts,
}


def picture_html(p: dict[str, Any], *, links: bool = False, title: bool = True,
                 printed_form: bool = False) -> str:
    """All sections one under the other (``EXPORT_ORDER``); ``printed_form``: for paper."""
    h = p["header"]
    titles = section_titles()
    parts = []
    if title:
        parts.append(f"<h1>{escape(tr('Situatiebeeld', 'Situation report'))} "
                     f"{escape(h['crisis_name'])}</h1>")
    for number, key in enumerate(EXPORT_ORDER, start=1):
        parts.append(f"<h2>{number}. {escape(titles[key])}</h2>")
        parts.append(section_html(p, key, links=links, compact=printed_form))
    return "<html><body>" + "".join(parts) + "</body></html>"


def header_line(p: dict[str, Any]) -> str:
    """One short line for the top of every PDF page (the first section has the full header)."""
    h = p["header"]
    version = (tr(f"versie {h['version']}", f"version {h['version']}") if h.get("version")
               else "live")
    name = h["crisis_name"] if len(h["crisis_name"]) <= 40 else h["crisis_name"][:39] + "…"
    return (f"{tr('Situatiebeeld', 'Situation report')} {name} · {h['grip_label']} · "
            f"{version} · {local(h['as_of'])} · {h['prepared_by']}")


def section_title(key: str) -> str:
    return section_titles()[key]
