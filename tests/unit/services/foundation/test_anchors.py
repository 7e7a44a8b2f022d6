"""Anchors: the chain's head, signed with a key the database file does not hold. Each attack
below passes verification without an anchor and fails with one."""

from __future__ import annotations

import json
import shutil

import pytest

from crisisconsole.errors import AnchorError
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.anchors import write_anchor
from crisisconsole.services.foundation.backups import backup_to_folder
from crisisconsole.services.foundation.crises import set_grip
from crisisconsole.store import audit_chain, tables
from crisisconsole.store.anchor_keys import ENTRY_PREFIX, SecretStoreAnchorKeys
from crisisconsole.store.append_only import append_only_ddl, drop_append_only_ddl
from crisisconsole.store.opening import open_database
from crisisconsole.store.secrets import KeyringSecretStore, MemorySecretStore


@pytest.fixture
def keys(secret_store):
    return SecretStoreAnchorKeys(secret_store)


@pytest.fixture
def busy(ctx, crisis):
    for level in ("2", "3", "4"):
        set_grip(ctx, crisis.id, level)
    return crisis


def _verify(store, anchor, keys):
    return audit.verify(store, anchor=anchor, anchor_keys=keys)


def test_anchor_file_names_the_head_and_verifies(store, busy, keys, tmp_path):
    out = tmp_path / "anker.json"
    anchor = write_anchor(store, out, keys)
    doc = json.loads(out.read_text())
    assert {"seq", "hash", "at", "db_id", "signature", "public_key"} <= doc.keys()
    last = audit.list_records(store, limit=1)[0]
    assert (doc["seq"], doc["hash"], doc["db_id"]) == (last["seq"], last["hash"],
                                                      store.key.db_id)
    assert anchor.label() == f"Auditketen #{last['seq']} · {last['hash'][:16]}"
    set_grip(_ctx(store), busy.id, "5")  # later writes keep it valid
    report = _verify(store, out, keys)
    assert report.ok, report.problems()
    assert report.as_dict()["anchor"]["ok"] is True
    with pytest.raises(Exception, match="bestaat al"):
        write_anchor(store, out, keys)  # never replaces an anchor


def _ctx(store):
    from crisisconsole.services.foundation.context import ServiceContext
    from crisisconsole.services.foundation.profiles import find_profile

    return ServiceContext(store, find_profile(store, None).as_actor())


def _cut_tail(store, records: int) -> None:
    """What someone with the key does: drop the triggers, delete the newest audit records and
    the rows they wrote, mend sqlite_sequence so the chain still looks whole, and put the
    triggers back."""
    raw = store.raw_connection()
    try:
        for table in ("crisis_event", "audit"):
            for ddl in drop_append_only_ddl(table):
                raw.execute(ddl)
        newest = raw.execute("SELECT seq, object_id FROM audit ORDER BY seq DESC LIMIT ?",
                             (records,)).fetchall()
        for seq, object_id in newest:
            raw.execute("DELETE FROM crisis_event WHERE id = ?", (object_id,))
            raw.execute("DELETE FROM audit WHERE seq = ?", (seq,))
        raw.execute("UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM audit) "
                    "WHERE name = 'audit'")
        _restore_triggers(raw, "crisis_event", "audit")
    finally:
        raw.close()


def _restore_triggers(raw, *names: str) -> None:
    for table in names:
        for ddl in append_only_ddl(table):
            raw.execute(ddl)


def test_cut_tail_passes_the_chain_but_not_the_anchor(store, busy, keys, tmp_path):
    anchor = write_anchor(store, tmp_path / "anker.json", keys)
    _cut_tail(store, 2)
    assert audit.verify(store).ok  # the chain alone cannot tell
    report = _verify(store, tmp_path / "anker.json", keys)
    assert not report.ok and report.bad_seq == anchor.seq
    assert report.reason == (f"record #{anchor.seq} uit het anker ontbreekt: de keten is "
                             "ingekort of teruggezet (of een -wal ging verloren)")


def test_recomputed_chain_passes_the_chain_but_not_the_anchor(store, busy, keys, tmp_path,
                                                              monkeypatch):
    anchor = write_anchor(store, tmp_path / "anker.json", keys)
    raw = store.raw_connection()
    try:
        for table in ("crisis", "audit"):
            for ddl in drop_append_only_ddl(table):
                raw.execute(ddl)
        raw.execute("UPDATE crisis SET name = 'Rustige avond'")
        # Recompute every content hash and record hash from the first record on.
        row = raw.execute("SELECT * FROM crisis").fetchone()
        names = [d[0] for d in raw.execute("SELECT * FROM crisis").description]
        content = audit_chain.content_hash(tables.crisis, dict(zip(names, row, strict=True)))
        raw.execute("UPDATE audit SET content_hash = ? WHERE object_type = 'crisis'", (content,))
        cols = [d[0] for d in raw.execute("SELECT * FROM audit").description]
        previous = audit_chain.GENESIS
        for values in raw.execute("SELECT * FROM audit ORDER BY seq").fetchall():
            record = dict(zip(cols, values, strict=True)) | {"prev_hash": previous}
            record["hash"] = audit_chain.record_hash(record)
            raw.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?",
                        (previous, record["hash"], record["seq"]))
            previous = record["hash"]
        _restore_triggers(raw, "crisis", "audit")
    finally:
        raw.close()
    assert audit.verify(store).ok  # a consistent forgery
    report = _verify(store, tmp_path / "anker.json", keys)
    assert not report.ok
    assert report.reason == (f"record #{anchor.seq} wijkt af van het anker: de keten is "
                             "herschreven")
    monkeypatch.setenv("CRISISCONSOLE_LANG", "en")
    assert _verify(store, tmp_path / "anker.json", keys).reason == (
        f"record #{anchor.seq} differs from the anchor: the chain was rewritten")


def test_older_copy_restored_fails_the_newer_anchor(store, ctx, busy, keys, tmp_path,
                                                    secret_store, monkeypatch):
    result = backup_to_folder(ctx, tmp_path / "usb", anchor_keys=keys)
    assert result.anchor == result.path.with_name(result.path.name + ".anchor.json")
    set_grip(ctx, busy.id, "5")
    newer = write_anchor(store, tmp_path / "nu.json", keys)
    store.close()
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"test.db{suffix}").unlink(missing_ok=True)
    shutil.copy(result.path, store.path)  # "restore" yesterday's copy
    restored = open_database(store.path, secret_store, read_only=True)
    try:
        assert audit.verify(restored).ok
        assert _verify(restored, result.anchor, keys).ok  # the copy's own anchor holds
        monkeypatch.setenv("CRISISCONSOLE_LANG", "en")
        report = _verify(restored, tmp_path / "nu.json", keys)
        assert not report.ok
        assert report.reason.startswith(f"record #{newer.seq} from the anchor is missing: "
                                        "the chain was cut / rolled back")
    finally:
        restored.close()


def test_altered_or_foreign_anchors_are_refused(store, busy, keys, tmp_path):
    out = tmp_path / "anker.json"
    write_anchor(store, out, keys)
    doc = json.loads(out.read_text())
    forged = tmp_path / "vervalst.json"
    forged.write_text(json.dumps({**doc, "seq": doc["seq"] - 1}))
    report = _verify(store, forged, keys)
    assert not report.ok and "handtekening" in report.reason
    # Signed with a key of one's own (all one needs is the database file): refused.
    other = tmp_path / "eigen.json"
    write_anchor(store, other, SecretStoreAnchorKeys(MemorySecretStore()))
    report = _verify(store, other, keys)
    assert not report.ok and "andere sleutel" in report.reason
    (tmp_path / "elders.json").write_text(json.dumps({**doc, "db_id": "ab" * 16}))
    with pytest.raises(AnchorError, match="andere database"):
        _verify(store, tmp_path / "elders.json", keys)
    (tmp_path / "rommel.json").write_text("{niet json")
    with pytest.raises(AnchorError, match="geen geldig ankerbestand"):
        _verify(store, tmp_path / "rommel.json", keys)


def test_without_a_keyring_anchoring_says_it_needs_one(store, ctx, busy, tmp_path):
    no_keyring = SecretStoreAnchorKeys(KeyringSecretStore())  # tests: the failing backend
    with pytest.raises(AnchorError, match="bruikbare sleutelbos"):
        write_anchor(store, tmp_path / "anker.json", no_keyring)
    assert not (tmp_path / "anker.json").exists()
    result = backup_to_folder(ctx, tmp_path / "usb", anchor_keys=no_keyring)
    assert result.path.exists() and result.anchor is None
    assert "sleutelbos" in result.anchor_note and "zonder anker" in result.label()


def test_damaged_keyring_entry_is_not_trusted(store, busy, keys, secret_store, tmp_path):
    write_anchor(store, tmp_path / "anker.json", keys)
    stored = secret_store.get(ENTRY_PREFIX + store.key.db_id)
    secret_store.set(ENTRY_PREFIX + store.key.db_id, stored[:32] + bytes(32))
    with pytest.raises(AnchorError, match="beschadigd"):
        _verify(store, tmp_path / "anker.json", keys)
