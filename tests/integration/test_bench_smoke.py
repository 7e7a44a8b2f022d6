"""Benchmarks at toy size: they run, and print the interface keys. Figures are for people."""

import pytest

pytestmark = pytest.mark.bench


def test_bench_startup_json(cli):
    data = cli.ok("bench", "startup", "--runs", "1", "--json", db=False).json()
    for key in ("bare_s", "first_paint_s", "interactive_s", "first_paint_ratio",
                "interactive_ratio"):
        assert data[key] > 0
    assert data["interactive_s"] >= data["first_paint_s"]
