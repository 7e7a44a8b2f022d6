"""What was exported as CAP, and when: one append-only row per alert written (issue 15).

A partner who imports our alerts must be able to follow an entry's changes: the next export of
a changed entry is an Update whose ``references`` name every earlier export of it
("sender,identifier,sent"), and exporting an unchanged entry again gives the very same alert
(same identifier and sent), which the partner recognises as one it has. Both need what was
exported before, kept as facts, never updated."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field

from crisisconsole.store.tables.base import TableModel, declared
from crisisconsole.store.types import UTCText


class CapExportRow(TableModel, table=True):
    __tablename__ = "cap_export"
    __table_args__ = declared("intake")

    id: str = Field(primary_key=True)
    crisis_id: str
    entry_id: str
    entry_version: int
    identifier: str
    sender: str
    sent: datetime = Field(sa_type=UTCText)
    msg_type: str
    fingerprint: str
    content: str = Field(sa_type=Text)
    exported_at: datetime = Field(sa_type=UTCText)
    actor: str


cap_export = CapExportRow.__table__
