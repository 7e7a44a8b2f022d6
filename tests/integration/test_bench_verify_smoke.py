"""The verify benchmark at toy size: it runs (the built log verifies) and prints its keys."""

import pytest

pytestmark = pytest.mark.bench


def test_bench_verify_json(cli):
    data = cli.ok("bench", "verify", "--entries", "1000", "--runs", "1", "--json",
                  db=False).json()
    for key in ("integrity_s", "derived_s", "verify_s", "ratio", "build_s"):
        assert data[key] > 0
    assert data["entries"] == 1000 and data["records"] > 1000 + data["facts"]
