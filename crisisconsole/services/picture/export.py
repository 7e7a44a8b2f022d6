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
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.picture.snapshots import Snapshot, list_snapshots, record_export
from crisisconsole.store.engine import Store

FORMATS = ("pdf", "edxl", "json")


LAYOUTS = ("report", "sheet")


def snapshot_bytes(snap: Snapshot, fmt: str, earlier: Sequence[str] = (),
                   layout: str = "report", store: Store | None = None) -> bytes:
    """The file's bytes; ``earlier`` are the ids of the crisis's earlier snapshots, oldest
    first (the SitRep names the first and the preceding one); ``layout`` "sheet": the
    one-page briefing sheet (PDF only); ``store``: where the report PDF's small map of the
    measures' areas is read (as recorded when the snapshot was taken); without one the PDF
    has no map."""
    if fmt == "pdf" and layout == "sheet":
        from crisisconsole.interchange.picture_sheet import picture_sheet_pdf

        return picture_sheet_pdf(snap.picture, snap.info.hash)
    if fmt == "pdf":
        from crisisconsole.interchange.picture_pdf import picture_pdf

        area_map = None
        if store is not None:
            from crisisconsole.services.map.render import picture_small_map

            area_map = picture_small_map(store, snap.picture, snap.info.taken_at)
        return picture_pdf(snap.picture, snap.info.hash, area_map)
    if fmt == "edxl":
        from crisisconsole.interchange.picture_edxl import sitrep_xml

        return sitrep_xml(snap.picture, snap.info.id, final=snap.info.purpose == "final",
                          earlier=earlier)
    return (json.dumps(snap.as_json(), ensure_ascii=False, indent=2, sort_keys=True)
            + "\n").encode("utf-8")


def export_snapshot(ctx: ServiceContext, snapshot_id: str, fmt: str, out: Path,
                    layout: str = "report") -> Path:
    """``layout`` "sheet": the one-page briefing sheet (PDF only)."""
    if fmt not in FORMATS:
        raise ValidationError(tr(f'onbekend formaat: {fmt}', f'unknown format: {fmt}'))
    if layout not in LAYOUTS or (layout == "sheet" and fmt != "pdf"):
        raise ValidationError(tr("de opmaak 'sheet' is er alleen als pdf",
                                 "the layout 'sheet' is for pdf only")
                              if layout == "sheet" else
                              tr(f"onbekende opmaak: {layout}", f"unknown layout: {layout}"))
    out = Path(out).expanduser()
    if os.path.lexists(out):
        raise StoreError(tr(f'bestand bestaat al: {out}', f'file exists: {out}'))
    snap = record_export(ctx, snapshot_id, fmt if layout == "report" else f"{fmt}.{layout}")
    earlier = [i.id for i in reversed(list_snapshots(ctx.store, snap.info.crisis_id))
               if i.version < snap.info.version]
    data = snapshot_bytes(snap, fmt, earlier, layout, ctx.store)
    return safe_files.write_bytes(out, data, overwrite=False)
