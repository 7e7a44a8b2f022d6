"""Foundation commands: init, crisis, audit, backup, key, demo, bench (profiles:
cli/cmd_profiles.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from crisisconsole.cli.runtime import (
    PROFILE_SECRET_ENV,
    CommandRegistry,
    GuiLaunch,
    acting_secret,
    built,
    db_path,
    emit,
    json_flag,
    open_context,
    open_store,
    passphrase_from_env,
    read_secret,
)
from crisisconsole.errors import AuditBrokenError, ValidationError
from crisisconsole.i18n import tr


def cmd_init(args: argparse.Namespace) -> int:
    """A new database, its first aide with a secret (CRISISCONSOLE_PROFILE_SECRET or the
    terminal) and the cards key, whose recovery code is shown once."""
    from crisisconsole.services.foundation.unlock import create
    from crisisconsole.store.secrets import KeyringSecretStore

    path = db_path(args)
    secret = read_secret(PROFILE_SECRET_ENV, tr("Geheim voor het eerste profiel (aide): ",
                                                "Secret for the first profile (aide): "),
                         confirm=True)
    if not secret:
        raise ValidationError(tr(
            f"geef het geheim van het eerste profiel in {PROFILE_SECRET_ENV} of op de terminal",
            f"give the first profile's secret in {PROFILE_SECRET_ENV} or on the terminal"))
    created = create(path, args.profile or "aide", secret, passphrase=passphrase_from_env(),
                     secret_store=KeyringSecretStore(), display_name=args.display_name,
                     function=args.function)
    store = created.unlocked.store
    profile = created.signed.profile
    code = created.cards_recovery_code
    store.close()
    emit(args, {"db": str(path), "db_id": store.key.db_id, "profile": profile.as_json(),
                "cards_recovery_code": code},
         tr(f"Database aangemaakt: {path}\nProfiel: {profile.name} (aide)\n"
            f"Herstelcode kaartsleutel (één keer getoond, bewaar hem veilig): {code}\n"
            "Bewaar ook de herstelcode van de database: crisisconsole key export --out FILE",
            f"Database created: {path}\nProfile: {profile.name} (aide)\n"
            f"Cards key recovery code (shown once, keep it safe): {code}\n"
            "Also keep the database recovery code: crisisconsole key export --out FILE"))
    return 0


def cmd_crisis_open(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.crises import open_crisis

    ctx = open_context(args)
    crisis = open_crisis(ctx, args.name, args.municipality, exercise=args.exercise,
                         grip=args.grip)
    emit(args, crisis.as_json(), f"{crisis.id}  {crisis.name} ({crisis.municipality})"
         + ("  OEFENING" if crisis.exercise else ""))
    return 0


def cmd_crisis_list(args: argparse.Namespace) -> int:
    from crisisconsole.domain.crisis import grip_label
    from crisisconsole.services.foundation.crises import list_crises

    store = open_store(args)
    items = list_crises(store)
    lines = [
        f"{c.id}  {c.name} ({c.municipality})  {grip_label(c.grip)}"
        + ("  gesloten" if c.closed else "") + ("  OEFENING" if c.exercise else "")
        for c in items
    ]
    emit(args, [c.as_json() for c in items], "\n".join(lines) or "geen crises")
    return 0


def cmd_crisis_close(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.crises import close_crisis

    ctx = open_context(args)
    crisis = close_crisis(ctx, args.id)
    emit(args, crisis.as_json(), f"gesloten: {crisis.name}")
    return 0


def cmd_crisis_grip(args: argparse.Namespace) -> int:
    from crisisconsole.domain.crisis import grip_label
    from crisisconsole.services.foundation.crises import set_grip

    ctx = open_context(args)
    crisis = set_grip(ctx, args.id, args.level, note=args.note)
    emit(args, crisis.as_json(), f"{crisis.name}: {grip_label(crisis.grip)}")
    return 0


def keyring_usable() -> bool:
    from crisisconsole.services.foundation.anchors import default_keys

    return default_keys().usable()


def anchor_keys_of(args: argparse.Namespace, store):  # noqa: ANN001, ANN201 - Store, AnchorKeys
    """The keyring; without one, the pair sealed with the cards key, which the acting
    profile's secret opens (an aide or mayor: CRISISCONSOLE_PROFILE_SECRET)."""
    from crisisconsole.services.foundation.anchors import default_keys, keys_for
    from crisisconsole.services.foundation.profiles import find_profile
    from crisisconsole.services.foundation.sign_in import sign_in

    keyring = default_keys()
    if keyring.usable():
        return keyring
    profile = find_profile(store, args.profile)
    ctx = sign_in(store, None, acting_secret(profile), profile=profile).ctx
    return keys_for(store, ctx.cards_key, ctx.actor.id, keyring)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Read-only: checking a file (a backup) leaves it byte for byte as it was."""
    from crisisconsole.services.foundation.audit import verify

    store = open_store(args, read_only=True)
    anchor = Path(args.anchor).expanduser() if args.anchor else None
    report = verify(store, anchor=anchor,
                    anchor_keys=anchor_keys_of(args, store) if anchor else None)
    witness = None
    if getattr(args, "server", None):
        from crisisconsole.services.team.witness import check_witness
        from crisisconsole.store.secrets import KeyringSecretStore

        witness = check_witness(store, KeyringSecretStore(), args.server)
    if getattr(args, "json", False):
        emit(args, {**report.as_dict(), **({"server": witness} if witness else {})})
        return 0 if report.ok and (witness is None or witness["ok"]) else 1
    if witness is not None and not witness["ok"]:
        raise AuditBrokenError(witness["reason"])
    if report.ok:
        print(f"OK ({report.records} records)")
        print("\n".join(report.summary()))
        return 0
    print("\n".join(report.summary()))
    if not report.chain.ok:
        where = f"record {report.chain.bad_seq}: " if report.chain.bad_seq is not None else ""
        raise AuditBrokenError(
            tr(f"auditketen verbroken bij {where}{report.chain.reason}",
               f"audit chain broken at {where}{report.chain.reason}"))
    raise AuditBrokenError(report.reason)


def cmd_audit_anchor(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.anchors import write_anchor

    # Read-only where the keyring holds the pair; without a keyring the first anchor seals a
    # new pair into the database (one audited row), so the file is opened for writing then.
    store = open_store(args, read_only=True if keyring_usable() else None)
    out = Path(args.out).expanduser()
    anchor = write_anchor(store, out, anchor_keys_of(args, store))
    emit(args, {"out": str(out), **anchor.signed_fields(), "signature": anchor.signature},
         tr(f"anker geschreven naar {out}: {anchor.label()}",
            f"anchor written to {out}: {anchor.label()}"))
    return 0


def cmd_audit_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.audit import list_records

    store = open_store(args)
    records = list_records(store, args.object_type, args.limit)
    lines = [
        f"{r['seq']:>6} {r['at']} {r.get('actor_name') or r['actor']:<12} {r['action']:<22} "
        f"{r['object_type']} {r['object_id'] or ''} {r['result']}"
        for r in records
    ]
    emit(args, records, "\n".join(lines))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.backups import make_backup

    made = make_backup(open_context(args), Path(args.out).expanduser())
    anchor = made.anchor
    emit(args, {"backup": str(made.path), "anchor": str(anchor) if anchor else None,
                "anchor_note": made.anchor_note or None},
         f"backup gemaakt: {made.path}\n" + (tr(f"anker: {anchor}", f"anchor: {anchor}")
                                              if anchor else made.anchor_note))
    return 0


def cmd_key_export(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.backups import export_recovery_code

    ctx = open_context(args)
    out = Path(args.out).expanduser()
    # Complete or not at all: a full disk leaves no 0-byte key file that blocks the retry.
    export_recovery_code(ctx, out)
    emit(args, {"out": str(out)}, f"herstelcode geschreven naar {out}: bewaar het bestand veilig")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from crisisconsole.demo.build import build_demo_database

    info = build_demo_database(Path(args.db).expanduser() if args.db else None,
                               passphrase=passphrase_from_env())
    if args.no_gui:
        emit(args, info.as_json(), f"demodatabase: {info.path}")
        return 0
    profile = args.profile or info.profile
    secret = info.profile_secrets.get(profile, (None, None))[1]
    return GuiLaunch(db=info.path, key=info.key, profile=profile, secret=secret)


def cmd_bench(args: argparse.Namespace) -> int:
    from crisisconsole.bench import run_benchmark

    return run_benchmark(args)


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _build(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="maak een nieuwe versleutelde database")
    p.add_argument("--display-name", help="weergavenaam van het eerste profiel")
    p.add_argument("--function", help="functie van het eerste profiel")
    json_flag(p)
    p.set_defaults(handler=cmd_init)

    crisis = sub.add_parser("crisis", help="crises (dossiers)").add_subparsers(dest="sub", metavar="SUB", required=True)
    p = crisis.add_parser("open", help="open een crisis")
    p.add_argument("--name", required=True)
    p.add_argument("--municipality", required=True)
    p.add_argument("--exercise", action="store_true", help="dit is een oefening")
    p.add_argument("--grip", default="0", help="GRIP-niveau bij opening (0–5, rijk)")
    json_flag(p)
    p.set_defaults(handler=cmd_crisis_open)
    p = crisis.add_parser("list", help="toon de crises")
    json_flag(p)
    p.set_defaults(handler=cmd_crisis_list)
    p = crisis.add_parser("close", help="sluit een crisis")
    p.add_argument("id")
    json_flag(p)
    p.set_defaults(handler=cmd_crisis_close)
    p = crisis.add_parser("grip", help="wijzig het GRIP-niveau")
    p.add_argument("id")
    p.add_argument("--level", required=True, help="0..5 of rijk")
    p.add_argument("--note")
    json_flag(p)
    p.set_defaults(handler=cmd_crisis_grip)

    audit = sub.add_parser("audit", help="auditketen").add_subparsers(dest="sub", metavar="SUB", required=True)
    p = audit.add_parser("verify", help="controleer de auditketen, het bestand en de afgeleide "
                         "tabellen (alleen-lezen)")
    p.add_argument("--anchor", metavar="FILE", help="controleer ook dit anker (audit anchor)")
    p.add_argument("--server", metavar="DSN", help="vergelijk de keten met de getuige op de "
                   "teamserver (teammodus)")
    json_flag(p)
    p.set_defaults(handler=cmd_audit_verify)
    p = audit.add_parser("anchor", help="schrijf de kop van de keten als ondertekend anker")
    p.add_argument("--out", required=True, metavar="FILE")
    json_flag(p)
    p.set_defaults(handler=cmd_audit_anchor)
    p = audit.add_parser("list", help="toon auditrecords")
    p.add_argument("--object-type")
    p.add_argument("--limit", type=int)
    json_flag(p)
    p.set_defaults(handler=cmd_audit_list)

    p = sub.add_parser("backup", help="maak een consistente versleutelde kopie")
    p.add_argument("--out", required=True)
    json_flag(p)
    p.set_defaults(handler=cmd_backup)

    key = sub.add_parser("key", help="sleutel").add_subparsers(dest="sub", metavar="SUB", required=True)
    p = key.add_parser("export", help="schrijf de herstelcode (64 hex-tekens) naar een bestand")
    p.add_argument("--out", required=True)
    json_flag(p)
    p.set_defaults(handler=cmd_key_export)

    p = sub.add_parser("demo", help="open de app op een nieuwe demodatabase")
    p.add_argument("--no-gui", action="store_true", help="alleen de database vullen")
    json_flag(p)
    p.set_defaults(handler=cmd_demo)

    from crisisconsole import bench

    p = sub.add_parser("bench", help="benchmarks")
    p.add_argument("what", choices=bench.names())
    p.add_argument("--runs", type=int, default=5, help="herhalingen (mediaan)")
    if built(p):  # bench's options read the parser back: not on a stand-in (runtime.attach)
        bench.add_arguments(p)
    json_flag(p)
    p.set_defaults(handler=cmd_bench)

