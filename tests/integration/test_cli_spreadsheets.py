"""Issue 15: spreadsheets as departments make them, through `import table`: a title row above
the header, a named sheet and header row, a two-row merged header, Datum+Tijd combined, date
cells never made midnight, Excel serials rounded to the second."""

from __future__ import annotations

from datetime import date, datetime, time

import openpyxl
import pytest
from cli_helpers import one_line_error


@pytest.fixture
def crisis(ready_cli):
    return ready_cli.ok("crisis", "open", "--name", "Storm", "--municipality", "Waalbergen",
                        "--json").json()["id"]


def _book(path, sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows, merges in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for merged in merges:
            sheet.merge_cells(merged)
    book.save(path)
    return path


def _local(cli, entry_id):
    entry = cli.ok("log", "history", entry_id, "--json").json()["entry"]
    moment = datetime.fromisoformat(entry["occurred_at"].replace("Z", "+00:00"))
    from zoneinfo import ZoneInfo

    return entry, moment.astimezone(ZoneInfo("Europe/Amsterdam"))


def test_title_row_is_skipped_and_the_header_proposed(ready_cli, crisis, tmp_path):
    path = _book(tmp_path / "log.xlsx", [("Blad1", [
        ["Logboek GBT storm 12 maart"],
        [],
        ["Tijdstip", "Bron", "Melding"],
        [datetime(2025, 3, 12, 10, 15), "politie", "Boom op de weg"],
    ], [])])
    preview = ready_cli.ok("import", "table", str(path), "--crisis", crisis, "--preview",
                           "--json").json()
    assert preview["proposed_header_row"] == 3 and preview["header_row"] == 3
    assert preview["columns"] == ["Tijdstip", "Bron", "Melding"]
    assert "kopregel: rij 3 (voorgesteld)" in ready_cli.ok(
        "import", "table", str(path), "--crisis", crisis, "--preview").out
    item = ready_cli.ok("import", "table", str(path), "--crisis", crisis, "--json").json()
    assert item["status"] == "imported" and item["added"] == 1


def test_sheet_and_header_row_named(ready_cli, crisis, tmp_path):
    path = _book(tmp_path / "twee.xlsx", [
        ("Voorblad", [["Dit is geen logboek"], ["Opgesteld door", "afdeling VTH"]], []),
        ("Logboek", [["Afdeling VTH"], ["Wanneer", "Wie", "Wat"], ["Wanneer", "Wie", "Wat"],
                     [datetime(2025, 3, 12, 11, 0), "brandweer", "Dak los"]], []),
    ])
    maps = ["--map", "Wanneer=occurred_at", "--map", "Wie=source", "--map", "Wat=text"]
    preview = ready_cli.ok("import", "table", str(path), "--crisis", crisis, "--sheet",
                           "Logboek", "--header-row", "3", *maps, "--preview", "--json").json()
    assert preview["sheets"] == ["Voorblad", "Logboek"] and preview["sheet"] == "Logboek"
    assert preview["header_row"] == 3 and preview["total_rows"] == 1
    item = ready_cli.ok("import", "table", str(path), "--crisis", crisis, "--sheet", "Logboek",
                        "--header-row", "3", *maps, "--json").json()
    assert item["added"] == 1
    line = one_line_error(ready_cli("import", "table", str(path), "--crisis", crisis,
                                    "--sheet", "Onbekend", *maps))
    assert "Onbekend" in line and "Voorblad, Logboek" in line
    line = one_line_error(ready_cli("import", "table", str(path), "--crisis", crisis,
                                    "--sheet", "Logboek", "--header-row", "9", *maps))
    assert "kopregel 9" in line


def test_two_row_merged_header_gives_parent_child_names(ready_cli, crisis, tmp_path):
    path = _book(tmp_path / "merged.xlsx", [("Log", [
        ["Tijdstip", "Melding", None, "Locatie"],
        [None, "Bron", "Tekst", None],
        [datetime(2025, 3, 12, 12, 0), "ghor", "Twee gewonden", "Dorpsstraat"],
    ], ["A1:A2", "B1:C1", "D1:D2"])])
    preview = ready_cli.ok("import", "table", str(path), "--crisis", crisis, "--preview",
                           "--json").json()
    assert preview["columns"] == ["Tijdstip", "Melding Bron", "Melding Tekst", "Locatie"]
    assert preview["header_rows"] == 2 and preview["total_rows"] == 1
    item = ready_cli.ok("import", "table", str(path), "--crisis", crisis, "--map",
                        "Tijdstip=occurred_at", "--map", "Melding Bron=source", "--map",
                        "Melding Tekst=text", "--map", "Locatie=location", "--json").json()
    entry, _ = _local(ready_cli, item["entries"][0])
    assert (entry["source"], entry["text"], entry["location"]) == (
        "ghor", "Twee gewonden", "Dorpsstraat")


def _datum_tijd_book(tmp_path, tijd):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Datum", "Tijd", "Bron", "Melding"])
    sheet.append([date(2025, 3, 12), tijd, "politie", "Weg afgesloten"])
    sheet["A2"].number_format = "dd-mm-yyyy"
    if isinstance(tijd, time):
        sheet["B2"].number_format = "hh:mm"
    path = tmp_path / "datum_tijd.xlsx"
    book.save(path)
    return path


def test_datum_and_tijd_combined_never_midnight(ready_cli, crisis, tmp_path):
    path = _datum_tijd_book(tmp_path, time(15, 30))
    maps = ["--map", "Bron=source", "--map", "Melding=text"]
    refused = ready_cli("import", "table", str(path), "--crisis", crisis,
                        "--map", "Datum=occurred_at", *maps, "--json")
    assert refused.code == 2  # a date cell alone is refused, never stored as 00:00
    assert "alleen een datum, geen tijd" in refused.json()["row_errors"][0]["message"]
    item = ready_cli.ok("import", "table", str(path), "--crisis", crisis,
                        "--map", "Datum+Tijd=occurred_at", *maps, "--json").json()
    _, moment = _local(ready_cli, item["entries"][0])
    assert (moment.date(), moment.time()) == (date(2025, 3, 12), time(15, 30))


def test_datum_tijd_proposed_and_serial_time_rounded(ready_cli, crisis, tmp_path):
    path = _datum_tijd_book(tmp_path, 0.6034722222)  # 14:29 as Excel keeps it, General format
    preview = ready_cli.ok("import", "table", str(path), "--crisis", crisis, "--preview",
                           "--json").json()
    assert preview["mapping"]["Datum+Tijd"] == "occurred_at"
    item = ready_cli.ok("import", "table", str(path), "--crisis", crisis, "--json").json()
    _, moment = _local(ready_cli, item["entries"][0])
    assert moment.time() == time(14, 29)  # not 14:28:59


def test_full_serial_rounded_to_the_second(ready_cli, crisis, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Tijdstip", "Bron", "Melding"])
    sheet.append([45728.6034722222, "politie", "Serie"])  # 2025-03-12 14:29, General format
    path = tmp_path / "serial.xlsx"
    book.save(path)
    item = ready_cli.ok("import", "table", str(path), "--crisis", crisis, "--json").json()
    _, moment = _local(ready_cli, item["entries"][0])
    assert (moment.date(), moment.time()) == (date(2025, 3, 12), time(14, 29))
