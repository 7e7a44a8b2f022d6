"""Card commands: person-level briefing cards (need to know, audited, purged on time).

`card list` is masked; `card show` and `card export` need a purpose and are audited with it;
a role without access gets exit 3 and one line, and the refusal is audited.
"""

from __future__ import annotations

import argparse

from crisisconsole.cli.runtime import CommandRegistry, emit, json_flag, open_context, parse_time_arg
from crisisconsole.i18n import tr


def _with_ctx(fn):  # noqa: ANN001, ANN202
    def handler(args: argparse.Namespace) -> int:
        ctx = open_context(args)
        return fn(ctx, args)
    return handler


@_with_ctx
def cmd_add(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from crisisconsole.services.cards.person_cards import add_card

    made = add_card(ctx, args.crisis, args.name, args.kind, aliases=args.alias or (),
                    year_of_birth=args.year_of_birth, organisation=args.organisation,
                    role_in_crisis=args.role)
    emit(args, made.as_json(), f"{made.id}  {made.masked}")
    return 0


@_with_ctx
def cmd_fact_add(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from crisisconsole.services.cards.person_cards import add_fact

    fact = add_fact(ctx, args.card, args.statement, source_org=args.source_org,
                    channel=args.channel, legal_basis=args.legal_basis, purpose=args.purpose,
                    reliability=args.reliability, grade=args.grade, question=args.question,
                    source_officer=args.officer, received_at=parse_time_arg(args.received_at),
                    no_onward_sharing=args.no_onward_sharing)
    emit(args, fact, f"feit vastgelegd: {fact['id']}")
    return 0


@_with_ctx
def cmd_fact_correct(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from crisisconsole.services.cards.person_cards import correct_fact

    fact = correct_fact(ctx, args.fact, args.reason, statement=args.statement,
                        reliability=args.reliability, grade=args.grade,
                        legal_basis=args.legal_basis, purpose=args.purpose)
    emit(args, fact, f"correctie vastgelegd: {fact['id']}")
    return 0


def _card_text(view) -> str:  # noqa: ANN001 - CardView
    from crisisconsole.clock import format_local
    from crisisconsole.services.cards.values import QUESTION_LABELS_NL, QUESTIONS

    lines = ["VERTROUWELIJK — persoonsgegevens" + (" — OEFENING" if view.exercise else ""),
             f"{view.name} ({view.kind})  {view.masked}"]
    if view.aliases:
        lines.append("aliassen: " + ", ".join(view.aliases))
    if view.purged:
        lines.append(f"verwijderd: {format_local(view.tombstone.purged_at)} "
                     f"({view.tombstone.reason})")
    for question in QUESTIONS:
        facts = view.current_facts(question)
        if facts:
            lines.append(f"{QUESTION_LABELS_NL[question]}:")
            lines.extend(f"  - {f.statement} [{f.reliability}{' ' + f.grade if f.grade else ''}]"
                         f" bron: {f.source_org}; grondslag: {f.legal_basis}" for f in facts)
    lines.extend(f"notitie: {n.note}" for n in view.notes)
    lines.extend(f"melding: {link.entry_id}" for link in view.links)
    if view.deletion_date:
        lines.append(f"bewaren tot: {format_local(view.deletion_date)}")
    return "\n".join(lines)


@_with_ctx
def cmd_show(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from crisisconsole.services.cards.person_cards import show_card

    view = show_card(ctx, args.card, args.purpose)
    emit(args, view.as_json(), _card_text(view))
    return 0


@_with_ctx
def cmd_list(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from crisisconsole.services.cards.person_cards import list_cards

    items = list_cards(ctx, args.crisis)
    lines = [f"{c.id}  {c.masked}  feiten: {c.fact_count}" + ("  verwijderd" if c.purged else "")
             for c in items]
    emit(args, [c.as_json() for c in items], "\n".join(lines) or "geen kaarten")
    return 0


@_with_ctx
def cmd_purge(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from crisisconsole.errors import ValidationError
    from crisisconsole.services.cards.purge import purge_card, purge_due

    if args.due == bool(args.card):
        raise ValidationError(tr("kies --due of --card KAART", "choose --due or --card CARD"))
    if args.card:
        result = purge_card(ctx, args.card, args.reason)
    else:
        result = purge_due(ctx)  # --now was checked and set as the clock in open_context
    emit(args, result.as_json(), f"verwijderd: {len(result.purged)} kaart(en)")
    return 0


@_with_ctx
def cmd_export(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from crisisconsole.services.cards.export import export_card_pdf

    path = export_card_pdf(ctx, args.card, args.out, args.purpose)
    emit(args, {"out": str(path), "card_id": args.card}, f"geëxporteerd: {path}")
    return 0


@_with_ctx
def cmd_link(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from crisisconsole.services.cards.person_cards import link_entry

    change = link_entry(ctx, args.card, args.entry)
    emit(args, {"id": change, "card_id": args.card, "entry_id": args.entry}, "gekoppeld")
    return 0


@_with_ctx
def cmd_note(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from crisisconsole.services.cards.person_cards import add_note

    change = add_note(ctx, args.card, args.text)
    emit(args, {"id": change, "card_id": args.card}, "notitie vastgelegd")
    return 0


@_with_ctx
def cmd_set_dates(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from crisisconsole.services.cards.person_cards import set_dates

    change = set_dates(ctx, args.card, review_date=parse_time_arg(args.review),
                       deletion_date=parse_time_arg(args.delete), note=args.note)
    emit(args, {"id": change, "card_id": args.card}, "datums vastgelegd")
    return 0


@_with_ctx
def cmd_retention(ctx, args: argparse.Namespace) -> int:  # noqa: ANN001
    from crisisconsole.services.cards.purge import set_retention_days

    days = set_retention_days(ctx, args.days)
    emit(args, {"retention_days": days}, f"bewaartermijn: {days} dagen na sluiten crisis")
    return 0


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _build(sub: argparse._SubParsersAction) -> None:
    card = sub.add_parser("card", help="persoonskaarten (need to know)").add_subparsers(
        dest="sub", metavar="SUB", required=True)
    p = card.add_parser("add", help="maak een kaart (persoon of organisatie)")
    p.add_argument("--crisis", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--kind", choices=["person", "organisation"], default="person")
    p.add_argument("--alias", action="append", help="alias (herhaalbaar)")
    p.add_argument("--year-of-birth", type=int)
    p.add_argument("--organisation")
    p.add_argument("--role", help="rol in de crisis (zichtbaar in gemaskeerde lijsten)")
    json_flag(p)
    p.set_defaults(handler=cmd_add)

    fact = card.add_parser("fact", help="feiten op een kaart").add_subparsers(
        dest="fact_sub", metavar="SUB", required=True)
    p = fact.add_parser("add", help="leg een feit vast (kanaal, grondslag en doel verplicht)")
    p.add_argument("card")
    for flag in ("--statement", "--source-org", "--channel", "--legal-basis", "--purpose",
                 "--reliability", "--grade", "--officer", "--received-at"):
        p.add_argument(flag)
    p.add_argument("--question", default="other",
                   help="who, origin, background, expected_actions of other")
    p.add_argument("--no-onward-sharing", action="store_true", help="niet verder verstrekken")
    json_flag(p)
    p.set_defaults(handler=cmd_fact_add)
    p = fact.add_parser("correct", help="corrigeer of herbeoordeel een feit (nieuw record)")
    p.add_argument("fact")
    p.add_argument("--reason", required=True)
    for flag in ("--statement", "--reliability", "--grade", "--legal-basis", "--purpose"):
        p.add_argument(flag)
    json_flag(p)
    p.set_defaults(handler=cmd_fact_correct)

    p = card.add_parser("show", help="toon de kaart zelf (doel verplicht, geaudit)")
    p.add_argument("card")
    p.add_argument("--purpose", help="doel van het inzien")
    json_flag(p)
    p.set_defaults(handler=cmd_show)
    p = card.add_parser("list", help="gemaskeerde lijst van kaarten")
    p.add_argument("--crisis", required=True)
    json_flag(p)
    p.set_defaults(handler=cmd_list)
    p = card.add_parser("purge", help="verwijder kaarten waarvan de bewaartermijn verstreken is")
    p.add_argument("--due", action="store_true", help="alle kaarten die aan de beurt zijn")
    p.add_argument("--now", help="klok verzetten (alleen in demo- en benchmarkdatabases)")
    p.add_argument("--card", help="één kaart nu verwijderen (met --reason)")
    p.add_argument("--reason")
    json_flag(p)
    p.set_defaults(handler=cmd_purge)
    p = card.add_parser("export", help="exporteer de kaart naar PDF (geaudit)")
    p.add_argument("card")
    p.add_argument("--out", required=True)
    p.add_argument("--purpose", help="doel van de export")
    json_flag(p)
    p.set_defaults(handler=cmd_export)
    p = card.add_parser("link", help="koppel een logboekmelding aan de kaart")
    p.add_argument("card")
    p.add_argument("--entry", required=True)
    json_flag(p)
    p.set_defaults(handler=cmd_link)
    p = card.add_parser("note", help="behandelnotitie")
    p.add_argument("card")
    p.add_argument("--text", required=True)
    json_flag(p)
    p.set_defaults(handler=cmd_note)
    p = card.add_parser("set-dates", help="herzienings- en verwijderdatum")
    p.add_argument("card")
    p.add_argument("--review", help="herzien op (ISO)")
    p.add_argument("--delete", help="verwijderen op (ISO)")
    p.add_argument("--note")
    json_flag(p)
    p.set_defaults(handler=cmd_set_dates)
    p = card.add_parser("retention", help="bewaartermijn in dagen na sluiten van de crisis")
    p.add_argument("--days", type=int, required=True)
    json_flag(p)
    p.set_defaults(handler=cmd_retention)
