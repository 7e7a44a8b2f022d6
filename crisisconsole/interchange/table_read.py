"""Read an untrusted .xlsx, .csv or .json file into plain rows (issue 7, item 4).

Municipal crisis logs arrive from Excel on Dutch Windows machines: semicolon-separated CSV in
Windows-1252, UTF-8 with or without a BOM, workbooks with real date cells. This module only
turns bytes into a header and rows, keeping each row's number as the user sees it in the file
(blank rows counted), so errors can point at the right line. Mapping columns to log fields
lives in ``table_import``.

The header is the row the user names (``header_row``, 1-based) or the one proposed
(``table_header``: a title row above it is skipped, a two-row merged header gives "Parent
Child" names). A workbook's sheet can be named; the first is read otherwise. A date cell whose
format shows no time is read as a date, never as midnight, and times are rounded to the second.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import warnings
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.interchange.table_header import (
    Merge,
    bad_header_row,
    header_span,
    merged_names,
    propose_header,
    read_merges,
    unknown_sheet,
)
from crisisconsole.interchange.xlsx_guard import (
    MAX_BLANK_ROWS,
    MAX_VALUE_COLUMN,
    WorkbookRefused,
    check_workbook,
)

MAX_TABLE_BYTES = 20_000_000
MAX_TABLE_ROWS = 50_000
MAX_COLUMNS = MAX_VALUE_COLUMN  # a log has a handful; rows are padded to the widest
# A small .xlsx can unpack to gigabytes (zip bomb): xlsx_guard checks it before openpyxl does.
_SNIFF_CHARS = 16_384
_DELIMITERS = ";,\t|"

CellValue = object  # str, int, float, bool, datetime, date, time or None


class TableRefused(ValidationError, ValueError):
    """A table file the console will not read; ``reason`` is one line for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class TableRow:
    number: int  # 1-based; in .xlsx/.csv the row as shown in a spreadsheet, in .json the object
    values: tuple[CellValue, ...]


@dataclass(frozen=True)
class TableData:
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    kind: str  # "xlsx", "csv" or "json"
    header_row: int = 1  # the (first) header row as numbered in the file; 0 for JSON
    header_rows: int = 1  # 2 for a two-row merged header
    proposed_header_row: int = 1  # what the console would take without being told
    sheets: tuple[str, ...] = ()  # a workbook's sheets, in order
    sheet: str | None = None  # the sheet read


def read_table_file(
    path: Path, *, max_bytes: int = MAX_TABLE_BYTES, max_rows: int = MAX_TABLE_ROWS,
    sheet: str | None = None, header_row: int | None = None,
) -> TableData:
    """Checks the size before reading, so a huge file is never loaded into memory."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TableRefused(_too_large(max_bytes))
        data = path.read_bytes()
    except OSError:
        raise TableRefused(tr("bestand kan niet worden gelezen", "file cannot be read")) from None
    return read_table(data, path.name, max_bytes=max_bytes, max_rows=max_rows, sheet=sheet,
                      header_row=header_row)


@dataclass(frozen=True)
class _Layout:
    columns: tuple[str, ...]
    rows: list[TableRow]
    header_row: int = 0
    header_rows: int = 1
    proposed: int = 0
    sheets: tuple[str, ...] = ()
    sheet: str | None = None


def read_table(
    data: bytes,
    filename: str,
    *,
    max_bytes: int = MAX_TABLE_BYTES,
    max_rows: int = MAX_TABLE_ROWS,
    sheet: str | None = None,
    header_row: int | None = None,
) -> TableData:
    """The format follows the file name's extension (.xlsx, .csv/.txt, .json). ``sheet``
    names a workbook's sheet; ``header_row`` (1-based) the header, else one is proposed."""
    if len(data) > max_bytes:
        raise TableRefused(_too_large(max_bytes))
    if not data.strip():
        raise TableRefused(tr("leeg bestand", "empty file"))
    if header_row is not None and not 1 <= header_row <= MAX_TABLE_ROWS:
        raise TableRefused(bad_header_row(header_row))
    suffix = Path(filename).suffix.lower()
    if sheet is not None and suffix != ".xlsx":
        raise TableRefused(tr("alleen een Excel-werkmap (.xlsx) heeft werkbladen",
                              "only an Excel workbook (.xlsx) has sheets"))
    if suffix == ".xlsx":
        layout = _read_xlsx(data, max_rows, sheet, header_row)
        kind = "xlsx"
    elif suffix in (".csv", ".txt"):
        layout = _read_csv(data, max_rows, header_row)
        kind = "csv"
    elif suffix == ".json":
        columns, rows = _read_json(data, max_rows)
        layout = _Layout(columns, rows)
        kind = "json"
    elif suffix == ".xls":
        raise TableRefused(
            tr("oud Excel-formaat (.xls): sla op als .xlsx of .csv", "old .xls format, save as .xlsx")
        )
    else:
        raise TableRefused(
            tr("onbekend bestandsformaat: gebruik .xlsx, .csv of .json", "unknown file format")
        )
    if not layout.rows:
        raise TableRefused(_no_rows())
    return TableData(layout.columns, tuple(layout.rows), kind, layout.header_row,
                     layout.header_rows, layout.proposed, layout.sheets, layout.sheet)


def _no_rows() -> str:
    return tr("geen gegevensrijen onder de kopregel", "no data rows")


def _too_large(max_bytes: int) -> str:
    return tr(f'bestand te groot (meer dan {max_bytes // 1000000} MB)', f"file too large (more than {max_bytes // 1000000} MB)")


def _too_many(max_rows: int) -> str:
    return tr(f'meer dan {max_rows} rijen', f'more than {max_rows} rows')


def _header(values: tuple[CellValue, ...] | list[CellValue]) -> list[str]:
    """Empty headers get a name and duplicates a suffix, so every column can be mapped."""
    names: list[str] = []
    seen: set[str] = set()
    for index, value in enumerate(values, start=1):
        name = " ".join(str(value).split()) if value is not None else ""
        name = name or f"kolom {index}"
        base, count = name, 1
        while name.lower() in seen:
            count += 1
            name = f"{base} ({count})"
        seen.add(name.lower())
        names.append(name)
    return names


def _is_blank(values: tuple[CellValue, ...] | list[CellValue]) -> bool:
    return _used(values) == 0


def _used(values: tuple[CellValue, ...] | list[CellValue]) -> int:
    """Length up to the last non-empty cell (Excel keeps trailing empty, formatted cells)."""
    for index in range(len(values) - 1, -1, -1):
        value = values[index]
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return index + 1
    return 0


def _build(
    numbered: list[tuple[int, list[CellValue] | tuple[CellValue, ...]]], max_rows: int,
    header_row: int | None = None, merges: tuple[Merge, ...] = (),
) -> _Layout:
    """The header (named, or proposed) and the rows under it; rows above it are left out.
    Data beyond the header gets generated column names."""
    body = [(number, values) for number, values in numbered if not _is_blank(values)]
    if not body:
        raise TableRefused(tr("geen kopregel gevonden", "no header row"))
    proposed = propose_header(body, merges)
    chosen = proposed if header_row is None else header_row
    position = next((i for i, (number, _) in enumerate(body) if number == chosen), None)
    if position is None:
        raise TableRefused(bad_header_row(chosen))
    number, header = body[position]
    following = body[position + 1] if position + 1 < len(body) else None
    span = header_span(number, merges, following[1] if following and
                       following[0] == number + 1 else None)
    body = body[position + span:]
    if len(body) > max_rows:
        raise TableRefused(_too_many(max_rows))
    second = following[1] if span == 2 and following else None
    width = max([_used(header), _used(second or ())] + [_used(values) for _, values in body])
    if width > MAX_COLUMNS:  # every row is padded to the widest one
        raise TableRefused(_too_wide())
    names = merged_names(number, header, second, merges, width) if merges else (
        list(header[:width]) + [None] * (width - len(header[:width])))
    columns = tuple(_header(names))
    rows = []
    for row_number, values in body:
        cells = tuple(values[:width])
        rows.append(TableRow(row_number, cells + (None,) * (width - len(cells))))
    return _Layout(columns, rows, number, span, proposed)


def _read_xlsx(data: bytes, max_rows: int, sheet_name: str | None = None,
               header_row: int | None = None) -> _Layout:
    if not data.startswith(b"PK\x03\x04"):
        raise TableRefused(tr("geen geldig Excel-bestand (.xlsx)", "not a valid .xlsx file"))
    from openpyxl import load_workbook  # a heavy import, only when a workbook comes in

    try:
        check_workbook(data, max_rows=max_rows)  # zip and sheet bombs, before openpyxl
    except WorkbookRefused as error:
        raise TableRefused(str(error)) from None
    try:
        with warnings.catch_warnings():
            # openpyxl warns about harmless workbook quirks (missing styles, data validation).
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheets = tuple(workbook.sheetnames)
                if sheet_name is not None and sheet_name not in sheets:
                    raise TableRefused(unknown_sheet(sheet_name, sheets))
                # Named, or the first sheet with rows under a header (a cover sheet first is
                # common in a department's workbook).
                candidates = [workbook[sheet_name]] if sheet_name else workbook.worksheets
                first_refusal: TableRefused | None = None
                for sheet in candidates:
                    # The sheet's own <dimension> is not trusted: openpyxl pads every row to it.
                    sheet.reset_dimensions()
                    numbered = _xlsx_rows(sheet, max_rows)
                    with sheet._get_source() as source:  # its own part, within the caps
                        merges = read_merges(source)
                    try:
                        layout = _build(numbered, max_rows, header_row, merges)
                    except TableRefused as refusal:
                        first_refusal = first_refusal or refusal
                        continue
                    if layout.rows or sheet is candidates[-1]:
                        return _Layout(layout.columns, layout.rows, layout.header_row,
                                       layout.header_rows, layout.proposed, sheets, sheet.title)
                raise first_refusal or TableRefused(_no_rows())
            finally:
                workbook.close()
    except TableRefused:
        raise
    except Exception:  # openpyxl raises a wide, undocumented set of errors on hostile files
        raise TableRefused(tr("Excel-bestand is beschadigd of onleesbaar", "workbook is unreadable")) from None


def _xlsx_rows(sheet: Any, max_rows: int) -> list[tuple[int, tuple[CellValue, ...]]]:
    from openpyxl.styles.numbers import is_datetime

    numbered: list[tuple[int, tuple[CellValue, ...]]] = []
    blank = 0
    for number, cells in enumerate(sheet.iter_rows(max_col=MAX_VALUE_COLUMN), start=1):
        values = tuple(_xlsx_value(cell, is_datetime) for cell in cells)
        used = _used(values)
        if not used:
            blank += 1
            if blank > MAX_BLANK_ROWS:
                raise TableRefused(_too_many_blank())
            continue
        numbered.append((number, values[:used]))
        if len(numbered) > max_rows + 1:
            raise TableRefused(_too_many(max_rows))
    return numbered


def _xlsx_value(cell: Any, is_datetime: Any) -> CellValue:
    """The cell's value; a date cell whose format shows no time is a ``date`` (never 00:00),
    and times are rounded to the second."""
    value = getattr(cell, "value", None)
    if isinstance(value, datetime):
        if is_datetime(getattr(cell, "number_format", None) or "General") == "date":
            return value.date()
        return _round_second(value)
    if isinstance(value, time):
        moment = _round_second(datetime.combine(date(2000, 1, 1), value))
        return moment.time() if moment.date() == date(2000, 1, 1) else time(23, 59, 59)
    return value


def _round_second(value: datetime) -> datetime:
    return (value + timedelta(microseconds=500_000)).replace(microsecond=0)


def _too_wide() -> str:
    return tr(f"meer dan {MAX_COLUMNS} kolommen; niet ingelezen",
              f"more than {MAX_COLUMNS} columns; not read")


def _too_many_blank() -> str:
    return tr(f"meer dan {MAX_BLANK_ROWS} lege rijen; niet ingelezen",
              f"more than {MAX_BLANK_ROWS} blank rows; not read")


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)  # Excel's "Unicode text" export
    else:
        head = data[:_SNIFF_CHARS]
        controls = sum(1 for byte in head if byte < 0x20 and byte not in b"\t\r\n")
        if b"\x00" in data or controls > len(head) // 50:
            raise TableRefused(tr("binair bestand, geen tekst", "binary file, not text"))
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:_SNIFF_CHARS]
        controls = sum(1 for char in sample if char < " " and char not in "\t\r\n")
        if "\x00" in text or controls > len(sample) // 50:
            raise TableRefused(tr("binair bestand, geen tekst", "binary file, not text"))
        return text
    raise TableRefused(tr("onbekende tekencodering: gebruik UTF-8", "unknown text encoding"))


def _delimiter(text: str) -> str:
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first_line = sample.split("\n", 1)[0]
        counts = {delimiter: first_line.count(delimiter) for delimiter in _DELIMITERS}
        best = max(counts, key=lambda delimiter: counts[delimiter])
        return best if counts[best] else ","


def _read_csv(data: bytes, max_rows: int, header_row: int | None = None) -> _Layout:
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=False)
    numbered: list[tuple[int, list[CellValue]]] = []
    try:
        for number, values in enumerate(reader, start=1):
            if len(values) > MAX_COLUMNS and _used(values) > MAX_COLUMNS:
                raise TableRefused(_too_wide())
            if _is_blank(values):
                continue
            numbered.append((number, [value.strip() for value in values]))
            if len(numbered) > max_rows + 1:
                raise TableRefused(_too_many(max_rows))
    except csv.Error:
        raise TableRefused(tr("CSV-bestand is onleesbaar (te grote cel of kapotte opmaak)", "unreadable CSV")) from None
    return _build(numbered, max_rows, header_row)


def _read_json(data: bytes, max_rows: int) -> tuple[tuple[str, ...], list[TableRow]]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise TableRefused(tr("geen geldige JSON (UTF-8)", "not valid JSON")) from None
    if isinstance(document, dict) and isinstance(document.get("entries"), list):
        document = document["entries"]
    if not isinstance(document, list):
        raise TableRefused(
            tr("JSON moet een lijst van objecten zijn, of {\"entries\": [...]}", "expected a list of objects")
        )
    if len(document) > max_rows:
        raise TableRefused(_too_many(max_rows))
    columns: dict[str, None] = {}
    for index, item in enumerate(document, start=1):
        if not isinstance(item, dict):
            raise TableRefused(tr(f'JSON-element {index} is geen object', f'item {index} is not an object'))
        for key in item:
            columns.setdefault(str(key), None)
    if not columns:
        raise TableRefused(tr("JSON-objecten zonder velden", "objects without fields"))
    if len(columns) > MAX_COLUMNS:
        raise TableRefused(_too_wide())
    names = tuple(_header(list(columns)))
    keys = list(columns)
    rows = []
    for index, item in enumerate(document, start=1):
        values = tuple(_json_cell(item.get(key)) for key in keys)
        if not _is_blank(values):
            rows.append(TableRow(index, values))
    return names, rows


def _json_cell(value: object) -> CellValue:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value
