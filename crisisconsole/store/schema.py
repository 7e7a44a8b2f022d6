"""Schema versions: which Alembic revisions this build knows, and upgrading an older file."""

from __future__ import annotations

from sqlalchemy import Connection, text

from crisisconsole.errors import NewerSchemaError, NotADatabaseError
from crisisconsole.i18n import tr

# The revisions this build knows, oldest first (a new migration adds its id here). Listed by
# hand because loading Alembic's script directory costs time at every start;
# tests/unit/store/test_store.py checks the list against Alembic's own chain.
KNOWN_REVISIONS: tuple[str, ...] = (
    "r0001", "r0002", "r0003", "r0004", "r0006", "r0007", "r0008", "r0009", "r0011",
    "r0013", "r0020", "r0030", "r0040", "r0050", "r0055", "r0060",
)
HEAD = KNOWN_REVISIONS[-1]


def current_revision(conn: Connection) -> str | None:
    tables = {
        row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
    }
    if not tables:
        return None
    if "alembic_version" not in tables or "db_meta" not in tables:
        raise NotADatabaseError(tr("geen crisisconsole-database", "not a crisisconsole database"))
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_revision(revision: str | None) -> bool:
    """True when the file needs an upgrade; refuses a file from a newer version."""
    if revision is None:
        raise NotADatabaseError(tr("geen crisisconsole-database", "not a crisisconsole database"))
    if revision not in KNOWN_REVISIONS:
        raise NewerSchemaError(
            tr(f'database is gemaakt door een nieuwere versie van crisisconsole (schema {revision}); werk de app bij', "database written by a newer version: update the app")
        )
    return revision != HEAD


def upgrade(conn: Connection, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "crisisconsole.store:migrations")
    config.attributes["connection"] = conn
    command.upgrade(config, target)
