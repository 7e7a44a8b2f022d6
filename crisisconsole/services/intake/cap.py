"""CAP import into the one log (issue 7, items 1, 2 and 7): bytes, a file, or folders.

Each file is one transaction: all its entries, corrections and withdrawals land, or none. The
file is parsed and every info block validated (the log's own rules) before the transaction
opens; only what depends on the log itself (is this alert here already, which entries does an
Update refer to) is decided inside it, so two importers never race.

Decisions (the UI and the CLI rely on them):

- ``Actual`` alerts are imported into every crisis. ``Exercise`` and ``Test`` alerts are
  imported only into an exercise crisis (marked by their status in the entry's extra data) and
  refused in a real crisis, so an exercise message can never look like a real event.
  ``System`` and ``Draft`` messages are never imported. ``Ack`` and ``Error`` carry no report
  and are refused.
- An Update corrects the entries of the alerts it references, info block by info block (a new
  version with reason "CAP Update <key>"; a change of certainty to Observed also confirms the
  entry, naming the sender). It never downgrades a tag: an aide's confirmation or refutation
  stays. An Update older than one already applied to an entry is skipped for that entry. When
  none of the referenced alerts is in the log, the Update's info blocks become new entries.
- A Cancel withdraws the entries of the alerts it references (reason "CAP Cancel <key>").
  A Cancel of alerts that are not in the log changes nothing and is refused with that reason.
- Importing a file again changes nothing: it is reported as ``duplicate``.
- Folders: every regular file (recursively, hidden files skipped). Files of plain alerts are
  imported as they are read, in file order (each written while the next is parsed, see
  ``intake_cap_pipeline``), so only a few such files are held in memory at a time;
  files with an Update or Cancel come after all of them, in order of the alerts' sent time, so
  they find the alerts they refer to. The report keeps the file order.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from crisisconsole.domain.log_rules import (
    FUTURE_TOLERANCE,
    EntryInvalid,
    ValidEntry,
    validate_entry,
)
from crisisconsole.domain.reliability import Reliability
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.interchange.cap_areas import cap_areas_json
from crisisconsole.interchange.cap_model import CapAlert, cap_time_key
from crisisconsole.interchange.cap_parse import MAX_CAP_BYTES, CapRefused, parse_cap_container
from crisisconsole.interchange.cap_to_entry import CapEntryDraft, alert_key, alert_to_drafts
from crisisconsole.services.foundation.context import ServiceContext
from crisisconsole.services.foundation.crises import Crisis, get_crisis
from crisisconsole.services.intake.cap_apply import (
    FileWriter,
    PreparedAlert,
    PreparedInfo,
    outcome_item,
)
from crisisconsole.services.intake.cap_pipeline import CapPipeline, Ordinary
from crisisconsole.services.intake.progress import ImportProgress, step
from crisisconsole.services.intake.values import (
    CANCELLED,
    REFUSED,
    ImportItem,
    ImportReport,
)

MAX_FILES = 100_000
_REFERRING = frozenset({"Update", "Cancel"})


def import_cap_bytes(ctx: ServiceContext, crisis_id: str, data: bytes, name: str) -> ImportItem:
    crisis = get_crisis(ctx.store, crisis_id)
    item = _import_data(ctx, crisis, name, data)
    return item


def import_cap_file(ctx: ServiceContext, crisis_id: str, path: Path) -> ImportItem:
    return import_cap_paths(ctx, crisis_id, [Path(path)]).items[0]


def import_cap_paths(ctx: ServiceContext, crisis_id: str, paths: Sequence[Path | str], *,
                     progress: ImportProgress | None = None) -> ImportReport:
    """Files and folders; one report line per file, in file order. Writes of other processes
    meanwhile wait their turn between files (``Store.importing``). ``progress`` hears of each
    file and may stop the import between files (services.intake.progress)."""
    with ctx.store.importing():
        return _import_paths(ctx, get_crisis(ctx.store, crisis_id), paths, progress)


def _import_paths(ctx: ServiceContext, crisis: Crisis, paths: Sequence[Path | str],
                  progress: ImportProgress | None = None) -> ImportReport:
    files = list(expand_paths(paths))
    total = len(files)
    items: list[ImportItem | None] = [None] * total
    referring: list[tuple[str, int, list[CapAlert]]] = []
    ordinary = partial(_write, ctx, crisis)
    stopped = False
    with _plain_writer(ctx, crisis, ordinary, total) as plain:
        for index, (name, path) in enumerate(files):
            if not step(progress, index, total):
                stopped = True
                break
            try:
                alerts = parse_cap_container(read_limited(path))
                if any(alert.msg_type in _REFERRING for alert in alerts):
                    first = min(cap_time_key(alert.sent) for alert in alerts)
                    referring.append((first, index, alerts))
                    continue
                now = ctx.now()
                prepared = [prepare_alert(alert, crisis.exercise, now) for alert in alerts]
            except CapRefused as refusal:
                items[index] = ImportItem(name, REFUSED, refusal.reason)
                continue
            plain.add(index, name, prepared)
    for index, item in plain.items.items():
        items[index] = item
    # Updates and Cancels after every plain alert, oldest first, so they find what they name.
    referring.sort(key=lambda entry: (entry[0], entry[1]))
    for _, index, alerts in referring:
        if stopped or (progress is not None and progress.cancelled):
            stopped = True
            break
        items[index] = _import_alerts(ctx, crisis, files[index][0], alerts)
    if stopped:  # every file not taken in says so; those before the cancel are committed
        not_read = tr("afgebroken: niet ingelezen", "cancelled: not read")
        items = [item if item is not None else ImportItem(files[i][0], CANCELLED, not_read)
                 for i, item in enumerate(items)]
    elif total:
        step(progress, total, total)
    report = ImportReport(tuple(item for item in items if item is not None))
    return report


class _Direct:
    """One file at a time, each in its own transaction (a single file needs no pipeline)."""

    def __init__(self, ordinary: Ordinary) -> None:
        self.ordinary = ordinary
        self.items: dict[int, ImportItem] = {}

    def __enter__(self) -> _Direct:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def add(self, index: int, name: str, alerts: Sequence[PreparedAlert]) -> None:
        self.items[index] = self.ordinary(name, alerts)


def _plain_writer(ctx: ServiceContext, crisis: Crisis, ordinary: Ordinary,
                  files: int) -> CapPipeline | _Direct:
    return CapPipeline(ctx, crisis, ordinary) if files > 1 else _Direct(ordinary)


def expand_paths(paths: Iterable[Path | str]) -> Iterable[tuple[str, Path]]:
    """(shown name, path) for each file; folders recursively, without following links."""
    count = 0
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    full = Path(root) / name
                    count += 1
                    if count > MAX_FILES:
                        raise ValidationError(
                            tr(f'meer dan {MAX_FILES} bestanden', f'more than {MAX_FILES} files'))
                    yield str(full.relative_to(path.parent)), full
        else:
            count += 1
            yield path.name, path


def read_limited(path: Path, max_bytes: int = MAX_CAP_BYTES) -> bytes:
    """The bytes of a regular file no larger than ``max_bytes``; never blocks on a FIFO."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise CapRefused(tr("geen gewoon bestand", "not a regular file"))
        if info.st_size > max_bytes:
            raise CapRefused(tr(f'bestand te groot (meer dan {max_bytes // 1000} kB)', f"file too large (more than {max_bytes // 1000} kB)"))
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise CapRefused(tr("bestand niet gevonden", "file not found")) from None
    except OSError:
        raise CapRefused(tr("bestand kan niet worden gelezen", "file cannot be read")) from None
    if len(data) > max_bytes:
        raise CapRefused(tr(f'bestand te groot (meer dan {max_bytes // 1000} kB)', f"file too large (more than {max_bytes // 1000} kB)"))
    return data


def _import_data(ctx: ServiceContext, crisis: Crisis, name: str, data: bytes) -> ImportItem:
    try:
        alerts = parse_cap_container(data)
    except CapRefused as refusal:
        return ImportItem(name, REFUSED, refusal.reason)
    return _import_alerts(ctx, crisis, name, alerts)


def _import_alerts(ctx: ServiceContext, crisis: Crisis, name: str,
                   alerts: Sequence[CapAlert]) -> ImportItem:
    now = ctx.now()
    try:
        prepared = [prepare_alert(alert, crisis.exercise, now) for alert in alerts]
    except CapRefused as refusal:
        return ImportItem(name, REFUSED, refusal.reason)
    return _write(ctx, crisis, name, prepared)


def _write(ctx: ServiceContext, crisis: Crisis, name: str,
           prepared: Sequence[PreparedAlert]) -> ImportItem:
    """The file's one transaction, and its line in the report."""
    with ctx.store.write(ctx.actor.id) as tx:
        writer = FileWriter(tx, crisis.id, ctx.actor.id)
        writer.apply_all(prepared)
    return outcome_item(name, writer.outcome, prepared)


def prepare_alert(alert: CapAlert, exercise_crisis: bool, now: datetime) -> PreparedAlert:
    """Every check that does not need the log: status, message type, each info block."""
    refusal = _refusal(alert, exercise_crisis)
    if refusal:
        raise CapRefused(refusal)
    drafts = alert_to_drafts(alert) if alert.msg_type != "Cancel" else []
    key = drafts[0].alert_key if drafts else alert_key(alert)
    infos = []
    for draft in drafts:
        try:
            infos.append(_prepare_info(alert, draft, now))
        except ValidationError as error:
            prefix = f"info {draft.info_index + 1}: " if len(drafts) > 1 else ""
            raise CapRefused(prefix + error.message) from None
    return PreparedAlert(alert, key, tuple(infos))


def _refusal(alert: CapAlert, exercise_crisis: bool) -> str | None:
    if alert.status in ("Draft", "System"):
        return (tr(f'status {alert.status}: concept- en systeemberichten worden niet geïmporteerd', f"status {alert.status}: draft and system messages are not imported"))
    if alert.status in ("Exercise", "Test") and not exercise_crisis:
        return (tr(f'oefen- of testbericht (status {alert.status}) hoort niet in een echte crisis', "exercise or test alert refused in a real crisis"))
    if alert.msg_type in ("Ack", "Error"):
        return (tr(f'{alert.msg_type}-bericht bevat geen melding', "acknowledgements and error messages carry no report"))
    if alert.msg_type == "Cancel" and not alert.references:
        return tr("Cancel zonder verwijzing naar eerdere berichten", "Cancel without references")
    if alert.msg_type in ("Alert", "Update") and not alert.infos:
        return tr("bericht zonder <info>: geen melding om vast te leggen", "alert without info")
    return None


def _prepare_info(alert: CapAlert, draft: CapEntryDraft, now: datetime) -> PreparedInfo:
    occurred = draft.occurred_at
    if occurred > now + FUTURE_TOLERANCE:
        # A forecast: the onset lies ahead. The entry is about the warning, issued at `sent`.
        occurred = alert.sent
    confirmed = draft.reliability is Reliability.CONFIRMED
    valid = _validated(draft, occurred, now, draft.source if confirmed else None)
    extra: dict[str, Any] = {
        "certainty": draft.certainty, "severity": draft.severity, "urgency": draft.urgency,
        "event": draft.event, "categories": list(draft.categories), "msg_type": draft.msg_type,
        "status": draft.status, "language": draft.language, "identifier": alert.identifier,
        "sender": alert.sender, "sent": alert.sent_text, "alert_key": draft.alert_key,
        "info_index": draft.info_index, "cap_version": alert.version, "channel": draft.channel,
    }
    if draft.partner_entry:
        extra["partner_entry_id"] = draft.partner_entry
    if alert.violations:
        extra["schema_violations"] = list(alert.violations)
    if alert.incidents:
        extra["incidents"] = list(alert.incidents)
    if draft.references:
        extra["references"] = list(draft.references)
    if draft.expires:
        extra["expires"] = _iso(draft.expires)
    areas = cap_areas_json(alert.infos[draft.info_index].areas)
    if areas:
        extra["areas"] = areas  # the map draws them (services.map.layers)
    if occurred != draft.occurred_at:
        extra["onset"] = _iso(draft.occurred_at)
    return PreparedInfo(draft, valid, {k: v for k, v in extra.items() if v is not None})


def _validated(draft: CapEntryDraft, occurred: datetime, now: datetime,
               confirmed_by: str | None) -> ValidEntry:
    """The entry as the log takes it; a partner's grade or discipline that our log does not
    know is left out rather than refusing the report it came with."""
    grade, discipline = draft.grade, draft.discipline
    while True:
        try:
            return validate_entry(draft.text, draft.source, occurred, now, grade,
                                  draft.reliability.value, (), confirmed_by=confirmed_by,
                                  discipline=discipline)
        except EntryInvalid as error:
            if error.field == "grade" and grade is not None:
                grade = None
            elif error.field == "discipline" and discipline is not None:
                discipline = None
            else:
                raise


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds")
