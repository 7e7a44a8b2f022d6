"""Reading and verifying the audit chain."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from crisisconsole.clock import format_utc
from crisisconsole.store import tables
from crisisconsole.store.audit_chain import VerifyResult, verify_chain
from crisisconsole.store.engine import Store


def audited_tables() -> list:
    return [tables.metadata.tables[name] for name in tables.AUDITED]


def verify(store: Store) -> VerifyResult:
    with store.read() as conn:
        return verify_chain(conn, tables.audit, audited_tables())


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
