"""Writing the log: add, correct, (re)assess, link, withdraw. Each call is one transaction with
its audit records; nothing is ever updated in place (the current state follows by trigger)."""

from __future__ import annotations

import json
import mimetypes
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from crisisconsole import safe_files
from crisisconsole.domain.file_names import safe_file_name
from crisisconsole.domain.log_history import (
    check_assessment,
    check_correction,
    check_link,
)
from crisisconsole.domain.log_rules import EntryInvalid, check_attachments, validate_entry
from crisisconsole.errors import NotFoundError, StoreError, ValidationError
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.changes import ChangeNote
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.log.queries import attachment_data, get_entry, raw_facts
from crisisconsole.services.log.values import (
    CURRENT_BY_ID_SQL,
    LogEntry,
    entry_from_raw,
)
from crisisconsole.store.engine import IntegrityError
from crisisconsole.store.tables.log import (
    log_assessment,
    log_attachment,
    log_entry,
    log_link,
    log_version,
    log_withdrawal,
)


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    mime: str | None = None

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Attachment:
        """Read a file to attach; a file that cannot be read is one clear line."""
        file = Path(path).expanduser()
        try:
            check_attachments([file.stat().st_size])  # before reading a huge file
            data = file.read_bytes()
        except OSError:
            raise EntryInvalid(f"Bijlage niet te lezen / Cannot read attachment: {file.name}",
                               "attachments") from None
        return cls(file.name, data, mimetypes.guess_type(file.name)[0])


def _attachment_row(tx, ctx: ServiceContext, entry_id: str,  # noqa: ANN001 - WriteTx
                    item: Attachment) -> dict[str, Any]:
    name = Path((item.filename or "").replace("\\", "/")).name.strip() or "bijlage"
    return {"id": new_id(), "entry_id": entry_id, "filename": name[:255], "mime": item.mime,
            "size": len(item.data), "data": item.data, "recorded_at": tx.now,
            "actor": ctx.actor.id}


def add_entry(
    ctx: ServiceContext,
    crisis_id: str,
    text: str | None,
    source: str | None,
    *,
    person: str | None = None,
    discipline: str | None = None,
    location: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    occurred_at: datetime | None = None,
    reliability: str | None = None,
    grade: str | None = None,
    confirmed_by: str | None = None,
    corroborating_entry_id: str | None = None,
    attachments: Sequence[Attachment] = (),
    origin_kind: str = "manual",
    external_key: str | None = None,
    extra: dict[str, Any] | None = None,
    then: Callable[[Any, str], None] | None = None,
) -> LogEntry:
    """Record a report. Without a tag it is hearsay; confirmed needs a named source.

    ``then(tx, entry_id)`` runs inside the same transaction, after the entry: another
    aggregate's fact that must stand or fall with it (an answer to an information request)."""
    now = ctx.now()
    valid = validate_entry(
        text, source, occurred_at, now, grade, reliability, [len(a.data) for a in attachments],
        confirmed_by=confirmed_by, corroborating_entry_id=corroborating_entry_id,
        discipline=discipline,
    )
    if valid.corroborating_entry_id:
        get_entry(ctx.store, valid.corroborating_entry_id)
    entry_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        # The crisis is checked by the foreign key (one statement less on the hot path).
        _insert_entry(tx, crisis_id, {
            "id": entry_id, "crisis_id": crisis_id, "occurred_at": valid.occurred_at,
            "recorded_at": tx.now, "author": ctx.actor.id, "source": valid.source,
            "person": _clean(person), "discipline": valid.discipline,
            "location": _clean(location), "lat": lat, "lon": lon, "text": valid.text,
            "reliability": valid.reliability.value, "grade": valid.grade,
            "confirmed_by": valid.confirmed_by,
            "corroborating_entry_id": valid.corroborating_entry_id,
            "origin_kind": origin_kind, "external_key": external_key,
            "extra_json": json.dumps(extra, sort_keys=True, default=str) if extra else None,
        })
        if valid.corroborating_entry_id:  # the same link a later confirmation would make
            _insert_link(tx, ctx, valid.corroborating_entry_id, entry_id, "corroborates", ())
        for item in attachments:
            tx.insert(log_attachment, _attachment_row(tx, ctx, entry_id, item), "log.attach")
        if then is not None:
            then(tx, entry_id)
        entry = entry_from_raw(
            tx.conn.exec_driver_sql(CURRENT_BY_ID_SQL, (entry_id,)).fetchone())
    ctx.announce(ChangeNote("log_entry", (entry_id,), crisis_id, "add"))
    return entry


def _insert_entry(tx, crisis_id: str, row: dict[str, Any]) -> None:  # noqa: ANN001 - WriteTx
    try:
        tx.insert(log_entry, row, "log.add")
    except IntegrityError as error:
        if "FOREIGN KEY" in str(error):
            raise NotFoundError(f"onbekende crisis / unknown crisis: {crisis_id}") from None
        raise


def correct_entry(ctx: ServiceContext, entry_id: str, text: str | None, reason: str | None,
                  location: str | None = None) -> LogEntry:
    """A correction is a new version; the old text stays, struck through, with who and why."""
    facts = raw_facts(ctx.store, entry_id)
    valid = check_correction(facts.versions, text, reason, location)
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(log_version, {
            "id": new_id(), "entry_id": entry_id, "version": valid.version, "text": valid.text,
            "location": valid.location, "recorded_at": tx.now, "author": ctx.actor.id,
            "reason": valid.reason,
        }, "log.correct")
    ctx.announce(ChangeNote("log_entry", (entry_id,), facts.crisis_id, "correct"))
    return get_entry(ctx.store, entry_id)


def assess_entry(ctx: ServiceContext, entry_id: str, reliability: str, *, by: str | None = None,
                 corroborated_by: str | None = None, grade: str | None = None,
                 reason: str | None = None) -> LogEntry:
    """Confirm, refute or re-grade: a new assessment record naming who, when, why and on what."""
    facts = raw_facts(ctx.store, entry_id)
    valid = check_assessment(entry_id, reliability, grade, by, corroborated_by, reason)
    if valid.corroborating_entry_id:
        get_entry(ctx.store, valid.corroborating_entry_id)
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(log_assessment, {
            "id": new_id(), "entry_id": entry_id, "reliability": valid.reliability.value,
            "grade": valid.grade, "at": tx.now, "actor": ctx.actor.id, "reason": valid.reason,
            "confirming_source": valid.confirming_source,
            "corroborating_entry_id": valid.corroborating_entry_id,
        }, f"log.{valid.reliability.value}")
        if valid.corroborating_entry_id:
            _insert_link(tx, ctx, valid.corroborating_entry_id, entry_id, "corroborates",
                         facts.links)
    ctx.announce(ChangeNote("log_entry", (entry_id,), facts.crisis_id, "assess"))
    return get_entry(ctx.store, entry_id)


def link_entries(ctx: ServiceContext, from_id: str, to_id: str, kind: str) -> LogEntry:
    facts = raw_facts(ctx.store, from_id)
    other = get_entry(ctx.store, to_id)
    if other.crisis_id != facts.crisis_id:
        raise ValidationError("koppelen kan alleen binnen één crisis / link within one crisis only")
    with ctx.store.write(ctx.actor.id) as tx:
        _insert_link(tx, ctx, from_id, to_id, kind, facts.links)
    ctx.announce(ChangeNote("log_entry", (from_id, to_id), facts.crisis_id, "link"))
    return get_entry(ctx.store, from_id)


def _insert_link(tx, ctx: ServiceContext, from_id: str, to_id: str, kind: str,  # noqa: ANN001
                 existing: Sequence) -> None:
    valid_kind = check_link(from_id, to_id, kind, existing)
    duplicate = tx.conn.execute(
        select(func.count()).select_from(log_link).where(
            log_link.c.from_id == from_id, log_link.c.to_id == to_id,
            log_link.c.kind == valid_kind.value)
    ).scalar()
    if duplicate:
        return
    tx.insert(log_link, {"id": new_id(), "from_id": from_id, "to_id": to_id,
                         "kind": valid_kind.value, "at": tx.now, "actor": ctx.actor.id},
              f"log.link.{valid_kind.value}")


def withdraw_entry(ctx: ServiceContext, entry_id: str, reason: str) -> LogEntry:
    """Withdrawn by its sender (e.g. a CAP Cancel): stays in the log, marked, never deleted."""
    entry = get_entry(ctx.store, entry_id)
    if not (reason or "").strip():
        raise ValidationError("reden ontbreekt / reason missing")
    if entry.withdrawn:
        return entry
    with ctx.store.write(ctx.actor.id) as tx:
        tx.insert(log_withdrawal, {"id": new_id(), "entry_id": entry_id, "at": tx.now,
                                   "actor": ctx.actor.id, "reason": reason.strip()},
                  "log.withdraw")
    ctx.announce(ChangeNote("log_entry", (entry_id,), entry.crisis_id, "withdraw"))
    return get_entry(ctx.store, entry_id)


def attach_to_entry(ctx: ServiceContext, entry_id: str,
                    attachments: Sequence[Attachment]) -> list[dict[str, Any]]:
    """Add attachments to an existing entry (a new fact each). A withdrawn entry takes no more:
    its sender took it back, and new material on it would look like a live report."""
    entry = get_entry(ctx.store, entry_id)
    if not attachments:
        raise EntryInvalid("Geen bijlage gekozen / No attachment chosen", "attachments")
    check_attachments(len(a.data) for a in attachments)
    if entry.withdrawn:
        raise ValidationError("Deze melding is ingetrokken: geen bijlagen meer toevoegen"
                              " / This entry was withdrawn: no more attachments")
    added = []
    with ctx.store.write(ctx.actor.id) as tx:
        for item in attachments:
            row = _attachment_row(tx, ctx, entry_id, item)
            tx.insert(log_attachment, row, "log.attach")
            added.append({**{k: row[k] for k in ("id", "mime", "size", "recorded_at")},
                          "filename": safe_file_name(row["filename"])})
    ctx.announce(ChangeNote("log_attachment", tuple(a["id"] for a in added), entry.crisis_id,
                            "attach"))
    return added


def save_attachment(ctx: ServiceContext, attachment_id: str, out: str | os.PathLike[str],
                    *, overwrite: bool = False) -> Path:
    """Write an attachment to a file (complete or not at all); the export is audited."""
    _filename, _mime, data = attachment_data(ctx.store, attachment_id)
    target = Path(out).expanduser()
    if os.path.lexists(target) and not overwrite:
        raise StoreError(f"bestand bestaat al / file exists: {target}")
    written = False
    try:
        with ctx.store.write(ctx.actor.id) as tx:  # no file without its audit record
            tx.audit("log.attachment.export", "log_attachment", attachment_id)
            _write_file(target, data, overwrite)
            written = True
    except BaseException:
        if written:
            target.unlink(missing_ok=True)
        raise
    return target


def _write_file(target: Path, data: bytes, overwrite: bool) -> None:
    safe_files.write_bytes(target, data, overwrite=overwrite)


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None
