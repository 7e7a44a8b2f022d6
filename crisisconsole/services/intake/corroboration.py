"""Corroboration suggestions after an import or a new entry (issue 7, item 6).

Only suggestions: the aide decides. The two acts offered:

- "Koppelen als bevestiging": the new entry corroborates the earlier one. When the earlier one is
  still hearsay this confirms it in one act (an assessment naming the corroborating entry, plus
  the link, via ``assess_entry``); otherwise it only adds the ``corroborates`` link.
- "Markeren als duplicaat": the new entry is withdrawn with the reason "duplicaat van melding
  #…" naming the earlier one. It stays visible in the log, struck through, and its history says
  what it duplicates; a link is not used because no link kind means "same report twice".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from crisisconsole.domain.corroboration import DEFAULT_WINDOW, Candidate, suggest
from crisisconsole.domain.log_history import short_id
from crisisconsole.services.foundation.changes import one_act
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.log.entries import assess_entry, link_entries, withdraw_entry
from crisisconsole.services.log.queries import get_entry
from crisisconsole.services.log.values import LogEntry, entry_from_row
from crisisconsole.store.engine import Store
from crisisconsole.store.tables.log import log_current

MAX_NEW = 200
MAX_RECENT = 2000
PER_ENTRY = 3


@dataclass(frozen=True)
class CorroborationHint:
    entry: LogEntry  # the new entry
    other: LogEntry  # the recent entry it resembles
    kind: str  # "corroborates" | "duplicate"
    score: float
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {"entry": self.entry.id, "other": self.other.id, "kind": self.kind,
                "score": round(self.score, 1), "reason": self.reason}


def _candidate(entry: LogEntry) -> Candidate:
    return Candidate(entry.id, entry.text, entry.source, entry.occurred_at, entry.location,
                     entry.lat, entry.lon)


def suggestions_for(store: Store, entry_ids: Sequence[str],
                    window: timedelta = DEFAULT_WINDOW) -> list[CorroborationHint]:
    """For each new entry (at most MAX_NEW), the best few resembling entries from the same
    crisis within the time window; never between entries of the same batch (the language
    versions of one alert are not two sources)."""
    wanted = list(dict.fromkeys(entry_ids))[:MAX_NEW]
    if not wanted:
        return []
    c = log_current.c
    with store.read() as conn:
        new = [entry_from_row(r) for r in conn.execute(
            select(log_current).where(c.entry_id.in_(wanted), c.withdrawn.is_(False)))]
        hints: list[CorroborationHint] = []
        by_crisis: dict[str, list[LogEntry]] = {}
        for entry in new:
            by_crisis.setdefault(entry.crisis_id, []).append(entry)
        batch = set(wanted)
        for crisis_id, entries in by_crisis.items():
            low = min(e.occurred_at for e in entries) - window
            high = max(e.occurred_at for e in entries) + window
            recent = [entry_from_row(r) for r in conn.execute(
                select(log_current).where(
                    c.crisis_id == crisis_id, c.withdrawn.is_(False), c.occurred_at >= low,
                    c.occurred_at <= high).order_by(c.occurred_at.desc()).limit(MAX_RECENT))
                if r.entry_id not in batch]
            by_id = {e.id: e for e in recent}
            candidates = [_candidate(e) for e in recent]
            for entry in entries:
                for found in suggest(_candidate(entry), candidates, window)[:PER_ENTRY]:
                    hints.append(CorroborationHint(entry, by_id[found.other_id], found.kind,
                                                   found.score, found.reason_nl))
    hints.sort(key=lambda h: -h.score)
    return hints


@one_act
def link_as_corroborating(ctx: ServiceContext, entry_id: str, other_id: str) -> LogEntry:
    """The new entry corroborates the earlier one; confirms it when it is still hearsay."""
    other = get_entry(ctx.store, other_id)
    if other.reliability == "hearsay":
        return assess_entry(ctx, other_id, "confirmed", corroborated_by=entry_id,
                            reason="bevestigd door een melding uit een andere bron")
    link_entries(ctx, entry_id, other_id, "corroborates")
    return get_entry(ctx.store, other_id)


@one_act
def mark_duplicate(ctx: ServiceContext, entry_id: str, other_id: str) -> LogEntry:
    get_entry(ctx.store, other_id)
    return withdraw_entry(ctx, entry_id, f"duplicaat van melding {short_id(other_id)}")
