"""Concurrent facts (team mode): another device's fact that clashes with one here, such as two
offline corrections of one entry that both made its version n (log_version is unique per entry
and version). The clashing fact is kept whole in team_conflict (its chain record is kept as
always); the entry counts as "gelijktijdige correcties" until someone settles it."""

from __future__ import annotations

from typing import Any


def count_conflicts(raw: Any) -> int:
    return raw.execute("SELECT count(*) FROM team_conflict").fetchone()[0]
