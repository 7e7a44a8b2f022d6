"""One difference `audit verify` found between what is stored and what the facts say."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crisisconsole.i18n import tr

_SHOWN = 60  # characters of a value in a report line: enough to recognise, never a whole text


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


@dataclass(frozen=True)
class Difference:
    """``table``/``row``/``column`` say where; ``stored`` is what the file holds, ``expected``
    what the facts give; ``note`` replaces the two for a whole row or a whole table."""

    table: str
    row: str | None
    column: str | None
    stored: Any
    expected: Any
    note: str = ""

    def line(self) -> str:
        where = self.table + (f" {self.row}" if self.row else "")
        if self.note:
            return f"{where}: {self.note}"
        return tr(f"{where}: {self.column} is {_short(self.stored)}, volgens de feiten "
                  f"{_short(self.expected)}",
                  f"{where}: {self.column} is {_short(self.stored)}, the facts say "
                  f"{_short(self.expected)}")

    def as_dict(self) -> dict[str, Any]:
        return {"table": self.table, "row": self.row, "column": self.column,
                "stored": _plain(self.stored), "expected": _plain(self.expected),
                "note": self.note, "line": self.line()}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)
