"""The Logboek on a laptop (issue 14): the detail panel is a splitter pane beside the table on
a wide window and below it on a narrow one (its acts then in one row, its attachments beside
the history), Ctrl+D hides and shows it, and the text of a new entry has a line of its own."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from crisisconsole.services.log.entries import add_entry
from crisisconsole.ui.page_context import CurrentCrisis, PageContext
from crisisconsole.ui.views.log_page import NARROW_PAGE, make_page


def _page(qtbot, session, crisis, width: int):  # noqa: ANN202
    holder = QWidget()
    holder.crisis = CurrentCrisis(holder)
    holder.crisis.choose(crisis.id, announce=False)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    page = make_page(PageContext(session, holder.crisis, print, lambda _text, _ms: None))
    layout.addWidget(page)
    qtbot.addWidget(holder)
    holder.resize(width, 700)
    holder.show()
    qtbot.waitUntil(lambda: page.crisis_id == crisis.id)
    return holder, page


def _rect(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def test_the_detail_panel_goes_below_the_table_on_a_narrow_window(qtbot, session, ctx, crisis,
                                                                   shots):
    entry = add_entry(ctx, crisis.id, "Groep jongeren bij het station, ongeveer twintig",
                      source="politie")
    holder, page = _page(qtbot, session, crisis, NARROW_PAGE + 200)
    assert page.split.orientation() == Qt.Orientation.Horizontal
    table, detail = _rect(page.table, holder), _rect(page.detail, holder)
    assert detail.left() > table.right()
    holder.resize(1080, 700)  # the page of a 1280-px window
    QApplication.processEvents()
    assert page.split.orientation() == Qt.Orientation.Vertical
    page.select_entry(entry.id)
    QApplication.processEvents()
    table, detail = _rect(page.table, holder), _rect(page.detail, holder)
    assert detail.top() > table.bottom()
    assert table.height() > detail.height()  # the table keeps most of the height
    buttons = [page.detail.confirm_button, page.detail.refute_button,
               page.detail.correct_button, page.detail.link_button]
    assert len({_rect(b, holder).top() for b in buttons}) == 1  # one row
    assert _rect(page.detail.attachments_box, holder).left() > _rect(page.detail.browser,
                                                                     holder).right()
    assert all(b.isEnabled() for b in buttons)
    quick = page.quick
    assert _rect(quick.text_edit, holder).width() > 700  # the text has a line of its own
    holder.grab().save(str(shots / "log_narrow.png"))
    holder.resize(NARROW_PAGE + 200, 700)
    QApplication.processEvents()
    assert page.split.orientation() == Qt.Orientation.Horizontal
    assert _rect(page.detail.attachments_box, holder).top() > _rect(page.detail.browser,
                                                                    holder).bottom()


def test_ctrl_d_hides_and_shows_the_detail_panel(qtbot, session, crisis):
    holder, page = _page(qtbot, session, crisis, 1080)
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow, timeout=5000)
    assert page.detail.isVisible()
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not page.detail.isVisible()
    QApplication.processEvents()
    assert page.table.height() > 400  # the table has the room
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert page.detail.isVisible()
