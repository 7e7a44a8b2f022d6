"""The Logboek of a team laptop: an entry corrected on two laptops offline, synced through a
real (throwaway) PostgreSQL, is marked "gelijktijdige correcties" in the table; its detail
lists the versions in conflict and lets the aide settle it (choose one, or type a new text)
through the settle service; a viewer is refused in the dialog, audited. ``CONFLICT_SHOTS=folder``
keeps the screenshots (1280x720, Dutch and English)."""

import pytest
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget
from sqlalchemy import text

from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.foundation.profiles import add_profile
from crisisconsole.services.foundation.sign_in import sign_in
from crisisconsole.services.log.entries import add_entry, assess_entry, correct_entry
from crisisconsole.services.log.queries import get_entry
from crisisconsole.services.team.conflicts import entry_conflicts
from crisisconsole.services.team.enrolment import enrol
from crisisconsole.services.team.sync import sync_once
from crisisconsole.store.opening import create_database
from crisisconsole.store.secrets import MemorySecretStore
from crisisconsole.store.server.admin import add_device, init_server
from crisisconsole.ui.models.log_table_model import COL_TEXT
from crisisconsole.ui.page_context import CurrentCrisis, PageContext
from crisisconsole.ui.views.log_page import make_page

pytestmark = pytest.mark.slow
SECRET = "geheim van de aide"


@pytest.fixture
def conflicted(tmp_path, pg_dsn, clock):
    """Laptop b's context, the crisis, the entry corrected at once, a quiet one, and one
    re-graded at once."""
    init_server(pg_dsn)
    made = []
    for name in ("laptop-a", "laptop-b"):
        secrets = MemorySecretStore()
        store = create_database(tmp_path / f"{name}.db", secrets, clock=clock)
        add_profile(store, "aide", "aide", None, secret=SECRET)
        ctx = sign_in(store, "aide", SECRET).ctx
        device = add_device(pg_dsn, name, "aide")
        enrol(ctx, device["dsn"], device["code"], secrets)
        made.append((ctx, secrets))
    (a, a_secrets), (b, b_secrets) = made
    crisis = open_crisis(a, "Onrust Waalbergen", "Waalbergen", grip="1")
    entry = add_entry(a, crisis.id, "Rook boven de haven", "burger")
    quiet = add_entry(a, crisis.id, "Geen nieuws van de brandweer", "brandweer")
    graded = add_entry(a, crisis.id, "Brand in loods aan de Waalkade", "burger")
    for ctx, secrets in made:
        sync_once(ctx, secrets)
    assess_entry(a, graded.id, "confirmed", by="brandweer OvD")
    assess_entry(b, graded.id, "refuted", by="politie", grade="B2")
    correct_entry(a, entry.id, "Rook boven de Noordhaven", "plaats preciezer")
    correct_entry(b, entry.id, "Rook boven de Zuidhaven, windrichting west", "plaats preciezer")
    for ctx, secrets in (*made, made[0]):
        sync_once(ctx, secrets)
    yield b, crisis, entry, quiet, graded
    for ctx, _secrets in made:
        ctx.store.close()


@pytest.fixture(params=["nl", "en"])
def language(request, qapp):
    from crisisconsole.i18n import set_language

    translator = None
    if request.param != "nl":
        from crisisconsole.ui.translations import install_translator

        translator = install_translator(qapp, request.param)
    set_language(request.param)
    yield request.param
    set_language(None)
    if translator is not None:
        qapp.removeTranslator(translator)


def _page(qtbot, ctx, crisis):
    from PySide6.QtWidgets import QApplication

    from crisisconsole.ui.app import apply_theme
    from crisisconsole.ui.session import Session

    apply_theme(QApplication.instance())
    session = Session(ctx)
    window = _Window(session, crisis.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    page = window.pages["log"]
    qtbot.waitUntil(lambda: page.crisis_id == crisis.id)
    return window, page, session


class _Window(QWidget):
    """The Logboek page and what it is given (PageContext), without the main window."""

    def __init__(self, session, crisis_id):
        super().__init__()
        self.crisis = CurrentCrisis(self)
        self.crisis.choose(crisis_id, announce=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.errors = []
        context = PageContext(session, self.crisis, self.errors.append, lambda _t, _ms: None)
        self.pages = {"log": make_page(context)}
        layout.addWidget(self.pages["log"])


def _answer(monkeypatch, fill):
    def exec_(dialog):
        fill(dialog)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", exec_)


def test_the_row_is_marked_and_the_detail_settles_it(qtbot, conflicted, language, monkeypatch,
                                                     kept_shots):
    b, crisis, entry, quiet, _graded = conflicted
    shots = kept_shots("CONFLICT_SHOTS")
    window, page, session = _page(qtbot, b, crisis)
    try:
        mark = {"nl": "gelijktijdige correcties", "en": "concurrent corrections"}[language]
        row = page.model.row_of(entry.id)
        shown = page.model.index(row, COL_TEXT).data()
        assert shown.startswith("[" + mark)
        assert mark not in page.model.index(page.model.row_of(quiet.id), COL_TEXT).data()
        page.table.selectRow(row)
        assert page.detail.entry_id == entry.id
        assert page.detail.settle_button.isVisible() and page.detail.settle_button.isEnabled()
        html = page.detail.browser.toPlainText()
        assert "Noordhaven" in html and "Zuidhaven" in html
        window.grab().save(str(shots / f"log_conflict_{language}.png"))
        page.table.selectRow(page.model.row_of(quiet.id))
        assert not page.detail.settle_button.isVisible()
        page.table.selectRow(page.model.row_of(entry.id))

        def choose_north(dialog):
            assert len(dialog.version_buttons) == 2
            dialog.version_buttons[
                next(i for i, v in enumerate(dialog.versions) if "Noord" in v["text"])].click()
            window.grab().save(str(shots / f"log_conflict_dialog_{language}.png"))
            dialog.grab().save(str(shots / f"log_settle_dialog_{language}.png"))

        _answer(monkeypatch, choose_north)
        page.detail.settle_button.click()
        qtbot.waitUntil(lambda: entry_conflicts(b.store, [entry.id]) == {}, timeout=10_000)
        assert get_entry(b.store, entry.id).text == "Rook boven de Noordhaven"
        qtbot.waitUntil(lambda: mark not in page.model.index(
            page.model.row_of(entry.id), COL_TEXT).data(), timeout=10_000)
        assert not page.detail.settle_button.isVisible()
    finally:
        session.worker.wait()
        session._poll.stop()


def test_a_typed_text_settles_it_and_a_viewer_is_refused(qtbot, conflicted, monkeypatch):
    b, crisis, entry, _quiet, _graded = conflicted
    add_profile(b.store, "lezer", "viewer", b.actor, secret="geheim van de lezer")
    reader = sign_in(b.store, "lezer", "geheim van de lezer").ctx
    window, page, session = _page(qtbot, reader, crisis)
    seen = []
    try:
        page.table.selectRow(page.model.row_of(entry.id))

        def type_text(dialog):
            dialog.new_button.click()
            dialog.text_edit.setPlainText("Rook boven de hele haven")
            dialog.accept()
            qtbot.waitUntil(lambda: not dialog._busy, timeout=10_000)
            seen.append(dialog.note_text())
            return QDialog.DialogCode.Rejected

        monkeypatch.setattr(QDialog, "exec", type_text)
        page.detail.settle_button.click()
        assert "log.settle" in seen[0]
        assert set(entry_conflicts(b.store, [entry.id])) == {entry.id}
        with b.store.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM audit WHERE action = 'log.settle' "
                                     "AND result = 'refused'")).scalar() == 1
    finally:
        session.worker.wait()
        session._poll.stop()
    window2, page2, session2 = _page(qtbot, b, crisis)
    try:
        page2.table.selectRow(page2.model.row_of(entry.id))

        def typed(dialog):
            dialog.new_button.click()
            dialog.text_edit.setPlainText("Rook boven de hele haven")

        _answer(monkeypatch, typed)
        page2.detail.settle_button.click()
        qtbot.waitUntil(lambda: entry_conflicts(b.store, [entry.id]) == {}, timeout=10_000)
        assert get_entry(b.store, entry.id).text == "Rook boven de hele haven"
    finally:
        session2.worker.wait()
        session2._poll.stop()


def test_concurrent_regrades_are_marked_and_one_is_kept(qtbot, conflicted, language,
                                                        monkeypatch, kept_shots):
    b, crisis, _entry, _quiet, graded = conflicted
    shots = kept_shots("CONFLICT_SHOTS")
    window, page, session = _page(qtbot, b, crisis)
    try:
        mark = {"nl": "gelijktijdige herbeoordelingen", "en": "concurrent re-grades"}[language]
        row = page.model.row_of(graded.id)
        assert page.model.index(row, COL_TEXT).data().startswith("[" + mark)
        page.table.selectRow(row)
        assert page.detail.settle_button.isVisible()
        assert "politie" in page.detail.browser.toPlainText()
        window.grab().save(str(shots / f"log_regrades_{language}.png"))

        def keep_refuted(dialog):
            assert not dialog.text_edit.isVisibleTo(dialog) and len(dialog.version_buttons) == 2
            dialog.version_buttons[next(i for i, g in enumerate(dialog.grades)
                                        if g["reliability"] == "refuted")].click()
            dialog.grab().save(str(shots / f"log_settle_regrades_{language}.png"))

        _answer(monkeypatch, keep_refuted)
        page.detail.settle_button.click()
        qtbot.waitUntil(lambda: entry_conflicts(b.store, [graded.id]) == {}, timeout=10_000)
        assert get_entry(b.store, graded.id).reliability == "refuted"
        assert get_entry(b.store, graded.id).grade == "B2"
    finally:
        session.worker.wait()
        session._poll.stop()


def test_the_outcome_dialog_marks_a_meeting_with_concurrent_outcomes(qtbot, clock):
    """Recording the outcome again settles concurrent outcomes: the dialog says which."""
    from crisisconsole.services.measures.council import CONCURRENT_OUTCOMES, MeetingView
    from crisisconsole.ui.dialogs.measure_dialogs import OutcomeDialog

    start = clock.now()
    meetings = [MeetingView("m1", start, 29, "Raadsvergadering", "manual",
                            conflict=CONCURRENT_OUTCOMES),
                MeetingView("m2", start, 29, "Raadsvergadering", "manual")]
    dialog = OutcomeDialog(meetings, {"m1": [], "m2": []})
    qtbot.addWidget(dialog)
    labels = [dialog.meeting_box.itemText(i) for i in range(dialog.meeting_box.count())]
    assert "gelijktijdige uitkomsten" in labels[0]
    assert "gelijktijdige uitkomsten" not in labels[1]
