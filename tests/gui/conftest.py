import gc

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _qt_garbage_collected_in_the_gui_thread():
    """After each GUI test, collect its garbage here, in the GUI thread. A Session (or a page)
    caught in a reference cycle is otherwise destroyed by whichever thread next runs Python's
    cyclic collector, perhaps a worker thread of a later test: Qt then warns that its timers
    "cannot be stopped from another thread", or crashes."""
    yield
    gc.collect()


@pytest.fixture
def session(qapp, ctx):
    from crisisconsole.ui.app import apply_theme
    from crisisconsole.ui.session import Session

    apply_theme(qapp)
    s = Session(ctx)
    yield s
    s.worker.wait()


@pytest.fixture
def shots(tmp_path):
    """Where GUI tests save screenshots for people to look at."""
    folder = tmp_path / "shots"
    folder.mkdir()
    return folder
