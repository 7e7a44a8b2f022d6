"""Typing never waits (issue 19): keys typed into the Logboek's quick-entry bar while the
Bronnen/Import page takes in a folder of CAP files through the app's worker all arrive, in
order, and the line is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from crisisconsole.bench.intake import generate
from crisisconsole.services.log.queries import count_entries, list_entries
from crisisconsole.ui.page_context import CurrentCrisis, PageContext
from crisisconsole.ui.views.intake_page import make_page as intake_page
from crisisconsole.ui.views.log_page import make_page as log_page

FILES = 250
TYPED = "Groep van 40 supporters bij De Kade, ME onderweg (bron: politie)"  # QTest: ASCII only


class _Window(QWidget):
    """The two pages side by side, as the window gives them their context."""

    def __init__(self, session, crisis_id):
        super().__init__()
        self.errors = []
        self.crisis = CurrentCrisis(self)
        self.crisis.choose(crisis_id, announce=False)
        context = PageContext(session, self.crisis, self.errors.append, lambda _t, _ms: None)
        self.log = log_page(context)
        self.intake = intake_page(context)
        layout = QHBoxLayout(self)
        layout.addWidget(self.log, 3)
        layout.addWidget(self.intake, 1)


def test_keys_typed_during_an_in_app_import_all_arrive_in_order_and_the_line_is_saved(
        qtbot, session, crisis, clock, tmp_path):
    folder = tmp_path / "caps"
    generate(folder, FILES, 1, clock.now())
    window = _Window(session, crisis.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.log.crisis_id == crisis.id)
    edit = window.log.quick.text_edit
    edit.setFocus()

    window.intake.import_cap([folder])
    assert window.intake.busy
    qtbot.waitUntil(lambda: count_entries(session.store, crisis.id) > 0, timeout=60_000)
    for i, char in enumerate(TYPED):
        QTest.keyClicks(edit, char)
        QApplication.processEvents()
        assert edit.text() == TYPED[:i + 1]
    assert window.intake.busy, "the import ended before the typing: nothing was measured"
    QTest.keyClick(edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not window.intake.busy, timeout=180_000)
    qtbot.waitUntil(lambda: not window.log.quick.busy, timeout=30_000)
    assert window.errors == []
    assert edit.text() == ""
    typed = [e for e in list_entries(session.store, crisis.id, limit=10_000)
             if e.origin_kind != "cap"]
    assert [e.text for e in typed] == [TYPED]
    report = window.intake.report_model
    assert report.rowCount() == FILES
    assert count_entries(session.store, crisis.id) > FILES
