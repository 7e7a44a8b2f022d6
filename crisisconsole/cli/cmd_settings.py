"""Settings that are audited facts of the database: `setting list`, `setting set KEY VALUE`
(aide only; a refusal is audited, exit 3). The measure terms and the card retention also keep
their own commands (`measure terms`, `card retention`)."""

from __future__ import annotations

import argparse

from crisisconsole.cli.runtime import CommandRegistry, emit, json_flag, open_context, open_store
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr


def _setting(key: str):  # noqa: ANN202 - Setting
    from crisisconsole.services.foundation.settings_facts import SETTINGS

    found = next((s for s in SETTINGS if s.key == key), None)
    if found is None:
        raise ValidationError(tr(
            f"onbekende instelling {key!r}: kies uit {', '.join(s.key for s in SETTINGS)}",
            f"unknown setting {key!r}: choose from {', '.join(s.key for s in SETTINGS)}"))
    return found


def cmd_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.settings_facts import SETTINGS, current

    store = open_store(args)
    data = {s.key: current(store, s) for s in SETTINGS}
    emit(args, data, "\n".join(f"{key} = {value}" for key, value in data.items()))
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.settings_facts import set_values

    setting = _setting(args.key)
    try:
        given = setting.parse(args.value)
    except ValueError:
        raise ValidationError(tr(f"{args.value!r} is geen geldige waarde voor {setting.key}",
                                 f"{args.value!r} is not a valid value for {setting.key}")) from None
    ctx = open_context(args)
    data = set_values(ctx, {setting: given})
    emit(args, data, f"{setting.key} = {data[setting.key]}")
    return 0


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _build(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("setting", help="instellingen van de database (vastgelegd als "
                           "feiten)").add_subparsers(dest="sub", metavar="SUB", required=True)
    p = group.add_parser("list", help="toon de instellingen")
    json_flag(p)
    p.set_defaults(handler=cmd_list)
    p = group.add_parser("set", help="wijzig een instelling (alleen de aide)")
    p.add_argument("key")
    p.add_argument("value")
    json_flag(p)
    p.set_defaults(handler=cmd_set)
