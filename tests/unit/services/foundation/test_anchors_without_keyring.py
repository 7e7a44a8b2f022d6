"""Anchors on a laptop without an OS keyring: the signing pair sealed with the cards key in the
database (store.anchor_keys_wrapped). The same attacks fail as with the keyring, and whoever
holds only the database key can neither read the pair nor plant one of their own."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from crisisconsole.errors import AnchorError
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.anchors import keys_for, keys_for_context, write_anchor
from crisisconsole.services.foundation.backups import backup_to_folder
from crisisconsole.services.foundation.crises import set_grip
from crisisconsole.store import tables
from crisisconsole.store.anchor_keys import SecretStoreAnchorKeys, new_pair
from crisisconsole.store.anchor_keys_wrapped import META_KEY, seal
from crisisconsole.store.card_cipher import new_cards_key
from crisisconsole.store.opening import open_database
from crisisconsole.store.secrets import KeyringSecretStore, MemorySecretStore
from tests.unit.services.foundation.test_anchors import _cut_tail


@pytest.fixture
def no_keyring():
    return SecretStoreAnchorKeys(KeyringSecretStore())  # tests: the failing backend


@pytest.fixture
def keys(ctx, no_keyring):
    return keys_for_context(ctx, no_keyring)


@pytest.fixture
def busy(ctx, crisis):
    for level in ("2", "3"):
        set_grip(ctx, crisis.id, level)
    return crisis


def _stored(store) -> str | None:
    with store.read() as conn:
        row = conn.execute(tables.db_meta.select().where(tables.db_meta.c.key == META_KEY))
        found = row.mappings().first()
    return found["value"] if found else None


def _set_stored(store, value: str | None) -> None:
    raw = store.raw_connection()
    try:  # what someone holding the database key alone can do
        raw.execute("DELETE FROM db_meta WHERE key = ?", (META_KEY,))
        if value is not None:
            raw.execute("INSERT INTO db_meta (key, value) VALUES (?, ?)", (META_KEY, value))
    finally:
        raw.close()


def test_an_aide_anchors_and_verifies_without_a_keyring(store, ctx, busy, keys, tmp_path):
    anchor = write_anchor(store, tmp_path / "anker.json", keys)
    stored = _stored(store)
    assert stored and stored.startswith("ak1:")
    assert anchor.public_key not in stored  # the pair is sealed, not written out
    assert audit.list_records(store, limit=1)[0]["action"] == "anchor_key.create"
    set_grip(ctx, busy.id, "4")
    report = audit.verify(store, anchor=tmp_path / "anker.json", anchor_keys=keys)
    assert report.ok, report.problems()
    newest = audit.list_records(store, limit=1)[0]["seq"]
    _cut_tail(store, newest - anchor.seq + 1)  # the anchored record and all after it
    assert audit.verify(store).ok  # the chain alone cannot tell
    report = audit.verify(store, anchor=tmp_path / "anker.json", anchor_keys=keys)
    assert not report.ok and report.bad_seq == anchor.seq


def test_a_second_anchor_uses_the_same_sealed_pair(store, busy, keys, tmp_path):
    first = write_anchor(store, tmp_path / "a.json", keys)
    second = write_anchor(store, tmp_path / "b.json", keys)
    assert first.public_key == second.public_key
    assert sum(r["action"] == "anchor_key.create" for r in audit.list_records(store)) == 1


def test_a_pair_planted_with_the_database_key_alone_does_not_open(store, busy, keys, tmp_path):
    write_anchor(store, tmp_path / "anker.json", keys)
    _set_stored(store, seal(new_pair(), new_cards_key(), store.key.db_id))
    with pytest.raises(AnchorError, match="opent niet met de kaartsleutel"):
        audit.verify(store, anchor=tmp_path / "anker.json", anchor_keys=keys)


def test_a_removed_pair_fails_every_earlier_anchor(store, busy, keys, tmp_path):
    write_anchor(store, tmp_path / "anker.json", keys)
    _set_stored(store, None)
    with pytest.raises(AnchorError, match="noch de sleutelbos noch de database"):
        audit.verify(store, anchor=tmp_path / "anker.json", anchor_keys=keys)


def test_an_anchor_forged_with_a_new_pair_is_refused(store, busy, keys, tmp_path):
    write_anchor(store, tmp_path / "echt.json", keys)
    other = SecretStoreAnchorKeys(MemorySecretStore())  # someone else's key, of their own
    write_anchor(store, tmp_path / "vals.json", other)
    report = audit.verify(store, anchor=tmp_path / "vals.json", anchor_keys=keys)
    assert not report.ok and "andere sleutel" in report.reason


def test_without_the_cards_key_it_still_says_what_is_needed(store, busy, no_keyring, tmp_path,
                                                           as_role):
    team = as_role("team")
    with pytest.raises(AnchorError, match="bruikbare sleutelbos.*assistent of burgemeester"):
        write_anchor(store, tmp_path / "anker.json", keys_for_context(team, no_keyring))
    assert _stored(store) is None and not (tmp_path / "anker.json").exists()


def test_a_backup_without_keyring_carries_its_pair_and_verifies_alone(store, ctx, busy,
                                                                       no_keyring, tmp_path,
                                                                       secret_store):
    result = backup_to_folder(ctx, tmp_path / "usb", anchor_keys=keys_for_context(ctx, no_keyring))
    assert result.anchor is not None and result.anchor.exists(), result.anchor_note
    copy = open_database(result.path, secret_store, read_only=True)
    try:  # another laptop: only the copy, the anchor beside it and the aide's cards key
        report = audit.verify(copy, anchor=result.anchor,
                              anchor_keys=keys_for(copy, ctx.cards_key, ctx.actor.id, no_keyring))
        assert report.ok, report.problems()
    finally:
        copy.close()


def test_a_pair_in_the_keyring_comes_first(store, ctx, busy, tmp_path):
    in_keyring = SecretStoreAnchorKeys(MemorySecretStore())
    keys = keys_for_context(ctx, in_keyring)
    write_anchor(store, tmp_path / "anker.json", keys)
    assert _stored(store) is None  # the keyring holds it; nothing sealed into the database
    assert audit.verify(store, anchor=tmp_path / "anker.json", anchor_keys=keys).ok


def test_a_damaged_sealed_pair_is_refused(store, busy, keys, tmp_path):
    write_anchor(store, tmp_path / "anker.json", keys)
    stored = _stored(store)
    with store.raw_connection() as raw:
        raw.execute(str(update(tables.db_meta).where(tables.db_meta.c.key == META_KEY)
                        .values(value="?").compile(compile_kwargs={"literal_binds": True}))
                    .replace("'?'", "?"), (stored[:-6] + "AAAAAA",))
    with pytest.raises(AnchorError, match="opent niet"):
        audit.verify(store, anchor=tmp_path / "anker.json", anchor_keys=keys)
