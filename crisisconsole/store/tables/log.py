"""The incident log. Entries, corrections (versions), assessments, links and withdrawals are
facts; `log_current` is derived from them by triggers (one row per entry, the current state),
so the big list can be sorted, filtered and searched (FTS5) in SQL."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field

from crisisconsole.store.tables.base import TableModel, declared
from crisisconsole.store.types import UTCText


class LogEntryRow(TableModel, table=True):
    __tablename__ = "log_entry"
    __table_args__ = declared("log")

    id: str = Field(primary_key=True)
    crisis_id: str
    occurred_at: datetime = Field(sa_type=UTCText)
    recorded_at: datetime = Field(sa_type=UTCText)
    author: str
    source: str
    person: str | None = None
    discipline: str | None = None
    location: str | None = Field(default=None, sa_type=Text)
    lat: float | None = None
    lon: float | None = None
    text: str = Field(sa_type=Text)
    reliability: str
    grade: str | None = None
    confirmed_by: str | None = None
    corroborating_entry_id: str | None = None
    origin_kind: str
    external_key: str | None = None
    extra_json: str | None = Field(default=None, sa_type=Text)


log_entry = LogEntryRow.__table__


class LogVersionRow(TableModel, table=True):
    __tablename__ = "log_version"
    __table_args__ = declared("log")

    id: str = Field(primary_key=True)
    entry_id: str
    version: int
    text: str = Field(sa_type=Text)
    location: str | None = Field(default=None, sa_type=Text)
    recorded_at: datetime = Field(sa_type=UTCText)
    author: str
    reason: str = Field(sa_type=Text)


log_version = LogVersionRow.__table__


class LogAssessmentRow(TableModel, table=True):
    __tablename__ = "log_assessment"
    __table_args__ = declared("log")

    id: str = Field(primary_key=True)
    entry_id: str
    reliability: str
    grade: str | None = None
    at: datetime = Field(sa_type=UTCText)
    actor: str
    reason: str | None = Field(default=None, sa_type=Text)
    confirming_source: str | None = None
    corroborating_entry_id: str | None = None


log_assessment = LogAssessmentRow.__table__


class LogAssessmentSeenRow(TableModel, table=True):
    """A re-grade and the entry's re-grades it was made in view of (r0055; None: none)."""

    __tablename__ = "log_assessment_seen"
    __table_args__ = declared("log")

    id: str = Field(primary_key=True)
    assessment_id: str
    seen_id: str | None = None


log_assessment_seen = LogAssessmentSeenRow.__table__


class LogLinkRow(TableModel, table=True):
    __tablename__ = "log_link"
    __table_args__ = declared("log")

    id: str = Field(primary_key=True)
    from_id: str
    to_id: str
    kind: str
    at: datetime = Field(sa_type=UTCText)
    actor: str


log_link = LogLinkRow.__table__


class LogWithdrawalRow(TableModel, table=True):
    __tablename__ = "log_withdrawal"
    __table_args__ = declared("log")

    id: str = Field(primary_key=True)
    entry_id: str
    at: datetime = Field(sa_type=UTCText)
    actor: str
    reason: str = Field(sa_type=Text)


log_withdrawal = LogWithdrawalRow.__table__


class LogAttachmentRow(TableModel, table=True):
    __tablename__ = "log_attachment"
    __table_args__ = declared("log")

    id: str = Field(primary_key=True)
    entry_id: str
    filename: str
    mime: str | None = None
    size: int
    data: bytes
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


log_attachment = LogAttachmentRow.__table__


class SourceOrgRow(TableModel, table=True):
    __tablename__ = "source_org"
    __table_args__ = declared("sources")

    id: str = Field(primary_key=True)
    label: str
    created_at: datetime = Field(sa_type=UTCText)
    actor: str


source_org = SourceOrgRow.__table__


class LogCurrentRow(TableModel, table=True):
    __tablename__ = "log_current"
    __table_args__ = declared("log", fact=False, audited=False)

    rowid: int = Field(primary_key=True)
    entry_id: str = Field(unique=True)
    crisis_id: str
    occurred_at: datetime = Field(sa_type=UTCText)
    recorded_at: datetime = Field(sa_type=UTCText)
    source: str
    person: str | None = None
    discipline: str | None = None
    location: str | None = Field(default=None, sa_type=Text)
    lat: float | None = None
    lon: float | None = None
    text: str = Field(sa_type=Text)
    version: int
    reliability: str
    grade: str | None = None
    assessed_at: datetime = Field(sa_type=UTCText)
    last_confirmed_at: datetime | None = Field(default=None, sa_type=UTCText)
    contradicted: bool
    corroborations: int
    withdrawn: bool
    author: str
    origin_kind: str


log_current = LogCurrentRow.__table__


class LogCountRow(TableModel, table=True):
    __tablename__ = "log_count"
    __table_args__ = declared("log", fact=False, audited=False)

    crisis_id: str = Field(primary_key=True)
    n: int


log_count = LogCountRow.__table__
