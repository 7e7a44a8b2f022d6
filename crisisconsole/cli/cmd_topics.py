"""Commands for topics and the shift handover (issue 13): `topic list|show|rename|merge|split|
move|pin|unpin|close|reopen|statement`, `handover`. Each act on a topic is one audited fact;
a refusal by role exits 3, a refused act (a merge across crises, a split of a one-entry
topic) exits 2 with one line."""

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
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr


def _line(view) -> str:  # noqa: ANN001 - TopicView
    flags = "".join(f for f, on in ((" [vast]", view.pinned), (" [afgehandeld]", view.closed),
                                    (" [heropend]", view.reopened)) if on)
    return (f"{view.id}  [{view.reliability}] {view.title}{flags} — {view.reports} "
            f"{tr('meldingen', 'reports')}\n    {view.statement or ''}")


def cmd_topic_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.topics import list_topics

    store = open_store(args)
    views = list_topics(store, args.crisis, include_closed=args.all)
    emit(args, [v.as_json() for v in views],
         "\n".join(_line(v) for v in views) or tr("geen onderwerpen", "no topics"))
    return 0


def _crisis_for(args: argparse.Namespace, store, topic_id: str) -> str:  # noqa: ANN001
    from crisisconsole.services.picture.topic_source import crisis_of_topic

    if args.crisis:
        return args.crisis
    with store.read() as conn:
        found = crisis_of_topic(conn, topic_id)
    if found is None:
        raise ValidationError(tr(f"onbekend onderwerp: {topic_id}", f"unknown topic: {topic_id}"))
    return found


def cmd_topic_show(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.topics import get_topic, topic_entries

    store = open_store(args)
    crisis_id = _crisis_for(args, store, args.topic)
    view = get_topic(store, crisis_id, args.topic)
    entries = topic_entries(store, crisis_id, args.topic)
    data = {**view.as_json(), "entries": [
        {"id": e.id, "occurred_at": e.occurred_at.isoformat(), "source": e.source,
         "text": e.text, "reliability": e.reliability, "withdrawn": e.withdrawn}
        for e in entries]}
    emit(args, data, _line(view) + "\n" + "\n".join(
        f"    {e.occurred_at:%H:%M} {e.source}: {e.text} [{e.reliability}]" for e in entries))
    return 0


def _act(args: argparse.Namespace, kind: str, topic_ids: list[str],
         entry_ids: list[str] | None = None, text: str | None = None) -> int:
    from crisisconsole.services.picture.topics import record_topic_fact

    ctx = open_context(args)
    crisis_id = _crisis_for(args, ctx.store, topic_ids[0])
    view = record_topic_fact(ctx, crisis_id, kind, topic_ids, entry_ids=entry_ids or (),
                             text=text)
    emit(args, view.as_json(), f"{kind}: {_line(view)}")
    return 0


def cmd_topic_rename(args: argparse.Namespace) -> int:
    return _act(args, "rename", [args.topic], text=args.title)


def cmd_topic_merge(args: argparse.Namespace) -> int:
    return _act(args, "merge", [args.topic, *args.others])


def cmd_topic_split(args: argparse.Namespace) -> int:
    return _act(args, "split", [args.topic], args.entry, args.title)


def cmd_topic_move(args: argparse.Namespace) -> int:
    return _act(args, "move", [args.topic], args.entry)


def cmd_topic_pin(args: argparse.Namespace) -> int:
    return _act(args, "unpin" if args.off else "pin", [args.topic])


def cmd_topic_close(args: argparse.Namespace) -> int:
    return _act(args, "reopen" if args.reopen else "close", [args.topic])


def cmd_topic_statement(args: argparse.Namespace) -> int:
    return _act(args, "statement", [args.topic], args.entry or [], args.text)


def cmd_handover(args: argparse.Namespace) -> int:
    from crisisconsole.services.picture.handover import build_handover, export_handover

    ctx = open_context(args)
    since = parse_time_arg(args.since)
    if args.out is None:
        if args.format not in ("json", "md"):
            raise ValidationError(tr("een pdf vraagt --out BESTAND", "a pdf needs --out FILE"))
        from crisisconsole.services.picture.handover import handover_bytes

        data = build_handover(ctx, args.crisis, since)
        print(handover_bytes(data, args.format).decode("utf-8"), end="")
        return 0
    out = export_handover(ctx, args.crisis, since, args.format, Path(args.out))
    emit(args, {"out": str(out), "format": args.format, "since": args.since},
         tr(f"overdracht geschreven ({args.format}): {out}",
            f"handover written ({args.format}): {out}"))
    return 0


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _sub(group: argparse._SubParsersAction, name: str, handler, help_text: str,  # noqa: ANN001
         topic: bool = True) -> argparse.ArgumentParser:
    p = group.add_parser(name, help=help_text)
    if topic:
        p.add_argument("topic", metavar="TOPIC")
        p.add_argument("--crisis", metavar="ID", help="crisis (standaard: die van het onderwerp)")
    json_flag(p)
    p.set_defaults(handler=handler)
    return p


def _build(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("topic", help="onderwerpen van het beeld").add_subparsers(
        dest="sub", metavar="SUB", required=True)
    p = _sub(group, "list", cmd_topic_list, "toon de onderwerpen", topic=False)
    p.add_argument("--crisis", required=True, metavar="ID")
    p.add_argument("--all", action="store_true", help="ook afgehandelde onderwerpen")
    _sub(group, "show", cmd_topic_show, "toon een onderwerp met zijn meldingen")
    p = _sub(group, "rename", cmd_topic_rename, "geef een onderwerp een naam")
    p.add_argument("--title", required=True, help='"" zet de automatische naam terug')
    p = _sub(group, "merge", cmd_topic_merge, "voeg onderwerpen samen in TOPIC")
    p.add_argument("others", nargs="+", metavar="OTHER")
    p = _sub(group, "split", cmd_topic_split, "splits meldingen af tot een nieuw onderwerp")
    p.add_argument("--entry", action="append", required=True, metavar="ID")
    p.add_argument("--title")
    p = _sub(group, "move", cmd_topic_move, "verplaats meldingen naar TOPIC")
    p.add_argument("--entry", action="append", required=True, metavar="ID")
    p = _sub(group, "pin", cmd_topic_pin, "zet een onderwerp vast bovenaan")
    p.add_argument("--off", action="store_true", help="niet meer vast")
    p = _sub(group, "close", cmd_topic_close, "markeer een onderwerp als afgehandeld")
    p.add_argument("--reopen", action="store_true", help="heropen")
    p = _sub(group, "statement", cmd_topic_statement, "de stand van een onderwerp in één zin")
    p.add_argument("--text", required=True, help='"" zet de automatische stand terug')
    p.add_argument("--entry", action="append", metavar="ID", help="melding waarop het rust")

    p = sub.add_parser("handover", help="overdracht aan de volgende dienst")
    p.add_argument("--crisis", required=True, metavar="ID")
    p.add_argument("--since", required=True, metavar="ISO")
    p.add_argument("--format", choices=["pdf", "json", "md"], default="pdf")
    p.add_argument("--out", metavar="FILE")
    json_flag(p)
    p.set_defaults(handler=cmd_handover)
