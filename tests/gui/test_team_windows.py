"""Issue 17 in the app: two windows on two laptop databases, synced through a real (throwaway)
PostgreSQL server by their own sync controllers, show the same log, the same topics and the
same picture; an entry typed on one appears in the other's Logboek through the change feed; the
top bar says offline (since when, how many records wait) while the server is stopped and
catches up by itself once it is back. ``TEAM_SHOTS=folder`` keeps the screenshots."""

import re
import threading

import pytest
from PySide6.QtWidgets import QApplication

from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.foundation.profiles import add_profile
from crisisconsole.services.foundation.sign_in import sign_in
from crisisconsole.services.log.entries import add_entry, correct_entry
from crisisconsole.services.team.enrolment import enrol
from crisisconsole.store.opening import create_database
from crisisconsole.store.secrets import MemorySecretStore
from crisisconsole.store.server.admin import add_device, init_server
from crisisconsole.ui.main_window import MainWindow
from crisisconsole.ui.models.log_table_model import EntryRole
from crisisconsole.ui.session import Session

pytestmark = pytest.mark.slow
SECRET = "geheim van de aide"
WAIT_MS = 60_000


@pytest.fixture
def team_shots(kept_shots):
    return kept_shots("TEAM_SHOTS")


@pytest.fixture
def laptops(tmp_path, pg_dsn):
    """Two enrolled laptop databases (real SQLCipher files, real clocks); closed afterwards."""
    init_server(pg_dsn)
    made = []
    for name in ("laptop-a", "laptop-b"):
        store = create_database(tmp_path / f"{name}.db", MemorySecretStore())
        add_profile(store, "aide", "aide", None, secret=SECRET)
        ctx = sign_in(store, "aide", SECRET).ctx
        device = add_device(pg_dsn, name, "aide")
        enrol(ctx, device["dsn"], device["code"], None)  # wrapped in the database
        made.append(ctx)
    yield made
    for ctx in made:
        ctx.store.close()


def _window(qtbot, ctx):
    from crisisconsole.ui.app import apply_theme

    apply_theme(QApplication.instance())
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    session = Session(ctx)
    window.attach(session)
    return window, session


def _close(window, session):
    window.sync.stop()
    window.reminders.stop()
    session.worker.wait()
    session._poll.stop()


def _log_texts(window):
    model = window.page("log").model
    return sorted(model.index(row, 0).data(EntryRole).text for row in range(model.rowCount()))


def _topics(window):
    return sorted((v.title, v.statement, v.reports)
                  for v in window.page("picture").topics.model.items)


def _picture_text(window):
    """The picture as shown, without its moments (each window built it at its own second)."""
    text = window.page("picture").view.toPlainText()
    return re.sub(r"\d{1,2}[-:]\d{2}([-:]\d{2,4})?( \d{1,2}:\d{2})?", "#", text)


@pytest.fixture(params=["nl", "en"])
def language(request, qapp):
    translator = None
    if request.param != "nl":
        from crisisconsole.ui.translations import install_translator

        translator = install_translator(qapp, request.param)
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)


def test_two_windows_show_the_same_log_topics_and_picture(qtbot, qapp, laptops, pg_cluster,
                                                         team_shots, language):
    a, b = laptops
    crisis = open_crisis(a, "Onrust Waalbergen", "Waalbergen", grip="2")
    add_entry(a, crisis.id, "Brand in pand aan de Markt, rookontwikkeling", "brandweer")
    add_entry(a, crisis.id, "Markt: ontruiming van omliggende woningen", "politie")
    pulled_on = []  # the thread each pulled change was written on (never the GUI thread)
    b.feed.subscribe(lambda changes: pulled_on.append(threading.current_thread().name)
                     if "team.pull" in changes.actions else None)
    win_a, ses_a = _window(qtbot, a)
    win_b, ses_b = _window(qtbot, b)
    try:
        # b had nothing: the crisis and a's entries arrive by sync and reach b's pages.
        qtbot.waitUntil(lambda: win_b.crisis_id == crisis.id, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: len(_log_texts(win_b)) == 2, timeout=WAIT_MS)
        assert win_b.top_bar.sync_label.isVisible()
        assert pulled_on and set(pulled_on) == {"crisisconsole-sync"}
        assert win_b.top_bar.conflicts_button.text() == {"nl": "Conflicten: 0",
                                                          "en": "Conflicts: 0"}[language]
        qtbot.waitUntil(lambda: win_b.top_bar.state_label.text() == {
            "nl": "Team · gedeeld",
            "en": "Team · shared"}[language], timeout=WAIT_MS)

        # Typed on b while both windows are open: a's Logboek refreshes by itself.
        add_entry(b, crisis.id, "Markt: brand meester, nablussen", "brandweer")
        qtbot.waitUntil(lambda: len(_log_texts(win_a)) == 3, timeout=WAIT_MS)
        assert _log_texts(win_a) == _log_texts(win_b)
        qtbot.waitUntil(lambda: win_a.sync.state.pending == 0
                        and win_b.sync.state.pending == 0, timeout=WAIT_MS)

        for window in (win_a, win_b):
            window.show_page("picture")
        pages = [w.page("picture") for w in (win_a, win_b)]
        for page in pages:
            page.refresh()
        qtbot.waitUntil(lambda: not any(p.busy for p in pages) and all(
            p.picture is not None for p in pages), timeout=WAIT_MS)
        assert _topics(win_a) == _topics(win_b) and _topics(win_a)
        assert _picture_text(win_a) == _picture_text(win_b)
        assert "nablussen" in _picture_text(win_a) or "nablussen" in str(_topics(win_a))
        for name, window in (("a", win_a), ("b", win_b)):
            window.grab().save(str(team_shots / f"team_picture_{name}_{language}.png"))
            window.show_page("log")
            qapp.processEvents()
            window.grab().save(str(team_shots / f"team_log_{name}_{language}.png"))
    finally:
        _close(win_a, ses_a)
        _close(win_b, ses_b)


def test_offline_then_catching_up_by_itself(qtbot, qapp, laptops, pg_cluster, team_shots):
    a, b = laptops
    crisis = open_crisis(a, "Hoogwater", "Waalbergen")
    seepage = add_entry(a, crisis.id, "Kwel achter de Waalbandijk", "waterschap")
    win_a, ses_a = _window(qtbot, a)
    win_b, ses_b = _window(qtbot, b)
    try:
        qtbot.waitUntil(lambda: len(_log_texts(win_b)) == 1, timeout=WAIT_MS)
        assert win_a.sync.state.online
        assert win_a.top_bar.sync_text.startswith("gesynchroniseerd ")
        assert win_a.top_bar.conflicts_button.text() == "Conflicten: 0"
        # Where the data lives: shared through the server, not "Lokaal · geen back-up".
        assert win_a.top_bar.state_label.text() == "Team · gedeeld"
        pg_cluster.stop()
        try:
            # Both correct the same entry while the server is gone: a conflict once synced.
            correct_entry(a, seepage.id, "Kwel achter de Waalbandijk bij km 12", "plaats")
            correct_entry(b, seepage.id, "Kwel achter de Waalbandijk bij km 14", "plaats")
            # Written on a while the server is gone: the window works on and says so.
            for number in range(3):
                add_entry(a, crisis.id, f"Dijk bij de Waal: melding {number}", "burger")
            qtbot.waitUntil(lambda: win_a.sync.state is not None and not win_a.sync.state.online
                            and win_a.sync.state.pending >= 3, timeout=WAIT_MS)
            text = win_a.top_bar.sync_text
            assert re.fullmatch(r"offline sinds \d\d:\d\d, \d+ records wachten", text), text
            assert int(text.split(", ")[1].split()[0]) == win_a.sync.state.pending
            assert win_a.top_bar.minimumSizeHint().width() <= 1280  # it fits a 1280 screen
            assert win_a.width() <= 1280  # and does not widen the window past it
            win_a.show_page("log")
            qapp.processEvents()
            win_a.grab().save(str(team_shots / "team_offline_a.png"))
        finally:
            pg_cluster.start()
        # Back: both catch up without anyone asking, and both count the conflict.
        qtbot.waitUntil(lambda: len(_log_texts(win_b)) == 4, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: win_a.sync.state.online and win_a.sync.state.pending == 0,
                        timeout=WAIT_MS)
        assert win_a.top_bar.sync_text.startswith("gesynchroniseerd ")
        for window in (win_a, win_b):
            qtbot.waitUntil(lambda w=window: w.top_bar.conflicts_button.text()
                            == "Conflicten: 1", timeout=WAIT_MS)
            assert window.top_bar.conflicts_button.property("alert") is True
        assert len(_log_texts(win_a)) == len(_log_texts(win_b)) == 4
        win_b.grab().save(str(team_shots / "team_conflict_b.png"))
    finally:
        _close(win_a, ses_a)
        _close(win_b, ses_b)


def test_a_database_that_is_not_enrolled_does_not_sync(qtbot, session, crisis):
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(session)
    qtbot.waitUntil(lambda: window.sync.enrolled is False, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=WAIT_MS)
    assert not window.top_bar.sync_label.isVisibleTo(window)
    assert not window.top_bar.conflicts_button.isVisibleTo(window)
    assert window.top_bar.state_label.text().startswith("Lokaal · ")
    window.reminders.stop()


def test_the_bar_in_english(qtbot, qapp, team_shots):
    from crisisconsole.ui.sync_controller import SyncState
    from crisisconsole.ui.translations import install_translator
    from crisisconsole.ui.widgets.top_bar import TopBar

    translator = install_translator(qapp, "en")
    try:
        bar = TopBar()
        qtbot.addWidget(bar)
        bar.set_sync(SyncState(False, None, "2026-12-03T10:05:00Z", 4, 1))
        bar.set_conflicts(1)
        assert re.fullmatch(r"offline since \d\d:05, 4 records waiting", bar.sync_text)
        assert bar.conflicts_button.text() == "Conflicts: 1"
        assert bar.conflicts_button.property("alert") is True
        bar.set_profile("aide (Direct aide)")
        assert bar.minimumSizeHint().width() <= 1280
        bar.set_sync(SyncState(False, None, None, 4, 1))  # before the first round
        assert bar.sync_text == "not synchronised yet"
        assert bar.minimumSizeHint().width() <= 1280
        bar.set_sync(SyncState(False, None, "2026-12-03T10:05:00Z", 4, 1))
        from crisisconsole.ui.app import apply_theme

        apply_theme(qapp)
        bar.resize(1280, bar.sizeHint().height())
        bar.grab().save(str(team_shots / "team_bar_offline_en.png"))
    finally:
        qapp.removeTranslator(translator)


def test_a_profile_that_may_not_sync_does_not(qtbot, laptops):
    """A meelezer (viewer) on an enrolled laptop: no rounds (the server would refuse them)."""
    a, _b = laptops
    viewer = add_profile(a.store, "meelezer", "viewer", a.actor)
    from crisisconsole.services.foundation.context import ServiceContext

    window = MainWindow()
    qtbot.addWidget(window)
    session = Session(ServiceContext(a.store, viewer.as_actor()))
    window.attach(session)
    qtbot.waitUntil(lambda: window.sync.enrolled is False, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=WAIT_MS)
    assert window.sync.rounds == 0
    _close(window, session)
