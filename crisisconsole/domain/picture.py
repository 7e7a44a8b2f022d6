"""The consolidated situational picture (DOMAIN.md §4), built from plain inputs, no I/O.

The picture is a JSON-ready dict with its sections in BOB order. It is deterministic: the
same input gives the same dict, byte for byte in its canonical JSON form, so a snapshot's
SHA-256 hash proves later that it is what the mayor was shown. Every renderer (the page, the
briefing, PDF, EDXL-SitRep) reads this dict, so a reopened snapshot looks exactly as it did.

Rules (documented here because the UI and exports depend on them):

- Withdrawn entries are left out. Refuted entries are not facts and are left out of the
  discipline sections; they only settle contradictions (a contradiction is open while neither
  side is refuted, ``log_history.is_open_contradiction``).
- Entries linked as corroborating form one item (transitively) with all their sources. The
  item shows its best member's text: confirmed before hearsay, then the latest confirmation,
  then the newest report. It is confirmed when any member is, and placed under that member's
  discipline; its age runs from the newest report, its last confirmation is the latest one.
- Each discipline keeps confirmed facts apart from hearsay, newest first, at most
  ``limit_per_list`` items per list, with the number of reports behind the list.
- An action is overdue when it is open and its due time has passed at the picture's time.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from crisisconsole.clock import format_age, format_utc
from crisisconsole.domain.crisis import grip_label
from crisisconsole.domain.log_history import Link, is_open_contradiction, short_id
from crisisconsole.domain.picture_input import (
    DISCIPLINES,
    JUDGEMENT_KINDS,
    OTHER,
    PictureEntry,
    PictureInput,
    discipline_label,
)

FORMAT = "crisisconsole.picture/1"
SECTIONS: tuple[tuple[str, str], ...] = (
    ("header", "Kop"),
    ("summary", "Samenvatting"),
    ("disciplines", "Beeld per discipline"),
    ("contradictions", "Open tegenstrijdigheden"),
    ("judgement", "Oordeel"),
    ("decisions", "Besluiten"),
    ("actions", "Acties"),
    ("powers", "Bevoegdheden in gebruik"),
    ("persons", "Personen van belang"),
    ("contacts", "Contacten"),
)
SECTION_TITLES = dict(SECTIONS)
STATUS_LABELS = {"open": "open", "done": "gereed", "dropped": "vervallen"}
_RANK = {"confirmed": 2, "hearsay": 1, "refuted": 0}


def _t(value: datetime | None) -> str | None:
    if value is None:
        return None
    return format_utc(value)


def _age(as_of: datetime, then: datetime) -> dict[str, Any]:
    delta = as_of - then
    return {"age_min": int(delta.total_seconds() // 60), "age": format_age(delta)}


class _Groups:
    """Union-find over corroborating links: one group per fact."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _best(members: list[PictureEntry]) -> PictureEntry:
    return max(members, key=lambda e: (_RANK[e.reliability], e.last_confirmed_at or e.occurred_at,
                                       e.occurred_at, e.id))


def _item(members: list[PictureEntry], as_of: datetime, contradicted: set[str]) -> dict[str, Any]:
    best = _best(members)
    ordered = sorted(members, key=lambda e: (e is not best, e.occurred_at, e.id))
    newest = max(e.occurred_at for e in members)
    confirmations = [e.last_confirmed_at for e in members if e.last_confirmed_at]
    return {
        "entry_ids": [e.id for e in ordered],
        "refs": [short_id(e.id) for e in ordered],
        "text": best.text,
        "location": best.location,
        "discipline": best.discipline or OTHER,
        "reliability": best.reliability,
        "grade": best.grade,
        "sources": sorted({e.source for e in members}),
        "reports": len(members),
        "occurred_at": _t(newest),
        **_age(as_of, newest),
        "last_confirmed_at": _t(max(confirmations)) if confirmations else None,
        "contradicted": any(e.id in contradicted for e in members),
    }


def _entry_item(entry: PictureEntry, as_of: datetime) -> dict[str, Any]:
    return {
        "entry_id": entry.id, "ref": short_id(entry.id), "text": entry.text,
        "source": entry.source, "discipline": entry.discipline or OTHER,
        "reliability": entry.reliability, "grade": entry.grade,
        "occurred_at": _t(entry.occurred_at), **_age(as_of, entry.occurred_at),
        "last_confirmed_at": _t(entry.last_confirmed_at),
    }


def _contradictions(inp: PictureInput, live: dict[str, PictureEntry]) -> tuple[list, set[str]]:
    tags = {e.id: e.reliability for e in inp.entries}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for link in inp.links:
        if link.kind != "contradicts" or link.from_id not in live or link.to_id not in live:
            continue
        if not is_open_contradiction(Link("", link.from_id, link.to_id, link.kind,
                                          inp.header.as_of, ""), tags):
            continue
        a, b = sorted((live[link.from_id], live[link.to_id]), key=lambda e: (e.occurred_at, e.id))
        found[(a.id, b.id)] = {"a": _entry_item(a, inp.header.as_of),
                               "b": _entry_item(b, inp.header.as_of)}
    ids = {i for pair in found for i in pair}
    items = [found[k] for k in sorted(found, key=lambda k: (found[k]["b"]["occurred_at"], k),
                                      reverse=True)]
    return items, ids


def _disciplines(inp: PictureInput, live: dict[str, PictureEntry], contradicted: set[str]
                 ) -> list[dict[str, Any]]:
    facts = {i: e for i, e in live.items() if e.reliability != "refuted"}
    groups = _Groups(facts)
    for link in inp.links:
        if link.kind == "corroborates" and link.from_id in facts and link.to_id in facts:
            groups.union(link.from_id, link.to_id)
    members: dict[str, list[PictureEntry]] = defaultdict(list)
    for entry in facts.values():
        members[groups.find(entry.id)].append(entry)
    lists: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for group in members.values():
        item = _item(group, inp.header.as_of, contradicted)
        lists[(item["discipline"], item["reliability"])].append(item)
    totals: dict[tuple[str, str], int] = defaultdict(int)
    if inp.totals is not None:
        totals.update(inp.totals)
    else:
        for entry in facts.values():
            totals[(entry.discipline or OTHER, entry.reliability)] += 1
    limit = max(1, inp.limit_per_list)
    result = []
    for key, label in DISCIPLINES:
        section: dict[str, Any] = {"key": key, "label": discipline_label(key, label)}
        for tag in ("confirmed", "hearsay"):
            items = sorted(lists.get((key, tag), []),
                           key=lambda i: (i["occurred_at"], i["entry_ids"][0]), reverse=True)
            section[tag] = items[:limit]
            section[f"{tag}_reports"] = totals.get((key, tag), 0)
            section[f"{tag}_more"] = max(0, len(items) - limit)
        result.append(section)
    return result


def _decisions(inp: PictureInput) -> list[dict[str, Any]]:
    return [{
        "id": d.id, "text": d.text, "rationale": d.rationale, "decided_by": d.decided_by,
        "decided_at": _t(d.decided_at), "entry_ids": sorted(d.entry_ids),
        "refs": [short_id(i) for i in sorted(d.entry_ids)], "snapshot_id": d.snapshot_id,
        "snapshot_version": d.snapshot_version,
    } for d in sorted(inp.decisions, key=lambda d: (d.decided_at, d.id))]


def _actions(inp: PictureInput) -> list[dict[str, Any]]:
    as_of = inp.header.as_of
    items = []
    for a in inp.actions:
        overdue = a.status == "open" and a.due is not None and a.due < as_of
        items.append({
            "id": a.id, "text": a.text, "owner": a.owner, "status": a.status,
            "status_label": STATUS_LABELS.get(a.status, a.status), "due": _t(a.due),
            "overdue": overdue, "decision_id": a.decision_id, "status_at": _t(a.status_at),
        })
    order = {"open": 0, "done": 1, "dropped": 2}
    return sorted(items, key=lambda i: (not i["overdue"], order.get(i["status"], 3),
                                        i["due"] is None, i["due"] or "", i["id"]))


def _powers(inp: PictureInput) -> list[dict[str, Any]]:
    return [{
        "id": m.id, "kind": m.kind, "kind_label": m.kind_label, "title": m.title,
        "state": m.state, "state_label": m.state_label,
        "next_due": None if m.next_due_kind is None else {
            "kind": m.next_due_kind, "text": m.next_due_text, "due": _t(m.next_due),
            "overdue": m.next_due_overdue},
        "overdue_count": m.overdue_count,
    } for m in sorted(inp.measures, key=lambda m: (m.kind, m.title, m.id))]


def _notes(inp: PictureInput, kind: str) -> list[dict[str, Any]]:
    return [{"id": n.id, "text": n.text, "at": _t(n.at), "author": n.author}
            for n in sorted(inp.notes, key=lambda n: (n.at, n.id)) if n.kind == kind]


def _summary(inp: PictureInput, disciplines: list, contradictions: list, actions: list,
             powers: list) -> dict[str, Any]:
    confirmed = sum(d["confirmed_reports"] for d in disciplines)
    hearsay = sum(d["hearsay_reports"] for d in disciplines)
    overdue_actions = sum(1 for a in actions if a["overdue"])
    open_actions = sum(1 for a in actions if a["status"] == "open")
    overdue_powers = sum(p["overdue_count"] for p in powers)
    lines = [
        f"{grip_label(inp.header.grip)}; {confirmed} bevestigde en {hearsay} onbevestigde "
        "meldingen (van horen zeggen).",
        f"{len(contradictions)} open tegenstrijdigheden; {len(inp.decisions)} besluiten; "
        f"{open_actions} open acties, waarvan {overdue_actions} te laat.",
        f"{len(powers)} bevoegdheden in gebruik"
        + (f", {overdue_powers} verplichtingen te laat." if overdue_powers else "."),
    ]
    return {"notes": _notes(inp, "summary"), "lines": lines,
            "counts": {"confirmed": confirmed, "hearsay": hearsay,
                       "contradictions": len(contradictions), "decisions": len(inp.decisions),
                       "open_actions": open_actions, "overdue_actions": overdue_actions,
                       "powers": len(powers), "overdue_obligations": overdue_powers}}


def build_picture(inp: PictureInput) -> dict[str, Any]:
    """The picture as a JSON-ready dict, sections in BOB order (see ``SECTIONS``)."""
    h = inp.header
    live = {e.id: e for e in inp.entries if not e.withdrawn}
    contradictions, contradicted = _contradictions(inp, live)
    disciplines = _disciplines(inp, live, contradicted)
    actions = _actions(inp)
    powers = _powers(inp)
    return {
        "format": FORMAT,
        "header": {
            "crisis_id": h.crisis_id, "crisis_name": h.crisis_name,
            "municipality": h.municipality, "exercise": h.exercise, "grip": h.grip,
            "grip_label": grip_label(h.grip), "version": h.version,
            "prepared_by": h.prepared_by, "authorized_by": h.authorized_by,
            "as_of": _t(h.as_of), "next_update": _t(h.next_update),
        },
        "summary": _summary(inp, disciplines, contradictions, actions, powers),
        "disciplines": disciplines,
        "contradictions": contradictions,
        "judgement": {kind: _notes(inp, kind) for kind, _label in JUDGEMENT_KINDS},
        "decisions": _decisions(inp),
        "actions": actions,
        "powers": powers,
        "persons": {"visible": inp.persons_visible, "items": [
            {"id": p.id, "masked": p.masked, "kind": p.kind}
            for p in sorted(inp.persons, key=lambda p: (p.masked, p.id))]},
        "contacts": _notes(inp, "contact"),
    }


def with_version(picture: dict[str, Any], version: int) -> dict[str, Any]:
    """A copy of the picture carrying its snapshot version in the header."""
    return {**picture, "header": {**picture["header"], "version": version}}


def canonical_json(picture: dict[str, Any]) -> str:
    """The one text form that is stored and hashed: sorted keys, no spaces, UTF-8."""
    return json.dumps(picture, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def picture_hash(canonical: str) -> str:
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
