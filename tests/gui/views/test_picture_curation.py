"""Curation of topics on the Totaalbeeld page (issue 13, item 7): rename, merge, pin, split
and close through the page's keys, each one recorded fact; a refusal stays in the dialog;
the topics model passes Qt's model tester and shows the trend badge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crisisconsole.services.log import entries as log
from crisisconsole.services.picture.topics import list_topics
from crisisconsole.ui.main_window import MainWindow
from crisisconsole.ui.models.topics_model import TREND_COLUMN, TopicsModel


@pytest.fixture
def picture_page(qtbot, session, crisis, clock):
    for count in (34, 52):
        log.add_entry(session.ctx, crisis.id, f"Parkeergarage Markt: groep van ca. {count} "
                      "personen", "politie", discipline="politie", location="Parkeergarage Markt")
        clock.advance(minutes=5)
    log.add_entry(session.ctx, crisis.id, "Brand in container Industrieweg", "brandweer",
                  discipline="brandweer", location="Industrieweg")
    clock.advance(minutes=5)
    log.add_entry(session.ctx, crisis.id, "Stremming A12 bij Ede", "burger", location="A12")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(session)
    window.crisis.choose(crisis.id)
    window.resize(1280, 720)
    window.show_page("picture")
    page = window.pages["picture"]
    page.refresh()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)  # built off the GUI thread
    yield page
    window.reminders.stop()


def _facts(session, kind):  # noqa: ANN001
    from sqlalchemy import select

    from crisisconsole.store.tables.picture import topic_fact

    with session.ctx.store.read() as conn:
        return conn.execute(select(topic_fact.c.kind).where(topic_fact.c.kind == kind)).all()


def _select(page, title_part: str):  # noqa: ANN001, ANN201
    for view in page.topics.model.items:
        if title_part in view.title:
            assert page.topics.select(view.id)
            page.topics.table.setFocus()
            return view
    raise AssertionError(f"no topic with {title_part!r}: "
                         f"{[v.title for v in page.topics.model.items]}")


def test_topics_model_passes_the_tester_and_shows_the_trend(qtmodeltester, session, crisis,
                                                            picture_page):
    model = TopicsModel()
    model.set_items(list_topics(session.ctx.store, crisis.id, include_closed=True))
    qtmodeltester.check(model)
    row = next(i for i, v in enumerate(model.items) if "Parkeergarage" in v.title)
    assert model.index(row, TREND_COLUMN).data().startswith("↑ stijgend (34 → 52)")
    assert model.index(row, TREND_COLUMN).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_rename_through_f2(qtbot, session, crisis, picture_page, shots):
    page = picture_page
    view = _select(page, "Industrieweg")
    qtbot.keyClick(page.topics.table, Qt.Key.Key_F2)
    dialog = page.topics.dialog
    assert dialog is not None and dialog.isVisible() and dialog.kind == "rename"
    dialog.text.setText("Brand Industrieweg")
    dialog.grab().save(str(shots / "topic_rename.png"))
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    titles = [v.title for v in list_topics(session.ctx.store, crisis.id)]
    assert "Brand Industrieweg" in titles and len(_facts(session, "rename")) == 1
    qtbot.waitUntil(lambda: any(v.title == "Brand Industrieweg" and v.id == view.id
                                for v in page.topics.model.items), timeout=5000)
    assert page.topics.current().title == "Brand Industrieweg"  # the selection stays


def test_merge_through_ctrl_m(qtbot, session, crisis, picture_page):
    page = picture_page
    before = len(list_topics(session.ctx.store, crisis.id))
    target = _select(page, "Industrieweg")
    qtbot.keyClick(page.topics.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = page.topics.dialog
    assert dialog.kind == "merge"
    items = [dialog.topics.item(i) for i in range(dialog.topics.count())]
    other = next(i for i in items if "A12" in i.text())
    other.setCheckState(Qt.CheckState.Checked)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    after = list_topics(session.ctx.store, crisis.id)
    assert len(after) == before - 1 and len(_facts(session, "merge")) == 1
    merged = next(v for v in after if v.id == target.id)
    assert merged.reports == 2


def test_pin_through_ctrl_p_and_close_through_ctrl_shift_a(qtbot, session, crisis,
                                                           picture_page):
    page = picture_page
    view = _select(page, "Industrieweg")
    assert not view.pinned and page.topics.model.items[0].id != view.id
    qtbot.keyClick(page.topics.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(_facts(session, "pin")) == 1, timeout=5000)
    qtbot.waitUntil(lambda: page.topics.model.items[0].id == view.id, timeout=5000)
    assert page.topics.model.items[0].pinned  # pinned first
    assert "vastgepind" in page.topics.model.index(0, 6).data()
    page.topics.select(view.id)
    qtbot.keyClick(page.topics.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(_facts(session, "unpin")) == 1, timeout=5000)
    page.topics.select(view.id)
    qtbot.keyClick(page.topics.table, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(_facts(session, "close")) == 1, timeout=5000)
    assert view.id not in [v.id for v in list_topics(session.ctx.store, crisis.id)]
    qtbot.waitUntil(lambda: any(v.id == view.id and v.closed
                                for v in page.topics.model.items), timeout=5000)


def test_a_refusal_stays_in_the_dialog(qtbot, session, crisis, picture_page):
    page = picture_page
    _select(page, "A12")  # one entry: it cannot be split
    qtbot.keyClick(page.topics.table, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.topics.dialog
    assert dialog.kind == "split"
    dialog.entries.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=5000)
    assert "één melding" in dialog.message.text()
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert _facts(session, "split") == []
    dialog.reject()


def test_the_context_menu_holds_every_act(picture_page):
    page = picture_page
    _select(page, "A12")
    menu = page.topics._menu(page.topics.table)
    shortcuts = {a.shortcut().toString() for a in menu.actions()}
    assert shortcuts == {"F2", "Ctrl+M", "Ctrl+Shift+S", "Ctrl+Shift+M", "Ctrl+P",
                         "Ctrl+Shift+A", "Ctrl+Shift+T"}
    # None of them is a key of the main window's menus (always active).
    window_keys = {a.shortcut().toString() for a in page.window().findChildren(type(menu.actions()[0]))
                   if a.parent() is page.window()}
    assert not shortcuts & window_keys
    QApplication.processEvents()


def test_f5_starts_the_briefing_from_the_page(qtbot, picture_page):
    """Ctrl+B was both "Back-up maken" (the window's menu) and "Start briefing": ambiguous,
    so neither fired. The briefing now starts with F5, as in presentation programs."""
    page = picture_page
    hits = []
    page.briefing_button.clicked.disconnect()
    page.briefing_button.clicked.connect(lambda: hits.append(1))
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow, timeout=5000)
    qtbot.keyClick(page.topics.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: hits == [1], timeout=2000)  # a button's shortcut animates a click
