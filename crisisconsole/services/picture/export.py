"""Exporting a snapshot of the picture (audited; a damaged snapshot is refused): a PDF
situation report, an EDXL-SitRep document, or the JSON with its hash. The file is written
next to its target and moved into place, and never overwrites an existing file."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from crisisconsole import safe_files
from crisisconsole.errors import StoreError, ValidationError
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.picture.snapshots import Snapshot, list_snapshots, record_export

FORMATS = ("pdf", "edxl", "json")


def snapshot_bytes(snap: Snapshot, fmt: str, earlier: Sequence[str] = ()) -> bytes:
    """The file's bytes; ``earlier`` are the ids of the crisis's earlier snapshots, oldest
    first (the SitRep names the first and the preceding one)."""
    if fmt == "pdf":
        from crisisconsole.interchange.picture_pdf import picture_pdf

        return picture_pdf(snap.picture, snap.info.hash)
    if fmt == "edxl":
        from crisisconsole.interchange.picture_edxl import sitrep_xml

        return sitrep_xml(snap.picture, snap.info.id, final=snap.info.purpose == "final",
                          earlier=earlier)
    return (json.dumps(snap.as_json(), ensure_ascii=False, indent=2, sort_keys=True)
            + "\n").encode("utf-8")


def export_snapshot(ctx: ServiceContext, snapshot_id: str, fmt: str, out: Path) -> Path:
    if fmt not in FORMATS:
        raise ValidationError(f"onbekend formaat / unknown format: {fmt}")
    out = Path(out).expanduser()
    if os.path.lexists(out):
        raise StoreError(f"bestand bestaat al / file exists: {out}")
    snap = record_export(ctx, snapshot_id, fmt)
    earlier = [i.id for i in reversed(list_snapshots(ctx.store, snap.info.crisis_id))
               if i.version < snap.info.version]
    data = snapshot_bytes(snap, fmt, earlier)
    return safe_files.write_bytes(out, data, overwrite=False)
