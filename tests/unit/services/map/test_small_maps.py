"""The small maps (issue 18): a measure's letter prints its area, the picture PDF prints the
areas of its measures as they were when the snapshot was taken; without an area, no map."""

import io

from pypdf import PdfReader

from crisisconsole.domain.geo import LatLon, MultiPolygon, Polygon
from crisisconsole.services.map import measure_areas
from crisisconsole.services.map.render import picture_small_map
from crisisconsole.services.measures import lifecycle
from crisisconsole.services.measures.letters import write_letter
from crisisconsole.services.picture import export, snapshots

SQUARE = MultiPolygon((Polygon((LatLon(51.838, 5.547), LatLon(51.838, 5.553),
                                LatLon(51.842, 5.553), LatLon(51.842, 5.547),
                                LatLon(51.838, 5.547))),))


def _images(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_letter_prints_the_measure_area(ctx, crisis, tmp_path):
    issued = lifecycle.issue_measure(ctx, crisis.id, "noodverordening", "NV binnenstad")
    write_letter(ctx, issued.id, "raad", tmp_path / "zonder.pdf")
    assert _images((tmp_path / "zonder.pdf").read_bytes()) == 0
    measure_areas.set_area(ctx, issued.id, SQUARE, "drawn")
    write_letter(ctx, issued.id, "raad", tmp_path / "met.pdf")
    pdf = (tmp_path / "met.pdf").read_bytes()
    assert _images(pdf) >= 1  # (Qt may write the alpha channel as an image of its own)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "het gebied van de maatregel" in text


def test_the_picture_pdf_prints_the_areas_as_they_were(ctx, store, crisis, clock, tmp_path):
    issued = lifecycle.issue_measure(ctx, crisis.id, "noodverordening", "NV binnenstad")
    info = snapshots.take_snapshot(ctx, crisis.id)
    snap = snapshots.get_snapshot(store, info.id)
    assert picture_small_map(store, snap.picture, info.taken_at) is None  # no area yet
    clock.advance(minutes=1)
    measure_areas.set_area(ctx, issued.id, SQUARE, "drawn")
    assert picture_small_map(store, snap.picture, info.taken_at) is None  # drawn later
    clock.advance(minutes=1)
    later = snapshots.take_snapshot(ctx, crisis.id)
    out = export.export_snapshot(ctx, later.id, "pdf", tmp_path / "beeld.pdf")
    assert _images(out.read_bytes()) >= 1


