from datetime import timedelta

from crisisconsole.services.foundation.backups import backup_to_folder
from crisisconsole.store.opening import open_database


def test_backups_rotate_and_open(store, ctx, crisis, clock, tmp_path, secret_store):
    folder = tmp_path / "usb"
    results = []
    for _ in range(4):
        results.append(backup_to_folder(ctx, folder, keep=3))
        clock.advance(timedelta(minutes=15))
    files = sorted(folder.glob("*.db"))
    assert len(files) == 3 and results[-1].path in files
    assert "back-up" in results[-1].label()
    copy = open_database(files[-1], secret_store)
    copy.close()


def test_a_backup_by_hand_is_an_aides_audited_act_with_its_anchor(store, ctx, crisis, as_role,
                                                                   secret_store, tmp_path):
    import pytest

    from crisisconsole.errors import AccessDeniedError
    from crisisconsole.services.foundation import audit
    from crisisconsole.services.foundation.backups import make_backup
    from crisisconsole.store.anchor_keys import SecretStoreAnchorKeys

    keys = SecretStoreAnchorKeys(secret_store)
    with pytest.raises(AccessDeniedError):
        make_backup(as_role("viewer"), tmp_path / "lezer.db", anchor_keys=keys)
    assert not (tmp_path / "lezer.db").exists()
    made = make_backup(ctx, tmp_path / "kopie.db", anchor_keys=keys)
    assert made.anchor == tmp_path / "kopie.db.anchor.json" and made.anchor_note == ""
    copy = open_database(made.path, secret_store, read_only=True)
    try:
        assert audit.verify(copy, anchor=made.anchor, anchor_keys=keys).ok
    finally:
        copy.close()
    done = [(r["action"], r["result"]) for r in audit.list_records(store, "backup")]
    assert done == [("backup.make", "refused"), ("backup.make", "ok")]


def test_the_key_export_is_an_aides_audited_act_and_never_replaces_a_file(store, ctx, as_role,
                                                                          tmp_path):
    import pytest

    from crisisconsole.errors import AccessDeniedError, StoreError
    from crisisconsole.services.foundation import audit
    from crisisconsole.services.foundation.backups import export_recovery_code

    out = tmp_path / "usb" / "herstelcode.txt"
    out.parent.mkdir()
    with pytest.raises(AccessDeniedError):
        export_recovery_code(as_role("mayor"), out)
    assert not out.exists()
    export_recovery_code(ctx, out)
    assert out.read_text(encoding="utf-8") == store.key.recovery_code() + "\n"
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    with pytest.raises(StoreError, match="bestaat al"):
        export_recovery_code(ctx, out)
    done = [(r["action"], r["result"]) for r in audit.list_records(store, "key")]
    assert done == [("key.export", "refused"), ("key.export", "ok")]
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind
