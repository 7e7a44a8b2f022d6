"""Reading and verifying the audit chain; the records the app's poll turns into changes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select

from crisisconsole.clock import format_utc
from crisisconsole.store import tables
from crisisconsole.store.engine import Store

if TYPE_CHECKING:
    from crisisconsole.services.foundation.audit_verify import VerifyReport
    from crisisconsole.services.foundation.context import ServiceContext
    from crisisconsole.store.anchor_keys import AnchorKeys


def verify(store: Store, *, anchor: Path | None = None,
           anchor_keys: AnchorKeys | None = None) -> VerifyReport:
    """Every check `audit verify` makes (services.audit_verify)."""
    from crisisconsole.services.foundation.audit_verify import verify as verify_all

    return verify_all(store, anchor=anchor, anchor_keys=anchor_keys)


def list_records(store: Store, object_type: str | None = None, limit: int | None = None,
                 object_id: str | None = None) -> list[dict[str, Any]]:
    audit = tables.audit
    query = select(audit, tables.profile.c.name.label("actor_name")).join_from(
        audit, tables.profile, tables.profile.c.id == audit.c.actor, isouter=True
    )
    if object_type:
        query = query.where(audit.c.object_type == object_type)
    if object_id:
        query = query.where(audit.c.object_id == object_id)
    query = query.order_by(audit.c.seq.desc() if limit else audit.c.seq)
    if limit:
        query = query.limit(limit)
    with store.read() as conn:
        rows = conn.execute(query).mappings().all()
    records = [{**dict(r), "at": format_utc(r["at"])} for r in rows]
    return records if not limit else list(reversed(records))


def last_seq(store: Store) -> int:
    with store.read() as conn:
        return conn.execute(select(func.coalesce(func.max(tables.audit.c.seq), 0))).scalar()


def records_between(store: Store, ranges: Sequence[tuple[int, int]]) -> list[Any]:
    """The audit records with a sequence number in ``ranges`` (inclusive pairs), oldest first:
    only the columns a change is made of (services.foundation.changes.of_records)."""
    if not ranges:
        return []
    audit = tables.audit
    columns = (audit.c.seq, audit.c.kind, audit.c.action, audit.c.object_type, audit.c.object_id,
               audit.c.result)
    with store.read() as conn:
        return list(conn.execute(select(*columns).where(
            or_(*(audit.c.seq.between(low, high) for low, high in ranges)))
            .order_by(audit.c.seq)))


def audit_export(ctx: ServiceContext, action: str, object_type: str, object_id: str, *,
                 content_hash: str | None = None) -> datetime:
    """Record that ``ctx``'s actor exported ``object_type`` ``object_id`` (every role may export
    what it may read; the record says who). A read-only medium records nothing. Returns the
    moment of the export."""
    if ctx.store.read_only:
        return ctx.now()
    with ctx.store.write(ctx.actor.id) as tx:
        tx.audit(action, object_type, object_id, content_hash=content_hash)
        return tx.now
