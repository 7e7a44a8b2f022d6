"""Reading places back (the log page's location field does it at start-up) must not load GEOS:
shapely and numpy cost half a second of the GUI thread before the window is interactive."""

import subprocess
import sys

PROGRAM = """
import sys
import crisisconsole.ui.views.log_page
from crisisconsole.interchange.area_geojson import read_geometry_text
shape = read_geometry_text('{"type": "Polygon", "coordinates": [[[5.9, 51.9], [5.91, 51.9], '
                           '[5.91, 51.91], [5.9, 51.9]]]}')
assert len(shape.polygons) == 1, shape
print("shapely" in sys.modules, "numpy" in sys.modules)
"""


def test_the_log_page_and_reading_a_stored_area_load_no_geos():
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True,
                          timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


def test_a_new_area_is_still_judged_by_geos():
    import pytest

    from crisisconsole.interchange.area_geojson import read_area_file
    from crisisconsole.interchange.geometry_checks import GeometryRefused

    bowtie = (b'{"type": "Polygon", "coordinates": [[[5.9, 51.9], [5.91, 51.91], [5.91, 51.9], '
              b'[5.9, 51.91], [5.9, 51.9]]]}')
    with pytest.raises(GeometryRefused):
        read_area_file(bowtie)
