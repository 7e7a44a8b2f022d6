"""Spreadsheet, CSV and JSON logs into the one log (issue 7, item 4).

The user maps columns to fields (suggested, or remembered for this file layout), sees a
preview with the parsed values and the bad rows by row number, and chooses: skip the bad rows,
or refuse the whole file (the default: nothing half-imported unless asked). A file is one
transaction. Each row's key is its content (time, source, text) within the crisis, so importing
the same sheet again, or a longer version of it, adds only the new rows.

Decisions: a row tagged "bevestigd" is confirmed with its own source as the confirming source
(the sheet says the source saw it); a row tagged "ontkracht" is recorded and then refuted by
that source in the same transaction (a new entry cannot start refuted). A discipline that is not
on the list is kept in the entry's extra data rather than refusing the row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crisisconsole.clock import format_local, format_time
from crisisconsole.domain.corroboration import normalise_text
from crisisconsole.domain.log_rules import DISCIPLINES, validate_entry
from crisisconsole.domain.reliability import Reliability
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.interchange.table_import import (
    FIELDS,
    TableData,
    TableEntryDraft,
    TableMappingError,
    TableRefused,
    column_parts,
    layout_key,
    map_rows,
    read_table,
    read_table_file,
    suggest_mapping,
)
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.intake import preferences as intake_settings
from crisisconsole.services.intake.progress import ImportProgress, step
from crisisconsole.services.intake.values import (
    CANCELLED,
    DUPLICATE,
    IMPORTED,
    REFUSED,
    ImportItem,
    RowProblem,
    summary_nl,
)
from crisisconsole.services.intake.write import entry_row
from crisisconsole.store.tables.log import log_assessment, log_entry

ON_ERROR = ("refuse", "skip")
PREVIEW_ROWS = 20
TABLE_SUFFIXES = (".xlsx", ".csv", ".txt", ".json")


@dataclass(frozen=True)
class PreviewRow:
    row: int
    values: tuple[str, ...]  # the cells as text, per column
    parsed: Mapping[str, str]  # field -> the value as it would be stored (empty on errors)
    errors: tuple[str, ...]


@dataclass(frozen=True)
class TablePreview:
    file: str
    kind: str
    columns: tuple[str, ...]
    layout: str
    mapping: dict[str, str]
    remembered: bool
    mapping_error: str | None
    rows: tuple[PreviewRow, ...]
    total_rows: int
    good_rows: int
    errors: tuple[RowProblem, ...]
    header_row: int = 1
    header_rows: int = 1
    proposed_header_row: int = 1
    sheets: tuple[str, ...] = ()
    sheet: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "kind": self.kind, "columns": list(self.columns),
            "layout": self.layout, "mapping": self.mapping, "remembered": self.remembered,
            "mapping_error": self.mapping_error, "total_rows": self.total_rows,
            "good_rows": self.good_rows, "row_errors": [e.as_json() for e in self.errors],
            "header_row": self.header_row, "header_rows": self.header_rows,
            "proposed_header_row": self.proposed_header_row, "sheets": list(self.sheets),
            "sheet": self.sheet,
        }


def read_table_path(path: Path, sheet: str | None = None,
                    header_row: int | None = None) -> TableData:
    return read_table_file(Path(path), sheet=sheet, header_row=header_row)


def initial_mapping(columns: tuple[str, ...]) -> tuple[dict[str, str], bool]:
    """The remembered mapping for this layout when it still fits, else a suggestion."""
    remembered = intake_settings.remembered_mapping(layout_key(columns))
    if (remembered and all(column_parts(columns, key) for key in remembered)
            and set(remembered.values()) <= set(FIELDS)):
        return remembered, True
    return suggest_mapping(columns), False


def preview_table(table: TableData, name: str, now: datetime,
                  mapping: Mapping[str, str] | None = None, *,
                  default_source: str | None = None, limit: int = PREVIEW_ROWS) -> TablePreview:
    remembered = False
    if mapping is None:
        mapping, remembered = initial_mapping(table.columns)
    mapping = {c: f for c, f in mapping.items() if f}
    error: str | None = None
    problems: list[RowProblem] = []
    drafts: dict[int, TableEntryDraft] = {}
    try:
        result = map_rows(table, mapping, now, default_source=default_source)
        drafts = {d.row_number: d for d in result.drafts}
        problems = [RowProblem(e.row_number, e.message) for e in result.errors]
    except TableMappingError as exc:
        error = exc.message
    by_row: dict[int, list[str]] = {}
    for problem in problems:
        by_row.setdefault(problem.row, []).append(problem.message)
    rows = []
    for row in table.rows[:limit]:
        draft = drafts.get(row.number)
        rows.append(PreviewRow(row.number, tuple(_cell(v) for v in row.values),
                               _parsed(draft) if draft else {}, tuple(by_row.get(row.number, ()))))
    return TablePreview(name, table.kind, table.columns, layout_key(table.columns), dict(mapping),
                        remembered, error, tuple(rows), len(table.rows), len(drafts),
                        tuple(problems), table.header_row, table.header_rows,
                        table.proposed_header_row, table.sheets, table.sheet)


def import_table(ctx: ServiceContext, crisis_id: str, path: Path | None,
                 mapping: Mapping[str, str] | None, *, on_error: str = "refuse",
                 default_source: str | None = None, data: bytes | None = None,
                 name: str | None = None, remember: bool = True, sheet: str | None = None,
                 header_row: int | None = None,
                 progress: ImportProgress | None = None) -> ImportItem:
    """One file, one transaction. ``mapping`` None uses the remembered or suggested mapping;
    ``sheet`` and ``header_row`` (1-based) as in table_read (None: first sheet, proposed).
    ``progress`` may stop it before the write (then nothing of the file is stored)."""
    if on_error not in ON_ERROR:
        raise ValidationError(tr("kies bij fouten 'skip' of 'refuse'", "choose skip or refuse"))
    get_crisis(ctx.store, crisis_id)
    shown = name or (path.name if path else "tabel")
    cancelled = ImportItem(shown, CANCELLED, tr("afgebroken: niets geïmporteerd",
                                                "cancelled: nothing imported"), kind="table")
    if not step(progress, 0, 0):
        return cancelled
    try:
        table = (read_table(data, shown, sheet=sheet, header_row=header_row)
                 if data is not None else read_table_path(Path(path), sheet, header_row))
    except TableRefused as refusal:
        return ImportItem(shown, REFUSED, refusal.reason, kind="table")
    if mapping is None:
        mapping, _ = initial_mapping(table.columns)
    try:
        result = map_rows(table, mapping, ctx.now(), default_source=default_source)
    except TableMappingError as exc:
        return ImportItem(shown, REFUSED, exc.message, kind="table")
    if remember:
        intake_settings.remember_mapping(layout_key(table.columns), dict(mapping))
    problems = [RowProblem(e.row_number, e.message) for e in result.errors]
    prepared = []
    for draft in result.drafts:
        try:
            prepared.append(_prepare(draft, crisis_id, shown, ctx.now()))
        except ValidationError as exc:
            problems.append(RowProblem(draft.row_number, exc.message))
    problems.sort(key=lambda p: p.row)
    bad_rows = sorted({p.row for p in problems})
    if bad_rows and on_error == "refuse":
        return ImportItem(shown, REFUSED, tr(f'{len(bad_rows)} {_rows(len(bad_rows))} met fouten ({_row_list(bad_rows)}); niets geïmporteerd', f"{len(bad_rows)} rows with errors ({_row_list(bad_rows)}); nothing imported"), skipped_rows=tuple(problems), kind="table")
    if not prepared:
        return ImportItem(shown, REFUSED, tr("geen geldige rijen", "no valid rows"),
                          skipped_rows=tuple(problems), kind="table")
    if not step(progress, 0, 0):  # the last moment: from here the file is written whole
        return cancelled
    with ctx.store.importing():  # a write of another process waits for this transaction
        added, present = _write(ctx, crisis_id, prepared)
    if not added:
        return ImportItem(shown, DUPLICATE, tr("al geïmporteerd", "already imported"),
                          skipped_rows=tuple(problems), kind="table")
    reason = summary_nl(len(added), 0, 0)
    if present:
        reason += f"; {present} al aanwezig"
    if bad_rows:
        reason += f"; {len(bad_rows)} {_rows(len(bad_rows))} overgeslagen ({_row_list(bad_rows)})"
    return ImportItem(shown, IMPORTED, reason, tuple(added), len(added),
                      skipped_rows=tuple(problems), kind="table")


@dataclass(frozen=True)
class _Prepared:
    draft: TableEntryDraft
    key: str
    valid: Any
    discipline_raw: str | None
    refuted: bool
    extra: dict[str, Any]


def _prepare(draft: TableEntryDraft, crisis_id: str, name: str, now: datetime) -> _Prepared:
    discipline = _discipline(draft.discipline)
    refuted = draft.reliability is Reliability.REFUTED
    reliability = Reliability.HEARSAY if refuted else draft.reliability
    valid = validate_entry(
        draft.text, draft.source, draft.occurred_at, now,
        str(draft.grade) if draft.grade else None, reliability.value, (),
        confirmed_by=draft.source if reliability is Reliability.CONFIRMED else None,
        discipline=discipline,
    )
    extra: dict[str, Any] = {"file": name, "row": draft.row_number}
    if draft.discipline and discipline is None:
        extra["discipline"] = draft.discipline
    return _Prepared(draft, f"table:{crisis_id}:{draft.content_key}", valid, draft.discipline,
                     refuted, extra)


def _write(ctx: ServiceContext, crisis_id: str,
           prepared: list[_Prepared]) -> tuple[list[str], int]:
    with ctx.store.write(ctx.actor.id) as tx:
        keys = list(dict.fromkeys(p.key for p in prepared))
        known: set[str] = set()
        for start in range(0, len(keys), 500):
            known.update(tx.conn.execute(select(log_entry.c.external_key).where(
                log_entry.c.external_key.in_(keys[start:start + 500]))).scalars())
        rows, refutes, added = [], [], []
        present = 0
        for item in prepared:
            if item.key in known:
                present += 1
                continue
            known.add(item.key)
            row = entry_row(item.valid, crisis_id=crisis_id, author=ctx.actor.id,
                            recorded_at=tx.now, origin_kind="table", external_key=item.key,
                            extra=item.extra, person=item.draft.person,
                            location=item.draft.location)
            rows.append(row)
            added.append(row["id"])
            if item.refuted:
                refutes.append({
                    "id": new_id(), "entry_id": row["id"], "reliability": "refuted",
                    "grade": None, "at": tx.now, "actor": ctx.actor.id,
                    "reason": "ontkracht volgens het geïmporteerde bestand",
                    "confirming_source": item.valid.source, "corroborating_entry_id": None,
                })
        tx.insert_many(log_entry, rows, "log.add")
        tx.insert_many(log_assessment, refutes, "log.refuted")
    return added, present


def _discipline(value: str | None) -> str | None:
    if not value:
        return None
    wanted = normalise_text(value)
    for discipline in DISCIPLINES:
        label = normalise_text(discipline.label_nl)
        if wanted in (discipline.id, label) or label.startswith(wanted + " "):
            return discipline.id
    return None


def _parsed(draft: TableEntryDraft) -> dict[str, str]:
    values = {
        "occurred_at": format_local(draft.occurred_at), "source": draft.source,
        "text": draft.text, "reliability": draft.reliability.label_nl,
        "grade": str(draft.grade) if draft.grade else "", "person": draft.person or "",
        "location": draft.location or "", "discipline": draft.discipline or "",
    }
    return {name: values[name] for name in FIELDS}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_time(value, "%d-%m-%Y %H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(count: int) -> str:
    return "rij" if count == 1 else "rijen"


def _row_list(rows: list[int], limit: int = 8) -> str:
    shown = ", ".join(str(r) for r in rows[:limit])
    return f"rij {shown}" + (" …" if len(rows) > limit else "")
