"""`crisisconsole log ...`: the incident log from the command line (issue 3).

Bad input gives one line on stderr and exit 2, also for argument errors (argparse's usage
block is replaced by one line)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from crisisconsole import safe_files
from crisisconsole.cli.runtime import CommandRegistry, emit, json_flag, open_context, parse_time_arg
from crisisconsole.domain.file_names import safe_file_name
from crisisconsole.errors import StoreError, ValidationError
from crisisconsole.i18n import tr


def _line(entry: Any, conflict: Any = None) -> str:
    """One entry on one line; ``conflict``: its open conflict (services.team.conflicts)."""
    from crisisconsole.clock import format_local
    from crisisconsole.domain.log_rules import source_label

    grade = f" {entry.grade}" if entry.grade else ""
    marks = ("  TEGENGESPROKEN" if entry.contradicted else "") + (
        "  INGETROKKEN" if entry.withdrawn else "") + (
        f"  [{_conflict_label(conflict)}]" if conflict else "")
    return (f"{entry.id}  {format_local(entry.occurred_at)}  {source_label(entry.source)}  "
            f"[{entry.reliability}{grade}] v{entry.version}  {entry.text}{marks}")


def _limit(value: int | None) -> int:
    if value is None:
        return 200
    if value < 1 or value > 100_000:
        raise ValidationError(tr("--limit moet tussen 1 en 100000 liggen", "--limit out of range"))
    return value


def _conflict_label(conflict: Any) -> str:
    from crisisconsole.services.team.conflicts import label

    return label(conflict.kind)


def _json(ctx, entry, conflict=None) -> dict:  # noqa: ANN001 - ServiceContext, LogEntry
    """The entry's JSON with the database's late-entry threshold and its open conflict
    (``conflict`` and the ``versions`` in conflict; null and [] without one)."""
    from crisisconsole.services.log.values import late_threshold
    from crisisconsole.services.team.conflicts import NO_CONFLICT

    return entry.as_json(late_threshold(ctx.store)) | (
        conflict.as_json() if conflict else dict(NO_CONFLICT))


def _conflicts(ctx, entries) -> dict:  # noqa: ANN001 - ServiceContext, list of LogEntry
    from crisisconsole.services.team.conflicts import entry_conflicts

    return entry_conflicts(ctx.store, [e.id for e in entries])


def _shown(ctx, entry) -> tuple[dict, str]:  # noqa: ANN001 - ServiceContext, LogEntry
    """(JSON, text) of one entry with its conflict: the versions in conflict one a line."""
    from crisisconsole.clock import format_local, parse_iso

    conflict = _conflicts(ctx, [entry]).get(entry.id)
    human = _line(entry, conflict)
    for version in conflict.versions if conflict else ():
        human += (f"\n  {version['id']}  {format_local(parse_iso(version['recorded_at']))}  "
                  f"{version['device'] or '-'}  {version['text']}")
    for grade in conflict.grades if conflict else ():
        human += (f"\n  {grade['id']}  {format_local(parse_iso(grade['at']))}  "
                  f"{grade['device'] or '-'}  {grade['reliability']} {grade['grade'] or ''}"
                  f"  {grade['confirming_source'] or ''}")
    return _json(ctx, entry, conflict), human


def cmd_add(args: argparse.Namespace) -> int:
    """The same use case as the app's quick-entry bar (services.log.record): a source not on
    the list joins it, and the files go with the entry, in one transaction."""
    from crisisconsole.services.log.queries import raw_facts
    from crisisconsole.services.log.record import EntryDraft, record_entry

    ctx = open_context(args)
    entry = record_entry(ctx, args.crisis, EntryDraft(
        args.text, args.source, person=args.person, discipline=args.discipline,
        location=args.location, occurred_at=parse_time_arg(args.occurred_at),
        reliability=args.reliability, grade=args.grade, confirmed_by=args.confirmed_by,
        attachment_paths=tuple(args.attach or ())))
    data = _json(ctx, entry)
    attached = raw_facts(ctx.store, entry.id).attachments if args.attach else []
    if attached:
        data["attachments"] = [{"filename": safe_file_name(a["filename"]), "size": a["size"]}
                               for a in attached]
    emit(args, data, _line(entry) + "".join(f"\n  bijlage: {safe_file_name(a['filename'])}"
                                            for a in attached))
    return 0


def cmd_attachment_save(args: argparse.Namespace) -> int:
    from crisisconsole.services.log.attachments import save_attachment

    ctx = open_context(args)
    out = save_attachment(ctx, args.attachment_id, args.out)
    size = out.stat().st_size
    emit(args, {"id": args.attachment_id, "out": str(out), "size": size},
         f"bijlage opgeslagen in {out} ({size} bytes)")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.crises import get_crisis
    from crisisconsole.services.log.queries import LogFilter, list_entries
    from crisisconsole.services.log.values import late_threshold

    ctx = open_context(args)
    get_crisis(ctx.store, args.crisis)
    flt = LogFilter(reliability=(args.reliability,) if args.reliability else (),
                    source=(args.source,) if args.source else (),
                    since=parse_time_arg(args.since))
    entries = list_entries(ctx.store, args.crisis, flt, limit=_limit(args.limit))
    from crisisconsole.services.team.conflicts import NO_CONFLICT

    late_after = late_threshold(ctx.store)
    conflicts = _conflicts(ctx, entries)
    data = [e.as_json(late_after) | (conflicts[e.id].as_json() if e.id in conflicts
                                     else dict(NO_CONFLICT)) for e in entries]
    emit(args, data, "\n".join(_line(e, conflicts.get(e.id)) for e in entries)
         or "geen meldingen")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from crisisconsole.services.log.queries import get_entry

    ctx = open_context(args)
    emit(args, *_shown(ctx, get_entry(ctx.store, args.id)))
    return 0


def cmd_settle(args: argparse.Namespace) -> int:
    """Settle concurrent corrections: keep one version or give a new text (a new version,
    synced like any fact)."""
    from crisisconsole.services.team.conflicts import settle_entry

    ctx = open_context(args)
    entry = settle_entry(ctx, args.id, args.text, keep=args.keep)
    emit(args, *_shown(ctx, entry))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.crises import get_crisis
    from crisisconsole.services.log.queries import search_entries
    from crisisconsole.services.log.values import late_threshold

    ctx = open_context(args)
    get_crisis(ctx.store, args.crisis)
    hits = search_entries(ctx.store, args.crisis, args.query, limit=_limit(args.limit))
    late_after = late_threshold(ctx.store)
    human = "\n".join(f"{h.entry.id}  {h.as_json(late_after)['highlight']}" for h in hits)
    emit(args, [h.as_json(late_after) for h in hits], human or "geen treffers")
    return 0


def _assess(args: argparse.Namespace, reliability: str) -> int:
    from crisisconsole.services.log.entries import assess_entry

    ctx = open_context(args)
    entry = assess_entry(ctx, args.id, reliability, by=args.by,
                         corroborated_by=getattr(args, "corroborated_by", None),
                         grade=args.grade, reason=args.reason)
    emit(args, _json(ctx, entry), _line(entry))
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    return _assess(args, "confirmed")


def cmd_refute(args: argparse.Namespace) -> int:
    return _assess(args, "refuted")


def cmd_correct(args: argparse.Namespace) -> int:
    from crisisconsole.services.log.entries import correct_entry

    ctx = open_context(args)
    entry = correct_entry(ctx, args.id, args.text, args.reason)
    emit(args, _json(ctx, entry), _line(entry))
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from crisisconsole.services.log.entries import link_entries

    kind, other = next((k, getattr(args, k)) for k in ("corroborates", "contradicts",
                                                        "follows_up") if getattr(args, k))
    ctx = open_context(args)
    entry = link_entries(ctx, args.id, other, kind)
    emit(args, {"from_id": args.id, "to_id": other, "kind": kind, "entry": _json(ctx, entry)},
         f"gekoppeld: {args.id} {kind} {other}")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from crisisconsole.services.log.export_data import history_json

    ctx = open_context(args)
    data = history_json(ctx.store, args.id)
    human = "\n".join(f"{item['at']}  {item['summary']}"
                      + (f"\n    {'~' if item['superseded'] else ''}{item['text']}"
                         if item["text"] else "") for item in data["history"])
    emit(args, data, human)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from crisisconsole.interchange.log_export import WRITERS
    from crisisconsole.services.log.export_data import gather_log

    out = Path(args.out).expanduser()
    if os.path.lexists(out):
        raise StoreError(tr(f'bestand bestaat al: {out}', f'file exists: {out}'))
    ctx = open_context(args)
    data = gather_log(ctx, args.crisis)
    content = WRITERS[args.format](data)
    safe_files.write_bytes(out, content, overwrite=False)
    emit(args, {"out": str(out), "format": args.format, "entries": len(data["entries"])},
         tr(f"{len(data['entries'])} meldingen geëxporteerd naar {out}",
            f"{len(data['entries'])} entries exported to {out}"))
    return 0


def _one_line_error(message: str) -> NoReturn:
    print(f"crisisconsole: {message}", file=sys.stderr)
    raise SystemExit(2)


def _parser(sub: argparse._SubParsersAction, name: str, help_text: str,
            handler: Any = None) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_text)
    p.error = _one_line_error  # type: ignore[method-assign]
    if handler is not None:
        p.set_defaults(handler=handler)
        json_flag(p)
    return p


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _build(sub: argparse._SubParsersAction) -> None:
    top = _parser(sub, "log", "het logboek: meldingen met bron en betrouwbaarheid")
    log = top.add_subparsers(dest="sub", metavar="SUB", required=True)

    p = _parser(log, "add", "leg een melding vast", cmd_add)
    p.add_argument("--crisis", required=True)
    p.add_argument("--text", required=True)
    p.add_argument("--source", required=True,
                   help="politie, brandweer, ghor, gemeente, ... (een nieuwe naam komt op de lijst)")
    p.add_argument("--person", help="persoon of kanaal")
    p.add_argument("--discipline")
    p.add_argument("--location")
    p.add_argument("--occurred-at", help="ISO-tijdstip gebeurd (standaard: nu)")
    p.add_argument("--reliability", choices=["hearsay", "confirmed"])
    p.add_argument("--grade", help="Admiralty, bijvoorbeeld B2")
    p.add_argument("--confirmed-by", help="de bevestigende bron")
    p.add_argument("--attach", action="extend", nargs="+", metavar="FILE",
                   help="bijlage(n), opgeslagen in de versleutelde database")

    p = _parser(log, "list", "toon meldingen, nieuwste eerst (tijdstip gebeurd)", cmd_list)
    p.add_argument("--crisis", required=True)
    p.add_argument("--reliability", choices=["hearsay", "confirmed", "refuted"])
    p.add_argument("--source")
    p.add_argument("--since", help="ISO-tijdstip")
    p.add_argument("--limit", type=int)

    p = _parser(log, "search", "zoek in het logboek (nieuwste treffers eerst)", cmd_search)
    p.add_argument("--crisis", required=True)
    p.add_argument("query")
    p.add_argument("--limit", type=int)

    p = _parser(log, "confirm", "bevestig een melding", cmd_confirm)
    p.add_argument("id")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--by", help="de bevestigende bron")
    group.add_argument("--corroborated-by", metavar="ENTRY_ID", help="ondersteunende melding")
    p.add_argument("--reason")
    p.add_argument("--grade")

    p = _parser(log, "refute", "ontkracht een melding", cmd_refute)
    p.add_argument("id")
    p.add_argument("--by", required=True, help="de bron die haar ontkracht")
    p.add_argument("--reason")
    p.add_argument("--grade")

    p = _parser(log, "correct", "corrigeer een melding (nieuwe versie)", cmd_correct)
    p.add_argument("id")
    p.add_argument("--text", required=True)
    p.add_argument("--reason", required=True)

    p = _parser(log, "show", "toon één melding (met gelijktijdige correcties)", cmd_show)
    p.add_argument("id")

    p = _parser(log, "settle", "beslecht gelijktijdige correcties van een melding", cmd_settle)
    p.add_argument("id")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--text", help="de nieuwe tekst")
    group.add_argument("--keep", metavar="VERSION", help="de versie die blijft (haar id)")

    p = _parser(log, "link", "koppel twee meldingen", cmd_link)
    p.add_argument("id")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--corroborates", metavar="OTHER_ID")
    group.add_argument("--contradicts", metavar="OTHER_ID")
    group.add_argument("--follows-up", metavar="OTHER_ID")

    p = _parser(log, "history", "de hele geschiedenis van een melding", cmd_history)
    p.add_argument("id")

    top = _parser(log, "attachment", "bijlagen van meldingen")
    attachment = top.add_subparsers(dest="attachment_sub", metavar="SUB", required=True)
    p = _parser(attachment, "save", "sla een bijlage op als bestand", cmd_attachment_save)
    p.add_argument("attachment_id", metavar="ATTACHMENT_ID")
    p.add_argument("--out", required=True)

    p = _parser(log, "export", "exporteer het volledige logboek", cmd_export)
    p.add_argument("--crisis", required=True)
    p.add_argument("--format", required=True, choices=["csv", "json", "pdf"])
    p.add_argument("--out", required=True)
