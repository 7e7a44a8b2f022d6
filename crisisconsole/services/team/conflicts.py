"""Conflicts shown, never settled by the clock alone: which entries carry two concurrent
corrections, and the settle act, a new version of the entry that syncs like any fact."""

from __future__ import annotations

from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.log.entries import correct_entry
from crisisconsole.services.log.values import LogEntry
from crisisconsole.store import team_conflicts
from crisisconsole.store.engine import Store


def concurrent_entries(store: Store) -> set[str]:
    raw = store.raw_connection()
    try:
        return team_conflicts.concurrent_entries(raw)
    finally:
        raw.close()


def settle_entry(ctx: ServiceContext, entry_id: str, text: str) -> LogEntry:
    """Settle an entry's concurrent corrections with the text someone chose (audited as a
    correction, log.correct)."""
    if entry_id not in concurrent_entries(ctx.store):
        raise ValidationError(tr("deze melding heeft geen gelijktijdige correcties",
                                 "this entry has no concurrent corrections"))
    return correct_entry(ctx, entry_id, text, tr("gelijktijdige correcties beslecht",
                                                 "concurrent corrections settled"))
