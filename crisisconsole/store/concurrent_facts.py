"""Concurrent re-grades and council outcomes (team mode), from what each was made in view of
(log_assessment_seen, meeting_outcome_seen: r0055).

A re-grade names the entry's re-grades that were current when it was written (its heads); two
written on two laptops before either saw the other name the same heads, so both are heads
themselves: the entry carries "gelijktijdige herbeoordelingen" until a re-grade written with
both in view names both. Only re-grades written with their view take part (older ones, and
imports that grade in bulk, are one laptop's own order). The same for the outcomes of one
council meeting, where every outcome takes part: one laptop records one outcome per meeting.
"""

from __future__ import annotations

from typing import Any

# The re-grades no later re-grade was made in view of (heads), among those with a view.
_HEADS = """WITH h AS (SELECT DISTINCT s.assessment_id AS id FROM log_assessment_seen s
    WHERE NOT EXISTS (SELECT 1 FROM log_assessment_seen x WHERE x.seen_id = s.assessment_id))"""
_MARKED = f"""{_HEADS} SELECT a.entry_id FROM h JOIN log_assessment a ON a.id = h.id
    GROUP BY a.entry_id HAVING count(*) > 1"""
# The heads of given entries, found by the entry's index (a page of the log, one write).
_HEADS_OF = """SELECT a.entry_id, a.id FROM log_assessment a WHERE a.entry_id IN ({marks})
    AND EXISTS (SELECT 1 FROM log_assessment_seen s WHERE s.assessment_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM log_assessment_seen x WHERE x.seen_id = a.id)"""
_OUTCOME_HEADS = """SELECT o.meeting_id, o.id FROM meeting_outcome o WHERE NOT EXISTS (
        SELECT 1 FROM meeting_outcome_seen x WHERE x.seen_id = o.id)"""


def _grouped(raw: Any, sql: str, params: tuple = ()) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, row_id in raw.execute(sql, params):
        out.setdefault(key, []).append(row_id)
    return out


def _heads_of(raw: Any, entry_ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for start in range(0, len(entry_ids), 500):
        part = entry_ids[start:start + 500]
        for key, ids in _grouped(raw, _HEADS_OF.format(marks=", ".join("?" * len(part))),
                                 tuple(part)).items():
            out[key] = sorted(ids)
    return out


def regrade_heads(raw: Any, entry_id: str) -> list[str]:
    """The entry's current re-grades (what a new one is made in view of)."""
    return _heads_of(raw, [entry_id]).get(entry_id, [])


def outcome_heads(raw: Any, meeting_id: str) -> list[str]:
    return sorted(_grouped(raw, _OUTCOME_HEADS + " AND o.meeting_id = ?", (meeting_id,))
                  .get(meeting_id, []))


def concurrent_regrades(raw: Any, entry_ids: list[str] | None = None) -> dict[str, list[str]]:
    """Entry id -> its re-grades made at once (two or more heads); ``entry_ids``: only
    among those (by index)."""
    if entry_ids is None:
        entry_ids = [row[0] for row in raw.execute(_MARKED)]
    return {k: v for k, v in _heads_of(raw, entry_ids).items() if len(v) > 1}


def concurrent_outcomes(raw: Any) -> dict[str, list[str]]:
    """Meeting id -> its outcomes recorded at once (two or more heads)."""
    return {k: sorted(v) for k, v in _grouped(raw, _OUTCOME_HEADS).items() if len(v) > 1}


def superseded_outcomes(raw: Any) -> set[str]:
    """Outcomes a later outcome of their meeting was recorded in view of."""
    return {r[0] for r in raw.execute(
        "SELECT seen_id FROM meeting_outcome_seen WHERE seen_id IS NOT NULL")}


def count(raw: Any) -> int:
    """Entries with re-grades and meetings with outcomes made at once (the top bar asks after
    every sync round, on the sync thread: counted in SQL)."""
    regrades = raw.execute(f"SELECT count(*) FROM ({_MARKED})").fetchone()[0]
    return regrades + len(concurrent_outcomes(raw))


def regrade_rows(raw: Any, ids: list[str]) -> list[dict[str, Any]]:
    """The re-grades in conflict with their device and clock, in clock order."""
    marks = ", ".join("?" * len(ids))
    names = ("id", "reliability", "grade", "at", "actor", "reason", "confirming_source",
             "corroborating_entry_id", "device", "hlc")
    rows = raw.execute(
        "SELECT a.id, a.reliability, a.grade, a.at, a.actor, a.reason, a.confirming_source, "
        "a.corroborating_entry_id, o.device, o.hlc FROM log_assessment a LEFT JOIN team_origin "
        f"o ON o.table_name = 'log_assessment' AND o.id = a.id WHERE a.id IN ({marks})",
        tuple(ids)).fetchall()
    found = [dict(zip(names, row, strict=True)) for row in rows]
    return sorted(found, key=lambda r: (r["hlc"] or "", r["id"]))
