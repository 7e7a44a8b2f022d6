"""Hostile workbooks, made on the spot: a real workbook from openpyxl whose first sheet is
replaced by a stream of XML (written in pieces, never held whole in memory)."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '{dimension}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tijd</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Bron</t></is></c>'
        '<c r="C1" t="inlineStr"><is><t>Melding</t></is></c></row>')
TAIL = "</sheetData></worksheet>"


def _base() -> bytes:
    book = Workbook()
    book.active.append(["Tijd", "Bron", "Melding"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_workbook(path: Path, rows: Callable[[], Iterator[str]], *, dimension: str = "",
                   compression: int = zipfile.ZIP_DEFLATED, head: str = HEAD) -> Path:
    """A workbook at ``path`` whose first sheet holds the header row and then ``rows()``."""
    with zipfile.ZipFile(io.BytesIO(_base())) as source, \
            zipfile.ZipFile(path, "w", compression) as target:
        for info in source.infolist():
            if info.filename == SHEET:
                member = zipfile.ZipInfo(SHEET)
                member.compress_type = compression
                with target.open(member, "w", force_zip64=True) as sheet:
                    sheet.write(head.format(dimension=dimension).encode())
                    batch: list[str] = []
                    for piece in rows():
                        batch.append(piece)
                        if len(batch) >= 4096:
                            sheet.write("".join(batch).encode())
                            batch.clear()
                    sheet.write(("".join(batch) + TAIL).encode())
            else:
                target.writestr(info, source.read(info))
    return path


def blank_rows(path: Path) -> Path:
    """~370 KB that unpacks to ~188 MB of rows whose cells are styled but empty."""
    row = "<row>" + '<c s="0"/>' * 17 + "</row>"  # 187 bytes, the same a million times
    def rows() -> Iterator[str]:
        for _ in range(1_000):
            yield row * 1_000
    return write_workbook(path, rows)


def one_wide_row(path: Path, cells: int = 4_700_000, *, stored: bool = False) -> Path:
    """One data row of ``cells`` cells (without references, so openpyxl numbers them)."""
    def rows() -> Iterator[str]:
        yield '<row r="2">'
        for _ in range(cells // 1000):
            yield "<c><v>1</v></c>" * 1000
        yield "</row>"
    return write_workbook(path, rows, compression=zipfile.ZIP_STORED if stored
                          else zipfile.ZIP_DEFLATED)


def padded_gap(path: Path) -> Path:
    """Tiny: a <dimension> claiming every cell of the sheet and one row at the very end, so
    openpyxl pads a million rows to 16,384 columns each."""
    def rows() -> Iterator[str]:
        yield '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return write_workbook(path, rows, dimension='<dimension ref="A1:XFD1048576"/>')


def lying_sizes(path: Path, real_rows: int = 200_000) -> Path:
    """A workbook whose zip directory declares the sheet far smaller than it unpacks."""
    def rows() -> Iterator[str]:
        for number in range(2, real_rows + 2):
            yield (f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>x</t></is></c>'
                   "</row>")
    write_workbook(path, rows)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(SHEET)
    small = 1000
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_at = start + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_at:name_at + len(SHEET)] == SHEET.encode():
                size_at = start + offset
                if struct.unpack_from("<I", data, size_at)[0] == info.file_size:
                    struct.pack_into("<I", data, size_at, small)
            start += 4
    path.write_bytes(bytes(data))
    return path


def laughs(path: Path) -> Path:
    """The billion laughs, inside the worksheet."""
    entities = '<!ENTITY l0 "ha">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    head = HEAD.replace("\n<worksheet", f"\n<!DOCTYPE worksheet [{entities}]>\n<worksheet")

    def rows() -> Iterator[str]:
        yield '<row r="2"><c r="A2" t="inlineStr"><is><t>&l9;</t></is></c></row>'
    return write_workbook(path, rows, head=head)
