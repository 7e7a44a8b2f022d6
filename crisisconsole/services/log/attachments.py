"""Files that go with a log entry: read once, kept in the encrypted database as facts (a new
attachment is a new row; none is ever replaced), and written out again through the one safe
file writer, audited."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crisisconsole import safe_files
from crisisconsole.domain.file_names import safe_file_name
from crisisconsole.domain.log_rules import EntryInvalid, check_attachments
from crisisconsole.errors import StoreError, ValidationError
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.log.queries import attachment_data, get_entry
from crisisconsole.store.engine import WriteTx
from crisisconsole.store.tables.log import log_attachment


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    mime: str | None = None

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Attachment:
        """Read a file to attach; a file that cannot be read is one clear line."""
        file = Path(path).expanduser()
        try:
            check_attachments([file.stat().st_size])  # before reading a huge file
            data = file.read_bytes()
        except OSError:
            raise EntryInvalid(tr(f'Bijlage niet te lezen: {file.name}', f'Cannot read attachment: {file.name}'),
                               "attachments") from None
        return cls(file.name, data, mimetypes.guess_type(file.name)[0])


def attachment_row(tx: WriteTx, ctx: ServiceContext, entry_id: str,
                   item: Attachment) -> dict[str, Any]:
    """The row of one attachment: its own file name only (no folders), at most 255 long."""
    name = Path((item.filename or "").replace("\\", "/")).name.strip() or "bijlage"
    return {"id": new_id(), "entry_id": entry_id, "filename": name[:255], "mime": item.mime,
            "size": len(item.data), "data": item.data, "recorded_at": tx.now,
            "actor": ctx.actor.id}


def attach_to_entry(ctx: ServiceContext, entry_id: str,
                    attachments: Sequence[Attachment]) -> list[dict[str, Any]]:
    """Add attachments to an existing entry (a new fact each). A withdrawn entry takes no more:
    its sender took it back, and new material on it would look like a live report."""
    entry = get_entry(ctx.store, entry_id)
    if not attachments:
        raise EntryInvalid(tr("Geen bijlage gekozen", "No attachment chosen"), "attachments")
    check_attachments(len(a.data) for a in attachments)
    if entry.withdrawn:
        raise ValidationError(tr("Deze melding is ingetrokken: geen bijlagen meer toevoegen", "This entry was withdrawn: no more attachments"))
    added = []
    with ctx.store.write(ctx.actor.id) as tx:
        tx.concerns(entry.crisis_id)
        for item in attachments:
            row = attachment_row(tx, ctx, entry_id, item)
            tx.insert(log_attachment, row, "log.attach")
            added.append({**{k: row[k] for k in ("id", "mime", "size", "recorded_at")},
                          "filename": safe_file_name(row["filename"])})
    return added


def attach_files(ctx: ServiceContext, entry_id: str,
                 paths: Sequence[str | os.PathLike[str]]) -> list[dict[str, Any]]:
    """Read the files and attach them to the entry, in one call (``attach_to_entry``)."""
    return attach_to_entry(ctx, entry_id, [Attachment.from_file(path) for path in paths])


def save_attachment(ctx: ServiceContext, attachment_id: str, out: str | os.PathLike[str],
                    *, overwrite: bool = False) -> Path:
    """Write an attachment to a file (complete or not at all); the export is audited."""
    _filename, _mime, data = attachment_data(ctx.store, attachment_id)
    target = Path(out).expanduser()
    if os.path.lexists(target) and not overwrite:
        raise StoreError(tr(f'bestand bestaat al: {target}', f'file exists: {target}'))
    written = False
    try:
        with ctx.store.write(ctx.actor.id) as tx:  # no file without its audit record
            tx.audit("log.attachment.export", "log_attachment", attachment_id)
            _write_file(target, data, overwrite)
            written = True
    except BaseException:
        if written:
            target.unlink(missing_ok=True)
        raise
    return target


def _write_file(target: Path, data: bytes, overwrite: bool) -> None:
    safe_files.write_bytes(target, data, overwrite=overwrite)
