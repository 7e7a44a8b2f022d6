"""Team mode (issue 17): the server administrator's `server init` and `server add-device`,
and on the laptop `sync enrol`, `sync [--once]` (exit 4 when the server could not be
reached: the laptop works on) and `sync status`. The admin commands need no laptop database: they act on the
server with the admin's own PostgreSQL role (its privileges are the role check) and are
recorded in the server's audit table; `sync enrol` is an aide's door, audited on the laptop."""

from __future__ import annotations

import argparse
import sys

from crisisconsole.cli.runtime import CommandRegistry, emit, json_flag, open_context, open_store

SYNC_INTERVAL_S = 5  # the longest pause between rounds; a push of another device ends it
MIN_PAUSE_S = 0.5  # the shortest, so a busy team does not keep a laptop in rounds


def cmd_server_init(args: argparse.Namespace) -> int:
    from crisisconsole.store.server.admin import init_server

    data = init_server(args.dsn)
    emit(args, data, f"server ingericht (schema {data['revision']})")
    return 0


def cmd_server_add_device(args: argparse.Namespace) -> int:
    from crisisconsole.store.server.admin import add_device

    data = add_device(args.dsn, args.name, args.role)
    emit(args, data, f"apparaat {data['device']} ({data['role']}): {data['dsn']}\n"
                     f"inschrijfcode (één keer geldig): {data['code']}")
    return 0


def cmd_sync_enrol(args: argparse.Namespace) -> int:
    from crisisconsole.services.team.enrolment import enrol
    from crisisconsole.store.secrets import KeyringSecretStore

    ctx = open_context(args)
    data = enrol(ctx, args.dsn, args.code, KeyringSecretStore())
    emit(args, data, f"ingeschreven als {data['device']} ({data['login']})")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """One round with --once; otherwise rounds until interrupted, each after another device
    pushed (LISTEN/NOTIFY, only a hint) or after SYNC_INTERVAL_S at the latest."""
    import time

    from crisisconsole.services.team.sync import sync_once, wait_for_hint
    from crisisconsole.store.secrets import KeyringSecretStore

    ctx = open_context(args)
    while True:
        data = sync_once(ctx, KeyringSecretStore(), args.dsn)
        emit(args, data, f"verstuurd {data['pushed']}, ontvangen {data['pulled']}, wachtend "
                         f"{data['pending']}, conflicten {data['conflicts']}"
                         + ("" if data["online"] else " (offline)"))
        if args.once:
            return 0 if data["online"] else 4
        sys.stdout.flush()
        started = time.monotonic()
        wait_for_hint(ctx.store, KeyringSecretStore(), SYNC_INTERVAL_S, args.dsn)  # NOTIFY
        time.sleep(max(0.0, MIN_PAUSE_S - (time.monotonic() - started)))


def cmd_sync_status(args: argparse.Namespace) -> int:
    from crisisconsole.services.team.sync import status

    data = status(open_store(args, read_only=True))
    state = "online" if data["online"] else f"offline sinds {data['offline_since'] or '-'}"
    emit(args, data, f"{state}; laatste sync {data['last_sync_at'] or '-'}; wachtend "
                     f"{data['pending']}; conflicten {data['conflicts']}")
    return 0


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _build(sub: argparse._SubParsersAction) -> None:
    server = sub.add_parser("server", help="de teamserver (PostgreSQL) inrichten en beheren"
                            ).add_subparsers(dest="sub", metavar="SUB", required=True)
    p = server.add_parser("init", help="maak schema, rollen en rechten op de teamserver")
    p.add_argument("--dsn", required=True, help="verbinding van de beheerder (ADMIN_DSN)")
    json_flag(p)
    p.set_defaults(handler=cmd_server_init)
    p = server.add_parser("add-device", help="voeg een laptop toe (eigen serverrol, "
                          "eenmalige inschrijfcode)")
    p.add_argument("--dsn", required=True, help="verbinding van de beheerder (ADMIN_DSN)")
    p.add_argument("--name", required=True, help="naam van de laptop")
    p.add_argument("--role", required=True, help="rol: aide, team, mayor of viewer")
    json_flag(p)
    p.set_defaults(handler=cmd_server_add_device)

    parser = sub.add_parser("sync", help="teammodus: deze laptop met de teamserver")
    parser.add_argument("--dsn", help="verbinding van dit apparaat (DEVICE_DSN)")
    parser.add_argument("--once", action="store_true", help="één ronde, dan stoppen")
    json_flag(parser)
    parser.set_defaults(handler=cmd_sync)
    sync = parser.add_subparsers(dest="sub", metavar="SUB")
    p = sync.add_parser("status", help="staat van de sync, zonder de server te raadplegen")
    json_flag(p)
    p.set_defaults(handler=cmd_sync_status)
    p = sync.add_parser("enrol", help="schrijf deze laptop in met de eenmalige code")
    p.add_argument("--dsn", required=True, help="verbinding van dit apparaat (DEVICE_DSN)")
    p.add_argument("--code", required=True, help="de eenmalige inschrijfcode")
    json_flag(p)
    p.set_defaults(handler=cmd_sync_enrol)
