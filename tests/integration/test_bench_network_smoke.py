"""`bench network` at toy size: it runs and prints its interface keys (figures are for people;
the full size is `crisisconsole bench network --json`)."""

import pytest

pytestmark = pytest.mark.bench


def test_bench_network_toy_size(cli):
    data = cli.ok("bench", "network", "--requests", "300", "--entries", "500", "--runs", "1",
                  "--json", db=False).json()
    assert data["requests"] == 300 and data["evaluated_entries"] == 500
    assert 0 < data["overdue_first_page"] <= 200 and data["baseline_rows"] == data[
        "overdue_first_page"]
    for key in ("list_ms", "list_baseline_ms", "evaluate_s", "evaluate_baseline_s"):
        assert data[key] > 0
