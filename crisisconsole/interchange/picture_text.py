"""The situational picture as plain text, for the terminal (`picture show`)."""

from __future__ import annotations

from typing import Any

from crisisconsole.domain.picture import SECTIONS
from crisisconsole.domain.picture_input import JUDGEMENT_KINDS
from crisisconsole.interchange.picture_html import header_line, local

TAGS = {"confirmed": "BEVESTIGD", "hearsay": "VAN HOREN ZEGGEN", "refuted": "ONTKRACHT"}


def _item(item: dict[str, Any]) -> list[str]:
    flag = "  [TEGENSTRIJDIG]" if item.get("contradicted") else ""
    grade = f" {item['grade']}" if item.get("grade") else ""
    meta = f"bron: {', '.join(item['sources'])}; {item['age']} geleden"
    if item.get("last_confirmed_at"):
        meta += f"; laatst bevestigd {local(item['last_confirmed_at'])}"
    return [f"  - [{TAGS[item['reliability']]}{grade}] {item['text']}{flag}",
            f"      {meta}; {' '.join(item['refs'])}"]


def picture_text(p: dict[str, Any]) -> str:
    h = p["header"]
    lines = [header_line(p)]
    if h.get("exercise"):
        lines.append("*** OEFENING ***")
    titles = dict(SECTIONS)
    lines += ["", f"== {titles['summary']} =="]
    lines += [f"  {n['text']}" for n in p["summary"]["notes"]]
    lines += [f"  {line}" for line in p["summary"]["lines"]]
    lines += ["", f"== {titles['disciplines']} =="]
    for d in p["disciplines"]:
        if not (d["confirmed"] or d["hearsay"]):
            continue
        lines.append(f"-- {d['label']}")
        for tag in ("confirmed", "hearsay"):
            for item in d[tag]:
                lines += _item(item)
    lines += ["", f"== {titles['contradictions']} =="]
    for c in p["contradictions"]:
        lines.append(f"  - {c['a']['text']} ({c['a']['source']})  <->  "
                     f"{c['b']['text']} ({c['b']['source']})")
    lines += ["", f"== {titles['judgement']} =="]
    for kind, label in JUDGEMENT_KINDS:
        lines += [f"  {label}: {n['text']}" for n in p["judgement"][kind]]
    lines += ["", f"== {titles['decisions']} =="]
    lines += [f"  - {d['text']} ({d['decided_by']}, {local(d['decided_at'])}): {d['rationale']}"
              for d in p["decisions"]]
    lines += ["", f"== {titles['actions']} =="]
    lines += [f"  - {'TE LAAT ' if a['overdue'] else ''}[{a['status_label']}] {a['text']} — "
              f"{a['owner']}, termijn {local(a.get('due'))}" for a in p["actions"]]
    lines += ["", f"== {titles['powers']} =="]
    for m in p["powers"]:
        nxt = m.get("next_due")
        extra = (f"; eerstvolgend: {nxt.get('text') or nxt['kind']} {local(nxt.get('due'))}"
                 + (" TE LAAT" if nxt["overdue"] else "")) if nxt else ""
        lines.append(f"  - {m['kind_label']}: {m['title']} ({m['state_label']}){extra}")
    lines += ["", f"== {titles['persons']} =="]
    if not p["persons"]["visible"]:
        lines.append("  niet zichtbaar voor uw rol")
    lines += [f"  - {person['masked']}" for person in p["persons"]["items"]]
    lines += ["", f"== {titles['contacts']} =="]
    lines += [f"  - {n['text']}" for n in p["contacts"]]
    return "\n".join(lines)
