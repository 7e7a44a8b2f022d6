"""The quick-entry bar takes a location; the gazetteer's names are offered while typing."""

from PySide6.QtCore import Qt
from test_log_page import _window

from crisisconsole.domain.geo import LatLon
from crisisconsole.services.log.queries import list_entries
from crisisconsole.services.places.gazetteer import add_place, municipality_of
from crisisconsole.ui.models.log_table_model import COL_LOCATION


def test_a_location_typed_in_the_quick_entry_is_saved_and_shown(qtbot, session, ctx, crisis,
                                                                 shots):
    add_place(ctx, municipality_of(ctx.store, crisis.id), "Marktplein", LatLon(51.84, 5.86),
              aliases=["de Markt"])
    window, page = _window(qtbot, session, crisis)
    assert page.quick.location_edit.isVisible()
    assert page.quick._places.stringList() == ["de Markt", "Marktplein"]
    page.quick.source_box.setEditText("Politie")
    page.quick.location_edit.setText("  Marktplein ")
    qtbot.keyClicks(page.quick.text_edit, "Ruiten ingegooid")
    window.grab().save(str(shots / "log_quick_location.png"))
    qtbot.keyClick(page.quick.location_edit, Qt.Key.Key_Return)  # Enter saves from there too
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert list_entries(ctx.store, crisis.id)[0].location == "Marktplein"
    assert page.model.data(page.model.index(0, COL_LOCATION)) == "Marktplein"
    assert page.quick.location_edit.text() == ""  # each entry its own place


def test_an_empty_location_is_none_and_a_place_added_later_is_offered(qtbot, session, ctx,
                                                                      crisis):
    window, page = _window(qtbot, session, crisis)
    assert page.quick._places.stringList() == []
    page.quick.source_box.setEditText("Burger")
    page.quick.text_edit.setText("Rook gezien")
    page.quick.submit()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert list_entries(ctx.store, crisis.id)[0].location is None
    add_place(ctx, municipality_of(ctx.store, crisis.id), "Haven", LatLon(51.85, 5.87))
    qtbot.waitUntil(lambda: page.quick._places.stringList() == ["Haven"], timeout=5000)
