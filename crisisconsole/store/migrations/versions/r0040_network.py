"""The aide's network (issue 16): the partner directory (identities and versions), information
requests and their events, the derived current state of each request (kept by the triggers
below), and the crisis team's roster. Every table but info_request_current is append-only.

Revision ID: r0040
Revises: r0013
Create Date: 2026-12-02
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0040"
down_revision = "r0030"
branch_labels = None
depends_on = None

FACTS = ("partner", "partner_version", "info_request", "info_request_event", "roster_assignment")

DDL = [
    """CREATE TABLE partner (
        id TEXT PRIMARY KEY, municipality TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('organisation', 'person')),
        created_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    """CREATE TABLE partner_version (
        id TEXT PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partner(id),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0), function TEXT, organisation TEXT,
        contributes TEXT, phone TEXT, phone_e164 TEXT, escalation_phone TEXT,
        escalation_e164 TEXT, email TEXT, discipline TEXT, retired BOOLEAN NOT NULL,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX partner_version_partner ON partner_version (partner_id, recorded_at)",
    """CREATE TABLE info_request (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL REFERENCES crisis(id),
        question TEXT NOT NULL, partner_id TEXT REFERENCES partner(id), to_name TEXT NOT NULL,
        channel TEXT NOT NULL, priority TEXT NOT NULL CHECK (priority IN ('low', 'normal',
        'high', 'urgent')), asked_at TEXT NOT NULL, due_at TEXT NOT NULL, topic_ref TEXT,
        decision_id TEXT REFERENCES decision(id), recorded_at TEXT NOT NULL,
        actor TEXT NOT NULL, CHECK (due_at > asked_at))""",
    """CREATE TABLE info_request_event (
        id TEXT PRIMARY KEY, request_id TEXT NOT NULL REFERENCES info_request(id),
        state TEXT NOT NULL CHECK (state IN ('answered', 'partly_answered', 'declined',
        'withdrawn')), entry_id TEXT REFERENCES log_entry(id), reason TEXT, at TEXT NOT NULL,
        actor TEXT NOT NULL)""",
    "CREATE INDEX info_request_event_request ON info_request_event (request_id, at)",
    "CREATE INDEX info_request_event_entry ON info_request_event (entry_id)",
    """CREATE TABLE info_request_current (
        request_id TEXT PRIMARY KEY REFERENCES info_request(id), crisis_id TEXT NOT NULL,
        state TEXT NOT NULL, due_at TEXT NOT NULL, asked_at TEXT NOT NULL,
        first_answer_at TEXT, closed_at TEXT, answers INTEGER NOT NULL)""",
    # The open and overdue lists and the top bar's count: outstanding requests in deadline
    # order, per crisis and in all (partial: a query must name the states as literals).
    """CREATE INDEX info_request_current_outstanding
        ON info_request_current (crisis_id, due_at, request_id)
        WHERE state IN ('open', 'partly_answered')""",
    """CREATE INDEX info_request_current_outstanding_all ON info_request_current (due_at)
        WHERE state IN ('open', 'partly_answered')""",
    "CREATE INDEX info_request_current_list ON info_request_current (crisis_id, due_at)",
    """CREATE TRIGGER info_request_current_add AFTER INSERT ON info_request BEGIN
        INSERT INTO info_request_current (request_id, crisis_id, state, due_at, asked_at,
            first_answer_at, closed_at, answers)
        VALUES (NEW.id, NEW.crisis_id, 'open', NEW.due_at, NEW.asked_at, NULL, NULL, 0);
    END""",
    """CREATE TRIGGER info_request_current_event AFTER INSERT ON info_request_event BEGIN
        UPDATE info_request_current SET
            state = NEW.state,
            answers = answers + (NEW.entry_id IS NOT NULL),
            first_answer_at = CASE WHEN first_answer_at IS NULL AND NEW.entry_id IS NOT NULL
                THEN NEW.at ELSE first_answer_at END,
            closed_at = CASE WHEN NEW.state = 'partly_answered' THEN NULL
                WHEN closed_at IS NULL THEN NEW.at ELSE closed_at END
        WHERE request_id = NEW.request_id;
    END""",
    """CREATE TABLE roster_assignment (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL REFERENCES crisis(id),
        function TEXT NOT NULL CHECK (length(trim(function)) > 0), person TEXT NOT NULL,
        at TEXT NOT NULL, recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX roster_assignment_crisis ON roster_assignment (crisis_id, at)",
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for table in FACTS:
        for statement in append_only_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
