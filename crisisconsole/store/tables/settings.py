"""Settings that change what is kept or shown (the late-entry threshold, the measure terms, the
card retention period) as append-only facts: the current value is derived, the newest row of
its key, and every change says when and by whom (services.settings_facts)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field

from crisisconsole.store.tables.base import TableModel, declared
from crisisconsole.store.types import UTCText


class SettingFactRow(TableModel, table=True):
    __tablename__ = "setting_fact"
    __table_args__ = declared("settings")

    id: str = Field(primary_key=True)
    key: str
    value: str = Field(sa_type=Text)
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


setting_fact = SettingFactRow.__table__
