"""A log export runs on the worker with a progress bar (issue 19): "Annuleren" stops it while
it is under way, and no file (not even a half-written one) is left behind."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from crisisconsole.bench.log import bulk_build
from crisisconsole.ui.page_context import CurrentCrisis, PageContext
from crisisconsole.ui.views.log_page import make_page

ENTRIES = 1500  # enough that laying out the PDF's rows takes many slices


class _Window(QWidget):
    def __init__(self, session, crisis_id):
        super().__init__()
        self.errors, self.notes = [], []
        self.crisis = CurrentCrisis(self)
        self.crisis.choose(crisis_id, announce=False)
        context = PageContext(session, self.crisis, self.errors.append,
                              lambda text, _ms: self.notes.append(text))
        self.page = make_page(context)
        QVBoxLayout(self).addWidget(self.page)


def _shown(qtbot, session, crisis, entries: int) -> _Window:
    """The log page of a crisis of ``entries`` entries, shown at laptop size."""
    bulk_build(session.store, session.ctx, crisis.id, entries)
    window = _Window(session, crisis.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.page.crisis_id == crisis.id)
    return window


def test_an_export_cancelled_while_it_runs_leaves_no_file(qtbot, session, crisis, tmp_path):
    window = _shown(qtbot, session, crisis, ENTRIES)
    exporter = window.page.exporter
    out = tmp_path / "export" / "log.pdf"
    out.parent.mkdir()

    exporter.export_to(out)
    assert exporter.busy and exporter.progress_dialog is not None
    progress = exporter.progress
    qtbot.waitUntil(lambda: progress.done > 0, timeout=60_000)  # under way, in slices
    assert exporter.busy, "the export ended before it could be cancelled"
    button = exporter.progress_dialog.findChild(QPushButton)
    assert button.text() == "Annuleren"
    button.click()
    qtbot.waitUntil(lambda: not exporter.busy, timeout=30_000)

    # Stopped at a slice or at the last chance before the write (the layout may have reached
    # its end meanwhile now that no collection slows it): either way nothing is written
    assert progress.cancelled
    assert list(out.parent.iterdir()) == []  # no file, no temporary file
    assert window.errors == []
    assert any("geannuleerd" in note for note in window.notes)

    exporter.export_to(out.with_suffix(".csv"))  # the next export runs to the end
    qtbot.waitUntil(lambda: not exporter.busy, timeout=60_000)
    assert out.with_suffix(".csv").read_text("utf-8-sig").count("\n") > ENTRIES
    session.worker.wait()


def test_a_killed_export_child_is_a_clear_error_and_leaves_no_file(qtbot, session, crisis,
                                                                   tmp_path):
    window = _shown(qtbot, session, crisis, ENTRIES)
    exporter = window.page.exporter
    out = tmp_path / "export" / "log.pdf"
    out.parent.mkdir()
    exporter.export_to(out)
    child = exporter.child
    assert child is not None and child.job["kind"] == "log_export"
    qtbot.waitUntil(lambda: exporter.progress is not None and exporter.progress.done > 0,
                    timeout=60_000)
    child.process.kill()  # mid-export
    qtbot.waitUntil(lambda: not exporter.busy, timeout=30_000)
    assert len(window.errors) == 1
    assert "exportproces stopte onverwacht" in str(window.errors[0])
    assert list(out.parent.iterdir()) == []  # nothing half-written


def test_where_no_child_can_start_the_export_runs_on_the_worker(qtbot, session, crisis,
                                                                tmp_path, monkeypatch):
    from crisisconsole.ui import import_child

    monkeypatch.setattr(import_child, "possible", lambda: False)  # as in a frozen build
    window = _shown(qtbot, session, crisis, 50)
    exporter = window.page.exporter
    exporter.export_to(tmp_path / "log.csv")
    assert exporter.child is None
    qtbot.waitUntil(lambda: not exporter.busy, timeout=30_000)
    assert (tmp_path / "log.csv").read_text("utf-8-sig").count("\n") > 50
    assert window.errors == []
    session.worker.wait()
