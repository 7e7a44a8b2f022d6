"""Team mode (issue 17): the server administrator's `server init` and `server add-device`,
and on the laptop `sync enrol`. The admin commands need no laptop database: they act on the
server with the admin's own PostgreSQL role (its privileges are the role check) and are
recorded in the server's audit table; `sync enrol` is an aide's door, audited on the laptop."""

from __future__ import annotations

import argparse

from crisisconsole.cli.runtime import CommandRegistry, emit, json_flag, open_context


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

    sync = sub.add_parser("sync", help="teammodus: deze laptop met de teamserver"
                          ).add_subparsers(dest="sub", metavar="SUB", required=True)
    p = sync.add_parser("enrol", help="schrijf deze laptop in met de eenmalige code")
    p.add_argument("--dsn", required=True, help="verbinding van dit apparaat (DEVICE_DSN)")
    p.add_argument("--code", required=True, help="de eenmalige inschrijfcode")
    json_flag(p)
    p.set_defaults(handler=cmd_sync_enrol)
