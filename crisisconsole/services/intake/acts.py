"""The intake page's acts, each one call: CAP files or folders, a spreadsheet, or a pass over
the inbox folder taken in, and for what came in the corroboration suggestions (only
suggestions: the aide decides). The CLI imports through the same services without them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.intake.cap import import_cap_paths
from crisisconsole.services.intake.corroboration import CorroborationHint, suggestions_for
from crisisconsole.services.intake.inbox import process_inbox
from crisisconsole.services.intake.progress import ImportProgress
from crisisconsole.services.intake.table import import_table
from crisisconsole.services.intake.values import ImportReport


@dataclass(frozen=True)
class Intake:
    report: ImportReport
    hints: tuple[CorroborationHint, ...]


def _with_hints(ctx: ServiceContext, report: ImportReport) -> Intake:
    new = report.new_entries
    return Intake(report, tuple(suggestions_for(ctx.store, new)) if new else ())


def take_in_cap(ctx: ServiceContext, crisis_id: str, paths: Sequence[Path], *,
                progress: ImportProgress | None = None) -> Intake:
    return _with_hints(ctx, import_cap_paths(ctx, crisis_id, paths, progress=progress))


def take_in_table(ctx: ServiceContext, crisis_id: str, path: Path, mapping: Mapping[str, str],
                  on_error: str, default_source: str | None, *, sheet: str | None = None,
                  header_row: int | None = None,
                  progress: ImportProgress | None = None) -> Intake:
    item = import_table(ctx, crisis_id, path, mapping, on_error=on_error,
                        default_source=default_source, sheet=sheet, header_row=header_row,
                        progress=progress)
    return _with_hints(ctx, ImportReport((item,)))


def take_in_inbox(ctx: ServiceContext, folder: Path, crisis_id: str, *,
                  settle_seconds: float) -> Intake:
    return _with_hints(ctx, process_inbox(ctx, folder, crisis_id, settle_seconds=settle_seconds))
