"""Bounds for an untrusted .xlsx before openpyxl touches it (issue 11, "Hostile files").

A workbook is a zip of XML parts, and both layers can be turned into bombs that a size limit on
the file alone does not catch: 370 KB of zip that unpacks to 188 MB of blank rows (openpyxl
walked it for minutes, 1.3 GB), or 527 KB holding one row of 4.7 million cells (openpyxl builds
a row element whole before it hands it out: 4.3 GB). So, before openpyxl opens the file:

1. the zip's directory is checked: number of parts, each part's declared size, the total and
   the compression ratio;
2. every part is then decompressed as a stream with a byte budget, so a header that lies about
   a size is caught by what actually comes out (zipfile stops at the declared size and checks
   the CRC, which a longer stream fails);
3. while the worksheets and the shared strings stream by, a hardened expat parser (defusedxml's:
   no DTD, no entities) counts rows, cells, blank rows, the column of each value and the number
   of strings, and stops at the first cap it passes.

Memory stays at one chunk plus the parser's state; time is bounded by the byte budget. The
caps are far above what a crisis log of 50,000 rows needs, far below what hurts a laptop.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from crisisconsole.i18n import tr

MAX_MEMBERS = 2_000
MAX_UNPACKED = 150_000_000  # all parts together
MAX_SHEET_BYTES = 100_000_000  # one worksheet
MAX_STRINGS_BYTES = 50_000_000  # the shared strings
MAX_PART_BYTES = 16_000_000  # any other part (styles, workbook, relations, ...)
MAX_RATIO = 100  # unpacked : packed, for parts of more than RATIO_FROM bytes
RATIO_FROM = 2_000_000
MAX_CELLS = 2_500_000  # cell elements in all worksheets
MAX_ROW_CELLS = 16_384  # cell elements in one row (Excel's own column limit)
MAX_VALUE_COLUMN = 256  # a value beyond column IV: not a log, and openpyxl would pad to it
MAX_BLANK_ROWS = 100_000  # rows without a value, gaps in the row numbers included
MAX_ROW_NUMBER = 1_048_576  # Excel's own row limit
MAX_STRINGS = 1_000_000
CHUNK = 1 << 20


class WorkbookRefused(ValueError):
    """The workbook passes a cap; the message is one line for the user."""


def check_workbook(data: bytes, *, max_rows: int) -> None:
    """Refuse (``WorkbookRefused``) a workbook whose parts or sheets pass a cap."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_directory(infos)
            budget = MAX_UNPACKED
            scans = _Totals(max_rows)
            for info in infos:
                budget = _stream(archive, info, budget, scans)
    except WorkbookRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
            NotImplementedError, DefusedXmlException, ExpatError, ParseError) as error:
        raise WorkbookRefused(tr(
            f"Excel-bestand is beschadigd of onleesbaar ({type(error).__name__})",
            f"workbook is damaged or unreadable ({type(error).__name__})")) from None


def _limit(name: str) -> int:
    lower = name.lower()
    if lower.startswith("xl/worksheets/") and lower.endswith(".xml"):
        return MAX_SHEET_BYTES
    if lower == "xl/sharedstrings.xml":
        return MAX_STRINGS_BYTES
    return MAX_PART_BYTES


def _too_big() -> WorkbookRefused:
    return WorkbookRefused(tr("Excel-bestand pakt te groot uit (zip-bom?); niet ingelezen",
                              "workbook unpacks too large (zip bomb?); not read"))


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise WorkbookRefused(tr(f"Excel-bestand met meer dan {MAX_MEMBERS} onderdelen",
                                 f"workbook with more than {MAX_MEMBERS} parts"))
    if sum(info.file_size for info in infos) > MAX_UNPACKED:
        raise _too_big()
    for info in infos:
        if info.file_size > _limit(info.filename):
            raise _too_big()
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _too_big()


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int,
            totals: _Totals) -> int:
    """Decompress one part in chunks against the byte budget; scan it if it is a sheet or the
    shared strings. Returns the budget left."""
    lower = info.filename.lower()
    scan: _Scan | None = None
    if lower.startswith("xl/worksheets/") and lower.endswith(".xml"):
        scan = _Scan(_SheetCounter(totals))
    elif lower == "xl/sharedstrings.xml":
        scan = _Scan(_StringCounter(totals))
    limit = _limit(info.filename)
    seen = 0
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            seen += len(chunk)
            budget -= len(chunk)
            if seen > limit or budget < 0:
                raise _too_big()
            if scan is not None:
                scan.feed(chunk)
    if scan is not None:
        scan.close()
    return budget


class _Totals:
    """Counts over all worksheets and the shared strings of one workbook."""

    def __init__(self, max_rows: int) -> None:
        self.max_rows = max_rows
        self.cells = 0
        self.strings = 0


class _Scan:
    """A hardened expat parser (defusedxml: DTDs and entities refused) fed in chunks, whose
    element callbacks go to a counter instead of building a tree."""

    def __init__(self, counter: _SheetCounter | _StringCounter) -> None:
        self._parser = DefusedXMLParser(forbid_dtd=True)
        expat = self._parser.parser
        expat.ordered_attributes = False
        expat.StartElementHandler = counter.start
        # Text is not looked at: no callback per piece of it (ElementTree's default handler
        # would be called for every one). defusedxml's DTD and entity handlers stay.
        expat.EndElementHandler = None
        expat.CharacterDataHandler = None
        expat.DefaultHandlerExpand = None
        self._counter = counter

    def feed(self, chunk: bytes) -> None:
        self._parser.feed(chunk)

    def close(self) -> None:
        self._parser.parser.Parse(b"", True)  # the end of the part: unclosed elements fail here
        self._counter.finish()


_LOCAL: dict[str, str] = {}


def _local(tag: str) -> str:
    """The tag without its namespace (expat interns tags, so the cache lookup is cheap)."""
    name = _LOCAL.get(tag)
    if name is None:
        name = tag[tag.rfind("}") + 1:]
        if len(_LOCAL) < 256:  # a hostile file may invent any number of tags
            _LOCAL[tag] = name
    return name


def _column(reference: str) -> int:
    """The column number of a cell reference ("C7" -> 3, "AB12" -> 28)."""
    if reference[1:2].isdigit():  # the common case: one letter
        return ord(reference[0].upper()) - 64
    letters = reference.rstrip("0123456789").upper()
    number = 0
    for letter in letters[:4]:
        number = number * 26 + (ord(letter) - 64)
    return number if len(letters) <= 3 else MAX_ROW_CELLS + 1


class _SheetCounter:
    """Rows, cells, blank rows and value columns of one worksheet, as expat reports them."""

    def __init__(self, totals: _Totals) -> None:
        self.totals = totals
        self.row = 0  # the current row number (as openpyxl numbers them)
        self.row_cells = 0
        self.row_has_value = True  # nothing open yet
        self.column = 0
        self.blank = 0
        self.data_rows = 0

    def start(self, tag: str, attrs: dict[str, Any]) -> None:
        name = _local(tag)
        if name == "c":
            self.row_cells += 1
            self.totals.cells += 1
            reference = attrs.get("r")
            self.column = _column(reference) if reference else self.column + 1
            if self.row_cells > MAX_ROW_CELLS or self.column > MAX_ROW_CELLS:
                raise WorkbookRefused(tr(
                    f"rij {self.row} heeft meer dan {MAX_ROW_CELLS} cellen; niet ingelezen",
                    f"row {self.row} has more than {MAX_ROW_CELLS} cells; not read"))
            if self.totals.cells > MAX_CELLS:
                raise WorkbookRefused(tr(f"meer dan {MAX_CELLS} cellen; niet ingelezen",
                                         f"more than {MAX_CELLS} cells; not read"))
        elif name in ("v", "is", "f"):
            if not self.row_has_value:
                self.row_has_value = True
                self.data_rows += 1
                if self.data_rows > self.totals.max_rows + 1:  # the header row comes on top
                    raise WorkbookRefused(tr(f"meer dan {self.totals.max_rows} rijen",
                                             f"more than {self.totals.max_rows} rows"))
            if self.column > MAX_VALUE_COLUMN:
                raise WorkbookRefused(tr(
                    f"rij {self.row}: een waarde voorbij kolom {MAX_VALUE_COLUMN}; niet ingelezen",
                    f"row {self.row}: a value beyond column {MAX_VALUE_COLUMN}; not read"))
        elif name == "row":
            self._end_row()
            number = attrs.get("r")
            following = self.row + 1
            try:
                self.row = int(float(number)) if number else following
            except ValueError:
                raise WorkbookRefused(tr("ongeldig rijnummer in het werkblad",
                                         "invalid row number in the worksheet")) from None
            if not following <= self.row <= MAX_ROW_NUMBER:
                raise WorkbookRefused(tr("rijnummers buiten Excels bereik of door elkaar",
                                         "row numbers outside Excel's range or out of order"))
            self._blank(self.row - following)  # rows left out count as blank rows
            self.row_cells = self.column = 0
            self.row_has_value = False

    def _end_row(self) -> None:
        if not self.row_has_value:
            self._blank(1)

    def _blank(self, count: int) -> None:
        self.blank += count
        if self.blank > MAX_BLANK_ROWS:
            raise WorkbookRefused(tr(f"meer dan {MAX_BLANK_ROWS} lege rijen; niet ingelezen",
                                     f"more than {MAX_BLANK_ROWS} blank rows; not read"))

    def finish(self) -> None:
        self._end_row()


class _StringCounter:
    """The number of shared strings (openpyxl keeps them all in memory)."""

    def __init__(self, totals: _Totals) -> None:
        self.totals = totals

    def start(self, tag: str, attrs: dict[str, Any]) -> None:
        if _local(tag) == "si":
            self.totals.strings += 1
            if self.totals.strings > MAX_STRINGS:
                raise WorkbookRefused(tr(f"meer dan {MAX_STRINGS} teksten in het werkboek",
                                         f"more than {MAX_STRINGS} texts in the workbook"))

    def finish(self) -> None:
        return None
