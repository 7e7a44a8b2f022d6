"""Applying prepared CAP alerts to the log inside one write transaction (see intake_cap).

Everything here runs inside the file's transaction: it reads what the log already holds (to
recognise duplicates and find the entries an Update or Cancel refers to) and collects the rows,
which ``flush`` writes in bulk. Updates and Cancels flush first, so they also see the alerts
earlier in the same file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from crisisconsole.domain.log_rules import ValidEntry
from crisisconsole.domain.reliability import Reliability
from crisisconsole.i18n import tr
from crisisconsole.ids import new_id
from crisisconsole.interchange.cap_model import CapAlert, cap_time_key
from crisisconsole.interchange.cap_to_entry import CapEntryDraft
from crisisconsole.services.intake.values import (
    DUPLICATE,
    IMPORTED,
    IMPORTED_WITH_WARNINGS,
    REFUSED,
    ImportItem,
    summary_nl,
)
from crisisconsole.services.intake.write import entry_row
from crisisconsole.store.bulk import PreparedRows, joined, prepare_rows
from crisisconsole.store.engine import WriteTx
from crisisconsole.store.tables.log import (
    log_assessment,
    log_current,
    log_entry,
    log_version,
    log_withdrawal,
)

UPDATE_REASON = "CAP Update "
CANCEL_REASON = "CAP Cancel "


@dataclass(frozen=True)
class PreparedInfo:
    draft: CapEntryDraft
    valid: ValidEntry
    extra: dict[str, Any]


@dataclass(frozen=True)
class PreparedAlert:
    alert: CapAlert
    key: str
    infos: tuple[PreparedInfo, ...]


def entry_rows(infos: Sequence[PreparedInfo], crisis_id: str, actor: str,
               recorded_at: datetime) -> PreparedRows:
    """The ``log_entry`` rows of these info blocks, ready for ``tx.insert_prepared``."""
    return prepare_rows(log_entry, [
        entry_row(info.valid, crisis_id=crisis_id, author=actor, recorded_at=recorded_at,
                  origin_kind="cap", external_key=info.draft.external_key, extra=info.extra,
                  location=info.draft.location, lat=info.draft.lat, lon=info.draft.lon)
        for info in infos])


def duplicate_note(keys: Iterable[str], known: Mapping[str, str], planned: set[str],
                   crisis_id: str) -> str | None:
    """Why an alert is not added again, or None when none of its info blocks is in the log
    (``known``) or already on its way there (``planned``)."""
    present = [key for key in keys if key in known or key in planned]
    if not present:
        return None
    if {known[k] for k in present if k in known} - {crisis_id}:
        return tr("al geïmporteerd in een andere crisis", "already imported into another crisis")
    return tr("al geïmporteerd", "already imported")


@dataclass
class Outcome:
    added: int = 0
    corrected: int = 0
    withdrawn: int = 0
    added_ids: list[str] = field(default_factory=list)
    changed_ids: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    @property
    def touched(self) -> list[str]:
        """Added entries first, then the corrected or withdrawn ones, each once."""
        return list(dict.fromkeys(self.added_ids + self.changed_ids))


@dataclass
class _State:
    version: int
    text: str
    location: str | None
    reliability: str
    withdrawn: bool
    external_key: str | None
    grade: str | None = None


def outcome_item(name: str, outcome: Outcome,
                 alerts: Sequence[PreparedAlert] = ()) -> ImportItem:
    """The report line of a file whose alerts came out as ``outcome``; a file taken in whose
    alerts break the schema is "imported with warnings", each violation listed."""
    if outcome.touched:
        reason = summary_nl(outcome.added, outcome.corrected, outcome.withdrawn)
        if outcome.notes:
            reason += "; " + "; ".join(outcome.notes)
        warnings = tuple(dict.fromkeys(
            (f"bericht {a.alert.identifier}: " if len(alerts) > 1 else "") + line
            for a in alerts for line in a.alert.violations))
        return ImportItem(name, IMPORTED_WITH_WARNINGS if warnings else IMPORTED, reason,
                          tuple(outcome.touched), outcome.added, outcome.corrected,
                          outcome.withdrawn, warnings=warnings)
    if outcome.duplicates and not outcome.notes:
        return ImportItem(name, DUPLICATE, outcome.duplicates[0])
    notes = outcome.notes or outcome.duplicates or [tr("niets te importeren", "nothing to import")]
    return ImportItem(name, REFUSED, "; ".join(notes))


def key_sent(key: str) -> str:
    """The normalised sent time inside "sender,identifier,sent#index"."""
    return key.rsplit("#", 1)[0].rsplit(",", 1)[-1]


def key_index(key: str) -> int | None:
    tail = key.rsplit("#", 1)[-1]
    return int(tail) if tail.isdigit() else None


class FileWriter:
    def __init__(self, tx: WriteTx, crisis_id: str, actor: str) -> None:
        self.tx = tx
        self.conn = tx.conn
        self.crisis_id = crisis_id
        self.actor = actor
        self.outcome = Outcome()
        self._entries: list[PreparedRows] = []
        self._versions: list[dict[str, Any]] = []
        self._assessments: list[dict[str, Any]] = []
        self._withdrawals: list[dict[str, Any]] = []
        self._known: dict[str, str] = {}  # external_key -> crisis_id
        self._planned: set[str] = set()

    # ------------------------------------------------------------------ entry points
    def apply_all(self, alerts: Sequence[PreparedAlert]) -> None:
        self._prefetch(info.draft.external_key for a in alerts for info in a.infos)
        for alert in alerts:
            if alert.alert.msg_type == "Cancel":
                self.flush()
                self._cancel(alert)
            elif alert.alert.msg_type == "Update":
                self.flush()
                self._update(alert)
            else:
                self._add(alert)
        self.flush()

    def flush(self) -> None:
        entries = joined(self._entries)
        if entries is not None:
            self.tx.insert_prepared(entries, "log.add")
        self.tx.insert_many(log_version, self._versions, "log.correct")
        self.tx.insert_many(log_assessment, self._assessments, "log.confirmed")
        self.tx.insert_many(log_withdrawal, self._withdrawals, "log.withdraw")
        self._entries, self._versions, self._assessments, self._withdrawals = [], [], [], []

    # ------------------------------------------------------------------ Alert
    def _add(self, alert: PreparedAlert, infos: Sequence[PreparedInfo] | None = None) -> None:
        infos = alert.infos if infos is None else infos
        keys = [info.draft.external_key for info in infos]
        note = duplicate_note(keys, self._known, self._planned, self.crisis_id)
        if note:
            self.outcome.duplicates.append(note)
            return
        rows = entry_rows(infos, self.crisis_id, self.actor, self.tx.now)
        self._entries.append(rows)
        self._planned.update(keys)
        self.outcome.added += len(rows)
        self.outcome.added_ids.extend(rows.ids)

    # ------------------------------------------------------------------ Update
    def _update(self, alert: PreparedAlert) -> None:
        if self._seen_update(alert.key):
            self.outcome.duplicates.append(tr("Update al verwerkt", "update already applied"))
            return
        by_index = self._resolve([ref.key for ref in alert.alert.references])
        states = self._states({t for targets in by_index.values() for t in targets})
        if not states:
            self._add(alert)  # the referenced alerts are not in this log: new entries
            return
        last_applied = self._last_applied(states)
        sent = cap_time_key(alert.alert.sent)
        unmatched: list[PreparedInfo] = []
        stale = unchanged = changed = 0
        for info in alert.infos:
            targets = [t for t in by_index.get(info.draft.info_index, ()) if t in states]
            if not targets:
                unmatched.append(info)
                continue
            for target in targets:
                state = states[target]
                if state.withdrawn:
                    unchanged += 1
                elif last_applied.get(target, "") >= sent:
                    stale += 1
                elif self._correct(target, state, info):
                    changed += 1
                    self.outcome.corrected += 1
                    self.outcome.changed_ids.append(target)
                else:
                    unchanged += 1
        if unmatched:
            self._add(alert, unmatched)
        elif not changed:
            if stale:
                self.outcome.duplicates.append(
                    tr("Update is ouder dan een al verwerkte update", "older than an applied update"))
            elif unchanged:
                self.outcome.duplicates.append(
                    tr("Update verandert niets aan het logboek", "update changes nothing"))

    def _correct(self, target: str, state: _State, info: PreparedInfo) -> bool:
        reason = UPDATE_REASON + info.draft.external_key
        text = info.valid.text
        location = (info.draft.location or "").strip() or state.location
        changed = False
        if text != state.text or location != state.location:
            state.version += 1
            state.text, state.location = text, location
            self._versions.append({
                "id": new_id(), "entry_id": target, "version": state.version, "text": text,
                "location": location, "recorded_at": self.tx.now, "author": self.actor,
                "reason": reason,
            })
            changed = True
        # Only upgrades: a partner's "Observed" confirms hearsay; nothing undoes an aide's act.
        confirms = (info.valid.reliability is Reliability.CONFIRMED
                    and state.reliability == "hearsay")
        # A new grade in the alert (our own export's parameter) is a re-grade of the entry.
        grade = info.valid.grade if info.valid.grade and info.valid.grade != state.grade else None
        if confirms or grade:
            if confirms:
                state.reliability = "confirmed"
            state.grade = grade or state.grade
            self._assessments.append({
                "id": new_id(), "entry_id": target, "reliability": state.reliability,
                "grade": grade, "at": self.tx.now, "actor": self.actor, "reason": reason,
                "confirming_source": info.valid.source if confirms else None,
                "corroborating_entry_id": None,
            })
            changed = True
        return changed

    # ------------------------------------------------------------------ Cancel
    def _cancel(self, alert: PreparedAlert) -> None:
        reason = CANCEL_REASON + alert.key
        by_index = self._resolve([ref.key for ref in alert.alert.references])
        states = self._states({t for targets in by_index.values() for t in targets})
        if not states:
            self.outcome.notes.append(
                tr("Cancel verwijst naar berichten die niet in het logboek staan", "cancels alerts that are not in the log"))
            return
        todo = [target for target, state in states.items() if not state.withdrawn]
        if not todo:
            self.outcome.duplicates.append(tr("al ingetrokken", "already withdrawn"))
            return
        for target in sorted(todo):
            states[target].withdrawn = True
            self._withdrawals.append({"id": new_id(), "entry_id": target, "at": self.tx.now,
                                      "actor": self.actor, "reason": reason})
            self.outcome.withdrawn += 1
            self.outcome.changed_ids.append(target)

    # ------------------------------------------------------------------ reading the log
    def _prefetch(self, keys: Iterable[str]) -> None:
        self._known.update(self.tx.existing("log_entry", "external_key", "crisis_id", keys))

    def _seen_update(self, key: str) -> bool:
        low, high = key + "#", key + "$"
        if self.conn.execute(select(log_entry.c.id).where(
                log_entry.c.external_key >= low, log_entry.c.external_key < high).limit(1)).first():
            return True
        return any(
            self.conn.execute(select(table.c.id).where(
                table.c.reason >= UPDATE_REASON + low, table.c.reason < UPDATE_REASON + high
            ).limit(1)).first()
            for table in (log_version, log_assessment)
        )

    def _resolve(self, ref_keys: Sequence[str]) -> dict[int, list[str]]:
        """Info index -> entries, for the alerts referred to; through earlier Updates too, so
        an Update that only names the previous Update still finds the original entries."""
        found: dict[int, list[str]] = {}

        def add(index: int | None, entry_id: str) -> None:
            if index is not None and entry_id not in found.setdefault(index, []):
                found[index].append(entry_id)

        for ref in dict.fromkeys(ref_keys):
            low, high = ref + "#", ref + "$"
            for row in self.conn.execute(select(log_entry.c.id, log_entry.c.external_key).where(
                    log_entry.c.crisis_id == self.crisis_id,
                    log_entry.c.external_key >= low, log_entry.c.external_key < high)):
                add(key_index(row.external_key), row.id)
            for table in (log_version, log_assessment):
                for row in self.conn.execute(select(table.c.entry_id, table.c.reason).where(
                        table.c.reason >= UPDATE_REASON + low,
                        table.c.reason < UPDATE_REASON + high)):
                    add(key_index(row.reason), row.entry_id)
        return found

    def _states(self, entry_ids: set[str]) -> dict[str, _State]:
        if not entry_ids:
            return {}
        c = log_current.c
        rows = self.conn.execute(
            select(c.entry_id, c.version, c.text, c.location, c.reliability, c.withdrawn,
                   log_entry.c.external_key, c.grade)
            .join(log_entry, log_entry.c.id == c.entry_id)
            .where(c.entry_id.in_(sorted(entry_ids)), c.crisis_id == self.crisis_id))
        return {r.entry_id: _State(r.version, r.text, r.location, r.reliability,
                                   bool(r.withdrawn), r.external_key, r.grade) for r in rows}

    def _last_applied(self, states: dict[str, _State]) -> dict[str, str]:
        """Per entry, the sent time of the newest CAP message already in it."""
        latest = {t: key_sent(s.external_key) for t, s in states.items() if s.external_key}
        for table in (log_version, log_assessment):
            rows = self.conn.execute(select(table.c.entry_id, table.c.reason).where(
                table.c.entry_id.in_(sorted(states)),
                table.c.reason >= UPDATE_REASON, table.c.reason < "CAP Update!"))
            for row in rows:
                sent = key_sent(row.reason[len(UPDATE_REASON):])
                if sent > latest.get(row.entry_id, ""):
                    latest[row.entry_id] = sent
        return latest
