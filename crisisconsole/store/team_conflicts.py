"""Concurrent facts (team mode): another device's fact that clashes with one here, such as two
offline corrections of one entry that both made its version n (log_version is unique per entry
and version). The clashing fact is kept whole in team_conflict (its chain record is kept as
always); the entry counts as "gelijktijdige correcties" until someone settles it with a new
fact: a later version of the entry (version n+1 or more), which syncs like any fact, so the mark
clears on every laptop that receives it. Both clashing texts stay (log_version, team_conflict).
"""

from __future__ import annotations

from typing import Any

# A log_version conflict still open: no version of its entry after the clashing one.
_OPEN_VERSION = (
    "c.table_name = 'log_version' AND NOT EXISTS (SELECT 1 FROM log_version v WHERE "
    "v.entry_id = json_extract(c.row_json, '$.entry_id') AND "
    "v.version > json_extract(c.row_json, '$.version'))")


def count_conflicts(raw: Any) -> int:
    """Unsettled conflicts: open log_version clashes, and every other clash (those have no
    settling fact yet)."""
    return raw.execute(f"SELECT count(*) FROM team_conflict c WHERE c.table_name != "
                       f"'log_version' OR ({_OPEN_VERSION})").fetchone()[0]


def concurrent_entries(raw: Any) -> set[str]:
    """Ids of the log entries marked "gelijktijdige correcties" (not yet settled)."""
    return {row[0] for row in raw.execute(
        f"SELECT DISTINCT json_extract(c.row_json, '$.entry_id') FROM team_conflict c "
        f"WHERE {_OPEN_VERSION}")}
