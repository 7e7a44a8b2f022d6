import pytest

from crisisconsole.errors import NotADatabaseError, NotFoundError, WrongKeyError
from crisisconsole.store.keys import (
    derive_key,
    new_key,
    parse_recovery_code,
    read_salt,
    resolve_key,
)
from crisisconsole.store.opening import create_database, open_database
from crisisconsole.store.secrets import MemorySecretStore


def test_passphrase_key_is_derived_from_file_salt(tmp_path):
    store = create_database(tmp_path / "p.db", None, passphrase="geheim wachtwoord")
    store.close()
    salt = read_salt(tmp_path / "p.db")
    assert salt == store.key.salt
    assert derive_key("geheim wachtwoord", salt) == store.key.key
    reopened = open_database(tmp_path / "p.db", None, passphrase="geheim wachtwoord")
    reopened.close()


def test_wrong_passphrase_is_a_clear_error(tmp_path):
    create_database(tmp_path / "p.db", None, passphrase="goed").close()
    with pytest.raises(WrongKeyError, match="verkeerde sleutel"):
        open_database(tmp_path / "p.db", None, passphrase="fout")


def test_keyring_key_is_random_and_stored_under_db_id(tmp_path):
    secrets = MemorySecretStore()
    store = create_database(tmp_path / "k.db", secrets)
    store.close()
    assert secrets.get(store.key.db_id) == store.key.key
    assert resolve_key(tmp_path / "k.db", secrets).key == store.key.key
    with pytest.raises(WrongKeyError, match="geen sleutel"):
        resolve_key(tmp_path / "k.db", MemorySecretStore())


def test_environment_passphrase(tmp_path, monkeypatch):
    create_database(tmp_path / "e.db", None, passphrase="uit omgeving").close()
    monkeypatch.setenv("CRISISCONSOLE_PASSPHRASE", "uit omgeving")
    open_database(tmp_path / "e.db", None).close()


def test_recovery_code_round_trip():
    key = new_key(None)
    assert parse_recovery_code(key.recovery_code()) == key.key
    assert parse_recovery_code(f"x'{key.recovery_code().upper()}'") == key.key
    with pytest.raises(WrongKeyError):
        parse_recovery_code("abc")
    with pytest.raises(WrongKeyError):
        parse_recovery_code("zz" * 32)


def test_file_checks(tmp_path):
    with pytest.raises(NotFoundError):
        read_salt(tmp_path / "missing.db")
    plain = tmp_path / "plain.db"
    import sqlite3

    sqlite3.connect(plain).execute("create table t(x)").connection.commit()
    with pytest.raises(NotADatabaseError, match="onversleutelde"):
        read_salt(plain)
    short = tmp_path / "short.db"
    short.write_bytes(b"abc")
    with pytest.raises(NotADatabaseError):
        read_salt(short)


def test_refusing_keyring_leaves_no_database(tmp_path):
    from crisisconsole.errors import StoreError

    class Refusing(MemorySecretStore):
        def set(self, db_id, key):
            raise RuntimeError("locked collection")

    with pytest.raises(StoreError, match="sleutelbos weigert"):
        create_database(tmp_path / "k.db", Refusing())
    assert not (tmp_path / "k.db").exists()
