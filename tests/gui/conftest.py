import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


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
