"""Schema versions: which Alembic revisions this build knows, and upgrading an older file."""

from __future__ import annotations

from sqlalchemy import Connection, text

from crisisconsole.errors import NewerSchemaError, NotADatabaseError


def _known_revisions() -> tuple[str, ...]:
    """Revisions this build knows, oldest first, from the migration file names (`rNNNN_*.py`,
    revision id `rNNNN`): cheap at start-up, unlike loading Alembic's script directory.
    tests/unit/store/test_store.py checks them against Alembic's own chain."""
    from crisisconsole.plugins import module_names

    return tuple(sorted(name.split("_", 1)[0] for name in
                        module_names("crisisconsole.store.migrations.versions", "r")))


KNOWN_REVISIONS: tuple[str, ...] = _known_revisions()
HEAD = KNOWN_REVISIONS[-1]


def current_revision(conn: Connection) -> str | None:
    tables = {
        row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
    }
    if not tables:
        return None
    if "alembic_version" not in tables or "db_meta" not in tables:
        raise NotADatabaseError("geen crisisconsole-database / not a crisisconsole database")
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_revision(revision: str | None) -> bool:
    """True when the file needs an upgrade; refuses a file from a newer version."""
    if revision is None:
        raise NotADatabaseError("geen crisisconsole-database / not a crisisconsole database")
    if revision not in KNOWN_REVISIONS:
        raise NewerSchemaError(
            f"database is gemaakt door een nieuwere versie van crisisconsole (schema {revision}); "
            "werk de app bij / database written by a newer version: update the app"
        )
    return revision != HEAD


def upgrade(conn: Connection, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "crisisconsole.store:migrations")
    config.attributes["connection"] = conn
    command.upgrade(config, target)
