"""A -wal lost after a crash takes acknowledged writes with it, and leaves a file that passes
every check of its own. Only an anchor made after those writes can tell."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import AIDE_SECRET
from sqlalchemy import text

from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.anchors import write_anchor
from crisisconsole.services.foundation.profiles import add_profile
from crisisconsole.store.anchor_keys import SecretStoreAnchorKeys
from crisisconsole.store.opening import create_database, open_database

WRITER = Path(__file__).with_name("crash_writer.py")


def _crash_after_anchor(db: Path, key_file: Path, secret_store, anchor: Path) -> tuple[set, int]:
    """Run the writer, anchor the chain after some acknowledged writes, let it write on, then
    kill it hard. Returns the acknowledged crisis ids and the anchored seq."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    proc = subprocess.Popen([sys.executable, str(WRITER), str(db), str(key_file)],
                            stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "ready"
        acknowledged = {proc.stdout.readline().strip() for _ in range(15)}
        reader = open_database(db, secret_store, read_only=True)  # beside the running writer
        try:
            seq = write_anchor(reader, anchor, SecretStoreAnchorKeys(secret_store)).seq
        finally:
            reader.close()
        acknowledged |= {proc.stdout.readline().strip() for _ in range(5)}
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        proc.stdout.close()
    return {a for a in acknowledged if len(a) == 36}, seq


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("loss", ["deleted", "truncated"])
def test_lost_wal_after_a_crash_fails_the_anchor(tmp_path, secret_store, loss):
    db = tmp_path / "crash.db"
    store = create_database(db, secret_store)
    add_profile(store, "aide", "aide", None, secret=AIDE_SECRET)  # crash_writer signs in with it
    key_file = tmp_path / "key.txt"
    key_file.write_text(store.key.recovery_code())
    store.close()  # checkpointed: the file holds the profile, the -wal is gone
    anchor = tmp_path / "anker.json"
    acknowledged, seq = _crash_after_anchor(db, key_file, secret_store, anchor)
    wal = Path(str(db) + "-wal")
    assert wal.stat().st_size > 0  # the writes are in the WAL only (no checkpoint yet)
    if loss == "deleted":
        wal.unlink()
    else:
        with open(wal, "r+b") as handle:
            handle.truncate(wal.stat().st_size // 5)
    reopened = open_database(db, secret_store, read_only=True)
    try:
        with reopened.read() as conn:
            stored = {row[0] for row in conn.execute(text("SELECT id FROM crisis"))}
        assert acknowledged - stored  # acknowledged writes are gone...
        assert audit.verify(reopened).ok  # ...and the file alone cannot tell
        report = audit.verify(reopened, anchor=anchor,
                              anchor_keys=SecretStoreAnchorKeys(secret_store))
        assert not report.ok and report.bad_seq == seq
        assert f"record #{seq} uit het anker ontbreekt" in report.reason
    finally:
        reopened.close()
