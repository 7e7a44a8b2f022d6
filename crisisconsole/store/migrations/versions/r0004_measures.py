"""Emergency-ordinance tracker: measures, events, council calendar, outcomes, letters.

Revision ID: r0004
Revises: r0003
Create Date: 2026-11-29
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0004"
down_revision = "r0003"
branch_labels = None
depends_on = None

KINDS = ("'noodverordening', 'noodbevel', 'risicogebied-151b', 'risicogebied-174b', "
         "'gebiedsverbod-172a', 'ophouding-176a'")
EVENT_KINDS = ("'issued', 'published', 'notified', 'agenda_placed', 'appeal_lodged', "
               "'cdk_decision', 'suspended', 'withdrawn', 'account_given'")

DDL = [
    f"""CREATE TABLE measure (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL REFERENCES crisis(id),
        kind TEXT NOT NULL CHECK (kind IN ({KINDS})),
        issuer TEXT NOT NULL CHECK (issuer IN ('burgemeester', 'voorzitter-vr')),
        title TEXT NOT NULL, legal_basis TEXT NOT NULL, area TEXT, issued_at TEXT NOT NULL,
        planned_end TEXT, body TEXT, document_ref TEXT, recorded_at TEXT NOT NULL,
        actor TEXT NOT NULL)""",
    "CREATE INDEX measure_crisis ON measure (crisis_id, issued_at)",
    f"""CREATE TABLE measure_event (
        id TEXT PRIMARY KEY, measure_id TEXT NOT NULL REFERENCES measure(id),
        kind TEXT NOT NULL CHECK (kind IN ({EVENT_KINDS})),
        at TEXT NOT NULL, party TEXT CHECK (party IS NULL OR party IN ('raad', 'cdk', 'ovj')),
        upheld BOOLEAN, meeting_id TEXT, document_ref TEXT, note TEXT,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX measure_event_measure ON measure_event (measure_id, at)",
    """CREATE TABLE council_meeting (
        id TEXT PRIMARY KEY, start TEXT NOT NULL, seats INTEGER NOT NULL CHECK (seats > 0),
        title TEXT NOT NULL, source TEXT NOT NULL CHECK (source IN ('manual', 'ics')),
        source_uid TEXT, supersedes TEXT REFERENCES council_meeting(id),
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX council_meeting_start ON council_meeting (start)",
    """CREATE TABLE meeting_outcome (
        id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES council_meeting(id),
        attended INTEGER NOT NULL CHECK (attended >= 0), decided_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX meeting_outcome_meeting ON meeting_outcome (meeting_id)",
    """CREATE TABLE meeting_outcome_item (
        id TEXT PRIMARY KEY, outcome_id TEXT NOT NULL REFERENCES meeting_outcome(id),
        measure_id TEXT NOT NULL REFERENCES measure(id),
        result TEXT NOT NULL CHECK (result IN ('ratified', 'rejected', 'not_dealt')))""",
    "CREATE INDEX meeting_outcome_item_outcome ON meeting_outcome_item (outcome_id)",
    """CREATE TABLE measure_letter (
        id TEXT PRIMARY KEY, measure_id TEXT NOT NULL REFERENCES measure(id),
        party TEXT NOT NULL CHECK (party IN ('raad', 'cdk', 'ovj')),
        purpose TEXT NOT NULL CHECK (purpose IN ('issue', 'withdrawal')),
        sha256 TEXT NOT NULL, file_name TEXT, recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX measure_letter_measure ON measure_letter (measure_id)",
    """CREATE TABLE measure_tracker_state (
        key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)""",
]

FACTS = ("measure", "measure_event", "council_meeting", "meeting_outcome",
         "meeting_outcome_item", "measure_letter")


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for table in FACTS:
        for statement in append_only_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
