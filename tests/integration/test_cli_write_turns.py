"""A write during a long import waits its turn: `log add` in a second process while `import
table` writes 50,000 rows in one transaction (longer than SQLite's busy timeout here). Before,
the second process gave up after five seconds with "database is locked"."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest


@pytest.fixture
def crisis_id(ready_cli):
    return ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                        "--json").json()["id"]


def test_log_add_waits_for_a_long_import_in_another_process(ready_cli, crisis_id, tmp_path):
    sheet = tmp_path / "groot.csv"
    rows = [f"2026-11-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00Z;Politie;"
            f"Melding {i} over de toestand bij de haven en de dijk" for i in range(50_000)]
    sheet.write_text("Tijdstip;Bron;Melding\n" + "\n".join(rows) + "\n", encoding="utf-8")
    wal = ready_cli.db.with_name(ready_cli.db.name + "-wal")
    importer = subprocess.Popen(
        [sys.executable, "-m", "crisisconsole", "--db", str(ready_cli.db), "import", "table",
         str(sheet), "--crisis", crisis_id, "--json"],
        env=ready_cli.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (wal.exists() and wal.stat().st_size > 4_000_000):  # mid-transaction
            assert importer.poll() is None, importer.communicate()
            assert time.monotonic() < deadline, "the import never started writing"
            time.sleep(0.02)
        added = ready_cli("log", "add", "--crisis", crisis_id, "--text", "Tijdens de import",
                          "--source", "politie", "--json")
        assert added.code == 0, added.err
        out, err = importer.communicate(timeout=180)
    finally:
        if importer.poll() is None:
            importer.kill()
            importer.communicate()
    assert importer.returncode == 0, err
    assert '"added": 50000' in out
    assert ready_cli.ok("log", "history", added.json()["id"], "--json").json()["entry"]
    assert not list(ready_cli.db.with_name(ready_cli.db.name + ".writers").iterdir())
