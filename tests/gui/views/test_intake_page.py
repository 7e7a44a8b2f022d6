"""The column-mapping dialog, the sources page (import report, inbox, suggestions) and the log
after an import, rendered offscreen (screenshots in the test's shots folder)."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crisisconsole.interchange.table_import import layout_key, read_table
from crisisconsole.services.intake.preferences import remember_mapping
from crisisconsole.services.log.entries import add_entry
from crisisconsole.services.log.queries import get_entry, list_entries
from crisisconsole.ui.dialogs.column_mapping_dialog import ColumnMappingDialog
from crisisconsole.ui.main_window import MainWindow
from crisisconsole.ui.models.import_report_model import ImportReportModel, SuggestionModel
from crisisconsole.ui.models.table_preview_model import TablePreviewModel

NINE = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cap"
CSV = ("Tijd;Afzender;Bericht;Betrouwbaarheid;Plaats\n"
       "29-11-2026 10:15;Politie;Groep jongeren bij het station;;Stationsplein\n"
       "29-11-2026 10:20;Brandweer;Containerbrand Marktplein;bevestigd;Marktplein\n"
       "gisteren;Burger;Rook gezien;;\n"
       "29-11-2026 10:40;GHOR;Twee lichtgewonden;;Kerkstraat\n").encode("cp1252")


def test_mapping_dialog_suggests_previews_and_remembers(qtbot, clock, shots):
    table = read_table(CSV, "gemeentelog.csv")
    dialog = ColumnMappingDialog(table, "gemeentelog.csv", clock.now())
    qtbot.addWidget(dialog)
    dialog.show()
    # Suggested from the headers: Tijd, Afzender, Bericht, Betrouwbaarheid, Plaats.
    assert dialog.mapping() == {"Tijd": "occurred_at", "Afzender": "source", "Bericht": "text",
                                "Betrouwbaarheid": "reliability", "Plaats": "location"}
    assert dialog.preview.good_rows == 3 and [e.row for e in dialog.preview.errors] == [4]
    assert "Rijen met fouten: 4" in dialog.summary.text()
    assert dialog.import_button.isEnabled() and dialog.on_error() == "refuse"
    assert dialog.model.data(dialog.model.index(0, 2)) == "29-11-2026 10:15"
    assert dialog.model.data(dialog.model.index(2, 2)) == "gisteren"  # bad row: the file's text
    assert "tijdstip" in dialog.model.data(dialog.model.index(2, 1))
    dialog.skip_radio.setChecked(True)
    assert dialog.on_error() == "skip"
    dialog.grab().save(str(shots / "mapping_dialog.png"))
    # Unmapping the text column: the import button is disabled and the reason shown.
    dialog.combos["Bericht"].setCurrentIndex(0)
    assert not dialog.import_button.isEnabled() and "compleet" in dialog.summary.text()
    # A remembered mapping for this layout wins over the suggestion.
    remember_mapping(layout_key(table.columns), {"Tijd": "occurred_at", "Bericht": "text"})
    again = ColumnMappingDialog(table, "gemeentelog.csv", clock.now())
    qtbot.addWidget(again)
    assert again.mapping() == {"Tijd": "occurred_at", "Bericht": "text"}
    again.source_edit.setText("Gemeente")
    assert again.preview.good_rows == 3
    assert "onthouden" in again.remembered_label.text()


def test_models_pass_the_qt_model_tester(qtmodeltester, ctx, crisis, clock):
    from crisisconsole.services.intake.cap import import_cap_paths
    from crisisconsole.services.intake.corroboration import suggestions_for
    from crisisconsole.services.intake.table import preview_table

    report = import_cap_paths(ctx, crisis.id, [FIXTURES / "valid_12.cap", FIXTURES / "xxe.cap"])
    model = ImportReportModel()
    model.add_items(list(report.items))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "Geweigerd"  # refused first by default
    preview = TablePreviewModel()
    preview.set_preview(preview_table(read_table(CSV, "x.csv"), "x.csv", clock.now()))
    qtmodeltester.check(preview)
    add_entry(ctx, crisis.id, "Grote brand in loods, veel rook", "politie",
              location="Industrieterrein De Hoek", occurred_at=NINE)
    suggestion = SuggestionModel()
    suggestion.add_hints(suggestions_for(ctx.store, report.new_entries))
    suggestion.add_hints(suggestions_for(ctx.store, report.new_entries))  # no repeats
    qtmodeltester.check(suggestion)
    assert suggestion.rowCount() == 1


@pytest.fixture
def window(qtbot, session, crisis):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    win.attach(session)
    return win


def test_intake_page_imports_shows_report_and_suggestions(qtbot, window, ctx, crisis,
                                                           tmp_path, shots):
    police = add_entry(ctx, crisis.id, "Grote brand in een loods, veel rook", "politie",
                       location="Industrieterrein De Hoek", occurred_at=NINE)
    window.show_page("intake")
    page = window.pages["intake"]
    page.import_cap([FIXTURES / "valid_12.cap", FIXTURES / "xxe.cap", FIXTURES / "valid_11.cap"])
    qtbot.waitUntil(lambda: page.report_model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: page.suggestion_model.rowCount() >= 1, timeout=10_000)
    assert "1 geïmporteerd, 2 geweigerd" in page.state_label.text()
    page.import_table_file(_sheet(tmp_path), {"Tijd": "occurred_at", "Afzender": "source",
                                              "Bericht": "text"}, "skip", None)
    qtbot.waitUntil(lambda: page.report_model.rowCount() == 4, timeout=10_000)
    report = page.report_model  # refused first, then the newest import on top
    assert [report.data(report.index(r, 1)) for r in range(4)] == [
        "Geweigerd", "Geweigerd", "Geïmporteerd", "Geïmporteerd"]
    assert report.data(report.index(2, 0)) == "gemeentelog.csv"
    window.grab().save(str(shots / "intake_page.png"))

    page.suggestion_view.selectRow(0)
    hint = page.suggestion_model.hint(0)
    assert hint.other.id == police.id
    page.act_on_suggestion("link")
    qtbot.waitUntil(lambda: get_entry(ctx.store, police.id).reliability == "confirmed",
                    timeout=10_000)

    window.show_page("log")
    qtbot.wait(200)
    window.grab().save(str(shots / "log_after_import.png"))
    assert len(list_entries(ctx.store, crisis.id)) == 6


def _sheet(tmp_path: Path) -> Path:
    path = tmp_path / "gemeentelog.csv"
    path.write_bytes(CSV)
    return path


def test_inbox_setting_and_pass(qtbot, window, crisis, tmp_path):
    page = window.pages["intake"]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    drop = inbox / "alert.cap"
    drop.write_bytes((FIXTURES / "valid_12.cap").read_bytes())
    old = time.time() - 60
    os.utime(drop, (old, old))
    (inbox / "bad.cap").write_bytes(b"<alert/>")
    os.utime(inbox / "bad.cap", (old, old))
    page.set_inbox(inbox)
    assert "Wachtend: 2" in page.inbox_status_label.text()
    page.process_inbox_now()
    qtbot.waitUntil(lambda: page.report_model.rowCount() == 2, timeout=30_000)
    assert "Verwerkt: 1 · Geweigerd: 1 · Wachtend: 0" in page.inbox_status_label.text()
    assert (inbox / "rejected" / "bad.cap.reason.txt").exists()
    # The pass ran in a child process (issue 19), not on a thread of the window's process.
    assert page.child is not None and page.child.process.returncode == 0
    assert page.child.job["kind"] == "inbox"
    page.watch_box.setChecked(True)
    assert page.watcher.directories() == [str(inbox)]
    page.watch_box.setChecked(False)
    assert page.watcher.directories() == []


def test_intake_page_fits_a_laptop_screen(window):
    assert window.pages["intake"].minimumSizeHint().width() <= 1000


def _department_book(path: Path) -> Path:
    from datetime import date
    from datetime import time as clock_time

    import openpyxl

    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Voorblad"
    cover.append(["Alleen een voorblad"])
    log = book.create_sheet("Logboek")
    log.append(["Logboek afdeling VTH, storm"])
    log.append(["Datum", "Tijd", "Bron", "Melding"])
    for hour, text in ((15, "Dak los aan de Kade"), (16, "Steiger omgewaaid")):
        log.append([date(2026, 11, 28), clock_time(hour, 30), "brandweer", text])
    for row in (3, 4):
        log[f"A{row}"].number_format = "dd-mm-yyyy"
        log[f"B{row}"].number_format = "hh:mm"
    book.save(path)
    return path


def test_mapping_dialog_sheet_header_row_and_date_plus_time(qtbot, clock, shots, tmp_path,
                                                            monkeypatch):
    """Issue 15: the sheet and header row in the dialog (the proposed row preselected), and a
    date and a time column both set to the time it happened give Datum+Tijd."""
    from crisisconsole.services.intake.table import read_table_path

    path = _department_book(tmp_path / "vth.xlsx")
    table = read_table_path(path)
    dialog = ColumnMappingDialog(table, path.name, clock.now(),
                                 reload=lambda sheet, row: read_table_path(path, sheet, row))
    qtbot.addWidget(dialog)
    dialog.resize(1280, 720)
    dialog.show()
    # The cover sheet has no rows under a header: the first sheet with a log is read.
    assert dialog.sheet_combo.isEnabled() and dialog.sheet() == "Logboek"
    assert dialog.sheet_combo.currentData() == "Logboek"
    assert dialog.header_spin.value() == 2  # the title row skipped
    assert "Voorgestelde kopregel: rij 2" in dialog.header_note.text()
    assert dialog.mapping() == {"Datum+Tijd": "occurred_at", "Bron": "source",
                                "Melding": "text"}
    assert dialog.preview.good_rows == 2 and dialog.import_button.isEnabled()
    dialog.grab().save(str(shots / "mapping_dialog_sheet_header_nl.png"))
    # Only the date: refused per row with the reason, never midnight.
    dialog.combos["Tijd"].setCurrentIndex(0)
    assert dialog.preview.good_rows == 0
    assert "alleen een datum" in dialog.model.data(dialog.model.index(0, 1))
    dialog.combos["Tijd"].setCurrentIndex(dialog.combos["Tijd"].findData("occurred_at"))
    assert dialog.header_row() == 2
    # Another header row by hand reads the file again.
    dialog.header_spin.setValue(1)
    dialog.header_spin.editingFinished.emit()
    assert dialog.table_data.header_row == 1 and "Voorgesteld was rij 2" in (
        dialog.header_note.text())
    # The cover sheet by hand: nothing to import there, said in the summary.
    dialog.sheet_combo.setCurrentIndex(dialog.sheet_combo.findData("Voorblad"))
    assert "geen gegevensrijen" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
