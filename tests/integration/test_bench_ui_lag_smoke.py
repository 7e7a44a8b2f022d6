"""`bench ui-lag` at toy size: it runs the real window through every phase and prints the
interface keys. No timing is asserted: the figures are for people (and noisy on CI)."""

import pytest

pytestmark = pytest.mark.bench

PHASES = ("startup", "pages", "import_inapp", "import_external", "picture", "export")


def test_bench_ui_lag_json(cli):
    data = cli.ok("bench", "ui-lag", "--entries", "200", "--files", "5", "--runs", "1",
                  "--json", db=False).json()
    for phase in PHASES:
        assert data[f"{phase}_max_ms"] >= 0
        assert data[f"{phase}_p99_ms"] >= 0
        assert data[f"{phase}_max_ms"] >= data[f"{phase}_p99_ms"]
        assert data[f"{phase}_s"] > 0
    assert data["idle_max_ms"] >= 0
    assert data["entries"] == 200 and data["files"] == 5
    assert data["import_inapp_files"] == 5
    assert data["export_entries"] >= 200 + 2 * 5  # the big crisis, with both imports in it
