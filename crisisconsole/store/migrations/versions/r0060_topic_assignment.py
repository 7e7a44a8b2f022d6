"""The topics kept on disk as derived tables (issue 13, speed): which topic each entry is in
(topic_assignment), each topic's summary and manual properties (topic_summary), and per
crisis a generation counter (topic_state) that triggers raise on every write that can change
the topics (an entry, its correction, re-grade or withdrawal, all through log_current; a link;
a topic fact). The rows are current when ``fresh_gen = gen``; the app writes them in the same
transaction as such a write when it holds the crisis's topics in memory, and otherwise
recomputes them from the facts before they are used (store/derived_topics.py). The upgrade
fills them for the crises already in the file.

Revision ID: r0060
Revises: r0055
Create Date: 2026-12-03
"""

from alembic import op

revision = "r0060"
down_revision = "r0055"
branch_labels = None
depends_on = None

_BUMP = ("ON CONFLICT (crisis_id) DO UPDATE SET gen = gen + 1")
DDL = [
    """CREATE TABLE topic_assignment (
        entry_id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL, topic_id TEXT NOT NULL)""",
    "CREATE INDEX topic_assignment_topic ON topic_assignment (topic_id)",
    "CREATE INDEX topic_assignment_crisis ON topic_assignment (crisis_id)",
    """CREATE TABLE topic_summary (
        topic_id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL, discipline TEXT,
        reports INTEGER NOT NULL, all_refuted BOOLEAN NOT NULL, pinned BOOLEAN NOT NULL,
        closed BOOLEAN NOT NULL, last_change_at TEXT NOT NULL, meta_json TEXT NOT NULL)""",
    "CREATE INDEX topic_summary_crisis ON topic_summary (crisis_id)",
    """CREATE TABLE topic_state (
        crisis_id TEXT PRIMARY KEY, gen INTEGER NOT NULL, fresh_gen INTEGER NOT NULL)""",
    f"""CREATE TRIGGER topic_state_entry AFTER INSERT ON log_current BEGIN
        INSERT INTO topic_state (crisis_id, gen, fresh_gen) VALUES (NEW.crisis_id, 1, 0)
        {_BUMP}; END""",
    f"""CREATE TRIGGER topic_state_entry_change AFTER UPDATE ON log_current BEGIN
        INSERT INTO topic_state (crisis_id, gen, fresh_gen) VALUES (NEW.crisis_id, 1, 0)
        {_BUMP}; END""",
    f"""CREATE TRIGGER topic_state_link AFTER INSERT ON log_link BEGIN
        INSERT INTO topic_state (crisis_id, gen, fresh_gen)
        SELECT crisis_id, 1, 0 FROM log_entry WHERE id = NEW.from_id
        {_BUMP}; END""",
    f"""CREATE TRIGGER topic_state_fact AFTER INSERT ON topic_fact BEGIN
        INSERT INTO topic_state (crisis_id, gen, fresh_gen) VALUES (NEW.crisis_id, 1, 0)
        {_BUMP}; END""",
]


def upgrade() -> None:
    from crisisconsole.store.derived_topics import rebuild_all

    for statement in DDL:
        op.execute(statement)
    rebuild_all(op.get_bind().connection.dbapi_connection)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
