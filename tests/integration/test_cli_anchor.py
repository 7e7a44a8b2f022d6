"""The trust commands as a user runs them: `audit anchor`, `audit verify --anchor`, anchors
beside backups, verify leaving a file as it was, a database on a read-only medium."""

import hashlib
import json
import shutil
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from cli_helpers import one_line_error, with_file_keyring


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def keyed_cli(ready_cli, tmp_path):
    with_file_keyring(ready_cli, tmp_path / "keyring.json")
    ready_cli.crisis = ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "W",
                                    "--json").json()["id"]
    return ready_cli


def _raw(cli, tmp_path):
    key_file = tmp_path / "key.txt"
    if not key_file.exists():
        cli.ok("key", "export", "--out", str(key_file))
    raw = sqlcipher.connect(str(cli.db), isolation_level=None)
    raw.execute(f"PRAGMA key = \"x'{key_file.read_text().strip()}'\"")
    return raw


def test_anchor_then_cut_tail_is_named(keyed_cli, tmp_path):
    out = tmp_path / "anker.json"
    written = keyed_cli.ok("audit", "anchor", "--out", str(out), "--json").json()
    doc = json.loads(out.read_text())
    assert {"seq", "hash", "at", "db_id", "signature"} <= doc.keys()
    assert written["seq"] == doc["seq"] and doc["seq"] > 0
    assert "Auditketen #" in keyed_cli.ok("audit", "anchor", "--out", str(tmp_path / "b.json")).out
    keyed_cli.ok("crisis", "grip", keyed_cli.crisis, "--level", "2")
    assert keyed_cli.ok("audit", "verify", "--anchor", str(out)).out.startswith("OK")
    raw = _raw(keyed_cli, tmp_path)
    raw.execute("DROP TRIGGER audit_no_delete")
    raw.execute("DROP TRIGGER crisis_event_no_delete")
    for (object_id,) in raw.execute("SELECT object_id FROM audit WHERE seq >= ? "
                                      "AND object_type = 'crisis_event'", (doc["seq"],)).fetchall():
        raw.execute("DELETE FROM crisis_event WHERE id = ?", (object_id,))
    raw.execute("DELETE FROM audit WHERE seq >= ?", (doc["seq"],))
    raw.execute("UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM audit) "
                "WHERE name = 'audit'")
    raw.execute("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT,"
                " 'append-only: audit mag niet gewijzigd of verwijderd worden'); END")
    raw.execute("CREATE TRIGGER crisis_event_no_delete BEFORE DELETE ON crisis_event BEGIN "
                "SELECT RAISE(ABORT, 'append-only: crisis_event mag niet gewijzigd of "
                "verwijderd worden'); END")
    raw.close()
    assert keyed_cli.ok("audit", "verify").out.startswith("OK")  # the chain alone passes
    line = one_line_error(keyed_cli("audit", "verify", "--anchor", str(out)), code=1)
    assert f"record #{doc['seq']} uit het anker ontbreekt" in line
    english = keyed_cli("audit", "verify", "--anchor", str(out),
                        env={"CRISISCONSOLE_LANG": "en"})
    assert (f"record #{doc['seq']} from the anchor is missing: the chain was cut / rolled back"
            in one_line_error(english, code=1))
    data = keyed_cli("audit", "verify", "--anchor", str(out), "--json")
    assert data.code == 1
    report = data.json()
    assert report["ok"] is False and report["bad_seq"] == doc["seq"]
    assert report["anchor"]["ok"] is False and report["records"] == doc["seq"] - 1


def test_backup_writes_its_anchor_and_verify_leaves_it_unchanged(keyed_cli, tmp_path):
    out = tmp_path / "usb" / "kopie.db"
    made = keyed_cli.ok("backup", "--out", str(out), "--json").json()
    anchor = Path(str(out) + ".anchor.json")
    assert made["anchor"] == str(anchor) and anchor.is_file()
    before = _sha(out)
    result = keyed_cli.ok("--db", str(out), "audit", "verify", "--anchor", str(anchor), db=False)
    assert result.out.startswith("OK")
    assert "SQLCipher cipher_integrity_check: ok" in result.out
    assert _sha(out) == before  # verify opened it read-only: no journal-mode rewrite
    assert sorted(p.name for p in out.parent.iterdir()) == ["kopie.db", "kopie.db.anchor.json"]
    # Restoring that older copy over the live database fails a newer anchor.
    keyed_cli.ok("crisis", "grip", keyed_cli.crisis, "--level", "3")
    newer = tmp_path / "nu.json"
    seq = keyed_cli.ok("audit", "anchor", "--out", str(newer), "--json").json()["seq"]
    shutil.copy(out, keyed_cli.db)
    assert keyed_cli.ok("audit", "verify").out.startswith("OK")
    line = one_line_error(keyed_cli("audit", "verify", "--anchor", str(newer)), code=1)
    assert f"record #{seq} uit het anker ontbreekt" in line


def test_without_keyring_the_aide_anchors_with_the_cards_key(ready_cli, tmp_path):
    """No OS keyring: the pair is sealed with the cards key in the database; the aide's secret
    signs and checks, and a backup's anchor is checked from the copy alone."""
    out = tmp_path / "a.json"
    assert "Auditketen #" in ready_cli.ok("audit", "anchor", "--out", str(out)).out
    assert ready_cli.ok("audit", "verify", "--anchor", str(out)).out.startswith("OK")
    made = ready_cli.ok("backup", "--out", str(tmp_path / "k.db"), "--json").json()
    assert made["anchor"] and not made["anchor_note"]
    assert ready_cli.ok("--db", str(tmp_path / "k.db"), "audit", "verify", "--anchor",
                        made["anchor"], db=False).out.startswith("OK")
    wrong = ready_cli("audit", "verify", "--anchor", str(out),
                      env={"CRISISCONSOLE_PROFILE_SECRET": "niet het geheim"})
    assert "verkeerd profielgeheim" in one_line_error(wrong, code=3)


def test_without_keyring_a_profile_without_the_cards_key_is_told_what_is_needed(ready_cli,
                                                                               tmp_path):
    ready_cli.ok("profile", "add", "--name", "kijker", "--role", "viewer")
    line = one_line_error(ready_cli("--profile", "kijker", "audit", "anchor", "--out",
                                    str(tmp_path / "a.json")))
    assert "sleutelbos" in line and "burgemeester" in line
    assert not (tmp_path / "a.json").exists()


def test_verify_json_keeps_its_keys_and_adds_findings(ready_cli):
    data = ready_cli.ok("audit", "verify", "--json").json()
    assert {"ok", "records", "bad_seq", "reason"} <= data.keys()
    assert data["ok"] is True and data["bad_seq"] is None and data["reason"] == ""
    assert data["integrity"]["ok"] and data["derived"]["ok"] and data["schema"]["ok"]
    assert "log_current" in data["derived"]["checked"]


def test_read_only_medium_reads_verifies_and_refuses_writes(keyed_cli, tmp_path,
                                                            read_only_medium):
    copy = tmp_path / "kopie.db"
    keyed_cli.ok("backup", "--out", str(copy))
    medium = read_only_medium(copy, Path(str(copy) + ".anchor.json"))
    db = str(medium / "kopie.db")
    assert keyed_cli.ok("--db", db, "crisis", "list", db=False).out.startswith(
        keyed_cli.crisis)
    assert keyed_cli.ok("--db", db, "audit", "verify", "--anchor",
                        str(medium / "kopie.db.anchor.json"), db=False).out.startswith("OK")
    exported = tmp_path / "log.json"
    keyed_cli.ok("--db", db, "log", "export", "--crisis", keyed_cli.crisis, "--format", "json",
                 "--out", str(exported), db=False)
    assert json.loads(exported.read_text())["crisis"]["id"] == keyed_cli.crisis
    line = one_line_error(keyed_cli("--db", db, "crisis", "grip", keyed_cli.crisis, "--level",
                                    "4", db=False))
    assert "alleen-lezen" in line


def test_verify_leaves_a_backup_byte_for_byte(ready_cli, tmp_path):
    copy = tmp_path / "kopie.db"
    ready_cli.ok("backup", "--out", str(copy))
    before = _sha(copy)
    assert ready_cli.ok("--db", str(copy), "audit", "verify", "--anchor",
                        str(copy) + ".anchor.json", db=False).out.startswith("OK")
    assert _sha(copy) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("kopie.db")) == [
        "kopie.db", "kopie.db.anchor.json"]  # no -wal or -shm left beside it
