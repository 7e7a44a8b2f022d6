"""Backups: a consistent encrypted copy, by hand or every N minutes, to a chosen folder (for
example a USB stick). A backup opens like any database, with the same key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crisisconsole.clock import format_local, format_time
from crisisconsole.errors import NotWritableError
from crisisconsole.store.engine import Store

KEEP = 48  # automatic backups kept per database in the folder


@dataclass(frozen=True)
class BackupResult:
    path: Path
    at: datetime

    def label(self) -> str:
        return f"back-up {format_local(self.at, with_date=False)} → {self.path.parent}"


def backup_to_folder(store: Store, folder: Path, *, keep: int = KEEP) -> BackupResult:
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise NotWritableError(f"back-upmap niet schrijfbaar / backup folder not writable: {folder}") from None
    now = store.clock.now()
    stem = store.path.stem
    dest = folder / f"{stem}-{format_time(now, '%Y%m%dT%H%M%S')}.db"
    store.backup(dest)
    old = sorted(folder.glob(f"{stem}-????????T??????.db"))
    for stale in old[:-keep] if keep else []:
        stale.unlink(missing_ok=True)
    return BackupResult(dest, now)
