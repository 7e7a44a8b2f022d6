import gc
import os
from pathlib import Path

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
    "cannot be stopped from another thread", or crashes (or deadlocks: Qt's signal lock
    against the GIL). So during the test the automatic collector is off, as in the app,
    where only the GUI thread collects (ui/gc_policy.collect_on_gui_thread)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if enabled:
            gc.enable()


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


@pytest.fixture
def kept_shots(shots):
    """``kept_shots("FIT_SHOTS")``: the folder that variable names (made if need be), to look
    at the screenshots after the run; without it, ``shots``."""
    def folder(variable: str) -> Path:
        chosen = os.environ.get(variable)
        if not chosen:
            return shots
        Path(chosen).mkdir(parents=True, exist_ok=True)
        return Path(chosen)

    return folder
