"""The inbox folder (issue 7, item 5): files dropped there are imported and moved to
``processed/``, or to ``rejected/`` with ``<name>.reason.txt`` beside them.

``process_inbox`` is one pass; the UI calls it on a timer or when the folder changes. A file
still being written (modified within ``settle_seconds``, or a temporary name such as ``.part``
or Excel's ``~$`` lock file) waits for the next pass. Duplicates count as processed: the log
already holds them. Importing before moving means a crash in between only repeats the import,
which is then a duplicate, never a loss.

Spreadsheets use the mapping remembered for their layout (or the suggested one); a file whose
mapping is incomplete or that has bad rows is rejected, so the aide imports it once by hand.
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from crisisconsole import safe_files
from crisisconsole.errors import StoreError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import get_crisis
from crisisconsole.services.intake.cap import import_cap_paths
from crisisconsole.services.intake.table import TABLE_SUFFIXES, import_table
from crisisconsole.services.intake.values import REFUSED, ImportItem, ImportReport

PROCESSED = "processed"
REJECTED = "rejected"
REASON_SUFFIX = ".reason.txt"
_WAIT_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".download", REASON_SUFFIX)


@dataclass(frozen=True)
class InboxStatus:
    folder: str
    waiting: int
    processed: int
    rejected: int

    def as_json(self) -> dict[str, Any]:
        return {"folder": self.folder, "waiting": self.waiting, "processed": self.processed,
                "rejected": self.rejected}


def inbox_status(folder: Path) -> InboxStatus:
    folder = Path(folder)
    return InboxStatus(str(folder), len(_ready(folder, 0.0)),
                       _count(folder / PROCESSED), _count(folder / REJECTED, REASON_SUFFIX))


def process_inbox(ctx: ServiceContext, folder: Path | str, crisis_id: str, *,
                  settle_seconds: float = 2.0) -> ImportReport:
    """One pass over the folder; the report lists each file handled, with where it went."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(tr(f'inbox-map bestaat niet: {folder}', f'inbox folder not found: {folder}'))
    get_crisis(ctx.store, crisis_id)
    files = _ready(folder, settle_seconds)
    if not files:
        return ImportReport(())
    (folder / PROCESSED).mkdir(exist_ok=True)
    (folder / REJECTED).mkdir(exist_ok=True)
    tables = [p for p in files if p.suffix.lower() in TABLE_SUFFIXES]
    caps = [p for p in files if p.suffix.lower() not in TABLE_SUFFIXES]
    with ctx.store.importing():
        outcome = _import_all(ctx, crisis_id, caps, tables)
    return ImportReport(tuple(_move(folder, path, outcome[path]) for path in files))


def _import_all(ctx: ServiceContext, crisis_id: str, caps: list[Path],
                tables: list[Path]) -> dict[Path, ImportItem]:
    outcome: dict[Path, ImportItem] = {}
    if caps:
        report = import_cap_paths(ctx, crisis_id, caps)
        outcome.update(zip(caps, report.items, strict=True))
    for path in tables:
        outcome[path] = import_table(ctx, crisis_id, path, None, on_error="refuse",
                                     remember=False)
    return outcome


def _ready(folder: Path, settle_seconds: float) -> list[Path]:
    if not folder.is_dir():
        return []
    now = time.time()
    ready = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        name = entry.name
        if name.startswith((".", "~$")) or name.lower().endswith(_WAIT_SUFFIXES):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < settle_seconds:
            continue
        ready.append(Path(entry.path))
    return ready


def _count(folder: Path, without_suffix: str | None = None) -> int:
    if not folder.is_dir():
        return 0
    return sum(1 for entry in os.scandir(folder) if entry.is_file()
               and not (without_suffix and entry.name.endswith(without_suffix)))


def _move(folder: Path, path: Path, item: ImportItem) -> ImportItem:
    target_dir = folder / (REJECTED if item.status == REFUSED else PROCESSED)
    target = _free_name(target_dir, path.name)
    try:
        os.replace(path, target)
        if item.status == REFUSED:
            lines = [item.reason] + [f"rij {p.row}: {p.message}" for p in item.skipped_rows]
            reason_file = target.with_name(target.name + REASON_SUFFIX)
            safe_files.write_text(reason_file, "\n".join(lines) + "\n")
    except (OSError, StoreError):
        return replace(item, reason=item.reason + tr(" (verplaatsen mislukt)", " (could not move)"))
    return replace(item, moved_to=str(target.relative_to(folder)))


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 1
    while target.exists() or target.with_name(target.name + REASON_SUFFIX).exists():
        number += 1
        target = folder / f"{stem} ({number}){suffix}"
    return target
