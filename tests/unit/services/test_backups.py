from datetime import timedelta

from crisisconsole.services.backups import backup_to_folder
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
