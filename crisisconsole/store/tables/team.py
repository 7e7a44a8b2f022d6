"""Team mode's tables on the laptop (r0050): the sync position, the origin and hybrid logical
clock of every synced fact, and the other devices' audit chains."""

from __future__ import annotations

from sqlalchemy import Text
from sqlmodel import Field

from crisisconsole.store.tables.base import TableModel, declared


class TeamSyncRow(TableModel, table=True):
    __tablename__ = "team_sync"
    __table_args__ = declared("team", fact=False, audited=False)

    id: int = Field(primary_key=True)
    device: str | None = None
    stamped_seq: int
    pushed_seq: int
    pull_cursor: int
    hlc: str
    last_sync_at: str | None = None
    offline_since: str | None = None
    last_error: str | None = Field(default=None, sa_type=Text)


team_sync = TeamSyncRow.__table__


class TeamOriginRow(TableModel, table=True):
    __tablename__ = "team_origin"
    __table_args__ = declared("team", audited=False)

    table_name: str = Field(primary_key=True)
    id: str = Field(primary_key=True)
    device: str
    device_seq: int
    hlc: str


team_origin = TeamOriginRow.__table__


class TeamChainRow(TableModel, table=True):
    __tablename__ = "team_chain"
    __table_args__ = declared("team", audited=False)

    device: str = Field(primary_key=True)
    seq: int = Field(primary_key=True)
    hash: str
    record_json: str = Field(sa_type=Text)


team_chain = TeamChainRow.__table__


class TeamConflictRow(TableModel, table=True):
    __tablename__ = "team_conflict"
    __table_args__ = declared("team", audited=False)

    table_name: str = Field(primary_key=True)
    id: str = Field(primary_key=True)
    device: str
    device_seq: int
    hlc: str
    row_json: str = Field(sa_type=Text)
    error: str = Field(sa_type=Text)


team_conflict = TeamConflictRow.__table__
