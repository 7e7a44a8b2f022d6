from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from crisisconsole.domain.reliability import AdmiraltyGrade, Reliability
from crisisconsole.interchange.table_import import (
    TableData,
    TableMappingError,
    TableRefused,
    TableRow,
    layout_key,
    map_rows,
    parse_cell_time,
    parse_map_args,
    read_table,
    read_table_file,
    suggest_mapping,
)

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
MAPPING = {"Tijd": "occurred_at", "Bron": "source", "Melding": "text"}


def xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_csv_semicolon_windows_1252() -> None:
    data = "Tijd;Bron;Melding\r\n29-11-2026 10:15;Politie;Café ‘De Brug’ ontruimd, één gewonde\r\n"
    table = read_table(data.encode("cp1252"), "log.csv")
    assert table.kind == "csv"
    assert table.columns == ("Tijd", "Bron", "Melding")
    assert table.rows == (
        TableRow(2, ("29-11-2026 10:15", "Politie", "Café ‘De Brug’ ontruimd, één gewonde")),
    )


def test_csv_comma_utf8_with_bom_and_quotes() -> None:
    data = '\ufeffTime,Source,Text\n2026-11-29T10:15:00+01:00,Police,"Road closed, A2"\n'
    table = read_table(data.encode("utf-8"), "log.CSV")
    assert table.columns == ("Time", "Source", "Text")
    assert table.rows[0].values == ("2026-11-29T10:15:00+01:00", "Police", "Road closed, A2")


def test_csv_utf8_without_bom() -> None:
    table = read_table("Tijd;Bron;Melding\n1-1-2026 10:00;GGD;Geëvacueerd\n".encode(), "x.csv")
    assert table.rows[0].values[2] == "Geëvacueerd"


def test_csv_row_numbers_count_blank_and_multiline_records_as_a_spreadsheet_does() -> None:
    data = 'Tijd;Bron;Melding\n\n29-11-2026 10:00;A;"twee\nregels"\n29-11-2026 10:05;B;c\n'
    table = read_table(data.encode(), "x.csv")
    assert [row.number for row in table.rows] == [3, 4]


def test_header_names_for_empty_and_duplicate_columns() -> None:
    table = read_table(b"Tijd;;Tijd\n1;2;3\n", "x.csv")
    assert table.columns == ("Tijd", "kolom 2", "Tijd (2)")


def test_xlsx_with_real_datetimes_and_gaps() -> None:
    data = xlsx(
        [
            ["Tijdstip", "Bron", "Melding", "Betrouwbaarheid"],
            [datetime(2026, 11, 29, 10, 15), "Politie", "Weg afgesloten", "bevestigd"],
            [],
            [datetime(2026, 11, 29, 10, 20), "Burger", "Rook gezien", None],
        ]
    )
    table = read_table(data, "log.xlsx")
    assert table.kind == "xlsx"
    assert [row.number for row in table.rows] == [2, 4]
    mapping = suggest_mapping(table.columns)
    result = map_rows(table, mapping, NOW)
    assert result.errors == []
    first, second = result.drafts
    assert first.occurred_at == datetime(2026, 11, 29, 9, 15, tzinfo=UTC)  # naive = Amsterdam
    assert first.reliability is Reliability.CONFIRMED
    assert second.reliability is Reliability.HEARSAY
    assert second.row_number == 4


def test_json_array_and_entries_object() -> None:
    items = [
        {"tijd": "2026-11-29T10:00:00Z", "bron": "RWS", "tekst": "Brug dicht", "extra": [1]},
        {"tijd": "29/11/2026 10:30", "bron": "RWS", "tekst": "Brug weer open"},
    ]
    for document in (items, {"entries": items}):
        table = read_table(json.dumps(document).encode(), "log.json")
        assert table.kind == "json"
        assert table.columns == ("tijd", "bron", "tekst", "extra")
        assert table.rows[0].values[3] == "[1]"
        assert [row.number for row in table.rows] == [1, 2]
        result = map_rows(table, suggest_mapping(table.columns), NOW)
        assert [d.occurred_at for d in result.drafts] == [
            datetime(2026, 11, 29, 10, 0, tzinfo=UTC),
            datetime(2026, 11, 29, 9, 30, tzinfo=UTC),
        ]


def test_bad_rows_reported_with_the_row_number_the_user_sees() -> None:
    data = "\n".join(
        [
            "Tijd;Bron;Melding;Beoordeling;Betrouwbaarheid",
            "29-11-2026 10:00;Politie;Goed;B2;bevestigd",       # row 2: fine
            "29-11-2026 10:01;Politie;;;",                       # row 3: empty text
            "gisteren;Politie;Tekst;;",                          # row 4: unreadable time
            "29-11-2026 13:10;Politie;Toekomst;;",               # row 5: > 5 min in the future
            "29-11-2026 10:02;;Zonder bron;;",                   # row 6: no source
            "29-11-2026 10:03;GGD;Tekst;Z9;misschien",           # row 7: grade + reliability
            "29-11-2026 13:30;GGD;" + "x" * 20_001 + ";;",       # row 8: future + too long
            "29-11-2026 13:04;GGD;Binnen marge;;",               # row 9: 4 min ahead is fine
        ]
    ).encode()
    table = read_table(data, "x.csv")
    result = map_rows(table, suggest_mapping(table.columns), NOW)
    assert [d.row_number for d in result.drafts] == [2, 9]
    assert result.drafts[0].grade == AdmiraltyGrade("B", "2")
    assert sorted({e.row_number for e in result.errors}) == [3, 4, 5, 6, 7, 8]
    by_row: dict[int, list[str]] = {}
    for error in result.errors:
        by_row.setdefault(error.row_number, []).append(error.message)
    assert "leeg" in by_row[3][0]
    assert "onleesbaar tijdstip" in by_row[4][0]
    assert "toekomst" in by_row[5][0]
    assert "bron" in by_row[6][0]
    assert len(by_row[7]) == 2
    assert len(by_row[8]) == 2 and any("langer" in m for m in by_row[8])


def test_default_source_fills_empty_source_cells() -> None:
    table = read_table(b"Tijd;Melding\n29-11-2026 10:00;Iets\n", "x.csv")
    with pytest.raises(TableMappingError, match="source"):
        map_rows(table, {"Tijd": "occurred_at", "Melding": "text"}, NOW)
    result = map_rows(table, {"Tijd": "occurred_at", "Melding": "text"}, NOW, default_source="Log GBT")
    assert result.drafts[0].source == "Log GBT"


@pytest.mark.parametrize(
    ("mapping", "match"),
    [
        ({"Tijd": "occurred_at", "Bron": "source", "Melding": "tekst"}, "onbekend veld"),
        ({"Tijd": "occurred_at", "Bron": "source", "Nope": "text"}, "kolom"),
        ({"Tijd": "occurred_at", "Bron": "text", "Melding": "text"}, "twee keer"),
        ({"Bron": "source", "Melding": "text"}, "occurred_at"),
    ],
)
def test_mapping_errors(mapping: dict[str, str], match: str) -> None:
    table = read_table(b"Tijd;Bron;Melding\n29-11-2026 10:00;a;b\n", "x.csv")
    with pytest.raises(TableMappingError, match=match):
        map_rows(table, mapping, NOW)


def test_parse_map_args() -> None:
    assert parse_map_args(["Tijd=occurred_at", "a=b=text"]) == {"Tijd": "occurred_at", "a=b": "text"}
    with pytest.raises(TableMappingError):
        parse_map_args(["zonder-gelijkteken"])


def test_suggest_mapping_dutch_and_english() -> None:
    assert suggest_mapping(
        ["Tijdstip gebeurd", "Bron", "Melding", "Betrouwbaarheid", "Locatie", "Discipline",
         "Persoon", "Beoordeling", "Opmerking"]
    ) == {
        "Tijdstip gebeurd": "occurred_at", "Bron": "source", "Melding": "text",
        "Betrouwbaarheid": "reliability", "Locatie": "location", "Discipline": "discipline",
        "Persoon": "person", "Beoordeling": "grade",
    }
    assert suggest_mapping(["Time (local)", "SOURCE", "Text", "Reliability", "Location"]) == {
        "Time (local)": "occurred_at", "SOURCE": "source", "Text": "text",
        "Reliability": "reliability", "Location": "location",
    }
    # one field per column: the second time-like column is left for the user
    assert suggest_mapping(["Tijd", "Datum"]) == {"Tijd": "occurred_at"}


def test_layout_key_is_stable_and_ignores_case_order_and_accents() -> None:
    key = layout_key(["Tijd", "Bron", "Melding"])
    assert key == layout_key([" melding", "BRON", "Tijd "])
    assert layout_key(["Café"]) == layout_key(["cafe"])
    assert key != layout_key(["Tijd", "Bron", "Tekst"])
    assert len(key) == 16


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-29T10:15:00+01:00", datetime(2026, 11, 29, 9, 15, tzinfo=UTC)),
        ("2026-11-29 10:15", datetime(2026, 11, 29, 9, 15, tzinfo=UTC)),
        ("29-11-2026 10:15", datetime(2026, 11, 29, 9, 15, tzinfo=UTC)),
        ("29/11/2026 10:15:30", datetime(2026, 11, 29, 9, 15, 30, tzinfo=UTC)),
        ("01-07-2026 10:15", datetime(2026, 7, 1, 8, 15, tzinfo=UTC)),  # summer time
        (datetime(2026, 11, 29, 10, 15), datetime(2026, 11, 29, 9, 15, tzinfo=UTC)),
    ],
)
def test_time_formats(value: object, expected: datetime) -> None:
    assert parse_cell_time(value) == expected


def test_excel_serial_only_for_workbooks() -> None:
    assert parse_cell_time(46355.5, allow_serial=True) == datetime(2026, 11, 29, 11, 0, tzinfo=UTC)
    with pytest.raises(ValueError):
        parse_cell_time(46355.5)
    with pytest.raises(ValueError, match="datum"):
        parse_cell_time(46355, allow_serial=True)


@pytest.mark.parametrize("value", ["29-11-2026", "10:15", "32-13-2026 10:00", None, "  "])
def test_unreadable_times(value: object) -> None:
    with pytest.raises(ValueError):
        parse_cell_time(value)


@pytest.mark.parametrize(
    ("data", "name", "match"),
    [
        (b"", "x.csv", "leeg"),
        (b"Tijd;Bron\n", "x.csv", "geen gegevensrijen"),
        (b"a,b\n1,2\n", "x.ods", "onbekend bestandsformaat"),
        (b"a,b\n1,2\n", "x.xls", ".xls"),
        (bytes(range(256)) * 4, "x.csv", "binair"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)), "x.csv", "binair"),
        (b"PK\x03\x04rommel", "x.xlsx", "Excel"),
        (b"geen zip", "x.xlsx", "Excel"),
        (b"{not json", "x.json", "JSON"),
        (b'{"a": 1}', "x.json", "lijst"),
        (b"[1, 2]", "x.json", "object"),
        (b"[" * 100_000 + b"]" * 100_000, "x.json", "JSON"),
    ],
)
def test_refused_files(data: bytes, name: str, match: str) -> None:
    with pytest.raises(TableRefused, match=match) as info:
        read_table(data, name)
    assert "\n" not in info.value.reason


def test_size_and_row_limits(tmp_path: Path) -> None:
    with pytest.raises(TableRefused, match="te groot"):
        read_table(b"a;b\n" + b"1;2\n" * 100, "x.csv", max_bytes=100)
    with pytest.raises(TableRefused, match="rijen"):
        read_table(b"a;b\n" + b"1;2\n" * 11, "x.csv", max_rows=10)
    with pytest.raises(TableRefused, match="rijen"):
        read_table(xlsx([["a"]] + [[i] for i in range(11)]), "x.xlsx", max_rows=10)
    path = tmp_path / "groot.csv"
    path.write_bytes(b"a;b\n" + b"1;2\n" * 100)
    with pytest.raises(TableRefused, match="te groot"):
        read_table_file(path, max_bytes=100)
    assert len(read_table_file(path).rows) == 100
    with pytest.raises(TableRefused, match="gelezen"):
        read_table_file(tmp_path / "bestaat-niet.csv")


def test_content_key_is_stable() -> None:
    table = TableData(("t", "s", "x"), (TableRow(2, ("29-11-2026 10:00", "a", "b")),), "csv")
    mapping = {"t": "occurred_at", "s": "source", "x": "text"}
    (one,) = map_rows(table, mapping, NOW).drafts
    (two,) = map_rows(table, mapping, NOW).drafts
    assert one.content_key == two.content_key
    other = TableData(("t", "s", "x"), (TableRow(2, ("29-11-2026 10:00", "a", "c")),), "csv")
    assert map_rows(other, mapping, NOW).drafts[0].content_key != one.content_key


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(';,\t|"\n\r ab1:-/é\x00\x1b')), max_size=200))
def test_generated_csv_only_ever_refused(text: str) -> None:
    for encoding in ("utf-8", "utf-16"):
        try:
            table = read_table(text.encode(encoding), "x.csv")
        except TableRefused as exc:
            assert exc.reason
            continue
        assert table.columns and table.rows
        width = len(table.columns)
        assert all(len(row.values) == width for row in table.rows)
        mapping = dict(zip(table.columns, ("occurred_at", "source", "text"), strict=False))
        if len(mapping) == 3:
            map_rows(table, mapping, NOW)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["x.csv", "x.json", "x.xlsx"]))
def test_generated_bytes_only_ever_refused(data: bytes, name: str) -> None:
    try:
        read_table(data, name)
    except TableRefused as exc:
        assert exc.reason


@pytest.mark.parametrize("value", [
    "0850-03-01T10:00:00+00:00", "01-03-1850 10:00", "2200-01-01T00:00:00Z",
    datetime(1850, 3, 1, 10, 0), datetime(2250, 1, 1, 10, 0),
])
def test_cell_times_outside_the_one_time_rule_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="1900-01-01"):
        parse_cell_time(value)


def test_excel_serials_follow_the_one_time_rule() -> None:
    assert parse_cell_time(45000.5, allow_serial=True).year == 2023
    with pytest.raises(ValueError, match="2200-01-01"):
        parse_cell_time(120_000.5, allow_serial=True)  # the year 2228


def test_a_sheet_row_outside_the_rule_is_a_row_error() -> None:
    table = read_table(xlsx([["Tijd", "Bron", "Melding"],
                             [datetime(1850, 3, 1, 10, 0), "Politie", "Oud"],
                             [datetime(2026, 11, 29, 10, 0), "Politie", "Nieuw"]]), "log.xlsx")
    result = map_rows(table, MAPPING, NOW)
    assert [d.text for d in result.drafts] == ["Nieuw"]
    assert result.errors[0].row_number == 2 and "1900-01-01" in result.errors[0].message


def test_a_csv_header_of_a_million_columns_is_refused_before_padding() -> None:
    """Every row is padded to the widest: 1 MB of header times 40,000 rows was gigabytes."""
    import time as clock

    data = (";".join(["a"] * 500_000) + "\n" + "10:15;Politie;Rook\n" * 40_000).encode()
    started = clock.perf_counter()
    with pytest.raises(TableRefused, match="kolommen"):
        read_table(data, "breed.csv")
    assert clock.perf_counter() - started < 5


def test_json_objects_with_thousands_of_keys_are_refused() -> None:
    data = json.dumps([{f"k{i}": i for i in range(1_000)}]).encode()
    with pytest.raises(TableRefused, match="kolommen"):
        read_table(data, "breed.json")
