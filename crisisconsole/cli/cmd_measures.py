"""Commands of the emergency-ordinance tracker: `measure ...` and `council ...` (issue 5)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crisisconsole import safe_files
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


def _show_line(view) -> str:  # noqa: ANN001 - MeasureView
    data = view.as_json()
    nxt = data["next_due"]
    due = f"  volgende: {nxt['kind']} {nxt['due']}{' TE LAAT' if nxt['overdue'] else ''}" if nxt else ""
    return f"{data['id']}  {data['kind']}  {data['state']}  {data['title']}{due}"


def _human_show(view) -> str:  # noqa: ANN001 - MeasureView
    data = view.as_json()
    lines = [_show_line(view), f"  uitgevaardigd: {data['issued_at']} door {data['issuer']}"]
    for o in data["obligations"]:
        lines.append(f"  - {o['kind']:<22} {o['due'] or '(geen termijn)':<28}"
                     f"{'TE LAAT ' if o['overdue'] else ''}{o['text']}")
    for e in data["events"]:
        lines.append(f"  * {e['at']}  {e['kind']}  {e['party'] or ''}")
    return "\n".join(lines)


def _with_ctx(args: argparse.Namespace, fn):  # noqa: ANN001, ANN202
    ctx = open_context(args)
    return fn(ctx)


def cmd_issue(args: argparse.Namespace) -> int:
    from crisisconsole.services.measures.lifecycle import issue_measure

    result = _with_ctx(args, lambda ctx: issue_measure(
        ctx, args.crisis, args.kind, args.title, issuer=args.issuer,
        at=parse_time_arg(args.at), planned_end=parse_time_arg(args.planned_end),
        area=args.area, body=args.text, extends=args.extends))
    for warning in result.warnings:
        print(f"crisisconsole: {warning}", file=sys.stderr)
    emit(args, result.as_json(), result.id)
    return 0


def _event_cmd(name: str):  # noqa: ANN202
    def handler(args: argparse.Namespace) -> int:
        from crisisconsole.services.measures import lifecycle as measures

        at = parse_time_arg(args.at)
        if name == "notify":
            call = lambda ctx: measures.notify(ctx, args.id, args.party, at=at)  # noqa: E731
        elif name == "publish":
            call = lambda ctx: measures.publish(ctx, args.id, args.how, at=at,  # noqa: E731
                                                document_ref=args.ref)
        elif name == "keep":
            call = lambda ctx: measures.keep_in_force(ctx, args.id, args.reason,  # noqa: E731
                                                      at=at)
        elif name == "cdk-decision":
            call = lambda ctx: measures.cdk_decision(ctx, args.id, args.upheld, at=at)  # noqa: E731
        else:
            fn = {"appeal": measures.appeal, "suspend": measures.suspend,
                  "withdraw": measures.withdraw, "agenda": measures.place_on_agenda,
                  "account": measures.account_given}[name]
            call = lambda ctx: fn(ctx, args.id, at=at)  # noqa: E731
        view = _with_ctx(args, call)
        emit(args, view.as_json(), _show_line(view))
        return 0

    return handler


def cmd_show(args: argparse.Namespace) -> int:
    from crisisconsole.services.measures.views import show_measure

    store = open_store(args)
    view = show_measure(store, args.id, parse_time_arg(args.now))
    emit(args, view.as_json(), _human_show(view))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.measures.views import list_measures

    store = open_store(args)
    views = list_measures(store, args.crisis, parse_time_arg(args.now))
    emit(args, [v.as_json() for v in views],
         "\n".join(_show_line(v) for v in views) or "geen maatregelen")
    return 0


def cmd_overdue(args: argparse.Namespace) -> int:
    from crisisconsole.services.measures.views import overdue_obligations

    store = open_store(args)
    items = overdue_obligations(store, args.crisis, parse_time_arg(args.now))
    emit(args, [i.as_json() for i in items],
         "\n".join(f"{i.obligation.due}  {i.title}: {i.obligation.text}" for i in items)
         or "niets te laat")
    return 0


def cmd_letter(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation import settings_facts as sf
    from crisisconsole.services.measures.letters import write_letter

    given = {setting: value for setting, value in (
        (sf.PROVINCE, args.province), (sf.PARKET, args.parket),
        (sf.SAFETY_REGION, args.safety_region), (sf.SENDER_CONTACT, args.contact))
        if value is not None}

    def draft(ctx):  # noqa: ANN001, ANN202
        changed = {s: v for s, v in given.items() if sf.current(ctx.store, s) != " ".join(
            v.split())}
        if changed:  # asked once: kept as settings of the municipality (aide only)
            sf.set_values(ctx, changed, action="municipality.set")
        return write_letter(ctx, args.id, args.party, Path(args.out), purpose=args.purpose)

    result = _with_ctx(args, draft)
    emit(args, result.as_json(), f"brief geschreven: {result.path}")
    return 0


def cmd_ics(args: argparse.Namespace) -> int:
    from crisisconsole.services.measures.reminders import export_ics

    store = open_store(args)
    data = export_ics(store, args.crisis, parse_time_arg(args.now))
    out = safe_files.write_bytes(Path(args.out).expanduser(), data)
    emit(args, {"out": str(out), "events": data.count(b"BEGIN:VEVENT")},
         f"agenda geschreven: {out}")
    return 0


def cmd_terms(args: argparse.Namespace) -> int:
    from crisisconsole.services.measures import reminders as measures_reminders

    if args.notify_hours is None and args.agenda_lead_days is None:
        store = open_store(args)
        data = measures_reminders.terms(store)
    else:
        lead = args.agenda_lead_days * 24 if args.agenda_lead_days is not None else None
        data = _with_ctx(args, lambda ctx: measures_reminders.set_terms(
            ctx, notify_hours=args.notify_hours, agenda_lead_hours=lead))
    emit(args, data, f"meldtermijn {data['notify_hours']:g} uur, "
         f"agenderen {data['agenda_lead_days']:g} dagen vóór de raadsvergadering")
    return 0


def cmd_art39(args: argparse.Namespace) -> int:
    from crisisconsole.services.measures.art39 import art39_status, set_art39

    if args.applies is None:
        store = open_store(args)
        status = art39_status(store, args.crisis)
    else:
        status = _with_ctx(args, lambda ctx: set_art39(ctx, args.crisis, args.applies))
    how = ("vastgelegd" if status.recorded is not None
           else f"niet vastgelegd; GRIP {status.grip or '-'} als aanwijzing")
    emit(args, status.as_json(),
         f"Wvr art. 39 {'van toepassing' if status.applies else 'niet van toepassing'} ({how})")
    return 0


def cmd_meeting_add(args: argparse.Namespace) -> int:
    from crisisconsole.errors import ValidationError
    from crisisconsole.services.measures.council import add_meeting

    start = parse_time_arg(args.start)
    if start is None:
        raise ValidationError(tr("--start ontbreekt", "missing --start"))
    view = _with_ctx(args, lambda ctx: add_meeting(ctx, start, args.seats, args.title or ""))
    emit(args, view.as_json(), view.id)
    return 0


def cmd_meeting_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.measures.council import list_meetings

    store = open_store(args)
    views = list_meetings(store)
    marked = "  [" + tr("gelijktijdige uitkomsten", "concurrent outcomes") + "]"
    emit(args, [v.as_json() for v in views],
         "\n".join(f"{v.id}  {format_time(v.start, '%Y-%m-%d %H:%M')}Z  {v.seats} zittende leden  {v.title}"
                   + (marked if v.conflict else "") for v in views)
         or "geen vergaderingen")
    return 0


def cmd_outcome(args: argparse.Namespace) -> int:
    from crisisconsole.services.measures.council import record_outcome

    view = _with_ctx(args, lambda ctx: record_outcome(
        ctx, args.meeting, args.attended, ratified=args.ratified or (),
        rejected=args.rejected or (), at=parse_time_arg(args.at)))
    emit(args, view.as_json(), f"uitkomst vastgelegd: {view.id}")
    return 0


def cmd_import_ics(args: argparse.Namespace) -> int:
    from crisisconsole.services.measures.council import import_ics, read_ics_file

    data = read_ics_file(Path(args.file).expanduser())
    result = _with_ctx(args, lambda ctx: import_ics(ctx, data, args.seats, args.calendar))
    conflicts = [tr(f"conflict: {c.meeting_id} ({c.change}; heeft al een uitkomst)",
                    f"conflict: {c.meeting_id} ({c.change}; has an outcome already)")
                 for c in result.conflicts]
    emit(args, result.as_json(), "\n".join([result.summary(), *conflicts]))
    return 0


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _at(p: argparse.ArgumentParser) -> None:
    p.add_argument("--at", metavar="ISO", help="wanneer het gebeurde (standaard: nu)")
    # A clock override for a command that records something: refused (exit 2) except in the
    # demo and benchmark databases (cli/runtime.py).
    p.add_argument("--now", metavar="ISO", help="klok verzetten (alleen demo/benchmark)")


def _build(sub: argparse._SubParsersAction) -> None:
    measure = sub.add_parser("measure", help="noodverordeningen, noodbevelen en andere maatregelen")
    ms = measure.add_subparsers(dest="sub", metavar="SUB", required=True)
    p = ms.add_parser("issue", help="leg een uitgevaardigde maatregel vast")
    p.add_argument("--crisis", required=True, metavar="ID")
    p.add_argument("--kind", required=True, metavar="K",
                   help="noodverordening, noodbevel, risicogebied-151b, risicogebied-174b, "
                        "gebiedsverbod-172a, ophouding-176a")
    p.add_argument("--issuer", default="burgemeester", choices=["burgemeester", "voorzitter-vr"])
    p.add_argument("--title", required=True, metavar="T")
    _at(p)
    p.add_argument("--planned-end", metavar="ISO")
    p.add_argument("--area", help="gebied")
    p.add_argument("--text", help="tekst van de maatregel (gaat als bijlage bij de brieven)")
    p.add_argument("--extends", metavar="ID", help="gebiedsverbod (172a) dat dit besluit "
                   "verlengt")
    json_flag(p)
    p.set_defaults(handler=cmd_issue)
    p = ms.add_parser("notify", help="leg vast dat een partij is ingelicht")
    p.add_argument("id")
    p.add_argument("--party", required=True, choices=["raad", "cdk", "ovj"])
    _at(p)
    json_flag(p)
    p.set_defaults(handler=_event_cmd("notify"))
    p = ms.add_parser("publish", help="leg de bekendmaking vast (hoe en wanneer)")
    p.add_argument("id")
    p.add_argument("--how", required=True, metavar="TEXT")
    p.add_argument("--ref", help="vindplaats, bv. gemeenteblad-nummer")
    _at(p)
    json_flag(p)
    p.set_defaults(handler=_event_cmd("publish"))
    for name, text in (("appeal", "beroep bij de CdK ingesteld"),
                       ("suspend", "geschorst door de CdK"), ("withdraw", "ingetrokken"),
                       ("agenda", "bekrachtiging geagendeerd bij de griffie"),
                       ("account", "verantwoording aan de raad afgelegd")):
        p = ms.add_parser(name, help=text)
        p.add_argument("id")
        _at(p)
        json_flag(p)
        p.set_defaults(handler=_event_cmd(name))
    p = ms.add_parser("keep", help="bewust van kracht houden na afschalen of sluiten van de"
                                   " crisis (beantwoordt de vraag om in te trekken)")
    p.add_argument("id")
    p.add_argument("--reason", required=True, metavar="TEXT", help="waarom de maatregel blijft")
    _at(p)
    json_flag(p)
    p.set_defaults(handler=_event_cmd("keep"))
    p = ms.add_parser("cdk-decision", help="beslissing van de CdK op het beroep")
    p.add_argument("id")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--upheld", dest="upheld", action="store_true", default=None)
    group.add_argument("--rejected", dest="upheld", action="store_false")
    _at(p)
    json_flag(p)
    p.set_defaults(handler=_event_cmd("cdk-decision"))
    p = ms.add_parser("show", help="toon een maatregel met status en verplichtingen")
    p.add_argument("id")
    p.add_argument("--now", metavar="ISO", help="beoordeel op dit tijdstip")
    json_flag(p)
    p.set_defaults(handler=cmd_show)
    p = ms.add_parser("list", help="toon de maatregelen van een crisis")
    p.add_argument("--crisis", required=True, metavar="ID")
    p.add_argument("--now", metavar="ISO")
    json_flag(p)
    p.set_defaults(handler=cmd_list)
    p = ms.add_parser("overdue", help="verplichtingen die te laat zijn")
    p.add_argument("--crisis", metavar="ID")
    p.add_argument("--now", metavar="ISO")
    json_flag(p)
    p.set_defaults(handler=cmd_overdue)
    p = ms.add_parser("letter", help="kennisgevingsbrief als PDF")
    p.add_argument("id")
    p.add_argument("--party", required=True, choices=["raad", "cdk", "ovj"])
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--purpose", choices=["issue", "withdrawal"],
                   help="standaard: intrekking als de maatregel is ingetrokken")
    p.add_argument("--province", metavar="NAAM", help="provincie van de commissaris van de "
                   "Koning (één keer; daarna onthouden als instelling van de gemeente)")
    p.add_argument("--parket", metavar="NAAM", help="arrondissementsparket van de hoofdofficier "
                   "van justitie (één keer; daarna onthouden)")
    p.add_argument("--safety-region", metavar="NAAM", help="briefhoofd voor brieven van de "
                   "voorzitter van de veiligheidsregio (één keer; daarna onthouden)")
    p.add_argument("--contact", metavar="TEKST", help="inlichtingen in het afzenderblok "
                   "(telefoon, e-mail; één keer; daarna onthouden)")
    json_flag(p)
    p.set_defaults(handler=cmd_letter)
    p = ms.add_parser("terms", help="termijnen: meldtermijn en agenderen (tonen of instellen)")
    p.add_argument("--notify-hours", type=float, metavar="N",
                   help="uren na uitvaardigen/intrekken waarna meedelen te laat is (standaard 2)")
    p.add_argument("--agenda-lead-days", type=float, metavar="N",
                   help="dagen vóór de raadsvergadering om te agenderen (standaard 3)")
    json_flag(p)
    p.set_defaults(handler=cmd_terms)
    p = ms.add_parser("art39", help="leg vast of Wvr art. 39 van toepassing is op de crisis")
    p.add_argument("--crisis", required=True, metavar="ID")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--applies", dest="applies", action="store_true", default=None)
    group.add_argument("--not-applies", dest="applies", action="store_false")
    json_flag(p)
    p.set_defaults(handler=cmd_art39)
    p = ms.add_parser("ics", help="open termijnen als iCalendar met herinneringen (Outlook)")
    p.add_argument("--crisis", metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--now", metavar="ISO")
    json_flag(p)
    p.set_defaults(handler=cmd_ics)

    council = sub.add_parser("council", help="raadsvergaderingen en hun uitkomst")
    cs = council.add_subparsers(dest="sub", metavar="SUB", required=True)
    meeting = cs.add_parser("meeting", help="raadsvergaderingen")
    mt = meeting.add_subparsers(dest="meeting_sub", metavar="SUB", required=True)
    p = mt.add_parser("add", help="voeg een raadsvergadering toe")
    p.add_argument("--start", required=True, metavar="ISO")
    p.add_argument("--sitting-members", "--seats", dest="seats", required=True, type=int,
                   metavar="N", help="zittende leden van de raad op die dag (niet het aantal "
                   "zetels: een vacature telt niet mee voor het quorum)")
    p.add_argument("--title")
    json_flag(p)
    p.set_defaults(handler=cmd_meeting_add)
    p = mt.add_parser("list", help="toon de raadsvergaderingen")
    json_flag(p)
    p.set_defaults(handler=cmd_meeting_list)
    p = mt.add_parser("outcome", help="leg de uitkomst van een vergadering vast")
    p.add_argument("meeting", metavar="MEETING")
    p.add_argument("--attended", required=True, type=int, metavar="N")
    p.add_argument("--ratified", nargs="+", metavar="ID")
    p.add_argument("--rejected", nargs="+", metavar="ID")
    _at(p)
    json_flag(p)
    p.set_defaults(handler=cmd_outcome)
    p = cs.add_parser("import-ics", help="importeer raadsvergaderingen uit een .ics-bestand")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--sitting-members", "--seats", dest="seats", type=int, metavar="N",
                   help="zittende leden van de raad voor nieuwe vergaderingen (standaard: als "
                   "de laatste vergadering)")
    p.add_argument("--calendar", metavar="NAAM",
                   help="de agenda waarvan het bestand de nieuwste stand is, als het bestand "
                   "zelf geen naam noemt (X-WR-CALNAME)")
    json_flag(p)
    p.set_defaults(handler=cmd_import_ics)
