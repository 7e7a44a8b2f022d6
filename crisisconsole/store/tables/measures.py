"""Tables of the emergency-ordinance tracker (issue 5): measures, their event records, the council
calendar and its outcomes, generated letters; plus one small non-fact table for reminder state.

Everything legal is a fact (append-only, audited): a wrong record is corrected by a new one,
never edited. Only ``measure_tracker_state`` (when reminders were last seen, configurable
terms) is updated in place: it records no fact, only where the user is.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field

from crisisconsole.store.tables.base import TableModel, declared
from crisisconsole.store.types import UTCText


class MeasureRow(TableModel, table=True):
    __tablename__ = "measure"
    __table_args__ = declared("measures")

    id: str = Field(primary_key=True)
    crisis_id: str
    kind: str
    issuer: str
    title: str
    legal_basis: str
    area: str | None = Field(default=None, sa_type=Text)
    issued_at: datetime = Field(sa_type=UTCText)
    planned_end: datetime | None = Field(default=None, sa_type=UTCText)
    body: str | None = Field(default=None, sa_type=Text)
    document_ref: str | None = None
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


measure = MeasureRow.__table__


class MeasureEventRow(TableModel, table=True):
    __tablename__ = "measure_event"
    __table_args__ = declared("measures")

    id: str = Field(primary_key=True)
    measure_id: str
    kind: str
    at: datetime = Field(sa_type=UTCText)
    party: str | None = None
    upheld: bool | None = None
    meeting_id: str | None = None
    document_ref: str | None = None
    note: str | None = Field(default=None, sa_type=Text)
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


measure_event = MeasureEventRow.__table__


class CouncilMeetingRow(TableModel, table=True):
    __tablename__ = "council_meeting"
    __table_args__ = declared("council")

    id: str = Field(primary_key=True)
    start: datetime = Field(sa_type=UTCText)
    seats: int
    title: str
    source: str
    source_uid: str | None = None
    supersedes: str | None = None
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


council_meeting = CouncilMeetingRow.__table__


class CouncilMeetingCalendarRow(TableModel, table=True):
    """The griffie calendar an imported meeting came from (X-WR-RELCALID/X-WR-CALNAME); none
    for a file that named no calendar. A newer file of the same calendar is the truth about it."""

    __tablename__ = "council_meeting_calendar"
    __table_args__ = declared("council")

    id: str = Field(primary_key=True)
    meeting_id: str
    calendar: str


council_meeting_calendar = CouncilMeetingCalendarRow.__table__


class CouncilMeetingStatusRow(TableModel, table=True):
    """A meeting taken off the calendar by the griffie's file: cancelled (STATUS:CANCELLED) or
    removed (no longer in a newer file of its calendar). A fact: the meeting row stays."""

    __tablename__ = "council_meeting_status"
    __table_args__ = declared("council")

    id: str = Field(primary_key=True)
    meeting_id: str
    status: str
    reason: str = Field(sa_type=Text)
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


council_meeting_status = CouncilMeetingStatusRow.__table__


class MeasureExtensionRow(TableModel, table=True):
    """A gebiedsverbod (art. 172a) decision that extends an earlier one: the chain's length
    counts the extensions, which the law limits (domain.area_ban)."""

    __tablename__ = "measure_extension"
    __table_args__ = declared("measures")

    id: str = Field(primary_key=True)
    measure_id: str
    extends_id: str
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


measure_extension = MeasureExtensionRow.__table__


class MeetingOutcomeRow(TableModel, table=True):
    __tablename__ = "meeting_outcome"
    __table_args__ = declared("council")

    id: str = Field(primary_key=True)
    meeting_id: str
    attended: int
    decided_at: datetime = Field(sa_type=UTCText)
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


meeting_outcome = MeetingOutcomeRow.__table__


class MeetingOutcomeSeenRow(TableModel, table=True):
    """An outcome and the meeting's outcomes it was recorded in view of (r0055; None: none)."""

    __tablename__ = "meeting_outcome_seen"
    __table_args__ = declared("council")

    id: str = Field(primary_key=True)
    outcome_id: str
    seen_id: str | None = None


meeting_outcome_seen = MeetingOutcomeSeenRow.__table__


class MeetingOutcomeItemRow(TableModel, table=True):
    __tablename__ = "meeting_outcome_item"
    __table_args__ = declared("council")

    id: str = Field(primary_key=True)
    outcome_id: str
    measure_id: str
    result: str


meeting_outcome_item = MeetingOutcomeItemRow.__table__


class MeasureLetterRow(TableModel, table=True):
    __tablename__ = "measure_letter"
    __table_args__ = declared("measures")

    id: str = Field(primary_key=True)
    measure_id: str
    party: str
    purpose: str
    sha256: str
    file_name: str | None = None
    recorded_at: datetime = Field(sa_type=UTCText)
    actor: str


measure_letter = MeasureLetterRow.__table__


class MeasureTrackerStateRow(TableModel, table=True):
    __tablename__ = "measure_tracker_state"
    __table_args__ = declared("measures", fact=False, audited=False)

    key: str = Field(primary_key=True)
    value: str = Field(sa_type=Text)
    updated_at: datetime = Field(sa_type=UTCText)


measure_tracker_state = MeasureTrackerStateRow.__table__
