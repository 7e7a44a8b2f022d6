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


_STARTS = frozenset(FORMULA_STARTS)  # each one character: ``text[:1] in _STARTS``


def safe_values(row: Mapping[str, Any], columns: tuple[str, ...]) -> list[Any]:
    """``safe_row``'s cells as a list in column order, the plain text cell (most of an
    export's millions) checked inline: the same cells, at about a third of the cost."""
    values = []
    for name in columns:
        value = row.get(name)
        if value.__class__ is str:
            values.append("'" + value if value[:1] in _STARTS else value)
        else:
            values.append(safe_cell(value))
    return values


def safe_row(row: Mapping[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    """One CSV row with every column's cell made safe."""
    return {name: safe_cell(row.get(name)) for name in columns}
