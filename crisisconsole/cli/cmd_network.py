"""Commands for the aide's network (issue 16): `request add|answer|decline|withdraw|list`,
`partner add|list|import|export`, `roster assign|show`, `timeline` and `evaluate`."""

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


def _request_line(item: dict) -> str:
    late = "TE LAAT " if item["overdue"] else ""
    return (f"{late}[{item['state']}] {item['to']}: {item['question']} (termijn "
            f"{item['due_at']}) {item['id']}")


def cmd_request_add(args: argparse.Namespace) -> int:
    from crisisconsole.services.network.requests import add_request

    ctx = open_context(args)
    item = add_request(ctx, args.crisis, args.question, parse_time_arg(args.due), to=args.to,
                       person=args.person, asked_at=parse_time_arg(args.asked_at),
                       channel=args.channel, priority=args.priority, topic=args.topic,
                       decision_id=args.decision)
    emit(args, item, f"uitvraag vastgelegd: {item['id']}")
    return 0


def cmd_request_answer(args: argparse.Namespace) -> int:
    from crisisconsole.services.network.requests import answer_request

    ctx = open_context(args)
    item = answer_request(ctx, args.request, args.text, reliability=args.reliability,
                          grade=args.grade, confirmed_by=args.confirmed_by,
                          partial=args.partial, occurred_at=parse_time_arg(args.occurred_at))
    emit(args, item, f"antwoord vastgelegd als melding {item['answer_entry_ids'][-1]} "
         f"({item['state']})")
    return 0


def _close(state: str):  # noqa: ANN202 - a handler
    def handler(args: argparse.Namespace) -> int:
        from crisisconsole.services.network.requests import close_request

        ctx = open_context(args)
        item = close_request(ctx, args.request, state, args.reason)
        emit(args, item, f"uitvraag {item['id']}: {item['state']}")
        return 0

    return handler


def cmd_request_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.crises import get_crisis
    from crisisconsole.services.network.request_queries import list_requests

    store = open_store(args)
    get_crisis(store, args.crisis)  # an unknown crisis is an error, not an empty list
    items = [r.as_json() for r in list_requests(
        store, args.crisis, open_only=args.open, overdue_only=args.overdue,
        now=parse_time_arg(args.now), limit=args.limit or None)]
    emit(args, items, "\n".join(_request_line(i) for i in items) or "geen uitvragen")
    return 0


def cmd_partner_add(args: argparse.Namespace) -> int:
    from crisisconsole.domain.partner_rules import PartnerFields
    from crisisconsole.services.network.partners import add_partner

    ctx = open_context(args)
    item = add_partner(ctx, PartnerFields(
        args.name, args.kind, args.function, args.organisation, args.contributes, args.phone,
        args.escalation_phone, args.email, args.discipline), municipality=args.municipality)
    emit(args, item.as_json(), f"partner vastgelegd: {item.id}")
    return 0


def cmd_partner_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.network.partners import list_partners

    store = open_store(args)
    items = list_partners(store, args.municipality)
    emit(args, [p.as_json() for p in items], "\n".join(
        f"{p.label()}  {p.phone or ''}  {p.id}" for p in items) or "geen partners")
    return 0


def cmd_partner_import(args: argparse.Namespace) -> int:
    from crisisconsole.services.network.partners import import_partners

    ctx = open_context(args)
    report = import_partners(ctx, args.file, args.municipality)
    emit(args, report.as_json(), f"nieuw {report.added}, gewijzigd {report.updated}, "
         f"ongewijzigd {report.unchanged}")
    return 0


def cmd_partner_export(args: argparse.Namespace) -> int:
    from crisisconsole.services.network.partners import export_partners

    out = export_partners(open_context(args), args.format, Path(args.out), args.municipality)
    emit(args, {"out": str(out), "format": args.format}, f"geëxporteerd: {out}")
    return 0


def cmd_roster_assign(args: argparse.Namespace) -> int:
    from crisisconsole.services.network.roster import assign

    ctx = open_context(args)
    item = assign(ctx, args.crisis, args.function, args.person, parse_time_arg(args.at))
    emit(args, item, f"{item['function']}: {item['person'] or '(vacant)'} vanaf {item['at']}")
    return 0


def cmd_roster_show(args: argparse.Namespace) -> int:
    from crisisconsole.services.network.roster import show

    store = open_store(args)
    data = show(store, args.crisis, parse_time_arg(args.at))
    emit(args, data, "\n".join(f"{s['function']:<24} {s['person'] or '—'}"
                               for s in data["functions"]))
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from crisisconsole.services.network.timeline import export_timeline

    out = export_timeline(open_context(args), args.crisis, Path(args.out))
    emit(args, {"out": str(out)}, f"tijdlijn geschreven: {out}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from crisisconsole.services.network.evaluation_export import export_evaluation

    out, data = export_evaluation(open_context(args), args.crisis, Path(args.out))
    totals = data["totals"]
    emit(args, {"out": str(out), "totals": totals},
         f"evaluatie geschreven: {out} ({totals['entries']} meldingen, "
         f"{totals['requests']} uitvragen)")
    return 0


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _sub(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse._SubParsersAction:
    return sub.add_parser(name, help=help_text).add_subparsers(dest="sub", metavar="SUB",
                                                               required=True)


def _add(group: argparse._SubParsersAction, name: str, handler, help_text: str,  # noqa: ANN001
         crisis: bool = False) -> argparse.ArgumentParser:
    p = group.add_parser(name, help=help_text)
    if crisis:
        p.add_argument("--crisis", required=True, metavar="ID")
    json_flag(p)
    p.set_defaults(handler=handler)
    return p


def _build(sub: argparse._SubParsersAction) -> None:
    request = _sub(sub, "request", "uitvragen bij partners, tot het antwoord")
    p = _add(request, "add", cmd_request_add, "leg een uitvraag vast", crisis=True)
    p.add_argument("--to", metavar="PARTNER", help="partner: id of exacte naam")
    p.add_argument("--person", metavar="NAAM", help="genoemde persoon (met of zonder --to)")
    p.add_argument("--question", required=True, metavar="Q")
    p.add_argument("--due", required=True, metavar="ISO", help="termijn")
    p.add_argument("--asked-at", metavar="ISO", help="gevraagd om (standaard nu)")
    p.add_argument("--channel", choices=["phone", "email", "meeting", "message", "other"])
    p.add_argument("--priority", choices=["low", "normal", "high", "urgent"])
    p.add_argument("--topic", metavar="ID", help="onderwerp waarvoor het nodig is")
    p.add_argument("--decision", metavar="ID", help="besluit waarvoor het nodig is")
    p = _add(request, "answer", cmd_request_answer, "leg een antwoord vast (als melding)")
    p.add_argument("request", metavar="REQ")
    p.add_argument("--text", required=True, metavar="T")
    p.add_argument("--reliability", choices=["hearsay", "confirmed"])
    p.add_argument("--grade", metavar="B2")
    p.add_argument("--confirmed-by", metavar="BRON")
    p.add_argument("--partial", action="store_true", help="deels beantwoord")
    p.add_argument("--occurred-at", metavar="ISO")
    for name, state, text in (("decline", "declined", "de partner weigert"),
                              ("withdraw", "withdrawn", "trek de uitvraag in")):
        p = _add(request, name, _close(state), text)
        p.add_argument("request", metavar="REQ")
        p.add_argument("--reason", required=True, metavar="R")
    p = _add(request, "list", cmd_request_list, "toon de uitvragen", crisis=True)
    p.add_argument("--open", action="store_true", help="alleen openstaande")
    p.add_argument("--overdue", action="store_true", help="alleen te late")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="ten hoogste N (0: alle)")
    p.add_argument("--now", metavar="ISO", help="moment waarop te laat geldt (standaard nu)")

    partner = _sub(sub, "partner", "partners en escalatienummers (over crises heen)")
    p = _add(partner, "add", cmd_partner_add, "voeg een partner toe (alleen de aide)")
    p.add_argument("--name", required=True, metavar="N")
    p.add_argument("--kind", choices=["organisation", "person"], default="organisation")
    p.add_argument("--function", metavar="F")
    p.add_argument("--organisation", metavar="ORG")
    p.add_argument("--contributes", metavar="TEXT", help="wat de partner bijdraagt")
    p.add_argument("--phone", metavar="P", help="24/7-nummer")
    p.add_argument("--escalation-phone", metavar="P")
    p.add_argument("--email", metavar="E")
    p.add_argument("--discipline", metavar="D")
    p.add_argument("--municipality", metavar="M", help="gemeente (leeg: alle)")
    p = _add(partner, "list", cmd_partner_list, "toon de partners")
    p.add_argument("--municipality", metavar="M")
    p = _add(partner, "import", cmd_partner_import, "lees partners uit CSV of vCard")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--municipality", metavar="M")
    p = _add(partner, "export", cmd_partner_export, "schrijf de partners als CSV of vCard")
    p.add_argument("--format", required=True, choices=["csv", "vcf"])
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--municipality", metavar="M")

    roster = _sub(sub, "roster", "wie welke functie heeft in het crisisteam")
    p = _add(roster, "assign", cmd_roster_assign, "leg een wissel vast", crisis=True)
    p.add_argument("--function", required=True, metavar="F")
    p.add_argument("--person", required=True, metavar="NAME")
    p.add_argument("--at", metavar="ISO")
    p = _add(roster, "show", cmd_roster_show, "toon wie dienst heeft", crisis=True)
    p.add_argument("--at", metavar="ISO")

    p = sub.add_parser("timeline", help="de crisis als tijdlijn (PDF of JSON)")
    p.add_argument("--crisis", required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.pdf|.json")
    json_flag(p)
    p.set_defaults(handler=cmd_timeline)
    p = sub.add_parser("evaluate", help="evaluatie van de informatiepositie (PDF of JSON)")
    p.add_argument("--crisis", required=True, metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.pdf|.json")
    json_flag(p)
    p.set_defaults(handler=cmd_evaluate)


