"""Concurrent facts (team mode): another device's fact that clashes with one here, such as two
offline corrections of one entry that both made its version n (log_version is unique per entry
and version). The clashing fact is kept whole in team_conflict (its chain record is kept as
always); the entry counts as "gelijktijdige correcties" until someone settles it with a new
fact: a later version of the entry (version n+1 or more), which syncs like any fact, so the mark
clears on every laptop that receives it. Both clashing texts stay (log_version, team_conflict).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from crisisconsole.store import concurrent_facts

# A log_version conflict still open: no version of its entry after the clashing one.
_OPEN_VERSION = (
    "c.table_name = 'log_version' AND NOT EXISTS (SELECT 1 FROM log_version v WHERE "
    "v.entry_id = json_extract(c.row_json, '$.entry_id') AND "
    "v.version > json_extract(c.row_json, '$.version'))")
_VERSION_FIELDS = ("id", "version", "text", "device", "hlc", "recorded_at", "author")


def count_conflicts(raw: Any) -> int:
    """Unsettled conflicts: open log_version clashes, every other clash (those have no
    settling fact yet), and concurrent re-grades and council outcomes (store.concurrent_facts:
    one per entry or meeting)."""
    clashes = raw.execute(f"SELECT count(*) FROM team_conflict c WHERE c.table_name != "
                          f"'log_version' OR ({_OPEN_VERSION})").fetchone()[0]
    return clashes + concurrent_facts.count(raw)


def concurrent_entries(raw: Any) -> set[str]:
    """Ids of the log entries marked "gelijktijdige correcties" (not yet settled)."""
    return {row[0] for row in raw.execute(
        f"SELECT DISTINCT json_extract(c.row_json, '$.entry_id') FROM team_conflict c "
        f"WHERE {_OPEN_VERSION}")}


def concurrent_versions(raw: Any, entry_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Per marked entry of ``entry_ids``, the versions in conflict: the one this laptop holds
    (log_version) and the clashing ones kept whole (team_conflict), each with its text, device
    and times, in clock order (the same list on every laptop that holds both)."""
    wanted = set(entry_ids) & concurrent_entries(raw)
    out: dict[str, list[dict[str, Any]]] = {}
    for entry_id in sorted(wanted):
        clashing = raw.execute(
            "SELECT c.id, json_extract(c.row_json, '$.version'), json_extract(c.row_json, "
            "'$.text'), c.device, c.hlc, json_extract(c.row_json, '$.recorded_at'), "
            f"json_extract(c.row_json, '$.author') FROM team_conflict c WHERE {_OPEN_VERSION} "
            "AND json_extract(c.row_json, '$.entry_id') = ?", (entry_id,)).fetchall()
        numbers = sorted({row[1] for row in clashing})
        marks = ", ".join("?" * len(numbers))
        held = raw.execute(
            "SELECT v.id, v.version, v.text, o.device, o.hlc, v.recorded_at, v.author "
            "FROM log_version v LEFT JOIN team_origin o ON o.table_name = 'log_version' AND "
            f"o.id = v.id WHERE v.entry_id = ? AND v.version IN ({marks})",
            (entry_id, *numbers)).fetchall()
        rows = {row[0]: dict(zip(_VERSION_FIELDS, row, strict=True)) for row in held + clashing}
        out[entry_id] = sorted(rows.values(), key=lambda v: (v["hlc"] or "", v["id"]))
    return out
