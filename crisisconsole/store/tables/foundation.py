"""The tables, as SQLAlchemy Core. The DDL itself lives in the Alembic migrations (frozen per
revision); tests check that these definitions match what the migrations build.

Each feature defines its tables in a module `crisisconsole.store.tables_<feature>` on the same
`metadata`, with `info` flags: `fact` (append-only, enforced by triggers in the migration),
`audited` (rows covered by the audit chain's content hashes; needs an `id` column) and
`purgeable` (the lawful purge may overwrite content). `all_tables()` loads them all.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field

from crisisconsole.store.tables.base import TableModel, declared
from crisisconsole.store.types import UTCText


class DbMetaRow(TableModel, table=True):
    __tablename__ = "db_meta"
    __table_args__ = declared(None, fact=False, audited=False)

    key: str = Field(primary_key=True)
    value: str = Field(sa_type=Text)


db_meta = DbMetaRow.__table__


class ProfileRow(TableModel, table=True):
    __tablename__ = "profile"
    __table_args__ = declared("profiles")

    id: str = Field(primary_key=True)
    name: str = Field(unique=True)
    role: str
    created_at: datetime = Field(sa_type=UTCText)
    actor: str | None = None


profile = ProfileRow.__table__


class CrisisRow(TableModel, table=True):
    __tablename__ = "crisis"
    __table_args__ = declared("crisis")

    id: str = Field(primary_key=True)
    name: str
    municipality: str
    exercise: bool
    opened_at: datetime = Field(sa_type=UTCText)
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


crisis = CrisisRow.__table__


class CrisisEventRow(TableModel, table=True):
    __tablename__ = "crisis_event"
    __table_args__ = declared("crisis")

    id: str = Field(primary_key=True)
    crisis_id: str
    kind: str
    grip: str | None = None
    at: datetime = Field(sa_type=UTCText)
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str
    note: str | None = Field(default=None, sa_type=Text)


crisis_event = CrisisEventRow.__table__


class AuditRow(TableModel, table=True):
    __tablename__ = "audit"
    __table_args__ = declared("audit", audited=False)

    seq: int = Field(primary_key=True)
    id: str = Field(unique=True)
    at: datetime = Field(sa_type=UTCText)
    actor: str
    origin: str
    kind: str
    action: str
    object_type: str
    object_id: str | None = None
    result: str
    content_hash: str | None = None
    prev_hash: str
    hash: str


audit = AuditRow.__table__
