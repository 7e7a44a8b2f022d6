import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text

from crisisconsole.errors import NewerSchemaError, NotADatabaseError, StoreError, WrongKeyError
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.store import schema
from crisisconsole.store.opening import create_database, open_database


def test_file_is_encrypted(store, ctx):
    open_crisis(ctx, "Test", "Waalbergen")
    head = store.path.read_bytes()[:16]
    assert not head.startswith(b"SQLite format 3")
    assert b"Waalbergen" not in store.path.read_bytes()


def test_pragmas_on_every_connection(store):
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


@pytest.mark.parametrize("table", ["profile", "crisis", "crisis_event", "audit"])
def test_fact_tables_refuse_update_and_delete(store, ctx, crisis, table):
    raw = store.raw_connection()
    with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
        raw.execute(f"UPDATE {table} SET id = id")
    with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
        raw.execute(f"DELETE FROM {table}")
    raw.close()


def test_raw_sqlcipher_opens_with_recovery_code(store, ctx, crisis):
    raw = sqlcipher.connect(str(store.path))
    raw.execute(f"PRAGMA key = \"x'{store.key.recovery_code()}'\"")
    assert raw.execute("SELECT name FROM crisis").fetchone()[0] == crisis.name
    raw.close()


def test_backup_is_consistent_and_opens_with_same_key(store, ctx, crisis, secret_store, tmp_path):
    dest = store.backup(tmp_path / "usb" / "backup.db")
    assert not dest.read_bytes().startswith(b"SQLite format 3")
    copy = open_database(dest, secret_store)
    with copy.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM crisis")).scalar() == 1
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    copy.close()
    with pytest.raises(StoreError, match="bestaat al"):
        store.backup(dest)


def test_newer_schema_is_refused(store, secret_store):
    raw = store.raw_connection()
    raw.execute("UPDATE alembic_version SET version_num = 'r9999'")
    raw.close()
    store.close()
    with pytest.raises(NewerSchemaError, match="nieuwere versie"):
        open_database(store.path, secret_store)


def test_foreign_encrypted_database_is_refused(tmp_path, secret_store):
    from crisisconsole.store.keys import new_key

    key = new_key(None)
    raw = sqlcipher.connect(str(tmp_path / "other.db"))
    raw.execute(key.pragma())
    raw.execute("CREATE TABLE x (y)")
    raw.commit()
    raw.close()
    secret_store.set(key.db_id, key.key)
    with pytest.raises(NotADatabaseError):
        open_database(tmp_path / "other.db", secret_store)


def test_random_bytes_are_not_a_database(tmp_path, secret_store):
    path = tmp_path / "junk.db"
    path.write_bytes(b"\x01" * 4096)
    with pytest.raises(WrongKeyError):
        open_database(path, secret_store, passphrase="x")


def test_create_refuses_existing_file(store, secret_store):
    with pytest.raises(StoreError, match="bestaat al"):
        create_database(store.path, secret_store)


def test_known_revisions_match_alembic_scripts():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "crisisconsole.store:migrations")
    scripts = ScriptDirectory.from_config(config)
    chain = [rev.revision for rev in reversed(list(scripts.walk_revisions()))]
    assert tuple(chain) == schema.KNOWN_REVISIONS
    assert scripts.get_current_head() == schema.HEAD


def test_tables_match_migrations(store):
    """The SQLModel table models against what the migrations build: the same tables, each with
    the same columns in the same order."""
    from crisisconsole.store import tables

    with store.read() as conn:
        names = {row[0] for row in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        for model in tables.MODELS:
            table = model.__table__
            columns = [row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table.name})")]
            assert columns == list(model.model_fields), table.name
            assert columns == [c.name for c in table.columns], table.name
    # Every table the migrations build is declared (the gate and FTS tables are the store's own).
    own = {"alembic_version", "purge_gate", "sqlite_sequence"}
    declared = {t.name for t in tables.all_tables()}
    assert {n for n in names - own if not n.startswith("log_fts")} == declared


def test_the_registry_lists_every_declared_table():
    from crisisconsole.store import tables

    assert set(tables.metadata.tables.values()) == set(tables.TABLES)
    assert len(tables.all_tables()) == len(tables.TABLES)


def test_what_a_table_declares_is_what_the_database_enforces(store):
    """A table declared a fact has the append-only triggers; one declared purgeable accepts an
    update only through the purge gate; an audited one has an id to hash by."""
    from crisisconsole.store import tables

    with store.read() as conn:
        triggers = {row[0]: row[1] for row in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    for table in tables.all_tables():
        info = table.info
        assert (f"{table.name}_no_update" in triggers) == bool(info["fact"]), table.name
        assert (f"{table.name}_no_delete" in triggers) == bool(info["fact"]), table.name
        if info["fact"]:
            gated = "purge_gate" in triggers[f"{table.name}_no_update"]
            assert gated == bool(info["purgeable"]), table.name
        if info["audited"]:
            assert "id" in table.c, table.name


def test_older_database_is_backed_up_then_migrated(tmp_path, secret_store, clock):
    """A file at the first revision (as an older app left it) opens after a backup."""
    from crisisconsole.store.engine import Store
    from crisisconsole.store.keys import new_key

    key = new_key(None)
    secret_store.set(key.db_id, key.key)
    path = tmp_path / "old.db"
    old = Store(path, key, clock)
    with old.engine.connect() as conn:
        conn = conn.execution_options(cc_write=True)
        with conn.begin():
            from alembic import command
            from alembic.config import Config

            config = Config()
            config.set_main_option("script_location", "crisisconsole.store:migrations")
            config.attributes["connection"] = conn
            command.upgrade(config, schema.KNOWN_REVISIONS[0])
            conn.exec_driver_sql("INSERT INTO db_meta VALUES ('db_id', 'x')")
    old.close()
    store = open_database(path, secret_store, clock=clock)
    with store.read() as conn:
        assert schema.current_revision(conn) == schema.HEAD
    store.close()
    backups = list(tmp_path.glob("old.db.voor-upgrade-*.bak"))
    assert len(backups) == 1
    copy = open_database(backups[0], secret_store, clock=clock)  # migrates the copy: fine
    copy.close()
