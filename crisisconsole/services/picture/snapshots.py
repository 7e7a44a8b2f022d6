"""The situational picture: build it live, take an immutable snapshot (version 1, 2, 3... per
crisis, with its SHA-256 hash), reopen a snapshot exactly as it was, verify it, export it.

A snapshot stores the picture's canonical JSON; the database refuses any UPDATE or DELETE of
it (append-only triggers) and the audit chain holds its content hash as well, so a changed
snapshot is detected twice over.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from crisisconsole.clock import format_utc
from crisisconsole.domain.picture import canonical_json, picture_hash, with_version
from crisisconsole.errors import NotFoundError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.profiles import shown_names
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.picture import picture_snapshot

PURPOSES = ("manual", "briefing", "final")  # final: the last report (SitRep "Final")


def live_picture(ctx: ServiceContext, crisis_id: str, *, now: datetime | None = None,
                 since: datetime | None = None, limit: int | None = None) -> dict[str, Any]:
    """The picture as it is now, made of topics (no version: not a snapshot); ``limit``:
    topics per discipline (default: the setting ``picture.topics_per_discipline``); the
    header names who is on duty in the crisis team (the roster, issue 16)."""
    from crisisconsole.services.network.roster import on_duty_line
    from crisisconsole.services.picture.synthesis import live_topic_picture

    picture = live_topic_picture(ctx, crisis_id, now=now, since=since, limit=limit)
    picture["header"]["on_duty"] = on_duty_line(ctx.store, crisis_id, now)
    return picture


@dataclass(frozen=True)
class SnapshotInfo:
    id: str
    crisis_id: str
    version: int
    taken_at: datetime
    taken_by: str
    purpose: str
    hash: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "crisis_id": self.crisis_id, "version": self.version,
                "taken_at": format_utc(self.taken_at), "taken_by": self.taken_by,
                "purpose": self.purpose, "hash": self.hash}


@dataclass(frozen=True)
class Snapshot:
    info: SnapshotInfo
    content: str  # canonical JSON, as stored

    @property
    def picture(self) -> dict[str, Any]:
        return json.loads(self.content)

    @property
    def intact(self) -> bool:
        return picture_hash(self.content) == self.info.hash

    def as_json(self) -> dict[str, Any]:
        return {**self.info.as_json(), "intact": self.intact, "picture": self.picture}


def _info(row: Any, names: dict[str, str] | None = None) -> SnapshotInfo:
    """``names``: who took it shown by display name (services.foundation.profiles)."""
    taken_by = (names or {}).get(row.taken_by, row.taken_by)
    return SnapshotInfo(row.id, row.crisis_id, row.version, row.taken_at, taken_by,
                        row.purpose, row.hash)


def take_snapshot(ctx: ServiceContext, crisis_id: str, *, purpose: str = "manual",
                  picture: dict[str, Any] | None = None) -> SnapshotInfo:
    """Store the picture (the one just shown, or a fresh one) with the next version number.

    The version is given inside the write transaction (BEGIN IMMEDIATE), so two laptops or
    windows never take the same number."""
    if purpose not in PURPOSES:
        raise ValidationError(tr(f'onbekend doel: {purpose}', f'unknown purpose: {purpose}'))
    data = picture if picture is not None else live_picture(ctx, crisis_id)
    if data.get("header", {}).get("crisis_id") != crisis_id:
        raise ValidationError(tr("beeld hoort bij een andere crisis", "picture of another crisis"))
    snapshot_id = new_id()
    with ctx.store.write(ctx.actor.id) as tx:
        last = tx.conn.execute(select(func.max(picture_snapshot.c.version))
                               .where(picture_snapshot.c.crisis_id == crisis_id)).scalar()
        version = (last or 0) + 1
        # The head the snapshot was taken at (before its own record), printed on its PDF.
        head = dict(zip(("seq", "hash"), tx.head(), strict=True))
        content = canonical_json({**with_version(data, version), "chain": head})
        digest = picture_hash(content)
        tx.insert(picture_snapshot, {
            "id": snapshot_id, "crisis_id": crisis_id, "version": version, "taken_at": tx.now,
            "taken_by": ctx.actor.name, "purpose": purpose, "content": content, "hash": digest,
        }, f"picture.snapshot.{purpose}")
    return get_snapshot_info(ctx.store, snapshot_id)


def get_snapshot_info(store: Store, snapshot_id: str) -> SnapshotInfo:
    cols = [c for c in picture_snapshot.c if c.name != "content"]
    with store.read() as conn:
        row = conn.execute(select(*cols).where(picture_snapshot.c.id == snapshot_id)).first()
        names = shown_names(conn)
    if row is None:
        raise NotFoundError(tr(f'onbekende momentopname: {snapshot_id}', f'unknown snapshot: {snapshot_id}'))
    return _info(row, names)


def get_snapshot(store: Store, snapshot_id: str) -> Snapshot:
    """The snapshot exactly as stored; check ``intact`` (or use verify_snapshot)."""
    with store.read() as conn:
        row = conn.execute(select(picture_snapshot)
                           .where(picture_snapshot.c.id == snapshot_id)).first()
        names = shown_names(conn)
    if row is None:
        raise NotFoundError(tr(f'onbekende momentopname: {snapshot_id}', f'unknown snapshot: {snapshot_id}'))
    return Snapshot(_info(row, names), row.content)


def list_snapshots(store: Store, crisis_id: str) -> list[SnapshotInfo]:
    """Newest first, without their content."""
    cols = [c for c in picture_snapshot.c if c.name != "content"]
    with store.read() as conn:
        rows = conn.execute(select(*cols).where(picture_snapshot.c.crisis_id == crisis_id)
                            .order_by(picture_snapshot.c.version.desc())).all()
        names = shown_names(conn)
    return [_info(r, names) for r in rows]


@dataclass(frozen=True)
class Verification:
    snapshot_id: str
    version: int
    ok: bool
    stored_hash: str
    computed_hash: str
    canonical: bool

    def as_json(self) -> dict[str, Any]:
        return {"id": self.snapshot_id, "version": self.version, "ok": self.ok,
                "hash": self.stored_hash, "computed": self.computed_hash,
                "canonical": self.canonical}


def verify_snapshot(store: Store, snapshot_id: str) -> Verification:
    """The stored hash against the stored content, and the content still in canonical form."""
    snap = get_snapshot(store, snapshot_id)
    computed = picture_hash(snap.content)
    try:
        canonical = canonical_json(json.loads(snap.content)) == snap.content
    except ValueError:
        canonical = False
    return Verification(snapshot_id, snap.info.version, computed == snap.info.hash and canonical,
                        snap.info.hash, computed, canonical)


def record_export(ctx: ServiceContext, snapshot_id: str, fmt: str) -> Snapshot:
    """Hand out a snapshot for export (audited); a damaged one is refused."""
    snap = get_snapshot(ctx.store, snapshot_id)
    if not verify_snapshot(ctx.store, snapshot_id).ok:
        with ctx.store.write(ctx.actor.id) as tx:
            tx.audit(f"picture.export.{fmt}", "picture_snapshot", snapshot_id, result="refused")
        raise ValidationError(tr("momentopname is beschadigd: hash klopt niet", "snapshot damaged: hash mismatch"))
    with ctx.store.write(ctx.actor.id) as tx:
        tx.audit(f"picture.export.{fmt}", "picture_snapshot", snapshot_id)
    return snap
