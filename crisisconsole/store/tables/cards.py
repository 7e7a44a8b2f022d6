"""Person-level briefing cards (DOMAIN.md §3): the card, its facts, its changes, the access log
and the tombstones the lawful purge leaves behind.

Card, fact and change rows are append-only facts; their content is purgeable (only the purge
may overwrite it, with the purge gate open inside its own transaction). Access records and
tombstones are never purged: they are the accountability that stays after the content is gone.
The access records belong to the audit, not to the cards: a view changes nothing shown.

Columns marked ``encrypted`` hold ciphertext under the cards key (store/card_cipher.py); the
masked label (initials and role) that lists show is kept apart in ``card_label``, written when
the card is made and removed by the purge.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Table, Text
from sqlmodel import Field

from crisisconsole.store.tables.base import TableModel, declared
from crisisconsole.store.types import UTCText

ENCRYPTED = {"info": {"encrypted": True}}  # ciphertext under the cards key (store/card_cipher.py)


class CardRow(TableModel, table=True):
    __tablename__ = "card"
    __table_args__ = declared("cards", purgeable=True)

    id: str = Field(primary_key=True)
    crisis_id: str
    kind: str
    name: str = Field(sa_type=Text, sa_column_kwargs=ENCRYPTED)
    aliases: str | None = Field(default=None, sa_type=Text, sa_column_kwargs=ENCRYPTED)
    year_of_birth: int | None = Field(default=None, sa_column_kwargs=ENCRYPTED)
    organisation: str | None = Field(default=None, sa_type=Text, sa_column_kwargs=ENCRYPTED)
    role_in_crisis: str | None = Field(default=None, sa_type=Text, sa_column_kwargs=ENCRYPTED)
    created_at: datetime = Field(sa_type=UTCText)
    actor: str


card = CardRow.__table__


class CardFactRow(TableModel, table=True):
    __tablename__ = "card_fact"
    __table_args__ = declared("cards", purgeable=True)

    id: str = Field(primary_key=True)
    card_id: str
    statement: str = Field(sa_type=Text, sa_column_kwargs=ENCRYPTED)
    question: str
    source_org: str = Field(sa_type=Text)
    source_officer: str | None = Field(default=None, sa_type=Text, sa_column_kwargs=ENCRYPTED)
    channel: str
    legal_basis: str = Field(sa_type=Text)
    purpose: str = Field(sa_type=Text, sa_column_kwargs=ENCRYPTED)
    reliability: str
    grade: str | None = None
    received_at: datetime = Field(sa_type=UTCText)
    no_onward_sharing: bool
    corrects_id: str | None = None
    reason: str | None = Field(default=None, sa_type=Text, sa_column_kwargs=ENCRYPTED)
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


card_fact = CardFactRow.__table__


class CardChangeRow(TableModel, table=True):
    __tablename__ = "card_change"
    __table_args__ = declared("cards", purgeable=True)

    id: str = Field(primary_key=True)
    card_id: str
    kind: str
    review_date: datetime | None = Field(default=None, sa_type=UTCText)
    deletion_date: datetime | None = Field(default=None, sa_type=UTCText)
    note: str | None = Field(default=None, sa_type=Text, sa_column_kwargs=ENCRYPTED)
    entry_id: str | None = None
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


card_change = CardChangeRow.__table__


class CardAccessRow(TableModel, table=True):
    __tablename__ = "card_access"
    __table_args__ = declared("audit")

    id: str = Field(primary_key=True)
    card_id: str | None = None
    action: str
    result: str
    purpose: str | None = Field(default=None, sa_type=Text)
    at: datetime = Field(sa_type=UTCText)
    actor: str
    origin: str


card_access = CardAccessRow.__table__


class CardTombstoneRow(TableModel, table=True):
    __tablename__ = "card_tombstone"
    __table_args__ = declared("cards")

    id: str = Field(primary_key=True)
    card_id: str = Field(unique=True)
    purged_at: datetime = Field(sa_type=UTCText)
    actor: str
    reason: str = Field(sa_type=Text)
    removed_hash: str
    rows_purged: int


card_tombstone = CardTombstoneRow.__table__


class CardLabelRow(TableModel, table=True):
    __tablename__ = "card_label"
    __table_args__ = declared("cards", purgeable=True)

    id: str = Field(primary_key=True)
    card_id: str = Field(unique=True)
    label: str | None = Field(default=None, sa_type=Text)
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


card_label = CardLabelRow.__table__


def encrypted_columns(table: Table) -> tuple[str, ...]:
    return tuple(c.name for c in table.columns if c.info.get("encrypted"))
