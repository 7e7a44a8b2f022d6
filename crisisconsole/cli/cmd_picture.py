"""Commands for the situational picture, decisions and actions (issue 6):
`picture show|snapshot|export|verify|list|note`, `decision add|list`, `action add|set|list`."""

from __future__ import annotations

import argparse
from pathlib import Path

from crisisconsole.cli.runtime import (
    CommandRegistry,
    emit,
    json_flag,
    open_context,
    open_store,
    parse_time_arg,
)
from crisisconsole.clock import format_time
from crisisconsole.i18n import tr


def cmd_picture_show(args: argparse.Namespace) -> int:
    from crisisconsole.interchange.picture_text import picture_text
    from crisisconsole.services.picture.snapshots import live_picture

    ctx = open_context(args)
    picture = live_picture(ctx, args.crisis, since=parse_time_arg(args.since))
    emit(args, picture, picture_text(picture))
    return 0


def cmd_picture_snapshot(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.snapshots import take_snapshot

    ctx = open_context(args)
    info = take_snapshot(ctx, args.crisis, purpose=args.purpose)
    emit(args, info.as_json(), f"momentopname versie {info.version}: {info.id}\n"
         f"SHA-256 {info.hash}")
    return 0


def cmd_picture_export(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.export import export_snapshot
    from crisisconsole.services.picture.snapshots import get_snapshot_info

    ctx = open_context(args)
    out = export_snapshot(ctx, args.snapshot, args.format, Path(args.out), args.layout)
    info = get_snapshot_info(ctx.store, args.snapshot)
    emit(args, {"out": str(out), "format": args.format, "layout": args.layout, "id": info.id,
                "version": info.version, "hash": info.hash},
         tr(f"geëxporteerd ({args.format}): {out}", f"exported ({args.format}): {out}"))
    return 0


def cmd_picture_verify(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.snapshots import verify_snapshot

    store = open_store(args)
    result = verify_snapshot(store, args.snapshot)
    state = "OK" if result.ok else tr("BESCHADIGD", "DAMAGED")
    emit(args, result.as_json(), tr(f"{state}: versie {result.version}, SHA-256 {result.stored_hash}",
                                    f"{state}: version {result.version}, SHA-256 {result.stored_hash}"))
    return 0 if result.ok else 1


def cmd_picture_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.snapshots import list_snapshots

    store = open_store(args)
    items = list_snapshots(store, args.crisis)
    emit(args, [i.as_json() for i in items], "\n".join(
        f"v{i.version:<3} {format_time(i.taken_at, '%Y-%m-%d %H:%M')}Z  {i.purpose:<8} {i.taken_by:<12} {i.id}"
        for i in items) or "geen momentopnamen")
    return 0


def cmd_picture_note(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.notes import add_note

    ctx = open_context(args)
    note = add_note(ctx, args.crisis, args.kind, args.text)
    emit(args, note.as_json(), f"notitie ({note.kind}): {note.id}")
    return 0


def cmd_decision_add(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.decisions import add_decision

    ctx = open_context(args)
    item = add_decision(ctx, args.crisis, args.text, args.rationale,
                        entry_ids=args.entry or (), decided_by=args.decided_by,
                        snapshot_id=args.snapshot)
    emit(args, item.as_json(), f"besluit vastgelegd: {item.id}")
    return 0


def cmd_decision_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.decisions import list_decisions

    store = open_store(args)
    items = list_decisions(store, args.crisis)
    emit(args, [i.as_json() for i in items], "\n".join(
        f"{format_time(i.decided_at, '%Y-%m-%d %H:%M')}Z  {i.decided_by}: {i.text}" for i in items)
        or "geen besluiten")
    return 0


def cmd_action_add(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.actions import add_action

    ctx = open_context(args)
    item = add_action(ctx, args.crisis, args.text, args.owner, due=parse_time_arg(args.due),
                      decision_id=args.decision)
    emit(args, item.as_json(), f"actie vastgelegd: {item.id}")
    return 0


def cmd_action_set(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.actions import set_action_status

    ctx = open_context(args)
    item = set_action_status(ctx, args.id, args.status, args.note)
    emit(args, item.as_json(), f"actie {item.id}: {item.status}")
    return 0


def cmd_action_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.actions import list_actions

    store = open_store(args)
    items = list_actions(store, args.crisis)
    emit(args, [i.as_json() for i in items], "\n".join(
        f"{'TE LAAT ' if i.overdue else ''}[{i.status}] {i.text} — {i.owner}"
        + (f" (termijn {format_time(i.due, '%Y-%m-%d %H:%M')}Z)" if i.due else "") for i in items)
        or "geen acties")
    return 0


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _add(sub: argparse._SubParsersAction, name: str, handler, help_text: str,  # noqa: ANN001
         crisis: bool = False, json: bool = True) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_text)
    if crisis:
        p.add_argument("--crisis", required=True, metavar="ID")
    if json:
        json_flag(p)
    p.set_defaults(handler=handler)
    return p


def _build(sub: argparse._SubParsersAction) -> None:
    picture = sub.add_parser("picture", help="totaalbeeld (situatiebeeld)").add_subparsers(
        dest="sub", metavar="SUB", required=True)
    p = _add(picture, "show", cmd_picture_show, "toon het actuele totaalbeeld", crisis=True)
    p.add_argument("--since", metavar="ISO",
                   help="'sinds de vorige briefing' vanaf dit tijdstip (standaard: de laatste "
                   "momentopname)")
    p = _add(picture, "snapshot", cmd_picture_snapshot, "leg het beeld vast (onveranderlijk)",
             crisis=True)
    p.add_argument("--purpose", choices=["manual", "briefing", "final"], default="manual",
                   help="final: het laatste situatiebeeld (EDXL-SitRep reportVersion Final)")
    p = _add(picture, "export", cmd_picture_export, "exporteer een momentopname")
    p.add_argument("snapshot", metavar="SNAPSHOT")
    p.add_argument("--format", required=True, choices=["pdf", "edxl", "json"])
    p.add_argument("--layout", choices=["report", "sheet"], default="report",
                   help="sheet: het briefingblad op één A4 (alleen pdf)")
    p.add_argument("--out", required=True, metavar="FILE")
    p = _add(picture, "verify", cmd_picture_verify, "controleer de hash van een momentopname")
    p.add_argument("snapshot", metavar="SNAPSHOT")
    _add(picture, "list", cmd_picture_list, "toon de momentopnamen", crisis=True)
    p = _add(picture, "note", cmd_picture_note, "oordeel: knelpunt, verwachting, dilemma...",
             crisis=True)
    p.add_argument("--kind", required=True,
                   choices=["summary", "bottleneck", "forecast", "dilemma", "contact"])
    p.add_argument("--text", required=True)

    decision = sub.add_parser("decision", help="besluiten").add_subparsers(
        dest="sub", metavar="SUB", required=True)
    p = _add(decision, "add", cmd_decision_add, "leg een besluit vast", crisis=True)
    p.add_argument("--text", required=True)
    p.add_argument("--rationale", required=True)
    p.add_argument("--entry", action="append", metavar="ID", help="melding waarop het rust")
    p.add_argument("--snapshot", metavar="ID", help="momentopname waarop het rust")
    p.add_argument("--decided-by", metavar="WIE")
    _add(decision, "list", cmd_decision_list, "toon de besluiten", crisis=True)

    action = sub.add_parser("action", help="acties").add_subparsers(
        dest="sub", metavar="SUB", required=True)
    p = _add(action, "add", cmd_action_add, "leg een actie vast", crisis=True)
    p.add_argument("--text", required=True)
    p.add_argument("--owner", required=True)
    p.add_argument("--due", metavar="ISO")
    p.add_argument("--decision", metavar="ID")
    p = _add(action, "set", cmd_action_set, "wijzig de status van een actie")
    p.add_argument("id", metavar="ID")
    p.add_argument("--status", required=True, choices=["open", "done", "dropped"])
    p.add_argument("--note")
    _add(action, "list", cmd_action_list, "toon de acties", crisis=True)
