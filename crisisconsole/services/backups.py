"""Backups: a consistent encrypted copy, by hand or every N minutes, to a chosen folder (for
example a USB stick). A backup opens like any database, with the same key.

Every backup gets an audit anchor beside it (``<backup>.anchor.json``, services.anchors): the
head of the copy's own chain, signed with the database's anchor key, so restoring an older copy
later, or a copy cut short, is found by `audit verify --anchor`. Without a usable keyring the
backup is still made; the result says that its anchor is missing and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crisisconsole.clock import format_local, format_time
from crisisconsole.errors import AnchorError, NotWritableError, StoreError
from crisisconsole.i18n import tr
from crisisconsole.services.anchors import SUFFIX, anchor_file_copy, default_keys
from crisisconsole.store.anchor_keys import AnchorKeys
from crisisconsole.store.engine import Store

KEEP = 48  # automatic backups kept per database in the folder


@dataclass(frozen=True)
class BackupResult:
    path: Path
    at: datetime
    anchor: Path | None = None
    anchor_note: str = ""  # why there is no anchor

    def label(self) -> str:
        text = f"back-up {format_local(self.at, with_date=False)} → {self.path.parent}"
        return text if self.anchor else text + tr(" (zonder anker)", " (no anchor)")


def anchor_backup(store: Store, dest: Path,
                  keys: AnchorKeys | None = None) -> tuple[Path | None, str]:
    """The anchor beside a backup just made, or None and the reason there is none."""
    try:
        path, _ = anchor_file_copy(dest, store.key, store.clock.now(), keys or default_keys())
    except (AnchorError, StoreError) as error:
        return None, tr(f"geen anker bij de back-up: {error.message}",
                        f"no anchor beside the backup: {error.message}")
    return path, ""


def backup_to_folder(store: Store, folder: Path, *, keep: int = KEEP,
                     anchor_keys: AnchorKeys | None = None) -> BackupResult:
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise NotWritableError(f"back-upmap niet schrijfbaar / backup folder not writable: {folder}") from None
    now = store.clock.now()
    stem = store.path.stem
    dest = folder / f"{stem}-{format_time(now, '%Y%m%dT%H%M%S')}.db"
    store.backup(dest)
    anchor, note = anchor_backup(store, dest, anchor_keys)
    old = sorted(folder.glob(f"{stem}-????????T??????.db"))
    for stale in old[:-keep] if keep else []:
        stale.unlink(missing_ok=True)
        Path(str(stale) + SUFFIX).unlink(missing_ok=True)
    return BackupResult(dest, now, anchor, note)
