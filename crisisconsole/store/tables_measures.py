"""Tables of the emergency-ordinance tracker (issue 5): measures, their event records, the council
calendar and its outcomes, generated letters; plus one small non-fact table for reminder state.

Everything legal is a fact (append-only, audited): a wrong record is corrected by a new one,
never edited. Only ``measure_tracker_state`` (when reminders were last seen, configurable
terms) is updated in place: it records no fact, only where the user is.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, String, Table, Text

from crisisconsole.store.tables import metadata
from crisisconsole.store.types import UTCText

measure = Table(
    "measure",
    metadata,
    Column("id", String, primary_key=True),
    Column("crisis_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("issuer", String, nullable=False),
    Column("title", String, nullable=False),
    Column("legal_basis", String, nullable=False),
    Column("area", Text),
    Column("issued_at", UTCText, nullable=False),
    Column("planned_end", UTCText),
    Column("body", Text),
    Column("document_ref", String),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True},
)

measure_event = Table(
    "measure_event",
    metadata,
    Column("id", String, primary_key=True),
    Column("measure_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("at", UTCText, nullable=False),
    Column("party", String),
    Column("upheld", Boolean),
    Column("meeting_id", String),
    Column("document_ref", String),
    Column("note", Text),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True},
)

council_meeting = Table(
    "council_meeting",
    metadata,
    Column("id", String, primary_key=True),
    Column("start", UTCText, nullable=False),
    Column("seats", Integer, nullable=False),
    Column("title", String, nullable=False),
    Column("source", String, nullable=False),
    Column("source_uid", String),
    Column("supersedes", String),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True},
)

# The griffie calendar an imported meeting came from (X-WR-RELCALID/X-WR-CALNAME); none for a
# file that named no calendar. A newer file of the same calendar is the truth about it.
council_meeting_calendar = Table(
    "council_meeting_calendar",
    metadata,
    Column("id", String, primary_key=True),
    Column("meeting_id", String, nullable=False),
    Column("calendar", String, nullable=False),
    info={"fact": True, "audited": True},
)

# A gebiedsverbod (art. 172a) decision that extends an earlier one: the chain's length counts
# the extensions, which the law limits (domain.area_ban).
measure_extension = Table(
    "measure_extension",
    metadata,
    Column("id", String, primary_key=True),
    Column("measure_id", String, nullable=False),
    Column("extends_id", String, nullable=False),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True},
)

# A meeting taken off the calendar by the griffie's file: cancelled (STATUS:CANCELLED) or
# removed (no longer in a newer file of its calendar). A fact: the meeting row stays.
council_meeting_status = Table(
    "council_meeting_status",
    metadata,
    Column("id", String, primary_key=True),
    Column("meeting_id", String, nullable=False),
    Column("status", String, nullable=False),
    Column("reason", Text, nullable=False),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True},
)

meeting_outcome = Table(
    "meeting_outcome",
    metadata,
    Column("id", String, primary_key=True),
    Column("meeting_id", String, nullable=False),
    Column("attended", Integer, nullable=False),
    Column("decided_at", UTCText, nullable=False),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True},
)

meeting_outcome_item = Table(
    "meeting_outcome_item",
    metadata,
    Column("id", String, primary_key=True),
    Column("outcome_id", String, nullable=False),
    Column("measure_id", String, nullable=False),
    Column("result", String, nullable=False),
    info={"fact": True, "audited": True},
)

measure_letter = Table(
    "measure_letter",
    metadata,
    Column("id", String, primary_key=True),
    Column("measure_id", String, nullable=False),
    Column("party", String, nullable=False),
    Column("purpose", String, nullable=False),
    Column("sha256", String, nullable=False),
    Column("file_name", String),
    Column("recorded_at", UTCText, nullable=False),
    Column("actor", String, nullable=False),
    info={"fact": True, "audited": True},
)

measure_tracker_state = Table(
    "measure_tracker_state",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", UTCText, nullable=False),
)
