"""The Totaalbeeld is built off the GUI thread (issue 19): the page says it is busy (never a
blank page) until the picture arrives, a newer request supersedes an older one, and keys
typed into the Logboek while the picture is built arrive at once and in order."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from crisisconsole.bench.log import bulk_build
from crisisconsole.services.log.queries import list_entries
from crisisconsole.services.picture import notes as picture_notes
from crisisconsole.ui.page_context import CurrentCrisis, PageContext
from crisisconsole.ui.views.log_page import make_page as log_page
from crisisconsole.ui.views.picture_page import make_page as picture_page

ENTRIES = 4000  # a topic book that takes a while to build
TYPED = "Nieuwe melding tijdens het opbouwen van het beeld (bron: politie)"  # QTest: ASCII


class _Window(QWidget):
    def __init__(self, session, crisis_id):
        super().__init__()
        self.errors = []
        self.crisis = CurrentCrisis(self)
        self.crisis.choose(crisis_id, announce=False)
        context = PageContext(session, self.crisis, self.errors.append, lambda _t, _ms: None)
        self.log = log_page(context)
        self.picture = picture_page(context)
        layout = QHBoxLayout(self)
        layout.addWidget(self.log, 1)
        layout.addWidget(self.picture, 1)


def _window(qtbot, session, crisis):
    window = _Window(session, crisis.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    return window


def test_the_page_says_it_is_busy_then_shows_the_picture(qtbot, session, crisis, shots):
    picture_notes.add_note(session.ctx, crisis.id, "forecast", "Onrust houdt aan tot middernacht")
    window = _window(qtbot, session, crisis)
    page = window.picture
    assert page.busy  # the constructor asked for the first build; it is on the read lane
    assert "Bezig" in page.status.text() and "Bezig" in page.view.toPlainText()
    window.grab().save(str(shots / "picture_busy.png"))
    qtbot.waitUntil(lambda: not page.busy, timeout=20_000)
    text = page.view.toPlainText()
    assert "Bezig" not in text and "Samenvatting" in text and "middernacht" in text
    assert page.status.text().startswith("Live beeld van")
    assert window.errors == []

    page.refresh()  # a rebuild keeps the picture it had on screen while it is busy
    assert page.busy and "middernacht" in page.view.toPlainText()
    assert "Bezig" in page.status.text()
    qtbot.waitUntil(lambda: not page.busy, timeout=20_000)
    window.grab().save(str(shots / "picture_built.png"))
    session.worker.wait()


def test_a_newer_request_supersedes_an_older_one(qtbot, session, crisis):
    window = _window(qtbot, session, crisis)
    page = window.picture
    qtbot.waitUntil(lambda: not page.busy, timeout=20_000)
    shown = page.builds_shown
    gate = threading.Event()  # holds the read lane, so three requests wait behind it
    session.worker.submit(lambda: gate.wait(20), lambda _r: None, lambda _e: None, read=True)
    page.refresh()
    page.refresh()
    picture_notes.add_note(session.ctx, crisis.id, "forecast", "Laatste stand na de derde vraag")
    page.refresh()
    gate.set()
    qtbot.waitUntil(lambda: not page.busy, timeout=20_000)
    session.worker.wait()
    QApplication.processEvents()  # whatever else was on its way has arrived
    assert page.builds_shown == shown + 1  # only the newest was built and shown
    assert "Laatste stand na de derde vraag" in page.view.toPlainText()


def test_keys_typed_while_the_picture_is_built_arrive_in_order(qtbot, session, crisis):
    bulk_build(session.store, session.ctx, crisis.id, ENTRIES)
    window = _window(qtbot, session, crisis)
    qtbot.waitUntil(lambda: window.log.crisis_id == crisis.id)
    qtbot.waitUntil(lambda: not window.picture.busy, timeout=60_000)
    edit = window.log.quick.text_edit
    edit.setFocus()

    from crisisconsole.services.picture.topic_books import books_of

    books_of(session.store).forget(crisis.id)  # the next build reads the whole book again
    window.picture.refresh()
    for i, char in enumerate(TYPED):
        QTest.keyClicks(edit, char)
        QApplication.processEvents()
        assert edit.text() == TYPED[:i + 1]
    assert window.picture.busy, "the build ended before the typing: nothing was measured"
    QTest.keyClick(edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not window.picture.busy, timeout=60_000)
    qtbot.waitUntil(lambda: not window.log.quick.busy, timeout=30_000)
    assert any(e.text == TYPED for e in list_entries(session.store, crisis.id, limit=5))
    assert window.errors == []
    session.worker.wait()
