"""Incident log: entries, versions, assessments, links, withdrawals, attachments, sources;
the derived current-state table and its FTS5 index, kept by triggers.

Revision ID: r0002
Revises: r0001
Create Date: 2026-11-29
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0002"
down_revision = "r0001"
branch_labels = None
depends_on = None

FACTS = ("log_entry", "log_version", "log_assessment", "log_link", "log_withdrawal",
         "log_attachment", "source_org")

# An entry is contradicted while a `contradicts` link is open: neither side refuted (the same
# rule as crisisconsole.domain.log_history.current_state). Evaluated per log_current row.
OPEN_CONTRADICTION = """(log_current.reliability <> 'refuted' AND EXISTS (
        SELECT 1 FROM log_link l JOIN log_current o ON o.entry_id = CASE
            WHEN l.from_id = log_current.entry_id THEN l.to_id ELSE l.from_id END
        WHERE l.kind = 'contradicts' AND o.reliability <> 'refuted'
            AND (l.from_id = log_current.entry_id OR l.to_id = log_current.entry_id)))"""

DDL = [
    """CREATE TABLE log_entry (
        id TEXT PRIMARY KEY, crisis_id TEXT NOT NULL REFERENCES crisis(id),
        occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, author TEXT NOT NULL,
        source TEXT NOT NULL, person TEXT, discipline TEXT, location TEXT, lat REAL, lon REAL,
        text TEXT NOT NULL,
        reliability TEXT NOT NULL CHECK (reliability IN ('hearsay', 'confirmed', 'refuted')),
        grade TEXT, confirmed_by TEXT, corroborating_entry_id TEXT,
        origin_kind TEXT NOT NULL, external_key TEXT, extra_json TEXT)""",
    "CREATE UNIQUE INDEX log_entry_external ON log_entry (external_key) WHERE external_key IS NOT NULL",
    """CREATE TABLE log_version (
        id TEXT PRIMARY KEY, entry_id TEXT NOT NULL REFERENCES log_entry(id),
        version INTEGER NOT NULL, text TEXT NOT NULL, location TEXT, recorded_at TEXT NOT NULL,
        author TEXT NOT NULL, reason TEXT NOT NULL, UNIQUE (entry_id, version))""",
    """CREATE TABLE log_assessment (
        id TEXT PRIMARY KEY, entry_id TEXT NOT NULL REFERENCES log_entry(id),
        reliability TEXT NOT NULL CHECK (reliability IN ('hearsay', 'confirmed', 'refuted')),
        grade TEXT, at TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT,
        confirming_source TEXT, corroborating_entry_id TEXT)""",
    "CREATE INDEX log_assessment_entry ON log_assessment (entry_id, at)",
    """CREATE TABLE log_link (
        id TEXT PRIMARY KEY, from_id TEXT NOT NULL REFERENCES log_entry(id),
        to_id TEXT NOT NULL REFERENCES log_entry(id),
        kind TEXT NOT NULL CHECK (kind IN ('corroborates', 'contradicts', 'follows_up')),
        at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX log_link_from ON log_link (from_id)",
    "CREATE INDEX log_link_to ON log_link (to_id)",
    """CREATE TABLE log_withdrawal (
        id TEXT PRIMARY KEY, entry_id TEXT NOT NULL REFERENCES log_entry(id),
        at TEXT NOT NULL, actor TEXT NOT NULL, reason TEXT NOT NULL)""",
    """CREATE TABLE log_attachment (
        id TEXT PRIMARY KEY, entry_id TEXT NOT NULL REFERENCES log_entry(id),
        filename TEXT NOT NULL, mime TEXT, size INTEGER NOT NULL, data BLOB NOT NULL,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX log_attachment_entry ON log_attachment (entry_id)",
    """CREATE TABLE source_org (
        id TEXT PRIMARY KEY, label TEXT NOT NULL, created_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    """CREATE TABLE log_current (
        rowid INTEGER PRIMARY KEY, entry_id TEXT NOT NULL UNIQUE, crisis_id TEXT NOT NULL,
        occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, source TEXT NOT NULL, person TEXT,
        discipline TEXT, location TEXT, lat REAL, lon REAL, text TEXT NOT NULL,
        version INTEGER NOT NULL, reliability TEXT NOT NULL, grade TEXT,
        assessed_at TEXT NOT NULL, last_confirmed_at TEXT, contradicted BOOLEAN NOT NULL,
        corroborations INTEGER NOT NULL, withdrawn BOOLEAN NOT NULL, author TEXT NOT NULL,
        origin_kind TEXT NOT NULL)""",
    "CREATE INDEX log_current_occurred ON log_current (crisis_id, occurred_at, rowid)",
    "CREATE INDEX log_current_recorded ON log_current (crisis_id, recorded_at, rowid)",
    "CREATE INDEX log_current_reliability ON log_current (crisis_id, reliability, occurred_at)",
    "CREATE INDEX log_current_source ON log_current (crisis_id, source, occurred_at)",
    "CREATE TABLE log_count (crisis_id TEXT PRIMARY KEY, n INTEGER NOT NULL)",
    """CREATE TRIGGER log_current_count AFTER INSERT ON log_current BEGIN
        INSERT INTO log_count (crisis_id, n) VALUES (NEW.crisis_id, 1)
        ON CONFLICT (crisis_id) DO UPDATE SET n = n + 1; END""",
    """CREATE VIRTUAL TABLE log_fts USING fts5(
        text, location, source, person, content='log_current', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER log_current_fts_insert AFTER INSERT ON log_current BEGIN
        INSERT INTO log_fts (rowid, text, location, source, person)
        VALUES (NEW.rowid, NEW.text, NEW.location, NEW.source, NEW.person); END""",
    """CREATE TRIGGER log_current_fts_update AFTER UPDATE OF text, location ON log_current BEGIN
        INSERT INTO log_fts (log_fts, rowid, text, location, source, person)
        VALUES ('delete', OLD.rowid, OLD.text, OLD.location, OLD.source, OLD.person);
        INSERT INTO log_fts (rowid, text, location, source, person)
        VALUES (NEW.rowid, NEW.text, NEW.location, NEW.source, NEW.person); END""",
    """CREATE TRIGGER log_entry_current AFTER INSERT ON log_entry BEGIN
        INSERT INTO log_current (entry_id, crisis_id, occurred_at, recorded_at, source, person,
            discipline, location, lat, lon, text, version, reliability, grade, assessed_at,
            last_confirmed_at, contradicted, corroborations, withdrawn, author, origin_kind)
        VALUES (NEW.id, NEW.crisis_id, NEW.occurred_at, NEW.recorded_at, NEW.source, NEW.person,
            NEW.discipline, NEW.location, NEW.lat, NEW.lon, NEW.text, 1, NEW.reliability,
            NEW.grade, NEW.recorded_at,
            CASE WHEN NEW.reliability = 'confirmed' THEN NEW.recorded_at END, 0, 0, 0,
            NEW.author, NEW.origin_kind); END""",
    """CREATE TRIGGER log_version_current AFTER INSERT ON log_version BEGIN
        UPDATE log_current SET text = NEW.text, location = NEW.location, version = NEW.version
        WHERE entry_id = NEW.entry_id AND version < NEW.version; END""",
    """CREATE TRIGGER log_assessment_current AFTER INSERT ON log_assessment BEGIN
        UPDATE log_current SET reliability = NEW.reliability, grade = COALESCE(NEW.grade, grade),
            assessed_at = NEW.at
        WHERE entry_id = NEW.entry_id AND NEW.at >= assessed_at;
        UPDATE log_current SET last_confirmed_at = NEW.at
        WHERE entry_id = NEW.entry_id AND NEW.reliability = 'confirmed'
            AND (last_confirmed_at IS NULL OR NEW.at > last_confirmed_at);
        UPDATE log_current SET contradicted = """ + OPEN_CONTRADICTION + """
        WHERE entry_id = NEW.entry_id
            OR entry_id IN (SELECT to_id FROM log_link
                            WHERE from_id = NEW.entry_id AND kind = 'contradicts')
            OR entry_id IN (SELECT from_id FROM log_link
                            WHERE to_id = NEW.entry_id AND kind = 'contradicts'); END""",
    """CREATE TRIGGER log_link_current AFTER INSERT ON log_link BEGIN
        UPDATE log_current SET contradicted = """ + OPEN_CONTRADICTION + """
        WHERE NEW.kind = 'contradicts' AND entry_id IN (NEW.from_id, NEW.to_id);
        UPDATE log_current SET corroborations = corroborations + 1
        WHERE NEW.kind = 'corroborates' AND entry_id = NEW.to_id; END""",
    """CREATE TRIGGER log_withdrawal_current AFTER INSERT ON log_withdrawal BEGIN
        UPDATE log_current SET withdrawn = 1 WHERE entry_id = NEW.entry_id; END""",
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for table in FACTS:
        for statement in append_only_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
