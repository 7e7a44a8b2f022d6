"""The log benchmark at toy size: it runs and prints the interface keys."""

import pytest

pytestmark = pytest.mark.bench


def test_bench_log_json(cli):
    data = cli.ok("bench", "log", "--entries", "2000", "--runs", "1", "--json", db=False).json()
    for key in ("add_ratio", "search_ratio", "first_page_ms", "jump_oldest_ms", "page_data_ms",
                "rss_mb"):
        assert data[key] > 0
    assert data["entries"] == 2000
