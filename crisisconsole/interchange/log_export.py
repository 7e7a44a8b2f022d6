"""Writing the complete log (from crisisconsole.services.log.export_data.gather_log) as JSON, CSV
or a PDF for paper: for the evaluation after the crisis and for inquiries. Nothing is left out:
every version (old texts struck through), assessment, link and withdrawal. The PDF (and the
printed log) is laid out in crisisconsole.interchange.log_pdf."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from crisisconsole.interchange.cell_safety import safe_values

Step = Callable[[int, int], None]  # (done, total), between slices; may raise to stop
SLICE = 500

CSV_COLUMNS = ("entry_id", "record", "record_id", "at", "occurred_at", "source", "person",
               "discipline", "location", "reliability", "grade", "version", "text", "reason",
               "actor", "confirming_source", "other_entry_id", "link_kind", "mime", "size",
               "sha256")


def to_json(data: dict[str, Any], step: Step | None = None) -> bytes:
    if step is not None:
        step(0, 1)
    return (json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")


def csv_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per fact: the entry, then each version, assessment, link and withdrawal."""
    rows: list[dict[str, Any]] = []
    for e in data["entries"]:
        base = {"entry_id": e["id"], "occurred_at": e["occurred_at"], "source": e["source"],
                "person": e["person"], "discipline": e["discipline"]}
        rows.append({**base, "record": "entry", "record_id": e["id"], "at": e["recorded_at"],
                     "location": e["location"], "reliability": e["reliability"],
                     "grade": e["grade"], "version": e["version"], "text": e["text"],
                     "actor": e["author"]})
        for v in e["versions"]:
            rows.append({**base, "record": "version", "record_id": v["id"],
                         "at": v["recorded_at"], "location": v["location"],
                         "version": v["version"], "text": v["text"], "reason": v["reason"],
                         "actor": v["author"]})
        for a in e["assessments"]:
            rows.append({**base, "record": "assessment", "record_id": a["id"], "at": a["at"],
                         "reliability": a["reliability"], "grade": a["grade"],
                         "reason": a["reason"], "actor": a["actor"],
                         "confirming_source": a["confirming_source"],
                         "other_entry_id": a["corroborating_entry_id"]})
        for link in e["links"]:
            if link["from_id"] != e["id"]:
                continue  # each link once, under the entry it starts from
            rows.append({**base, "record": "link", "record_id": link["id"], "at": link["at"],
                         "actor": link["actor"], "other_entry_id": link["to_id"],
                         "link_kind": link["kind"]})
        for w in e["withdrawals"]:
            rows.append({**base, "record": "withdrawal", "record_id": w["id"], "at": w["at"],
                         "reason": w["reason"], "actor": w["actor"]})
        for f in e.get("attachments", ()):
            rows.append({**base, "record": "attachment", "record_id": f["id"],
                         "at": f["recorded_at"], "text": f["filename"], "actor": f["actor"],
                         "mime": f["mime"], "size": f["size"], "sha256": f["sha256"]})
    return rows


def to_csv(data: dict[str, Any], step: Step | None = None) -> bytes:
    """UTF-8 with BOM and semicolons, so a Dutch spreadsheet opens it correctly; every text cell
    that a spreadsheet would take for a formula gets a quote in front (``cell_safety``).
    ``step`` hears of every ``SLICE`` rows."""
    # Encoded as it is written (the text stream encodes each few kilobytes): one string of the
    # whole file, widened for the BOM and encoded at the end, held the GIL for 0.1-0.2 s per
    # step at 100,000 entries, while the window's thread waited (issue 19).
    out = io.BytesIO()
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=False)
    writer = csv.writer(text, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    rows = csv_rows(data)
    for number, row in enumerate(rows):
        if step is not None and number % SLICE == 0:
            step(number, len(rows))
        writer.writerow(safe_values(row, CSV_COLUMNS))  # no cell a spreadsheet would evaluate
    if step is not None:
        step(len(rows), len(rows))
    text.flush()
    text.detach()
    release(rows)
    return out.getvalue()


def release(items: list[Any]) -> None:
    """Empty a big list in slices. Freed at once when the last reference goes, the rows of
    100,000 entries are one uninterrupted C cascade of deallocations that holds the GIL for
    0.25-0.5 s (the window's thread stood still that long in `bench ui-lag`, found by
    timestamps); between slices the interpreter can hand the GIL over."""
    while items:
        del items[-SLICE:]


def to_pdf(data: dict[str, Any], step: Step | None = None) -> bytes:
    from crisisconsole.interchange.log_pdf import to_pdf as log_to_pdf

    return log_to_pdf(data, step)


WRITERS = {"json": to_json, "csv": to_csv, "pdf": to_pdf}
