"""Databases as an older version left them: the schema at a given revision, profiles written
the way that version wrote them (no secret), for upgrade tests."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from crisisconsole.ids import new_id
from crisisconsole.services.foundation.context import Actor
from crisisconsole.store import tables
from crisisconsole.store.engine import Store
from crisisconsole.store.keys import new_key


def database_at(path, secret_store, clock, revision: str) -> Store:  # noqa: ANN001
    key = new_key(None)
    secret_store.set(key.db_id, key.key)
    store = Store(path, key, clock)
    with store.engine.connect() as conn:
        conn = conn.execution_options(cc_write=True)
        with conn.begin():
            config = Config()
            config.set_main_option("script_location", "crisisconsole.store:migrations")
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            conn.exec_driver_sql(f"INSERT INTO db_meta VALUES ('db_id', '{key.db_id}')")
    return store


def old_profile(store: Store, name: str, role: str, actor: str | None = None) -> Actor:
    """A profile row as versions before r0009 wrote it (name and role, nothing else)."""
    from crisisconsole.domain.roles import ProfileRole

    profile_id = new_id()
    with store.write(actor or profile_id) as tx:
        tx.insert(tables.profile, {"id": profile_id, "name": name, "role": role,
                                   "created_at": tx.now, "actor": actor or profile_id},
                  "profile.add")
    return Actor(profile_id, name, ProfileRole(role))
