"""Opening without changing the file: a refused newer schema is left as it was, and a database
on a read-only medium opens for reading with a clear refusal of every write."""

import hashlib
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from crisisconsole.errors import NewerSchemaError, NotWritableError
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import list_crises, open_crisis
from crisisconsole.services.foundation.profiles import find_profile
from crisisconsole.store.opening import open_database


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-")}


def test_refused_newer_schema_file_is_not_modified(store, crisis, secret_store):
    raw = store.raw_connection()
    raw.execute("UPDATE alembic_version SET version_num = 'r9999'")
    raw.close()
    store.close()
    # As a newer app leaves a copy: one file, rollback journal (no -wal beside it).
    raw = sqlcipher.connect(str(store.path), isolation_level=None)
    raw.execute(store.key.pragma())
    assert raw.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    raw.close()
    before = _sha(store.path)
    assert _siblings(store.path) == set()
    with pytest.raises(NewerSchemaError, match="nieuwere versie"):
        open_database(store.path, secret_store)
    assert _sha(store.path) == before  # no journal-mode rewrite
    assert _siblings(store.path) == set()  # no -wal, no -shm


def test_read_only_medium_opens_for_reading_and_refuses_writes(store, ctx, crisis, secret_store,
                                                               read_only_medium):
    copy = store.backup(store.path.with_name("kopie.db"))
    folder = read_only_medium(copy)
    with pytest.raises(OSError):
        (folder / "probe").write_text("x")  # the medium really is read-only
    before = _sha(folder / "kopie.db")
    opened = open_database(folder / "kopie.db", secret_store)
    try:
        assert opened.read_only
        assert [c.name for c in list_crises(opened)] == [crisis.name]
        assert audit.verify(opened).ok
        reader = ServiceContext(opened, find_profile(opened, None).as_actor())
        with pytest.raises(NotWritableError, match="alleen-lezen"):
            open_crisis(reader, "Nieuw", "Waalbergen")
    finally:
        opened.close()
    assert _sha(folder / "kopie.db") == before


def test_read_only_medium_with_the_wal_beside_it_reads_the_wal(store, ctx, crisis, secret_store,
                                                             read_only_medium):
    """A live database copied with its -wal and -shm (the app still open): the acknowledged
    writes in the WAL are read, not only the main file."""
    keeper = store.raw_connection()  # holds the WAL open, as a running app does
    try:
        open_crisis(ctx, "Nog in de WAL", "Waalbergen")
        wal = Path(str(store.path) + "-wal")
        shm = Path(str(store.path) + "-shm")
        assert wal.stat().st_size > 0
        folder = read_only_medium(store.path, wal, shm)
    finally:
        keeper.close()
    opened = open_database(folder / store.path.name, secret_store)
    try:
        assert {c.name for c in list_crises(opened)} == {crisis.name, "Nog in de WAL"}
    finally:
        opened.close()


def test_explicit_read_only_open_leaves_a_wal_mode_file_alone(store, ctx, crisis, secret_store):
    path = store.path
    store.close()
    before, names = _sha(path), _siblings(path)
    opened = open_database(path, secret_store, read_only=True)
    try:
        assert audit.verify(opened).ok
        with pytest.raises(NotWritableError):
            open_crisis(ServiceContext(opened, ctx.actor), "Nieuw", "Waalbergen")
    finally:
        opened.close()
    assert _sha(path) == before and _siblings(path) == names


def test_verify_leaves_the_file_and_its_wal_unchanged(store, ctx, crisis, secret_store):
    keeper = store.raw_connection()  # a running app holds the WAL open
    try:
        open_crisis(ctx, "Nog in de WAL", "Waalbergen")
        wal = Path(str(store.path) + "-wal")
        before = (_sha(store.path), _sha(wal))
        checker = open_database(store.path, secret_store, read_only=True)
        try:
            assert audit.verify(checker).ok
        finally:
            checker.close()
        assert (_sha(store.path), _sha(wal)) == before
    finally:
        keeper.close()
