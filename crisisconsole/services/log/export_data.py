"""The complete log of a crisis (or the part a filter of the log page shows), or the whole
history of one entry, as plain JSON-ready data: every version, assessment, link and withdrawal,
with readable names for who did what. The writers (CSV, JSON, PDF) live in
crisisconsole.interchange.log_export; an export or a print is role-checked and audited, from the
CLI and from the app alike (``gather_log``)."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any

from sqlalchemy import select

from crisisconsole.clock import format_utc
from crisisconsole.domain.file_names import as_received, safe_file_name
from crisisconsole.domain.log_history import Assessment, EntryVersion, HistoryItem, Link
from crisisconsole.domain.roles import ProfileRole
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.access import require_role
from crisisconsole.services.foundation.audit import audit_export
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.foundation.profiles import shown_names
from crisisconsole.services.log.queries import LogFilter, entry_history, get_entry
from crisisconsole.services.log.values import entry_from_row, late_threshold
from crisisconsole.store.audit_chain import chain_head
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.log import (
    log_assessment,
    log_attachment,
    log_current,
    log_entry,
    log_link,
    log_version,
    log_withdrawal,
)


def _iso(value: Any) -> str | None:
    return format_utc(value) if value else None


def actor_names(store: Store) -> dict[str, str]:
    with store.read() as conn:
        return shown_names(conn)


def version_json(v: EntryVersion, names: dict[str, str]) -> dict[str, Any]:
    return {"id": v.id, "version": v.version, "text": v.text, "location": v.location,
            "recorded_at": _iso(v.recorded_at), "author": names.get(v.author, v.author),
            "reason": v.reason}


def assessment_json(a: Assessment, names: dict[str, str]) -> dict[str, Any]:
    return {"id": a.id, "reliability": a.reliability, "grade": a.grade, "at": _iso(a.at),
            "actor": names.get(a.actor, a.actor), "reason": a.reason,
            "confirming_source": a.confirming_source,
            "corroborating_entry_id": a.corroborating_entry_id}


def link_json(link: Link, names: dict[str, str]) -> dict[str, Any]:
    return {"id": link.id, "from_id": link.from_id, "to_id": link.to_id, "kind": link.kind,
            "at": _iso(link.at), "actor": names.get(link.actor, link.actor)}


def item_json(item: HistoryItem, names: dict[str, str]) -> dict[str, Any]:
    return {"at": _iso(item.at), "kind": item.kind, "id": item.record_id,
            "actor": names.get(item.actor, item.actor),
            "summary": item.summary.replace(item.actor, names.get(item.actor, item.actor)),
            "reason": item.reason, "text": item.text, "superseded": item.superseded,
            "version": item.version, "other_entry_id": item.other_entry_id}


def attachment_names(stored: str) -> dict[str, str]:
    """``filename`` as it may be shown and offered as a file name (``safe_file_name``); when
    that differs from the stored name, ``filename_as_received`` spells the stored one out."""
    shown = safe_file_name(stored)
    return {"filename": shown} if shown == stored else {
        "filename": shown, "filename_as_received": as_received(stored)}


def history_json(store: Store, entry_id: str) -> dict[str, Any]:
    """`log history ID --json`: the entry now, then its versions, assessments and links in
    order, and the whole history as one time line."""
    state, facts = entry_history(store, entry_id)
    names = actor_names(store)
    entry = get_entry(store, entry_id)
    return {
        "entry": entry.as_json(late_threshold(store)),
        "versions": [version_json(v, names) for v in sorted(facts.versions,
                                                             key=lambda v: v.version)],
        "assessments": [assessment_json(a, names) for a in
                        sorted(facts.assessments, key=lambda a: (a.at, a.id))],
        "links": [link_json(link, names) for link in sorted(facts.links,
                                                             key=lambda x: (x.at, x.id))],
        "withdrawals": [{"id": w["id"], "at": _iso(w["at"]),
                         "actor": names.get(w["actor"], w["actor"]), "reason": w["reason"]}
                        for w in facts.withdrawals],
        "attachments": [{"id": a["id"], **attachment_names(a["filename"]), "mime": a["mime"],
                         "size": a["size"], "recorded_at": _iso(a["recorded_at"]),
                         "actor": names.get(a["actor"], a["actor"])}
                        for a in facts.attachments],
        "history": [item_json(item, names) for item in state.history],
        "origin": _origin(facts.entry.get("extra_json")),
    }


def _origin(extra_text: str | None) -> dict[str, Any]:
    """What the file an imported entry came from said about it (CAP: sender, identifier,
    sent, the partner's entry id, schema warnings); empty for an entry typed here."""
    try:
        value = json.loads(extra_text) if extra_text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


# Who may take the log out of the app (a file, paper): the crisis team's working roles. A
# viewer (meelezer) reads along on screen only. A refusal is audited (require_role).
LOG_EXPORTERS = frozenset({ProfileRole.AIDE, ProfileRole.TEAM, ProfileRole.MAYOR})
ACTIONS = ("log.export", "log.print")


def filter_json(flt: LogFilter | None) -> dict[str, Any] | None:
    """The filter an export was made with, as data (None: the whole log)."""
    if flt is None or flt == LogFilter():
        return None
    return {"reliability": list(flt.reliability), "source": list(flt.source),
            "discipline": list(flt.discipline), "since": _iso(flt.since),
            "until": _iso(flt.until), "query": flt.query,
            "contradicted_only": flt.contradicted_only}


def gather_log(ctx: ServiceContext, crisis_id: str, flt: LogFilter | None = None, *,
               action: str = "log.export") -> dict[str, Any]:
    """Every entry of the crisis (oldest first by time it happened), or those ``flt`` lets
    through, with all their facts, and the audit chain's head it was read at. The export
    (``action`` "log.export", or "log.print" for paper) is recorded in the audit chain, the
    filter's hash with it, except from a read-only medium, where nothing can be recorded
    (``recorded_in_audit`` says so)."""
    if action not in ACTIONS:
        raise ValidationError(tr(f"onbekende handeling: {action}", f"unknown action: {action}"))
    require_role(ctx, LOG_EXPORTERS, action, "crisis", crisis_id)
    crisis = get_crisis(ctx.store, crisis_id)
    described = filter_json(flt)
    names = actor_names(ctx.store)
    versions: dict[str, list] = defaultdict(list)
    assessments: dict[str, list] = defaultdict(list)
    links: dict[str, list] = defaultdict(list)
    withdrawals: dict[str, list] = defaultdict(list)
    attachments: dict[str, list] = defaultdict(list)
    with ctx.store.read() as conn:
        head = chain_head(conn)  # the head the export is made from, in the same snapshot
        where = (flt.clauses(crisis_id, many_matches=flt.text_matches_many(conn))
                 if described is not None else [log_current.c.crisis_id == crisis_id])
        current = [entry_from_row(r) for r in conn.execute(
            select(log_current).where(*where)
            .order_by(log_current.c.occurred_at, log_current.c.rowid))]
        in_crisis = select(log_entry.c.id).where(log_entry.c.crisis_id == crisis_id)
        first = {r.id: r for r in conn.execute(
            select(log_entry).where(log_entry.c.crisis_id == crisis_id))}
        for v in conn.execute(select(log_version).where(log_version.c.entry_id.in_(in_crisis))
                              .order_by(log_version.c.entry_id, log_version.c.version)):
            versions[v.entry_id].append(EntryVersion(v.id, v.entry_id, v.version, v.text,
                                                     v.location, v.recorded_at, v.author,
                                                     v.reason, v.version - 1))
        for a in conn.execute(select(log_assessment).where(
                log_assessment.c.entry_id.in_(in_crisis)).order_by(log_assessment.c.at,
                                                                     log_assessment.c.id)):
            assessments[a.entry_id].append(Assessment(a.id, a.entry_id, a.reliability, a.grade,
                                                      a.at, a.actor, a.reason,
                                                      a.confirming_source,
                                                      a.corroborating_entry_id))
        for link in conn.execute(select(log_link).where(log_link.c.from_id.in_(in_crisis))
                                 .order_by(log_link.c.at, log_link.c.id)):
            item = Link(link.id, link.from_id, link.to_id, link.kind, link.at, link.actor)
            links[link.from_id].append(item)
            links[link.to_id].append(item)
        for w in conn.execute(select(log_withdrawal).where(
                log_withdrawal.c.entry_id.in_(in_crisis))):
            withdrawals[w.entry_id].append({"id": w.id, "at": _iso(w.at),
                                            "actor": names.get(w.actor, w.actor),
                                            "reason": w.reason})
        for a in conn.execute(select(log_attachment).where(
                log_attachment.c.entry_id.in_(in_crisis))
                .order_by(log_attachment.c.recorded_at, log_attachment.c.id)):
            # The file itself is not exported; its hash lets a reader match a copy to the log.
            attachments[a.entry_id].append({
                "id": a.id, **attachment_names(a.filename), "mime": a.mime, "size": a.size,
                "sha256": hashlib.sha256(a.data).hexdigest(), "recorded_at": _iso(a.recorded_at),
                "actor": names.get(a.actor, a.actor)})
    entries = []
    late_after = late_threshold(ctx.store)
    for entry in current:
        row = first[entry.id]
        original = EntryVersion(row.id, row.id, 1, row.text, row.location, row.recorded_at,
                                row.author)
        initial = Assessment(row.id, row.id, row.reliability, row.grade, row.recorded_at,
                             row.author, None, row.confirmed_by, row.corroborating_entry_id)
        data = entry.as_json(late_after)
        data["author"] = names.get(entry.author, entry.author)
        data["versions"] = [version_json(v, names) for v in [original, *versions[entry.id]]]
        data["assessments"] = [assessment_json(a, names)
                               for a in [initial, *assessments[entry.id]]]
        data["links"] = [link_json(link, names) for link in links[entry.id]]
        data["withdrawals"] = withdrawals[entry.id]
        data["attachments"] = attachments[entry.id]
        entries.append(data)
    audited = not ctx.store.read_only  # a read-only medium records nothing; the export says so
    digest = (hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()
              if described is not None else None)
    exported_at = audit_export(ctx, action, "crisis", crisis_id, content_hash=digest)
    return {
        "crisis": {"id": crisis.id, "name": crisis.name, "municipality": crisis.municipality,
                   "exercise": crisis.exercise, "opened_at": _iso(crisis.opened_at)},
        "exported_at": _iso(exported_at),
        "exported_by": ctx.actor.name,
        "chain": head,
        "recorded_in_audit": audited,
        "filter": described,
        "entries": entries,
    }
