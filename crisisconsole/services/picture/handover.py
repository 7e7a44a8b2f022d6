"""The shift handover (overdracht, issue 13 item 5): what the next aide must know of the time
since ``since``: topics new, changed or newly confirmed; contradictions opened and settled;
decisions; actions open and overdue; obligations of measures due within 12 hours; the
reliability mix of the reports that came in. Built from the topic book held in memory and the
other services; written (pdf, json, md) through ``safe_files`` and audited like any export.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crisisconsole import safe_files
from crisisconsole.clock import format_utc
from crisisconsole.domain.picture_topics import entry_ref
from crisisconsole.domain.time_rule import checked_time
from crisisconsole.errors import StoreError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.foundation.profiles import shown_names
from crisisconsole.services.measures.views import obligation_json, open_obligations
from crisisconsole.services.picture.actions import list_actions
from crisisconsole.services.picture.decisions import list_decisions
from crisisconsole.services.picture.synthesis import changed_topics
from crisisconsole.services.picture.topic_books import topic_book
from crisisconsole.store.tables.log import log_link

FORMATS = ("pdf", "json", "md")
DUE_WITHIN = timedelta(hours=12)
TOPICS_LISTED = 60


def _entry_side(entry: Any) -> dict[str, Any]:
    return {"id": entry.id, "text": entry.text, "source": entry.source,
            "reliability": entry.reliability, "at": format_utc(entry.occurred_at)}


def _contradictions(ctx: ServiceContext, book: Any, since: datetime) -> tuple[list, list]:
    """(opened since, settled since): a contradiction link made after ``since``; one whose
    side was refuted or withdrawn after it (open no longer)."""
    with ctx.store.read() as conn:
        links = conn.execute(select(log_link).where(log_link.c.kind == "contradicts")).all()
    opened, settled = [], []
    for link in links:
        a, b = book.entries.get(link.from_id), book.entries.get(link.to_id)
        if a is None or b is None:
            continue
        still_open = not (a.withdrawn or b.withdrawn or "refuted" in (a.reliability,
                                                                       b.reliability))
        pair = {"a": _entry_side(a), "b": _entry_side(b), "at": format_utc(link.at)}
        if link.at > since and still_open:
            opened.append(pair)
        changed = [t for t in (a.assessed_at, b.assessed_at) if t is not None]
        if not still_open and (link.at > since or any(t > since for t in changed)):
            settled.append(pair)
    return opened, settled


def build_handover(ctx: ServiceContext, crisis_id: str, since: datetime,
                   now: datetime | None = None) -> dict[str, Any]:
    from crisisconsole.services.network.roster import on_duty_line  # the network reads topics

    crisis = get_crisis(ctx.store, crisis_id)
    since = checked_time(since, tr("sinds", "since"))
    now = now or ctx.now()
    book = topic_book(ctx.store, crisis_id)
    changed, count = changed_topics(book, since, TOPICS_LISTED)
    groups: dict[str, list[dict[str, Any]]] = {"new": [], "changed": [], "newly_confirmed": []}
    for item in changed:
        reasons = item["reasons"]
        key = ("new" if "new" in reasons else
               "newly_confirmed" if "newly_confirmed" in reasons else "changed")
        groups[key].append({k: item[k] for k in (
            "id", "title", "discipline", "statement", "reliability", "reports", "sources",
            "first_at", "last_at", "closed", "reopened", "open_contradictions", "trend")}
            | {"reasons": reasons, "new_reports": item["new_reports"]})
    opened, settled = _contradictions(ctx, book, since)
    actions = [a.as_json() for a in list_actions(ctx.store, crisis_id, now)
               if a.status == "open"]
    due = [{**item.as_json(), **obligation_json(item.obligation)}
           for item in open_obligations(ctx.store, crisis_id, now)
           if item.obligation.due is not None and item.obligation.due <= now + DUE_WITHIN]
    mix = {"confirmed": 0, "hearsay": 0, "refuted": 0, "withdrawn": 0}
    for entry in book.entries.values():
        if entry.recorded_at > since:
            mix["withdrawn" if entry.withdrawn else entry.reliability] += 1
    with ctx.store.read() as conn:
        shown = shown_names(conn)
    return {
        "format": "crisisconsole.handover/1",
        "crisis": {"id": crisis.id, "name": crisis.name, "municipality": crisis.municipality,
                   "exercise": crisis.exercise, "grip": crisis.grip},
        "since": format_utc(since), "as_of": format_utc(now),
        "prepared_by": shown.get(ctx.actor.name, ctx.actor.name),
        "on_duty": on_duty_line(ctx.store, crisis_id, now),
        "topics": groups, "topics_changed": count,
        "contradictions": {"opened": opened, "settled": settled},
        "decisions": [{k: v for k, v in d.as_json().items() if k != "entry_refs"}
                      | {"decided_by": shown.get(d.decided_by, d.decided_by)}
                      | {"basis": [r for r in (entry_ref(book.entries.get(i))
                                               for i in d.entry_ids) if r]}
                      for d in list_decisions(ctx.store, crisis_id) if d.decided_at > since],
        "actions": {"open": actions, "overdue": [a for a in actions if a["overdue"]]},
        "obligations_due": due,
        "reliability_mix": mix,
    }


def handover_bytes(data: dict[str, Any], fmt: str, chain: dict[str, Any] | None = None
                   ) -> bytes:
    if fmt == "json":
        return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    from crisisconsole.interchange.handover_render import handover_markdown, handover_pdf

    if fmt == "md":
        return handover_markdown(data).encode("utf-8")
    return handover_pdf(data, chain)


def export_handover(ctx: ServiceContext, crisis_id: str, since: datetime, fmt: str,
                    out: Path) -> Path:
    """Write the handover to ``out`` (never over an existing file); audited."""
    if fmt not in FORMATS:
        raise ValidationError(tr(f"onbekend formaat: {fmt}", f"unknown format: {fmt}"))
    out = Path(out).expanduser()
    if os.path.lexists(out):
        raise StoreError(tr(f"bestand bestaat al: {out}", f"file exists: {out}"))
    data = build_handover(ctx, crisis_id, since)
    with ctx.store.write(ctx.actor.id) as tx:
        head = dict(zip(("seq", "hash"), tx.head(), strict=True))
        tx.audit(f"handover.export.{fmt}", "crisis", crisis_id)
    return safe_files.write_bytes(out, handover_bytes(data, fmt, head), overwrite=False)
