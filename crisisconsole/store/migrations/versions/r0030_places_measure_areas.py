"""The map (issue 18): the gazetteer as facts per municipality (add, alias, correct, remove)
and the areas of measures as GeoJSON facts.

Revision ID: r0030
Revises: r0013
Create Date: 2026-12-02
"""

from alembic import op

from crisisconsole.store.append_only import append_only_ddl

revision = "r0030"
down_revision = "r0020"
branch_labels = None
depends_on = None

DDL = [
    """CREATE TABLE place_fact (
        id TEXT PRIMARY KEY, municipality TEXT NOT NULL, place_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('add', 'alias', 'correct', 'remove')),
        name TEXT, aliases_json TEXT, geometry_json TEXT, reason TEXT, origin TEXT,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX place_fact_municipality ON place_fact (municipality)",
    """CREATE TABLE measure_area (
        id TEXT PRIMARY KEY, measure_id TEXT NOT NULL REFERENCES measure (id),
        geometry_json TEXT NOT NULL, source TEXT NOT NULL, source_ref TEXT,
        recorded_at TEXT NOT NULL, actor TEXT NOT NULL)""",
    "CREATE INDEX measure_area_measure ON measure_area (measure_id)",
]


def upgrade() -> None:
    for statement in DDL:
        op.execute(statement)
    for table in ("place_fact", "measure_area"):
        for statement in append_only_ddl(table):
            op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("crisisconsole never downgrades a database")
