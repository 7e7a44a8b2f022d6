"""The situational picture as plain text, for the terminal (`picture show`), in the export
order (issue 13): what changed since the last briefing, the summary, judgement, decisions,
actions, powers, then the topics per discipline. Times are absolute; no hash ids."""

from __future__ import annotations

from typing import Any

from crisisconsole.domain.log_rules import source_label, source_labels
from crisisconsole.domain.picture_input import JUDGEMENT_KINDS
from crisisconsole.domain.picture_topics import section_titles
from crisisconsole.i18n import tr
from crisisconsole.interchange.picture_html import header_line, judgement_labels, status_label
from crisisconsole.interchange.picture_topics_html import (
    basis_text,
    more_line,
    printed,
    reason_text,
    since_heading,
)


def _tags() -> dict[str, str]:
    return {"confirmed": tr("BEVESTIGD", "CONFIRMED"), "hearsay": tr("VAN HOREN ZEGGEN",
                                                                     "HEARSAY"),
            "refuted": tr("ONTKRACHT", "REFUTED"), "withdrawn": tr("INGETROKKEN", "WITHDRAWN")}


def _topic(t: dict[str, Any], as_of: str | None) -> list[str]:
    tags = _tags()
    flag = tr("  [TEGENSTRIJDIG]", "  [CONTRADICTED]") if t.get("open_contradictions") else ""
    pin = tr(" [VAST]", " [PINNED]") if t.get("pinned") else ""
    meta = tr(f"bron: {source_labels(t['sources'])}; {t['reports']} meldingen; "
              f"{printed(t.get('first_at'), as_of)} – {printed(t.get('last_at'), as_of)}",
              f"source: {source_labels(t['sources'])}; {t['reports']} reports; "
              f"{printed(t.get('first_at'), as_of)} – {printed(t.get('last_at'), as_of)}")
    if t.get("trend", {}).get("direction") not in (None, "none"):
        meta += f"; trend {t['trend']['direction']} {t['trend'].get('values', [])[-3:]}"
    return [f"  - [{tags.get(t['reliability'], t['reliability'])}]{pin} {t['title']}{flag}",
            f"      {t.get('statement') or ''}", f"      {meta}"]


def _disciplines(p: dict[str, Any], as_of: str | None) -> list[str]:
    lines = []
    for d in p["disciplines"]:
        shown = [*d.get("confirmed", []), *d.get("unconfirmed", d.get("hearsay", []))]
        if not shown:
            continue
        lines.append(f"-- {d['label']}")
        for t in shown:
            lines += _topic(t, as_of) if "title" in t else [f"  - {t['text']}"]
        if d.get("more"):
            lines.append(f"  {more_line(d['more'])}")
    return lines


def picture_text(p: dict[str, Any]) -> str:
    h = p["header"]
    as_of = h.get("as_of")
    titles = section_titles()
    lines = [header_line(p)]
    if h.get("exercise"):
        lines.append(tr("*** OEFENING ***", "*** EXERCISE ***"))
    since = p.get("since_last_briefing")
    if since is not None:
        lines += ["", f"== {titles['since_last_briefing']} ==", f"  {since_heading(p)}"]
        for t in since["topics"]:
            lines.append(f"  - {t['title']} ({reason_text(t.get('reasons', []))}, "
                         f"{printed(t.get('last_at'), as_of)})")
        if since.get("more"):
            lines.append(f"  {more_line(since['more'])}")
        lines += [f"  * {d['text']} ({d['decided_by']}, {printed(d['decided_at'], as_of)})"
                  for d in since["decisions"]]
    lines += ["", f"== {titles['summary']} =="]
    lines += [f"  {n['text']}" for n in p["summary"]["notes"]]
    lines += [f"  {line}" for line in p["summary"]["lines"]]
    lines += ["", f"== {titles['judgement']} =="]
    labels = judgement_labels()
    for kind, label in JUDGEMENT_KINDS:
        lines += [f"  {labels.get(kind, label)}: {n['text']}" for n in p["judgement"][kind]]
    lines += ["", f"== {titles['decisions']} =="]
    lines += [f"  - {d['text']} ({d['decided_by']}, {printed(d['decided_at'], as_of)}): "
              f"{d['rationale']} [{basis_text(d, as_of)}]" for d in p["decisions"]]
    lines += ["", f"== {titles['actions']} =="]
    lines += [f"  - {tr('TE LAAT ', 'OVERDUE ') if a['overdue'] else ''}"
              f"[{status_label(a['status'])}] {a['text']} — {a['owner']}, "
              f"{tr('termijn', 'due')} {printed(a.get('due'), as_of)}" for a in p["actions"]]
    lines += ["", f"== {titles['powers']} =="]
    for m in p["powers"]:
        nxt = m.get("next_due")
        extra = (f"; {tr('eerstvolgend', 'next')}: {nxt.get('text') or nxt['kind']} "
                 f"{printed(nxt.get('due'), as_of)}"
                 + (tr(" TE LAAT", " OVERDUE") if nxt["overdue"] else "")) if nxt else ""
        lines.append(f"  - {m['kind_label']}: {m['title']} ({m['state_label']}){extra}")
    lines += ["", f"== {titles['disciplines']} =="]
    lines += _disciplines(p, as_of)
    lines += ["", f"== {titles['contradictions']} =="]
    for c in p["contradictions"]:
        lines.append(f"  - {c['a']['text']} ({source_label(c['a']['source'])}, "
                     f"{printed(c['a'].get('occurred_at'), as_of)})  <->  {c['b']['text']} "
                     f"({source_label(c['b']['source'])}, {printed(c['b'].get('occurred_at'), as_of)})")
    lines += ["", f"== {titles['persons']} =="]
    if not p["persons"]["visible"]:
        lines.append(tr("  niet zichtbaar voor uw rol", "  not visible for your role"))
    lines += [f"  - {person['masked']}" for person in p["persons"]["items"]]
    lines += ["", f"== {titles['contacts']} =="]
    lines += [f"  - {n['text']}" for n in p["contacts"]]
    return "\n".join(lines)
