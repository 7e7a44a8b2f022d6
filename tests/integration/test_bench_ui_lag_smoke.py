"""`bench ui-lag` at toy size: it runs the real window through every phase, the sync phase too
against the throwaway server (another laptop pushes, the window's own sync controller pulls
every fact in), and prints the interface keys. One run for all phases, since each run builds its
databases and windows anew. No timing is asserted: the figures are for people (and noisy on CI)."""

import pytest

pytestmark = pytest.mark.bench

PHASES = ("startup", "pages", "import_inapp", "import_external", "picture", "export", "sync")


def test_bench_ui_lag_json(cli, pg_dsn):
    data = cli.ok("bench", "ui-lag", "--entries", "200", "--files", "5", "--runs", "1",
                  "--dsn", pg_dsn, "--sync-facts", "400", "--json", db=False).json()
    for phase in PHASES:
        assert data[f"{phase}_max_ms"] >= 0
        assert data[f"{phase}_p99_ms"] >= 0
        assert data[f"{phase}_max_ms"] >= data[f"{phase}_p99_ms"]
        assert data[f"{phase}_s"] > 0
    assert data["idle_max_ms"] >= 0
    assert data["entries"] == 200 and data["files"] == 5
    assert data["import_inapp_files"] == 5
    assert data["export_entries"] >= 200 + 2 * 5  # the big crisis, with both imports in it
    assert data["sync_facts"] >= 400  # every entry the other laptop pushed reached the window
