"""Backups: a consistent encrypted copy, by hand or every N minutes, to a chosen folder (for
example a USB stick). A backup opens like any database, with the same key, so making one is an
aide's act (audited; another role is refused, and that is audited too).

Every backup gets an audit anchor beside it (``<backup>.anchor.json``, services.anchors): the
head of the copy's own chain, signed with the database's anchor key, so restoring an older copy
later, or a copy cut short, is found by `audit verify --anchor`. Without a usable keyring the
backup is still made; the result says that its anchor is missing and why."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crisisconsole import safe_files
from crisisconsole.clock import format_local, format_time
from crisisconsole.errors import AnchorError, NotWritableError, StoreError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.access import require_aide
from crisisconsole.services.foundation.anchors import SUFFIX, anchor_file_copy, keys_for_context
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.store.anchor_keys import AnchorKeys, signing_pair
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


def _no_anchor(error: AnchorError | StoreError) -> str:
    return tr(f"geen anker bij de back-up: {error.message}",
              f"no anchor beside the backup: {error.message}")


def anchor_backup(store: Store, dest: Path, keys: AnchorKeys) -> tuple[Path | None, str]:
    """The anchor beside a backup just made, or None and the reason there is none."""
    try:
        path, _ = anchor_file_copy(dest, store.key, store.clock.now(), keys)
    except (AnchorError, StoreError) as error:
        return None, _no_anchor(error)
    return path, ""


def _backup_with_anchor(ctx: ServiceContext, dest: Path, now: datetime,
                        anchor_keys: AnchorKeys | None) -> BackupResult:
    """The copy, its anchor (of the copy's own chain), then the audit record of the act.

    The anchor key is made (on first use) before the copy, so a key sealed in the database
    (no keyring) travels in the copy and its anchor can be checked from the copy alone."""
    store = ctx.store
    keys = anchor_keys or keys_for_context(ctx)
    try:
        signing_pair(keys, store.key.db_id)
        failed = ""
    except (AnchorError, StoreError) as error:
        failed = _no_anchor(error)
    made = store.backup(Path(dest))
    anchor, note = (None, failed) if failed else anchor_backup(store, made, keys)
    with store.write(ctx.actor.id) as tx:
        tx.audit("backup.make", "backup", made.name)
    return BackupResult(made, now, anchor, note)


def make_backup(ctx: ServiceContext, dest: Path, *,
                anchor_keys: AnchorKeys | None = None) -> BackupResult:
    """One backup to ``dest`` (which must not exist), by an aide, audited as backup.make."""
    require_aide(ctx, "backup.make", "backup")
    return _backup_with_anchor(ctx, Path(dest).expanduser(), ctx.store.clock.now(), anchor_keys)


def backup_to_folder(ctx: ServiceContext, folder: Path, *, keep: int = KEEP,
                     anchor_keys: AnchorKeys | None = None) -> BackupResult:
    require_aide(ctx, "backup.make", "backup")
    store = ctx.store
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise NotWritableError(tr(f'back-upmap niet schrijfbaar: {folder}', f'backup folder not writable: {folder}')) from None
    now = store.clock.now()
    stem = store.path.stem
    dest = folder / f"{stem}-{format_time(now, '%Y%m%dT%H%M%S')}.db"
    result = _backup_with_anchor(ctx, dest, now, anchor_keys)
    old = sorted(folder.glob(f"{stem}-????????T??????.db"))
    for stale in old[:-keep] if keep else []:
        stale.unlink(missing_ok=True)
        Path(str(stale) + SUFFIX).unlink(missing_ok=True)
    return result


def export_recovery_code(ctx: ServiceContext, out: Path) -> Path:
    """The database key's recovery code (64 hex characters) written to ``out`` (which must not
    exist, mode 0600): aide only, audited. Complete or not at all (safe_files): the code goes
    into a temporary file first and the act is audited before that file is published, so a full
    disk leaves no 0-byte key file, and no key file is published without its audit record."""
    require_aide(ctx, "key.export", "key")
    store = ctx.store
    code = store.key.recovery_code()

    def produce(temp: Path) -> None:
        fd = os.open(temp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(code + "\n")
        with store.write(ctx.actor.id) as tx:
            tx.audit("key.export", "key", store.key.db_id)

    return safe_files.write_with(Path(out).expanduser(), produce, overwrite=False, mode=0o600)
