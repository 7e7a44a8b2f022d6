"""Conflicts shown, never settled by the clock alone: which entries carry two concurrent
corrections (and which versions), and the settle act, a new version of the entry that syncs
like any fact. Settling is for the aide and the mayor; a refusal is audited (log.settle)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from crisisconsole.domain.roles import ProfileRole
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.access import require_role
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.log.entries import correct_entry
from crisisconsole.services.log.values import LogEntry
from crisisconsole.store import team_conflicts
from crisisconsole.store.engine import Store

SETTLERS = frozenset({ProfileRole.AIDE, ProfileRole.MAYOR})
CONCURRENT_CORRECTIONS = "concurrent_corrections"


@dataclass(frozen=True)
class EntryConflict:
    """An entry's open conflict: its kind and the versions in conflict (id, version, text,
    device, hlc, recorded_at, author), in clock order."""

    kind: str
    versions: tuple[dict[str, Any], ...]

    def as_json(self) -> dict[str, Any]:
        return {"conflict": self.kind,
                "versions": [{k: v for k, v in version.items() if k != "hlc"}
                             for version in self.versions]}


NO_CONFLICT: dict[str, Any] = {"conflict": None, "versions": []}


def label(kind: str | None) -> str:
    """The mark's words, as the log shows them."""
    return tr("gelijktijdige correcties", "concurrent corrections") if kind else ""


def concurrent_entries(store: Store) -> set[str]:
    """The marked entries (one small query; the log table asks once per page it reads)."""
    with store.read() as conn:
        return team_conflicts.concurrent_entries(conn.connection.dbapi_connection)


def entry_conflicts(store: Store, entry_ids: Iterable[str]) -> dict[str, EntryConflict]:
    """The open conflicts of those of ``entry_ids`` that have one."""
    with store.read() as conn:
        found = team_conflicts.concurrent_versions(conn.connection.dbapi_connection, entry_ids)
    return {entry_id: EntryConflict(CONCURRENT_CORRECTIONS, tuple(versions))
            for entry_id, versions in found.items()}


def settle_entry(ctx: ServiceContext, entry_id: str, text: str | None = None, *,
                 keep: str | None = None) -> LogEntry:
    """Settle an entry's concurrent corrections with the text someone typed or the version
    someone chose (``keep``: the id of a version in conflict); audited as a correction
    (log.correct), so it syncs and clears the mark on every laptop."""
    require_role(ctx, SETTLERS, "log.settle", "log_entry", entry_id, tr(
        f"geweigerd: de rol {ctx.actor.role.value} mag gelijktijdige correcties niet "
        "beslechten (log.settle)",
        f"refused: the role {ctx.actor.role.value} may not settle concurrent corrections "
        "(log.settle)"))
    conflict = entry_conflicts(ctx.store, [entry_id]).get(entry_id)
    if conflict is None:
        raise ValidationError(tr("deze melding heeft geen gelijktijdige correcties",
                                 "this entry has no concurrent corrections"))
    if (text is None) == (keep is None):
        raise ValidationError(tr("geef een nieuwe tekst of een versie om te houden",
                                 "give a new text or a version to keep"))
    if keep is not None:
        chosen = next((v for v in conflict.versions if v["id"] == keep), None)
        if chosen is None:
            ids = ", ".join(v["id"] for v in conflict.versions)
            raise ValidationError(tr(f"geen versie in conflict: {keep} (kies uit {ids})",
                                     f"not a version in conflict: {keep} (choose from {ids})"))
        text = chosen["text"]
    return correct_entry(ctx, entry_id, text, tr("gelijktijdige correcties beslecht",
                                                 "concurrent corrections settled"),
                         settles=True)
