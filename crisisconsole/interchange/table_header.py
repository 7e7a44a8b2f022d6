"""Where a department's spreadsheet has its header, and what its columns are called (issue 15).

Logs made by hand rarely start with their header in row 1: a title row ("Logboek GBT 12
maart") comes first, or the header is two rows with merged cells ("Melding" over "Bron" and
"Tekst"). So the header row can be named (1-based, as the spreadsheet shows it), and when it is
not, one is proposed: the first of the first rows that names at least two columns and covers at
least half of the columns the rows below it use. A header row with a cell merged across columns
whose next row names the columns under it is a two-row header; its columns are called "Parent
Child" ("Melding Bron", "Melding Tekst"), and a cell merged down over both rows keeps its one
name. Merged ranges come from the worksheet's own <mergeCells>, read with the hardened parser
(the workbook's size caps were checked before, see xlsx_guard).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO

from defusedxml.ElementTree import DefusedXMLParser

from crisisconsole.i18n import tr

PROPOSE_WITHIN = 30  # rows looked at for a header; a title block is never longer
MAX_MERGES = 10_000

CellValue = object


@dataclass(frozen=True)
class Merge:
    """A merged range, 1-based and inclusive (row as numbered in the sheet)."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int


def _cell_ref(ref: str) -> tuple[int, int]:
    letters = "".join(c for c in ref if c.isalpha()).upper()
    digits = "".join(c for c in ref if c.isdigit())
    col = 0
    for letter in letters:
        col = col * 26 + (ord(letter) - 64)
    return int(digits or 0), col


def read_merges(stream: IO[bytes], *, chunk: int = 1 << 16) -> tuple[Merge, ...]:
    """The <mergeCell ref="B1:C1"/> ranges of one worksheet part (streamed; at most
    MAX_MERGES, the rest ignored: only the header's matter)."""
    found: list[Merge] = []

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag.rsplit("}", 1)[-1] == "mergeCell" and len(found) < MAX_MERGES:
            first, _, last = (attrs.get("ref") or "").partition(":")
            (r1, c1), (r2, c2) = _cell_ref(first), _cell_ref(last or first)
            if r1 and c1 and r2 >= r1 and c2 >= c1:
                found.append(Merge(r1, c1, r2, c2))

    parser = DefusedXMLParser(forbid_dtd=True)
    expat = parser.parser
    expat.ordered_attributes = False
    expat.StartElementHandler = start
    expat.EndElementHandler = None
    while True:
        data = stream.read(chunk)
        if not data:
            break
        parser.feed(data)
    return tuple(found)


def _filled(value: CellValue) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _covered(number: int, values: Sequence[CellValue], merges: Iterable[Merge]) -> set[int]:
    """1-based columns this row fills, a merged range counting for all its columns."""
    columns = {i + 1 for i, v in enumerate(values) if _filled(v)}
    for m in merges:
        if m.first_row <= number <= m.last_row and (m.first_col in columns
                                                     or m.first_row < number):
            columns.update(range(m.first_col, m.last_col + 1))
    return columns


def propose_header(numbered: Sequence[tuple[int, Sequence[CellValue]]],
                   merges: Sequence[Merge] = ()) -> int:
    """The row number to take as the header (``numbered``: the non-blank rows in order)."""
    head = list(numbered[:PROPOSE_WITHIN])
    if not head:
        return 0
    for position, (number, values) in enumerate(head):
        names = sum(1 for v in values if _filled(v))
        below = [len(_covered(n, v, merges)) for n, v in head[position + 1:position + 6]]
        width = max(below or [len(values)])
        if names >= 2 and len(_covered(number, values, merges)) * 2 >= width:
            return number
    return head[0][0]


def header_span(number: int, merges: Sequence[Merge],
                following: Sequence[CellValue] | None) -> int:
    """2 when the header row at ``number`` has a cell merged across columns and the next row
    names columns under it (a two-row header), else 1."""
    if following is None:
        return 1
    across = [m for m in merges if m.first_row == number and m.last_col > m.first_col
              and m.last_row == number]
    under = {i + 1 for i, v in enumerate(following) if _filled(v)}
    return 2 if any(under & set(range(m.first_col, m.last_col + 1)) for m in across) else 1


def merged_names(number: int, top: Sequence[CellValue], below: Sequence[CellValue] | None,
                 merges: Sequence[Merge], width: int) -> list[CellValue]:
    """The header's names, column by column: a merged cell's value fills its range; with a
    second row, "Parent Child" (or the one name where only one is given or both are equal)."""
    def spread(row: int, values: Sequence[CellValue]) -> list[CellValue]:
        cells = list(values[:width]) + [None] * (width - len(values[:width]))
        for m in merges:
            if m.first_row <= row <= m.last_row:
                origin = top if m.first_row == number else values
                value = origin[m.first_col - 1] if m.first_col - 1 < len(origin) else None
                if m.first_row < row and m.first_row == number:
                    continue  # merged down from the parent row: the parent names it
                for col in range(m.first_col, min(m.last_col, width) + 1):
                    cells[col - 1] = value
        return cells

    parents = spread(number, top)
    if below is None:
        return parents
    children = spread(number + 1, below)
    names: list[CellValue] = []
    for parent, child in zip(parents, children, strict=True):
        p = " ".join(str(parent).split()) if _filled(parent) else ""
        c = " ".join(str(child).split()) if _filled(child) else ""
        names.append(f"{p} {c}" if p and c and p != c else (p or c or None))
    return names


def unknown_sheet(name: str, sheets: Sequence[str]) -> str:
    return tr(f"werkblad {name!r} staat niet in het bestand; wel: {', '.join(sheets)}",
              f"no sheet {name!r} in the workbook; there are: {', '.join(sheets)}")


def bad_header_row(row: int) -> str:
    return tr(f"kopregel {row} is leeg of bestaat niet", f"header row {row} is empty or missing")
