"""Writing the log: add, correct, (re)assess, link, withdraw. Each call is one transaction with
its audit records; nothing is ever updated in place (the current state follows by trigger).
Attachments: services.log.attachments; recording what a person typed: services.log.record."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from crisisconsole.domain.log_history import (
    check_assessment,
    check_correction,
    check_link,
)
from crisisconsole.domain.log_rules import ValidEntry, validate_entry
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.log.attachments import Attachment, attachment_row
from crisisconsole.services.log.queries import get_entry, raw_facts
from crisisconsole.services.log.values import (
    CURRENT_BY_ID_SQL,
    LogEntry,
    entry_from_raw,
)
from crisisconsole.store import concurrent_facts
from crisisconsole.store.engine import IntegrityError, WriteTx
from crisisconsole.store.tables.log import (
    log_assessment,
    log_assessment_seen,
    log_attachment,
    log_entry,
    log_link,
    log_version,
    log_withdrawal,
)


@dataclass(frozen=True)
class PreparedEntry:
    """An entry checked by the log's rules, ready to be written in a transaction."""

    valid: ValidEntry
    person: str | None
    location: str | None
    lat: float | None
    lon: float | None
    attachments: tuple[Attachment, ...]
    origin_kind: str
    external_key: str | None
    extra_json: str | None


def prepare_entry(
    ctx: ServiceContext,
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
) -> PreparedEntry:
    """Check a report by the log's rules (nothing written): without a tag it is hearsay;
    confirmed needs a named source or a corroborating entry, which must exist."""
    valid = validate_entry(
        text, source, occurred_at, ctx.now(), grade, reliability,
        [len(a.data) for a in attachments], confirmed_by=confirmed_by,
        corroborating_entry_id=corroborating_entry_id, discipline=discipline,
    )
    if valid.corroborating_entry_id:
        get_entry(ctx.store, valid.corroborating_entry_id)
    return PreparedEntry(valid, _clean(person), _clean(location), lat, lon, tuple(attachments),
                         origin_kind, external_key,
                         json.dumps(extra, sort_keys=True, default=str) if extra else None)


def write_entry(tx: WriteTx, ctx: ServiceContext, crisis_id: str,
                prepared: PreparedEntry) -> LogEntry:
    """Write a prepared entry, its corroboration link and its attachments inside ``tx``."""
    valid = prepared.valid
    entry_id = new_id()
    # The crisis is checked by the foreign key (one statement less on the hot path).
    _insert_entry(tx, crisis_id, {
        "id": entry_id, "crisis_id": crisis_id, "occurred_at": valid.occurred_at,
        "recorded_at": tx.now, "author": ctx.actor.id, "source": valid.source,
        "person": prepared.person, "discipline": valid.discipline,
        "location": prepared.location, "lat": prepared.lat, "lon": prepared.lon,
        "text": valid.text, "reliability": valid.reliability.value, "grade": valid.grade,
        "confirmed_by": valid.confirmed_by,
        "corroborating_entry_id": valid.corroborating_entry_id,
        "origin_kind": prepared.origin_kind, "external_key": prepared.external_key,
        "extra_json": prepared.extra_json,
    })
    if valid.corroborating_entry_id:  # the same link a later confirmation would make
        insert_link(tx, ctx, valid.corroborating_entry_id, entry_id, "corroborates", ())
    for item in prepared.attachments:
        tx.insert(log_attachment, attachment_row(tx, ctx, entry_id, item), "log.attach")
    return entry_from_raw(tx.conn.exec_driver_sql(CURRENT_BY_ID_SQL, (entry_id,)).fetchone())


def add_entry(ctx: ServiceContext, crisis_id: str, text: str | None, source: str | None,
              **fields: Any) -> LogEntry:
    """Record a report in one transaction (``prepare_entry`` names the fields). The doors a
    person types at (the quick-entry bar, ``log add``) use services.log.record instead, which
    also takes in a new source and files."""
    prepared = prepare_entry(ctx, text, source, **fields)
    with ctx.store.write(ctx.actor.id) as tx:
        return write_entry(tx, ctx, crisis_id, prepared)


def _insert_entry(tx, crisis_id: str, row: dict[str, Any]) -> None:  # noqa: ANN001 - WriteTx
    try:
        tx.insert(log_entry, row, "log.add")
    except IntegrityError as error:
        if "FOREIGN KEY" in str(error):
            raise NotFoundError(tr(f'onbekende crisis: {crisis_id}', f'unknown crisis: {crisis_id}')) from None
        raise


def correct_entry(ctx: ServiceContext, entry_id: str, text: str | None, reason: str | None,
                  location: str | None = None, *, settles: bool = False) -> LogEntry:
    """A correction is a new version; the old text stays, struck through, with who and why.
    ``settles``: it settles concurrent corrections (services.team.conflicts), so it may keep
    the text shown here."""
    facts = raw_facts(ctx.store, entry_id)
    valid = check_correction(facts.versions, text, reason, location, settles=settles)
    with ctx.store.write(ctx.actor.id) as tx:
        tx.concerns(facts.crisis_id)
        tx.insert(log_version, {
            "id": new_id(), "entry_id": entry_id, "version": valid.version, "text": valid.text,
            "location": valid.location, "recorded_at": tx.now, "author": ctx.actor.id,
            "reason": valid.reason,
        }, "log.correct")
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
        tx.concerns(facts.crisis_id)
        insert_assessment(tx, ctx, entry_id, valid)
        if valid.corroborating_entry_id:
            insert_link(tx, ctx, valid.corroborating_entry_id, entry_id, "corroborates",
                         facts.links)
    return get_entry(ctx.store, entry_id)


def insert_assessment(tx: WriteTx, ctx: ServiceContext, entry_id: str, valid: Any) -> str:
    """A re-grade (``valid``: check_assessment's) and what it was made in view of: the entry's
    current re-grades (store.concurrent_facts), so two made at once on two laptops are seen as
    such, and this one settles any it sees."""
    assessment_id = new_id()
    seen = concurrent_facts.regrade_heads(tx.conn.connection.dbapi_connection, entry_id)
    tx.insert(log_assessment, {
        "id": assessment_id, "entry_id": entry_id, "reliability": valid.reliability.value,
        "grade": valid.grade, "at": tx.now, "actor": ctx.actor.id, "reason": valid.reason,
        "confirming_source": valid.confirming_source,
        "corroborating_entry_id": valid.corroborating_entry_id,
    }, f"log.{valid.reliability.value}")
    for seen_id in seen or [None]:
        tx.insert(log_assessment_seen, {"id": new_id(), "assessment_id": assessment_id,
                                        "seen_id": seen_id}, "log.assessment_seen")
    return assessment_id


def link_entries(ctx: ServiceContext, from_id: str, to_id: str, kind: str) -> LogEntry:
    facts = raw_facts(ctx.store, from_id)
    other = get_entry(ctx.store, to_id)
    if other.crisis_id != facts.crisis_id:
        raise ValidationError(tr("koppelen kan alleen binnen één crisis", "link within one crisis only"))
    with ctx.store.write(ctx.actor.id) as tx:
        tx.concerns(facts.crisis_id)
        insert_link(tx, ctx, from_id, to_id, kind, facts.links)
    return get_entry(ctx.store, from_id)


def insert_link(tx, ctx: ServiceContext, from_id: str, to_id: str, kind: str,  # noqa: ANN001
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
        raise ValidationError(tr("reden ontbreekt", "reason missing"))
    if entry.withdrawn:
        return entry
    with ctx.store.write(ctx.actor.id) as tx:
        tx.concerns(entry.crisis_id)
        tx.insert(log_withdrawal, {"id": new_id(), "entry_id": entry_id, "at": tx.now,
                                   "actor": ctx.actor.id, "reason": reason.strip()},
                  "log.withdraw")
    return get_entry(ctx.store, entry_id)


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None
