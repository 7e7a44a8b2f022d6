"""Kill a writer with SIGKILL at random moments: every acknowledged write must survive, the
file must pass integrity_check and the audit chain must verify."""

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.profiles import add_profile
from crisisconsole.store.opening import create_database, open_database

WRITER = Path(__file__).with_name("crash_writer.py")
ROUNDS = 10


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_acknowledged_writes_survive_sigkill(tmp_path, secret_store):
    db = tmp_path / "crash.db"
    store = create_database(db, secret_store)
    add_profile(store, "aide", "aide", None, secret="geheim van de aide")
    key_file = tmp_path / "key.txt"
    key_file.write_text(store.key.recovery_code())
    store.close()
    rng = random.Random(20261129)
    acknowledged: list[str] = []
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    for _ in range(ROUNDS):
        proc = subprocess.Popen([sys.executable, str(WRITER), str(db), str(key_file)],
                                stdout=subprocess.PIPE, text=True, env=env)
        assert proc.stdout.readline().strip() == "ready"
        # Kill after a random number of acknowledgements: the writer is mid-way through its
        # next write by then (it does not wait for us), so the moment varies without sleeping.
        seen = [proc.stdout.readline() for _ in range(rng.randint(1, 40))]
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        proc.stdout.close()
        # a line cut off by the kill is not an acknowledgement
        lines = [line.rstrip("\n") for line in seen] + out.split("\n")[:-1]
        acknowledged += [line for line in lines if len(line) == 36]
    assert len(acknowledged) > ROUNDS
    reopened = open_database(db, secret_store)
    try:
        with reopened.read() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            stored = {row[0] for row in conn.execute(text("SELECT id FROM crisis"))}
        missing = set(acknowledged) - stored
        assert not missing
        result = audit.verify(reopened)
        assert result.ok, result
    finally:
        reopened.close()
