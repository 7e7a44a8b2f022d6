"""The situational picture's records: decisions (and the entries they rest on), actions and
their status changes, judgement notes, and picture snapshots. All append-only facts: a
decision is never edited, an action's status is a new record, and a snapshot, once taken,
cannot change (the database refuses it; its SHA-256 hash proves it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field

from crisisconsole.store.tables.base import TableModel, declared
from crisisconsole.store.types import UTCText


class PictureSnapshotRow(TableModel, table=True):
    __tablename__ = "picture_snapshot"
    __table_args__ = declared("picture")

    id: str = Field(primary_key=True)
    crisis_id: str
    version: int
    taken_at: datetime = Field(sa_type=UTCText)
    taken_by: str
    purpose: str
    content: str = Field(sa_type=Text)
    hash: str


picture_snapshot = PictureSnapshotRow.__table__


class DecisionRow(TableModel, table=True):
    __tablename__ = "decision"
    __table_args__ = declared("decisions")

    id: str = Field(primary_key=True)
    crisis_id: str
    text: str = Field(sa_type=Text)
    rationale: str = Field(sa_type=Text)
    decided_by: str
    decided_at: datetime = Field(sa_type=UTCText)
    snapshot_id: str | None = None
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


decision = DecisionRow.__table__


class DecisionEntryRow(TableModel, table=True):
    __tablename__ = "decision_entry"
    __table_args__ = declared("decisions")

    id: str = Field(primary_key=True)
    decision_id: str
    entry_id: str


decision_entry = DecisionEntryRow.__table__


class ActionRow(TableModel, table=True):
    __tablename__ = "action"
    __table_args__ = declared("decisions")

    id: str = Field(primary_key=True)
    crisis_id: str
    text: str = Field(sa_type=Text)
    owner: str
    due: datetime | None = Field(default=None, sa_type=UTCText)
    decision_id: str | None = None
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


action = ActionRow.__table__


class ActionStatusRow(TableModel, table=True):
    __tablename__ = "action_status"
    __table_args__ = declared("decisions")

    id: str = Field(primary_key=True)
    action_id: str
    status: str
    at: datetime = Field(sa_type=UTCText)
    actor: str
    note: str | None = Field(default=None, sa_type=Text)


action_status = ActionStatusRow.__table__


class PictureNoteRow(TableModel, table=True):
    __tablename__ = "picture_note"
    __table_args__ = declared("picture")

    id: str = Field(primary_key=True)
    crisis_id: str
    kind: str
    text: str = Field(sa_type=Text)
    retracts_id: str | None = None
    at: datetime = Field(sa_type=UTCText)
    actor: str


picture_note = PictureNoteRow.__table__


class TopicFactRow(TableModel, table=True):
    """One manual act of the aide on the topics (rename, merge, split, move, pin, close,
    statement, ...; domain/topic_input.FACT_KINDS). Topic and entry ids are kept as JSON
    lists: a fact is read whole, never joined on."""

    __tablename__ = "topic_fact"
    __table_args__ = declared("picture")

    id: str = Field(primary_key=True)
    crisis_id: str
    kind: str
    topic_ids: str = Field(sa_type=Text)  # JSON list
    entry_ids: str = Field(sa_type=Text)  # JSON list
    text: str | None = Field(default=None, sa_type=Text)
    at: datetime = Field(sa_type=UTCText)
    actor: str


topic_fact = TopicFactRow.__table__


# Derived (r0060, store/derived_topics.py): the topics as the book computes them from the
# facts, so a picture needs no regrouping of every entry. Recomputable, checked by verify.
class TopicAssignmentRow(TableModel, table=True):
    __tablename__ = "topic_assignment"
    __table_args__ = declared("picture", fact=False, audited=False)

    entry_id: str = Field(primary_key=True)
    crisis_id: str
    topic_id: str


topic_assignment = TopicAssignmentRow.__table__


class TopicSummaryRow(TableModel, table=True):
    __tablename__ = "topic_summary"
    __table_args__ = declared("picture", fact=False, audited=False)

    topic_id: str = Field(primary_key=True)
    crisis_id: str
    discipline: str | None = None
    reports: int
    all_refuted: bool
    pinned: bool
    closed: bool
    last_change_at: datetime = Field(sa_type=UTCText)
    meta_json: str = Field(sa_type=Text)


topic_summary = TopicSummaryRow.__table__


class TopicStateRow(TableModel, table=True):
    """``gen`` counts the writes that can change a crisis's topics (triggers); the derived
    rows are current when ``fresh_gen`` equals it."""

    __tablename__ = "topic_state"
    __table_args__ = declared("picture", fact=False, audited=False)

    crisis_id: str = Field(primary_key=True)
    gen: int
    fresh_gen: int


topic_state = TopicStateRow.__table__
