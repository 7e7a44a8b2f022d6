"""Hostile workbooks are refused quickly and in little memory (issue 11, "Hostile files").

Each is read in a child process, which reports its time and peak memory (ru_maxrss), under an
address-space limit so a regression fails instead of taking the machine down. Before the
guard: the blank-row bomb took 186 s and 1.3 GB, the wide row 4.3 GB; the padded gap never
ended.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import xlsx_bombs

from crisisconsole.interchange.table_read import read_table
from crisisconsole.interchange.xlsx_guard import MAX_BLANK_ROWS, MAX_VALUE_COLUMN

REPO = Path(__file__).resolve().parents[3]
_CHILD = """
import json, resource, sys, time
from pathlib import Path
from crisisconsole.interchange.table_read import TableRefused, read_table_file
started = time.perf_counter()
try:
    read_table_file(Path(sys.argv[1]))
    reason = None
except TableRefused as error:
    reason = error.reason
def peak_mb():
    # VmHWM: this program's own peak. ru_maxrss also counts the parent's size at the fork
    # (Linux keeps it across exec), so a big test process made small bombs look big.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"reason": reason, "seconds": time.perf_counter() - started,
                  "rss_mb": peak_mb()}))
"""


def _read_in_child(path: Path) -> dict:
    def limits() -> None:
        if hasattr(resource, "RLIMIT_AS"):
            resource.setrlimit(resource.RLIMIT_AS, (2_500_000_000, 2_500_000_000))

    proc = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True,
                          text=True, timeout=60, cwd=REPO, preexec_fn=limits,
                          env={**os.environ, "CRISISCONSOLE_LANG": "nl"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


@pytest.mark.skipif(os.name != "posix", reason="resource limits are POSIX")
@pytest.mark.parametrize("make,words", [
    (xlsx_bombs.blank_rows, "te groot"),  # 0.85 MB -> 181 MB of styled, empty rows
    (xlsx_bombs.one_wide_row, "te groot"),  # one row of 4.7 million cells
    (lambda p: xlsx_bombs.one_wide_row(p, 1_000_000, stored=True), f"kolom {MAX_VALUE_COLUMN}"),
    (xlsx_bombs.padded_gap, "lege rijen"),  # 5 KB, a dimension of every cell, a million rows
    (xlsx_bombs.lying_sizes, "beschadigd"),  # the zip directory lies about the sheet's size
    (xlsx_bombs.laughs, "beschadigd"),  # entities in the sheet: the DTD is refused
], ids=["blank-rows", "wide-row", "wide-row-uncompressed", "padded-gap", "lying-sizes",
        "laughs"])
def test_bombs_are_refused_fast_in_little_memory(tmp_path, make, words):
    path = make(tmp_path / "bom.xlsx")
    result = _read_in_child(path)
    assert result["reason"] is not None and words in result["reason"], result
    assert "\n" not in result["reason"]
    assert result["seconds"] < 10 and result["rss_mb"] < 500, result


def test_an_honest_workbook_with_gaps_and_wide_formatting_still_reads(tmp_path):
    def rows():
        yield '<row r="2"><c r="A2" t="inlineStr"><is><t>2026-11-29T10:00:00Z</t></is></c>'
        yield '<c r="B2" t="inlineStr"><is><t>Politie</t></is></c>'
        yield '<c r="C2" t="inlineStr"><is><t>Rook</t></is></c><c r="ZZ2" s="0"/></row>'
        yield '<row r="5000"><c r="A5000" t="inlineStr"><is><t>2026-11-29T11:00:00Z</t></is></c>'
        yield '<c r="B5000" t="inlineStr"><is><t>Brandweer</t></is></c>'
        yield '<c r="C5000" t="inlineStr"><is><t>Vuur</t></is></c></row>'

    path = xlsx_bombs.write_workbook(tmp_path / "ok.xlsx", rows,
                                     dimension='<dimension ref="A1:XFD1048576"/>')
    table = read_table(path.read_bytes(), "ok.xlsx")
    assert table.columns == ("Tijd", "Bron", "Melding")
    assert [(r.number, r.values[2]) for r in table.rows] == [(2, "Rook"), (5000, "Vuur")]


def test_the_blank_row_cap_counts_gaps_and_empty_rows(tmp_path):
    def rows():
        yield f'<row r="{MAX_BLANK_ROWS // 2}"><c r="A2" s="0"/></row>'
        yield f'<row r="{MAX_BLANK_ROWS + 10}"><c r="A1"><v>1</v></c></row>'

    path = xlsx_bombs.write_workbook(tmp_path / "gaps.xlsx", rows)
    with pytest.raises(ValueError, match="lege rijen"):
        read_table(path.read_bytes(), "gaps.xlsx")
