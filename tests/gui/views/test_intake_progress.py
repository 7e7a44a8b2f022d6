"""The import report sorts (refused files first by default); an import shows a progress bar
with a cancel button, and cancelling keeps what was committed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from crisisconsole.services.intake.values import (
    CANCELLED,
    DUPLICATE,
    IMPORTED,
    IMPORTED_WITH_WARNINGS,
    REFUSED,
    ImportItem,
)
from crisisconsole.services.log.queries import list_entries
from crisisconsole.ui.main_window import MainWindow
from crisisconsole.ui.models.import_report_model import (
    COL_ENTRIES,
    COL_FILE,
    COL_STATUS,
    ImportReportModel,
)


def _cap(identifier: str, minute: int) -> bytes:
    return (f'<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>{identifier}'
            f"</identifier><sender>knmi@example.nl</sender>"
            f"<sent>2026-11-29T10:{minute:02}:00+01:00</sent><status>Actual</status>"
            f"<msgType>Alert</msgType><scope>Public</scope><info><category>Met</category>"
            f"<event>Regen</event><urgency>Expected</urgency><severity>Minor</severity>"
            f"<certainty>Likely</certainty><headline>Melding {identifier}</headline>"
            f"<area><areaDesc>Centrum</areaDesc></area></info></alert>").encode()


def _files(model: ImportReportModel) -> list[str]:
    return [model.data(model.index(r, COL_FILE)) for r in range(model.rowCount())]


def test_the_report_sorts_refused_first_and_by_any_column(qtmodeltester, qapp):
    model = ImportReportModel()
    first = [ImportItem(f"{i:04}.cap", IMPORTED, entries=("x",)) for i in range(3000)]
    first[2999] = ImportItem("2999.cap", REFUSED, "geen CAP")
    first[1500] = ImportItem("1500.cap", IMPORTED_WITH_WARNINGS, "schema")
    model.add_items(first)
    assert _files(model)[:2] == ["2999.cap", "1500.cap"]
    assert _files(model)[2:4] == ["0000.cap", "0001.cap"]  # then in file order
    model.add_items([ImportItem("b.cap", IMPORTED, entries=("y", "z")),
                     ImportItem("a.cap", REFUSED, "kapot"),
                     ImportItem("c.cap", DUPLICATE), ImportItem("d.cap", CANCELLED)])
    assert _files(model)[:3] == ["a.cap", "2999.cap", "1500.cap"]  # the newest import first
    assert _files(model)[3] == "d.cap" and _files(model)[4] == "c.cap"
    qtmodeltester.check(model, force_py=True)
    model.sort(COL_FILE, Qt.SortOrder.AscendingOrder)
    assert _files(model)[:3] == ["0000.cap", "0001.cap", "0002.cap"]
    assert _files(model)[-4:] == ["a.cap", "b.cap", "c.cap", "d.cap"]
    model.sort(COL_ENTRIES, Qt.SortOrder.DescendingOrder)
    assert _files(model)[0] == "b.cap"
    model.sort(COL_STATUS, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, COL_STATUS)) == "Geïmporteerd"
    assert model.data(model.index(model.rowCount() - 1, COL_STATUS)) == "Geweigerd"


def test_the_report_keeps_the_selected_row_when_sorted(qtbot, qapp):
    from PySide6.QtWidgets import QTableView

    model = ImportReportModel()
    model.add_items([ImportItem("b.cap", IMPORTED), ImportItem("a.cap", REFUSED, "x")])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectRow(1)
    assert view.currentIndex().data() == "b.cap"
    model.sort(COL_FILE, Qt.SortOrder.DescendingOrder)
    assert view.currentIndex().data() == "b.cap" and view.currentIndex().row() == 0


@pytest.fixture
def window(qtbot, session, crisis):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    win.attach(session)
    return win


def _folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "cap"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03}.cap").write_bytes(_cap(f"A{i}", i))
    (folder / "zz-kapot.cap").write_bytes(b"<niet>")
    return folder


def _hold_the_file(ctx, release: threading.Event) -> threading.Thread:
    """A write of this process that holds the database file (as an import, so the child's
    writes wait for it instead of giving up) until ``release``: the child parses ahead and
    then waits, a fixed point to cancel at without a race against a fast import."""
    held = threading.Event()

    def hold() -> None:
        with ctx.store.importing(), ctx.store.write(ctx.actor.id):
            held.set()
            release.wait(60)

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(10)
    return thread


def test_an_import_shows_progress_and_cancel_keeps_what_was_committed(qtbot, window, ctx,
                                                                      crisis, tmp_path,
                                                                      shots):
    window.show_page("intake")
    page = window.pages["intake"]
    seen: list[tuple[int, int]] = []
    page._relay.stepped.connect(lambda d, t: seen.append((d, t)))
    release = threading.Event()
    holder = _hold_the_file(ctx, release)
    try:
        page.import_cap([_folder(tmp_path, 20)])
        child = page.child
        assert child is not None, "the import runs in a child process"
        # The child reads files 0-4 ahead of its writer (the pipeline), then waits for the file
        qtbot.waitUntil(lambda: (4, 21) in seen, timeout=30_000)
        assert page.progress_bar.isVisible() and page.cancel_button.isVisible()
        assert page.progress_bar.maximum() == 21 and page.progress_bar.value() == 4
        window.grab().save(str(shots / "intake_progress.png"))
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        assert not page.cancel_button.isEnabled()
        assert child.cancel_heard.wait(20)
    finally:
        release.set()
        holder.join(20)
    qtbot.waitUntil(lambda: page.report_model.rowCount() == 21, timeout=30_000)
    assert not page.progress_bar.isVisible() and not page.cancel_button.isVisible()
    assert child.process.returncode == 0
    report = page.report_model
    statuses = [report.item(r).status for r in range(report.rowCount())]
    cancelled = statuses.count(CANCELLED)
    imported = statuses.count(IMPORTED)
    assert (imported, cancelled) == (5, 16)  # files 0-4 in; 5-19 and the broken one not read
    assert len(list_entries(ctx.store, crisis.id)) == imported  # what was committed stays
    assert f"afgebroken: {cancelled} niet ingelezen" in page.state_label.text()
    assert seen[0] == (0, 21) and max(seen) == (4, 21)
    label = page.state_label  # the whole summary, not cut off
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width(), timeout=3000)
    window.grab().save(str(shots / "intake_after_cancel.png"))


def test_a_killed_import_child_is_a_clear_error_and_the_page_works_again(qtbot, window, ctx,
                                                                        crisis, tmp_path):
    errors: list[BaseException] = []
    window.show_page("intake")
    page = window.pages["intake"]
    page.show_error = errors.append
    release = threading.Event()
    holder = _hold_the_file(ctx, release)
    try:
        page.import_cap([_folder(tmp_path, 20)])
        child = page.child
        assert child is not None and child.started.wait(20)
        qtbot.waitUntil(lambda: page.progress_bar.value() >= 1, timeout=30_000)
        child.process.kill()  # mid-import, its writes waiting for the file
        qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    finally:
        release.set()
        holder.join(20)
    assert len(errors) == 1 and "importproces stopte onverwacht" in str(errors[0])
    assert page.state_label.text() == "Niet gelukt"
    assert not page.progress_bar.isVisible() and not page.cancel_button.isVisible()
    assert list_entries(ctx.store, crisis.id) == []  # nothing half-written
    again = tmp_path / "again"
    again.mkdir()
    (again / "a.cap").write_bytes(_cap("B1", 1))
    page.import_cap([again])  # usable again
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)
    assert len(errors) == 1
    assert len(list_entries(ctx.store, crisis.id)) == 1
    assert page.state_label.text().startswith("1 geïmporteerd")


def test_a_spreadsheet_import_shows_a_busy_bar_and_hides_it_after(qtbot, window, ctx, crisis,
                                                                  tmp_path):
    sheet = tmp_path / "log.csv"
    sheet.write_text("Tijd,Afzender,Tekst\n2026-11-29 10:00,Politie,Rook\n", encoding="utf-8")
    window.show_page("intake")
    page = window.pages["intake"]
    page.import_table_file(sheet, {"Tijd": "occurred_at", "Afzender": "source",
                                   "Tekst": "text"}, "refuse", None)
    assert page.progress_bar.isVisible() and page.progress_bar.maximum() == 0
    qtbot.waitUntil(lambda: page.report_model.rowCount() == 1, timeout=30_000)
    assert not page.progress_bar.isVisible()
    assert page.report_model.item(0).status == IMPORTED
    # The sheet was read in a child process (issue 19), not on a thread of the window's process.
    assert page.child is not None and page.child.process.returncode == 0
    assert page.child.job["kind"] == "table"
