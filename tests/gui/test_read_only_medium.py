"""The app on a database from a read-only medium: it opens and shows everything, says it is
read-only, and a write keeps the typed text with a clear refusal."""

import pytest

from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.profiles import find_profile
from crisisconsole.services.log.entries import add_entry
from crisisconsole.store.opening import open_database
from crisisconsole.ui.main_window import MainWindow


@pytest.fixture
def read_only_session(qapp, store, ctx, crisis, secret_store, read_only_medium):
    from crisisconsole.ui.app import apply_theme
    from crisisconsole.ui.session import Session

    add_entry(ctx, crisis.id, "Brand in loods aan de Haven", "burger")
    copy = store.backup(store.path.with_name("kopie.db"))
    opened = open_database(read_only_medium(copy) / "kopie.db", secret_store)
    apply_theme(qapp)
    session = Session(ServiceContext(opened, find_profile(opened, None).as_actor()))
    yield session
    session.worker.wait()
    opened.close()


def test_main_window_reads_a_read_only_medium(qtbot, read_only_session, crisis, shots):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.attach(read_only_session)
    page = window.pages["log"]
    qtbot.waitUntil(lambda: page.crisis_id == crisis.id and page.model.rowCount() == 1,
                    timeout=3000)
    assert window.top_bar.state_label.text().startswith("Alleen-lezen")
    page.quick.text_edit.setText("Nieuwe melding")
    page.quick.submit()
    qtbot.waitUntil(lambda: "alleen-lezen" in page.quick.message.text(), timeout=3000)
    assert page.quick.text_edit.text() == "Nieuwe melding"  # nothing typed is lost
    # Every page reads the medium (each built when first shown).
    for spec in window.specs:
        window.show_page(spec.key)
        assert window.stack.currentWidget().layout().count() == 1
    assert len(window.pages) == len(window.specs)
    window.show_page("log")
    window.grab().save(str(shots / "read_only_medium.png"))
    window.grab().save("/tmp/exp/read_only_medium.png")
