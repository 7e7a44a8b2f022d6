"""Cells a spreadsheet will not run (CSV/formula injection, OWASP): a text that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to Excel and LibreOffice
(``=HYPERLINK(...)``, ``+cmd|' /C calc'!A0``, ``@SUM(...)``), so such a text is written with a
single quote in front, which both show as the text itself. It applies to every text cell of
every export, imported texts included: a CAP headline or a spreadsheet cell from outside is as
hostile as anything. Numbers written as numbers (an XLSX numeric cell, a count in a CSV
column) stay numbers, negative ones too: only text can smuggle a formula in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral_text(text: str) -> str:
    """``text`` as a spreadsheet shows it but never evaluates it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe_cell(value: Any) -> Any:
    """A value for a CSV or XLSX cell: text neutralised, numbers (not booleans) as they are,
    None as an empty cell, anything else as neutralised text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    return neutral_text(str(value))


def safe_row(row: Mapping[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    """One CSV row with every column's cell made safe."""
    return {name: safe_cell(row.get(name)) for name in columns}
