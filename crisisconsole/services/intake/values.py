"""What the intake services hand out: one report line per file, the same for CAP files,
spreadsheets and the inbox, so the CLI, the import report table and the inbox speak alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

IMPORTED = "imported"
# Taken in, but the file breaks the OASIS schema or CAP's rules: ``warnings`` lists how.
IMPORTED_WITH_WARNINGS = "imported with warnings"
REFUSED = "refused"
DUPLICATE = "duplicate"
# Not read: the aide stopped the import in the app before this file (the files before it are
# committed, each in its own transaction). The CLI never cancels.
CANCELLED = "cancelled"
STATUSES = (IMPORTED, IMPORTED_WITH_WARNINGS, REFUSED, DUPLICATE, CANCELLED)
TAKEN_IN = frozenset({IMPORTED, IMPORTED_WITH_WARNINGS})

STATUS_LABELS_NL = {
    IMPORTED: "Geïmporteerd",
    IMPORTED_WITH_WARNINGS: "Geïmporteerd met waarschuwingen",
    REFUSED: "Geweigerd",
    DUPLICATE: "Al aanwezig",
    CANCELLED: "Afgebroken",
}


@dataclass(frozen=True)
class RowProblem:
    """A bad spreadsheet row, by the row number the user sees in the file."""

    row: int
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "message": self.message}


@dataclass(frozen=True)
class ImportItem:
    """The outcome for one file: imported, refused (with the reason) or duplicate.

    ``entries`` are the ids of the log entries the file added, corrected or withdrew; for a
    duplicate it is empty (nothing changed). ``reason`` is one line: why a file was refused or
    is a duplicate, or a short summary of what an imported file did.
    """

    file: str
    status: str
    reason: str = ""
    entries: tuple[str, ...] = ()
    added: int = 0
    corrected: int = 0
    withdrawn: int = 0
    skipped_rows: tuple[RowProblem, ...] = ()
    kind: str = "cap"
    moved_to: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def new_entries(self) -> tuple[str, ...]:
        """The entries this file added (they come first in ``entries``)."""
        return self.entries[: self.added]

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "file": self.file, "status": self.status, "reason": self.reason,
            "entries": list(self.entries), "added": self.added, "corrected": self.corrected,
            "withdrawn": self.withdrawn, "kind": self.kind,
        }
        if self.skipped_rows:
            data["row_errors"] = [problem.as_json() for problem in self.skipped_rows]
        if self.moved_to is not None:
            data["moved_to"] = self.moved_to
        if self.warnings:
            data["warnings"] = list(self.warnings)
        return data


@dataclass(frozen=True)
class ImportReport:
    items: tuple[ImportItem, ...] = field(default_factory=tuple)

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def new_entries(self) -> tuple[str, ...]:
        return tuple(entry for item in self.items for entry in item.new_entries)

    def as_json(self) -> list[dict[str, Any]]:
        return [item.as_json() for item in self.items]


def summary_nl(added: int, corrected: int, withdrawn: int) -> str:
    parts = []
    if added:
        parts.append(f"{added} {'melding' if added == 1 else 'meldingen'} toegevoegd")
    if corrected:
        parts.append(f"{corrected} gecorrigeerd")
    if withdrawn:
        parts.append(f"{withdrawn} ingetrokken")
    return ", ".join(parts) or "niets gewijzigd"
