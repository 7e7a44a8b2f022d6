"""The picture made of topics (issue 13, item 2), no I/O.

``build_picture`` (domain/picture.py) still gives the header, judgement, decisions, actions,
powers, persons and contacts; this replaces its discipline sections with topic sections
(``topic_picture.picture_sections``: at most ``limit`` topics per discipline, pinned first, then
by last change, with ``more`` counts; confirmed apart from unconfirmed), adds the section
``since_last_briefing`` (topics and decisions new or changed since the last snapshot or a
given time) and writes the summary in topics. Format ``crisisconsole.picture/2``.

No hash id is meant for a reader: a decision's basis is given as the time and source of each
entry (``basis``), never as ``#1411f270``; the ids stay in the JSON for links only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from crisisconsole.clock import format_utc
from crisisconsole.domain.crisis import grip_label
from crisisconsole.domain.topic_input import TopicEntry
from crisisconsole.i18n import tr

FORMAT = "crisisconsole.picture/2"
# The first sections of every export, in this order: what changed, the summary, then
# judgement, decisions, actions and powers (first page), then the picture per discipline.
EXPORT_ORDER: tuple[str, ...] = ("header", "since_last_briefing", "summary", "judgement",
                                 "decisions", "actions", "powers", "disciplines",
                                 "contradictions", "persons", "contacts")
# What a topic in the picture keeps (the full view is in ``topic list``).
TOPIC_KEYS = ("id", "title", "discipline", "statement", "statement_source", "reliability",
              "all_refuted", "contradicted", "open_contradictions", "reports", "sources",
              "location", "first_at", "last_at", "last_confirmed_at", "last_change_at",
              "pinned", "closed", "reopened", "reopened_by", "trend", "entry_ids")


def section_titles() -> dict[str, str]:
    """The section titles in the current language (the page, the briefing, every export)."""
    return {
        "header": tr("Kop", "Header"),
        "since_last_briefing": tr("Sinds de vorige briefing", "Since the last briefing"),
        "summary": tr("Samenvatting", "Summary"),
        "disciplines": tr("Beeld per discipline", "Picture per discipline"),
        "contradictions": tr("Open tegenstrijdigheden", "Open contradictions"),
        "judgement": tr("Oordeel", "Judgement"),
        "decisions": tr("Besluiten", "Decisions"),
        "actions": tr("Acties", "Actions"),
        "powers": tr("Bevoegdheden in gebruik", "Powers in use"),
        "persons": tr("Personen van belang", "Persons of interest"),
        "contacts": tr("Contacten", "Contacts"),
    }


def compact(topic: Mapping[str, Any]) -> dict[str, Any]:
    return {key: topic.get(key) for key in TOPIC_KEYS}


def entry_ref(entry: TopicEntry | None) -> dict[str, Any] | None:
    """How a reader is told which entry: when it happened and who reported it."""
    if entry is None:
        return None
    return {"id": entry.id, "at": format_utc(entry.occurred_at), "source": entry.source}


def _discipline_sections(base: Sequence[Mapping[str, Any]],
                         sections: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    totals = {d["key"]: d for d in base}
    out = []
    for section in sections:
        old = totals.get(section["key"], {})
        out.append({
            "key": section["key"], "label": section["label"],
            "confirmed": [compact(t) for t in section["confirmed"]],
            "unconfirmed": [compact(t) for t in section["unconfirmed"]],
            "topics": section["topics"], "more": section["more"],
            "closed": section["closed"], "refuted": section["refuted"],
            "confirmed_reports": old.get("confirmed_reports", 0),
            "hearsay_reports": old.get("hearsay_reports", 0),
        })
    return out


def _summary(picture: Mapping[str, Any], disciplines: Sequence[Mapping[str, Any]],
             since_count: int) -> dict[str, Any]:
    counts = dict(picture["summary"]["counts"])
    shown = sum(len(d["confirmed"]) + len(d["unconfirmed"]) for d in disciplines)
    open_topics = sum(d["topics"] for d in disciplines)
    confirmed_topics = sum(len(d["confirmed"]) for d in disciplines)
    counts.update({"topics": open_topics, "topics_shown": shown,
                   "topics_confirmed_shown": confirmed_topics, "changed_topics": since_count})
    h = picture["header"]
    grip = grip_label(h["grip"])
    lines = [
        tr(f"{grip}; {open_topics} open onderwerpen uit {counts['confirmed']} bevestigde en "
           f"{counts['hearsay']} onbevestigde meldingen.",
           f"{grip}; {open_topics} open topics from {counts['confirmed']} confirmed and "
           f"{counts['hearsay']} unconfirmed reports."),
        tr(f"{since_count} onderwerpen nieuw of gewijzigd sinds de vorige briefing; "
           f"{counts['contradictions']} open tegenstrijdigheden.",
           f"{since_count} topics new or changed since the last briefing; "
           f"{counts['contradictions']} open contradictions."),
        tr(f"{counts['decisions']} besluiten; {counts['open_actions']} open acties, waarvan "
           f"{counts['overdue_actions']} te laat; {counts['powers']} bevoegdheden in gebruik"
           + (f", {counts['overdue_obligations']} verplichtingen te laat." if
              counts["overdue_obligations"] else "."),
           f"{counts['decisions']} decisions; {counts['open_actions']} open actions, "
           f"{counts['overdue_actions']} overdue; {counts['powers']} powers in use"
           + (f", {counts['overdue_obligations']} obligations overdue." if
              counts["overdue_obligations"] else ".")),
    ]
    return {"notes": picture["summary"]["notes"], "lines": lines, "counts": counts}


def topic_picture(base: Mapping[str, Any], sections: Sequence[Mapping[str, Any]],
                  changed: Sequence[Mapping[str, Any]], entries: Mapping[str, TopicEntry],
                  since: datetime | None, since_kind: str,
                  since_version: int | None = None, changed_count: int | None = None
                  ) -> dict[str, Any]:
    """The picture of ``base`` (build_picture's dict) with topic sections.

    ``changed``: ``topic_picture.changed_since`` for ``since``; ``since_kind``: "snapshot"
    (since the last snapshot, ``since_version``), "time" (a time given) or "start" (no
    snapshot yet: everything is new); ``changed_count``: how many changed in all, when
    ``changed`` holds only the first of them."""
    picture = dict(base)
    disciplines = _discipline_sections(base["disciplines"], sections)
    decisions = []
    for d in base["decisions"]:
        item = {k: v for k, v in d.items() if k != "refs"}
        item["basis"] = [ref for ref in (entry_ref(entries.get(i)) for i in d["entry_ids"])
                         if ref is not None]
        decisions.append(item)
    new_decisions = [d for d in decisions
                     if since is None or d["decided_at"] > format_utc(since)]
    picture.update({
        "format": FORMAT,
        "disciplines": disciplines,
        "decisions": decisions,
        "since_last_briefing": {
            "since": format_utc(since) if since is not None else None,
            "basis": since_kind, "snapshot_version": since_version,
            "topics": [{**compact(t), "reasons": list(t["reasons"]),
                        "new_reports": t["new_reports"]} for t in changed],
            "decisions": new_decisions,
            "more": max(0, (changed_count or len(changed)) - len(changed)),
        },
    })
    picture["summary"] = _summary(base, disciplines, changed_count or len(changed))
    return picture
