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


def test_an_import_shows_progress_and_cancel_keeps_what_was_committed(qtbot, window, ctx,
                                                                      crisis, tmp_path,
                                                                      shots):
    window.show_page("intake")
    page = window.pages["intake"]
    seen: list[tuple[int, int]] = []
    page._relay.stepped.connect(lambda d, t: seen.append((d, t)))
    # The importing thread waits at file 5 until the window has shown it and the aide has
    # pressed cancel: a real cancel, without a race against a fast import.
    clicked = threading.Event()
    relay = page._relay.emit_step

    def step_and_wait(done: int, total: int) -> None:
        relay(done, total)
        if done == 5:
            assert clicked.wait(20)

    page._relay.emit_step = step_and_wait

    def cancel_at_five(done: int, total: int) -> None:
        if done == 5:
            assert page.progress_bar.isVisible() and page.cancel_button.isVisible()
            assert page.progress_bar.maximum() == total == 21
            assert page.progress_bar.value() == 5
            window.grab().save(str(shots / "intake_progress.png"))
            qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
            assert not page.cancel_button.isEnabled()
            clicked.set()

    page._relay.stepped.connect(cancel_at_five)
    page.import_cap([_folder(tmp_path, 20)])
    qtbot.waitUntil(lambda: page.report_model.rowCount() == 21, timeout=20_000)
    assert not page.progress_bar.isVisible() and not page.cancel_button.isVisible()
    report = page.report_model
    statuses = [report.item(r).status for r in range(report.rowCount())]
    cancelled = statuses.count(CANCELLED)
    imported = statuses.count(IMPORTED)
    assert (imported, cancelled) == (5, 16)  # files 0-4 in; 5-19 and the broken one not read
    assert len(list_entries(ctx.store, crisis.id)) == imported  # what was committed stays
    assert f"afgebroken: {cancelled} niet ingelezen" in page.state_label.text()
    assert seen[0] == (0, 21)
    label = page.state_label  # the whole summary, not cut off
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width(), timeout=3000)
    window.grab().save(str(shots / "intake_after_cancel.png"))


def test_a_spreadsheet_import_shows_a_busy_bar_and_hides_it_after(qtbot, window, ctx, crisis,
                                                                  tmp_path):
    sheet = tmp_path / "log.csv"
    sheet.write_text("Tijd,Afzender,Tekst\n2026-11-29 10:00,Politie,Rook\n", encoding="utf-8")
    window.show_page("intake")
    page = window.pages["intake"]
    page.import_table_file(sheet, {"Tijd": "occurred_at", "Afzender": "source",
                                   "Tekst": "text"}, "refuse", None)
    assert page.progress_bar.isVisible() and page.progress_bar.maximum() == 0
    qtbot.waitUntil(lambda: page.report_model.rowCount() == 1, timeout=10_000)
    assert not page.progress_bar.isVisible()
    assert page.report_model.item(0).status == IMPORTED
