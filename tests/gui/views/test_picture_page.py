"""The picture page, the briefing mode and the decisions page on the demo scenario; models
pass Qt's model tester. Screenshots are saved for people to look at (PICTURE_SHOTS=folder)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from crisisconsole.services.picture import actions as picture_actions
from crisisconsole.services.picture import decisions as records
from crisisconsole.services.picture import notes as picture_notes
from crisisconsole.services.picture import snapshots as picture_service
from crisisconsole.ui.main_window import MainWindow
from crisisconsole.ui.models.decisions_model import ActionsModel, DecisionsModel


def test_decision_models_pass_qt_model_tester(qtmodeltester, ctx, crisis, clock):
    records.add_decision(ctx, crisis.id, "Noodverordening", "Plunderingen")
    picture_actions.add_action(ctx, crisis.id, "Raad informeren", "aide", due=clock.now())
    picture_actions.add_action(ctx, crisis.id, "Opvang", "bz")
    clock.advance(minutes=5)
    decisions, actions = DecisionsModel(), ActionsModel()
    decisions.set_items(records.list_decisions(ctx.store, crisis.id))
    actions.set_items(picture_actions.list_actions(ctx.store, crisis.id))
    qtmodeltester.check(decisions)
    qtmodeltester.check(actions)
    assert decisions.index(0, 1).data() == "Noodverordening"
    assert actions.index(0, 3).data() == "TE LAAT (open)"
    assert actions.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert actions.index(1, 2).data() == "–"


@pytest.fixture
def shots_dir(shots):
    folder = os.environ.get("PICTURE_SHOTS")
    return Path(folder) if folder else shots


@pytest.fixture
def demo_window(qtbot, qapp, tmp_path):
    from crisisconsole.demo.build import build_demo_database
    from crisisconsole.services.foundation.unlock import unlock
    from crisisconsole.ui.app import apply_theme
    from crisisconsole.ui.session import Session

    apply_theme(qapp)
    info = build_demo_database(tmp_path / "demo.db", passphrase="demo demo demo")
    session = Session(unlock(info.path, key=info.key).sign_in("aide", info.profile_secret).ctx)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.attach(session)
    window.crisis.choose(info.crisis_id)
    yield window, session
    window.reminders.stop()
    session.worker.wait()


def test_picture_page_briefing_and_reopen(qtbot, demo_window, shots_dir):
    window, session = demo_window
    window.resize(1400, 900)
    window.show_page("picture")
    page = window.pages["picture"]
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)  # built off the GUI thread
    text = page.view.toPlainText()
    for heading in ("Samenvatting", "Beeld per discipline", "Open tegenstrijdigheden",
                    "Oordeel", "Besluiten", "Acties", "Bevoegdheden in gebruik",
                    "Personen van belang", "Contacten"):
        assert heading in text
    assert "TE LAAT" in text and "R.V. (" in text
    assert "Tegenstrijdig" in text  # the log demo part has open contradictions
    assert "Ruud Verhoef" not in text
    assert page.snapshots.count() == 2  # live + the demo's briefing snapshot
    window.grab().save(str(shots_dir / "picture_page.png"))

    # an item opens its log entries
    html = page.view.toHtml()
    assert 'href="entry:' in html  # the demo's log part gives every item its entries
    anchor = html[html.index('href="entry:') + 6:]
    anchor = anchor[:anchor.index('"')]
    from PySide6.QtCore import QUrl

    page._open_link(QUrl(anchor))
    from crisisconsole.ui.dialogs.picture_entries_dialog import PictureEntriesDialog

    dialog = page.findChild(PictureEntriesDialog)
    assert dialog is not None and "Bron" in dialog.view.toPlainText()
    dialog.close()

    # a topic opens its entries (the evidence); "+ N more topics" the full list
    assert 'href="topic:' in html and "meer onderwerpen" in text
    assert "#0" not in text and "#1" not in text  # no hash ids for a reader
    topic = html[html.index('href="topic:') + 6:]
    page._open_link(QUrl(topic[:topic.index('"')]))
    opened = [d for d in page.findChildren(PictureEntriesDialog) if d.isVisible()]
    assert opened and "Bron" in opened[-1].view.toPlainText()
    opened[-1].close()
    more = html[html.index('href="more:') + 6:]
    page._open_link(QUrl(more[:more.index('"')]))
    assert page.topics_dialog.isVisible()
    page.topics_dialog.close()
    window.resize(1280, 720)
    window.grab().save(str(shots_dir / "picture_page_1280.png"))
    window.resize(1400, 900)

    # start briefing: stores a snapshot (version 2) of what is shown, opens full screen
    before = len(picture_service.list_snapshots(session.ctx.store, window.crisis_id))
    page.start_briefing()
    qtbot.waitUntil(lambda: page.briefing is not None, timeout=5000)
    briefing = page.briefing
    infos = picture_service.list_snapshots(session.ctx.store, window.crisis_id)
    assert len(infos) == before + 1 and infos[0].purpose == "briefing"
    assert "versie 2" in briefing.corner.text()
    assert briefing.section.text() == "1. Sinds de vorige briefing"
    qtbot.keyClick(briefing, Qt.Key.Key_Right)
    assert briefing.section.text() == "2. Samenvatting"
    for _ in range(5):
        qtbot.keyClick(briefing, Qt.Key.Key_Right)
    assert briefing.section.text() == "7. Beeld per discipline"
    briefing.resize(1600, 900)
    briefing.grab().save(str(shots_dir / "briefing_picture.png"))
    qtbot.keyClick(briefing, Qt.Key.Key_PageDown)
    assert briefing.section.text() == "7. Beeld per discipline" and briefing.page == 1
    qtbot.keyClick(briefing, Qt.Key.Key_PageUp)
    qtbot.keyClick(briefing, Qt.Key.Key_Left)
    assert briefing.section.text() == "6. Bevoegdheden in gebruik"
    for _ in range(3):
        qtbot.keyClick(briefing, Qt.Key.Key_Right)
    assert briefing.section.text() == "9. Personen van belang"
    assert "R.V. (leider supportersgroep)" in briefing.body.toPlainText()
    assert briefing.reveal_button.isVisible()
    briefing.grab().save(str(shots_dir / "briefing_persons.png"))
    briefing.reveal("briefing burgemeester")  # audited by the cards service
    assert "Ruud Verhoef" in briefing.body.toPlainText()
    stored = picture_service.get_snapshot(session.ctx.store, infos[0].id)
    assert "Ruud Verhoef" not in stored.content  # never in the snapshot
    qtbot.keyClick(briefing, Qt.Key.Key_Escape)
    assert not briefing.isVisible()

    # reopen the snapshot later exactly as it was, after the log moved on
    picture_notes.add_note(session.ctx, window.crisis_id, "forecast", "Nieuwe notitie na briefing")
    page.show_live()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert "Nieuwe notitie na briefing" in page.view.toPlainText()
    page.open_snapshot(infos[0].id)
    assert "Nieuwe notitie na briefing" not in page.view.toPlainText()
    assert "hash klopt" in page.status.text()


def test_decisions_page(qtbot, demo_window, shots_dir):
    window, session = demo_window
    window.resize(1400, 900)
    window.show_page("decisions")
    page = window.pages["decisions"]
    assert page.decisions.rowCount() == 2
    assert page.actions.index(0, 3).data().startswith("TE LAAT")
    assert "1 te laat" in page.summary.text()
    window.grab().save(str(shots_dir / "decisions_page.png"))
    page.action_table.selectRow(0)
    page.set_status("done")
    qtbot.waitUntil(lambda: "0 te laat" in page.summary.text(), timeout=5000)
    actions = picture_actions.list_actions(session.ctx.store, window.crisis_id,
                                   session.ctx.now() + timedelta(seconds=1))
    assert not any(a.overdue for a in actions)
