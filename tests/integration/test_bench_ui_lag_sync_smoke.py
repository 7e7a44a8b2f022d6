"""`bench ui-lag --dsn` at toy size against the throwaway server: the sync phase runs (another
laptop pushes, the window's own sync controller pulls every fact in) and prints its interface
keys. No timing is asserted: the figures are for people."""

import pytest

pytestmark = pytest.mark.bench


def test_bench_ui_lag_sync_phase_json(cli, pg_dsn):
    data = cli.ok("bench", "ui-lag", "--entries", "100", "--files", "2", "--runs", "1",
                  "--dsn", pg_dsn, "--sync-facts", "400", "--json", db=False).json()
    assert data["sync_max_ms"] >= data["sync_p99_ms"] >= 0
    assert data["sync_s"] > 0
    assert data["sync_facts"] >= 400  # every entry the other laptop pushed reached the window
    assert data["export_max_ms"] >= 0  # the other phases ran as before
