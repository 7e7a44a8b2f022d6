"""The map benchmark at toy size: it runs and prints the interface keys."""

import pytest

pytestmark = pytest.mark.bench


def test_bench_map_json(cli):
    data = cli.ok("bench", "map", "--points", "300", "--topics", "5", "--runs", "1", "--json",
                  db=False).json()
    for key in ("bare_tiles_ms", "first_paint_ms", "first_paint_ratio", "pan_bare_ms",
                "pan_frame_ms", "pan_frame_p99_ms", "pan_frame_max_ms", "pan_ratio"):
        assert data[key] > 0
    assert data["points"] == 300 and data["width"] == 1280 and data["height"] == 720
    assert data["marks"] > 0
    assert data["widget"].startswith("MapCanvas")  # painted through the real widget
    for kind in ("pan", "zoom", "settle"):
        frames = data["frames"][kind]
        assert frames["frames"] > 0
        assert 0 < frames["median"] <= frames["p99"] <= frames["max"]
        assert frames["bare_median"] > 0 and frames["ratio"] > 0
    assert data["frame_max_ms"] >= data["pan_frame_max_ms"]
