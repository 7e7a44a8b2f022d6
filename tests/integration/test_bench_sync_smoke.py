"""`bench sync` at toy size against the throwaway server: it runs, converges and prints its
interface keys (the full size, 10,000 facts per laptop, is run by hand)."""

import pytest

pytestmark = pytest.mark.bench


def test_bench_sync_toy_size(cli, pg_dsn):
    data = cli.ok("bench", "sync", "--dsn", pg_dsn, "--facts", "50", "--runs", "1", "--json",
                  db=False).json()
    assert data["laptops"] == 3 and data["facts_per_laptop"] == 50
    assert data["copied_rows"] >= 150
    assert data["converge_s"] > 0 and data["copy_baseline_s"] > 0 and data["ratio"] > 0
