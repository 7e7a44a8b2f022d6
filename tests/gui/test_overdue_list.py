"""The "Te laat" list: grouped per crisis (it says which), a jump to each item, a close button,
nothing cut off."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from crisisconsole.domain.partner_rules import PartnerFields
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.measures.lifecycle import issue_measure
from crisisconsole.services.network import partners
from crisisconsole.services.network.requests import add_request
from crisisconsole.ui.main_window import MainWindow


@pytest.fixture
def two_crises(ctx, crisis, clock):
    other = open_crisis(ctx, "Hoogwater Waal", "Waalbergen", grip="2")
    for name in ("NS", "Rijkswaterstaat"):
        partners.add_partner(ctx, PartnerFields(name), municipality="Waalbergen")
    mine = add_request(ctx, crisis.id, "Hoeveel supporters staan er nog bij het station en "
                       "rijden de extra treinen naar Nijmegen en Arnhem al, of is dat nog "
                       "onzeker volgens NS?", clock.now() + timedelta(minutes=20), to="NS")
    theirs = add_request(ctx, other.id, "Peil bij Tiel?", clock.now() + timedelta(minutes=30),
                         to="Rijkswaterstaat")
    measure = issue_measure(ctx, other.id, "noodverordening", "Noodverordening kade")
    clock.advance(hours=30)  # every deadline past
    return crisis, other, mine, theirs, measure


@pytest.fixture
def window(qtbot, session, two_crises):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.attach(session)
    qtbot.waitUntil(lambda: win.crisis_id == two_crises[0].id)
    yield win
    win.reminders.stop()


def _groups(dialog):
    tree = dialog.tree
    return {tree.topLevelItem(i).text(0): [tree.topLevelItem(i).child(j).text(2)
                                           for j in range(tree.topLevelItem(i).childCount())]
            for i in range(tree.topLevelItemCount())}


def test_the_list_is_per_crisis_with_the_current_one_first(qtbot, window, two_crises, shots):
    crisis, other, *_ = two_crises
    qtbot.waitUntil(lambda: window.reminders.overdue >= 3, timeout=5000)
    tip = window.top_bar.overdue_button.toolTip()  # the count says which crises it spans
    assert "1 in Onrust na bekerduel" in tip and " in Hoogwater Waal" in tip
    dialog = window.show_overdue()
    groups = _groups(dialog)
    names = list(groups)
    assert names[0] == "Onrust na bekerduel (1)"
    assert names[1].startswith("Hoogwater Waal (")
    assert any("Rijkswaterstaat" in text for text in groups[names[1]])
    assert any("Noodverordening kade" in text for text in groups[names[1]])
    total = sum(len(v) for v in groups.values())
    assert dialog.summary.text() == f"{total} te laat in 2 crisis(sen)"
    child = dialog.tree.topLevelItem(0).child(0)
    assert child.text(1) == "1 d 5 u"  # how late (29 h 40 min)
    # Not cut off: the dialog fits a laptop screen, and the long question wraps (all of it
    # is in the row, and in its tooltip).
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    assert dialog.tree.horizontalScrollBar().maximum() == 0
    rect = dialog.tree.visualItemRect(child)
    assert rect.height() > dialog.tree.visualItemRect(dialog.tree.topLevelItem(0)).height()
    assert "onzeker volgens NS?" in child.toolTip(2)
    assert child.text(2).replace("\n", " ").endswith("onzeker volgens NS?")
    qtbot.waitUntil(lambda: all(  # every line and every time whole, on this screen
        dialog.tree.header().sectionSize(c) >= dialog.tree.fontMetrics().horizontalAdvance(
            max(child.text(c).splitlines(), key=len)) for c in range(3)), timeout=3000)
    dialog.grab().save(str(shots / "overdue_list.png"))
    close = dialog.buttons.button(dialog.buttons.StandardButton.Close)
    assert close.text() == "Sluiten"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_jump_opens_the_item_in_its_own_crisis(qtbot, window, two_crises):
    crisis, other, mine, theirs, measure = two_crises
    dialog = window.show_overdue()
    group = dialog.tree.topLevelItem(1)
    item = next(group.child(j) for j in range(group.childCount())
                if "Rijkswaterstaat" in group.child(j).text(2))
    dialog.tree.setCurrentItem(item)
    qtbot.mouseClick(dialog.jump_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.crisis_id == other.id
    page = window.pages["requests"]
    assert window.stack.currentWidget().layout().itemAt(0).widget() is page
    qtbot.waitUntil(lambda: page.selected_id() == theirs["id"], timeout=5000)

    dialog = window.show_overdue()
    assert dialog.tree.topLevelItem(0).text(0).startswith("Hoogwater Waal")  # now current
    group = dialog.tree.topLevelItem(0)
    item = next(group.child(j) for j in range(group.childCount())
                if "Noodverordening kade" in group.child(j).text(2))
    dialog.tree.setCurrentItem(item)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    page = window.pages["measures"]
    assert page.selected_id == measure.id
    assert window.crisis_id == other.id
