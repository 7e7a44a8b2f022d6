"""Backups: a consistent encrypted copy, by hand or every N minutes, to a chosen folder (for
example a USB stick). A backup opens like any database, with the same key, so making one is an
aide's act (audited; another role is refused, and that is audited too)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crisisconsole.clock import format_local
from crisisconsole.errors import NotWritableError
from crisisconsole.services.access import require_aide
from crisisconsole.services.context import ServiceContext

KEEP = 48  # automatic backups kept per database in the folder


@dataclass(frozen=True)
class BackupResult:
    path: Path
    at: datetime

    def label(self) -> str:
        return f"back-up {format_local(self.at, with_date=False)} → {self.path.parent}"


def make_backup(ctx: ServiceContext, dest: Path) -> Path:
    """One backup to ``dest`` (which must not exist), by an aide, audited as backup.make."""
    require_aide(ctx, "backup.make", "backup")
    made = ctx.store.backup(Path(dest))
    with ctx.store.write(ctx.actor.id) as tx:
        tx.audit("backup.make", "backup", made.name)
    return made


def backup_to_folder(ctx: ServiceContext, folder: Path, *, keep: int = KEEP) -> BackupResult:
    require_aide(ctx, "backup.make", "backup")
    store = ctx.store
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise NotWritableError(f"back-upmap niet schrijfbaar / backup folder not writable: {folder}") from None
    now = store.clock.now()
    stem = store.path.stem
    dest = folder / f"{stem}-{now.strftime('%Y%m%dT%H%M%S')}.db"
    store.backup(dest)
    with store.write(ctx.actor.id) as tx:
        tx.audit("backup.make", "backup", dest.name)
    old = sorted(folder.glob(f"{stem}-????????T??????.db"))
    for stale in old[:-keep] if keep else []:
        stale.unlink(missing_ok=True)
    return BackupResult(dest, now)


def export_recovery_code(ctx: ServiceContext) -> str:
    """The database key's recovery code (64 hex characters): aide only, audited."""
    require_aide(ctx, "key.export", "key")
    with ctx.store.write(ctx.actor.id) as tx:
        tx.audit("key.export", "key", ctx.store.key.db_id)
    return ctx.store.key.recovery_code()
