"""The detail panel follows the filter, and an empty result says so in the table area."""

from test_log_page import _fill, _window

from crisisconsole.services.log.entries import add_entry


def test_a_filter_that_hides_the_selected_entry_clears_the_detail(qtbot, session, ctx, crisis,
                                                                  clock, shots):
    ids = _fill(ctx, crisis, clock, 4)  # even: burger, odd: politie
    window, page = _window(qtbot, session, crisis)
    page.table.selectRow(page.model.row_of(ids[0]))
    assert page.detail.entry_id == ids[0] and page.detail.confirm_button.isEnabled()
    page.filters.source_box.setCurrentIndex(page.filters.source_box.findData("politie"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    assert page.detail.entry_id is None
    assert not any(b.isEnabled() for b in (page.detail.confirm_button, page.detail.refute_button,
                                           page.detail.correct_button, page.detail.link_button))
    assert page.selected_id() is None and not page.table.selectionModel().hasSelection()
    assert not page.empty_note.isVisible()
    window.grab().save(str(shots / "log_filter_hides_selection.png"))
    page.filters.source_box.setCurrentIndex(0)  # shown again: nothing is selected behind it
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=3000)
    assert page.detail.entry_id is None


def test_a_filter_that_keeps_the_selected_entry_keeps_the_detail(qtbot, session, ctx, crisis,
                                                                 clock):
    ids = _fill(ctx, crisis, clock, 4)
    window, page = _window(qtbot, session, crisis)
    page.table.selectRow(page.model.row_of(ids[1]))
    page.filters.source_box.setCurrentIndex(page.filters.source_box.findData("politie"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    assert page.detail.entry_id == ids[1] and page.detail.confirm_button.isEnabled()
    assert page.selected_id() == ids[1]


def test_an_empty_result_says_so(qtbot, session, ctx, crisis, clock, shots):
    window, page = _window(qtbot, session, crisis)
    assert page.empty_note.isVisible()
    assert page.empty_note.text() == "Nog geen meldingen in deze crisis"
    add_entry(ctx, crisis.id, "Rook bij de haven", "burger")
    page.refresh()
    assert not page.empty_note.isVisible()
    page.filters.search_edit.setText("plundering")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=3000)
    assert page.empty_note.isVisible()
    assert page.empty_note.text() == "Geen meldingen voor dit filter"
    assert page.empty_note.geometry().width() > 200
    window.grab().save(str(shots / "log_empty_filter.png"))
    page.filters.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert not page.empty_note.isVisible()
