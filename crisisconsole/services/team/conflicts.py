"""Conflicts shown, never settled by the clock alone: which entries carry two concurrent
corrections (and which versions) or two concurrent re-grades (and which grades), and the
settle act, a new version or a new re-grade of the entry that syncs like any fact. Settling
is for the aide and the mayor; a refusal is audited (log.settle). Any later re-grade made here
also settles concurrent re-grades (store.concurrent_facts)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from crisisconsole.domain.log_history import check_assessment
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.services.foundation.access import SETTLER_ROLES, require_role
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.log.entries import correct_entry, insert_assessment
from crisisconsole.services.log.queries import get_entry
from crisisconsole.services.log.values import LogEntry
from crisisconsole.store import concurrent_facts, team_conflicts
from crisisconsole.store.engine import Store

SETTLERS = SETTLER_ROLES
CONCURRENT_CORRECTIONS = "concurrent_corrections"
CONCURRENT_REGRADES = "concurrent_regrades"


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "hlc"}


@dataclass(frozen=True)
class EntryConflict:
    """An entry's open conflicts: their kinds (corrections first), the versions in conflict
    (id, version, text, device, recorded_at, author) and the re-grades in conflict (id,
    reliability, grade, device, at, actor, ...), each in clock order."""

    kinds: tuple[str, ...]
    versions: tuple[dict[str, Any], ...] = ()
    grades: tuple[dict[str, Any], ...] = ()

    @property
    def kind(self) -> str:
        return self.kinds[0]

    def as_json(self) -> dict[str, Any]:
        return {"conflict": self.kind, "conflicts": list(self.kinds),
                "versions": [_plain(v) for v in self.versions],
                "grades": [_plain(g) for g in self.grades]}


NO_CONFLICT: dict[str, Any] = {"conflict": None, "conflicts": [], "versions": [], "grades": []}


def label(kind: str | None) -> str:
    """The mark's words, as the log shows them."""
    if kind == CONCURRENT_REGRADES:
        return tr("gelijktijdige herbeoordelingen", "concurrent re-grades")
    return tr("gelijktijdige correcties", "concurrent corrections") if kind else ""


def conflict_kinds(store: Store, entry_ids: Iterable[str] | None = None) -> dict[str, str]:
    """Marked entry id -> the kind of its (first) conflict; ``entry_ids``: only among those
    (the log table asks once per page it reads, by index)."""
    with store.read() as conn:
        raw = conn.connection.dbapi_connection
        regrades = concurrent_facts.concurrent_regrades(
            raw, None if entry_ids is None else list(entry_ids))
        corrections = team_conflicts.concurrent_entries(raw)
    return {e: CONCURRENT_REGRADES for e in regrades} | {
        e: CONCURRENT_CORRECTIONS for e in corrections}


def concurrent_entries(store: Store) -> set[str]:
    """The marked entries."""
    return set(conflict_kinds(store))


def entry_conflicts(store: Store, entry_ids: Iterable[str]) -> dict[str, EntryConflict]:
    """The open conflicts of those of ``entry_ids`` that have one."""
    wanted = set(entry_ids)
    with store.read() as conn:
        raw = conn.connection.dbapi_connection
        versions = team_conflicts.concurrent_versions(raw, wanted)
        regrades = {e: concurrent_facts.regrade_rows(raw, ids)
                    for e, ids in concurrent_facts.concurrent_regrades(raw, sorted(wanted))
                    .items()}
    out = {}
    for entry_id in sorted(set(versions) | set(regrades)):
        kinds = tuple(k for k, found in ((CONCURRENT_CORRECTIONS, versions),
                                         (CONCURRENT_REGRADES, regrades)) if entry_id in found)
        out[entry_id] = EntryConflict(kinds, tuple(versions.get(entry_id, ())),
                                      tuple(regrades.get(entry_id, ())))
    return out


def settle_entry(ctx: ServiceContext, entry_id: str, text: str | None = None, *,
                 keep: str | None = None) -> LogEntry:
    """Settle an entry's concurrent corrections with the text someone typed or the version
    someone chose (``keep``: the id of a version in conflict), audited as a correction
    (log.correct); or its concurrent re-grades with the grade someone chose (``keep``: the id of
    a re-grade in conflict), audited as that re-grade. Either syncs and clears the mark on every
    laptop."""
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
        grade = next((g for g in conflict.grades if g["id"] == keep), None)
        if grade is not None:
            return _keep_grade(ctx, entry_id, grade)
        chosen = next((v for v in conflict.versions if v["id"] == keep), None)
        if chosen is None:
            ids = ", ".join(v["id"] for v in (*conflict.versions, *conflict.grades))
            raise ValidationError(tr(f"geen versie in conflict: {keep} (kies uit {ids})",
                                     f"not a version in conflict: {keep} (choose from {ids})"))
        text = chosen["text"]
    if not conflict.versions:
        raise ValidationError(tr(
            "deze melding heeft gelijktijdige herbeoordelingen: kies er een (--keep)",
            "this entry has concurrent re-grades: choose one (--keep)"))
    return correct_entry(ctx, entry_id, text, tr("gelijktijdige correcties beslecht",
                                                 "concurrent corrections settled"),
                         settles=True)


def _keep_grade(ctx: ServiceContext, entry_id: str, grade: dict[str, Any]) -> LogEntry:
    """The chosen re-grade again, as a new one made with every re-grade in conflict in view."""
    valid = check_assessment(entry_id, grade["reliability"], grade["grade"],
                             grade["confirming_source"], grade["corroborating_entry_id"],
                             tr("gelijktijdige herbeoordelingen beslecht",
                                "concurrent re-grades settled"))
    crisis_id = get_entry(ctx.store, entry_id).crisis_id
    with ctx.store.write(ctx.actor.id) as tx:
        tx.concerns(crisis_id)
        insert_assessment(tx, ctx, entry_id, valid)
    return get_entry(ctx.store, entry_id)
