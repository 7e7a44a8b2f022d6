"""Profile commands: add, list, role, display, secret, reset-secret, grant, recover.

The acting profile's secret comes from CRISISCONSOLE_PROFILE_SECRET or the terminal; a new
secret (for `profile add` of an aide or mayor, `profile secret`, `reset-secret`, `recover`) from
CRISISCONSOLE_NEW_PROFILE_SECRET or the terminal; the cards recovery code from
CRISISCONSOLE_CARDS_RECOVERY_CODE or the terminal. Without them the command refuses.
"""

from __future__ import annotations

import argparse
import os

from crisisconsole.cli.runtime import (
    NEW_SECRET_ENV,
    RECOVERY_CODE_ENV,
    CommandRegistry,
    acting_secret,
    emit,
    json_flag,
    new_secret,
    open_context,
    open_store,
    read_secret,
)
from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr


def cmd_add(args: argparse.Namespace) -> int:
    from crisisconsole.domain.profile_rules import needs_secret
    from crisisconsole.services.foundation.access import require_aide
    from crisisconsole.services.foundation.profiles import add_profile

    ctx = open_context(args)
    require_aide(ctx, "profile.add", "profile")  # refused before any secret is asked for
    # A team or viewer profile may have a secret: only when one is given in the environment.
    secret = (new_secret(args.name) if needs_secret(args.role)
              else os.environ.get(NEW_SECRET_ENV) or None)
    profile = add_profile(ctx.store, args.name, args.role, ctx.actor, secret=secret,
                          display_name=args.display_name, function=args.function,
                          cards_key=ctx.cards_key)
    emit(args, profile.as_json(), tr(f"profiel toegevoegd: {profile.name} ({profile.role})",
                                     f"profile added: {profile.name} ({profile.role})"))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.profiles import list_profiles

    items = list_profiles(open_store(args))
    emit(args, [p.as_json() for p in items],
         "\n".join(f"{p.name}  {p.role}" + (f"  {p.label}" if p.display_name else "")
                   for p in items))
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.profiles import change_role

    changed = change_role(open_context(args), args.name, args.role)
    profile, code = changed.profile, changed.cards_recovery_code
    human = f"{profile.name}: {profile.role}"
    if code:
        human += tr(f"\nnieuwe kaartsleutel; nieuwe herstelcode (één keer getoond): {code}",
                    f"\nnew cards key; new recovery code (shown once): {code}")
    emit(args, {**profile.as_json(), "cards_recovery_code": code}, human)
    return 0


def cmd_display(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.profiles import set_display

    ctx = open_context(args)
    profile = set_display(ctx, args.name or ctx.actor.name, args.display_name, args.function)
    emit(args, profile.as_json(), f"{profile.name}: {profile.label}")
    return 0


def cmd_secret(args: argparse.Namespace) -> int:
    """The acting profile's own new secret (old one as for every command; a profile of an
    older database without one sets its first)."""
    from crisisconsole.services.foundation.profile_admin import set_own_secret
    from crisisconsole.services.foundation.profiles import find_profile

    store = open_store(args)
    profile = find_profile(store, args.profile)
    old = acting_secret(profile)
    signed = set_own_secret(store, profile, old, new_secret(profile.name))
    code = signed.cards_recovery_code
    human = tr(f"nieuw geheim ingesteld voor {profile.name}", f"new secret set for {profile.name}")
    if code:
        human += tr(f"\nkaartsleutel aangemaakt; herstelcode (één keer getoond): {code}",
                    f"\ncards key created; recovery code (shown once): {code}")
    emit(args, {"profile": signed.profile.as_json(), "cards_recovery_code": code}, human)
    return 0


def cmd_reset_secret(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.access import require_aide
    from crisisconsole.services.foundation.profile_admin import reset_secret

    ctx = open_context(args)
    require_aide(ctx, "profile.secret.reset", "profile")
    profile = reset_secret(ctx, args.name, new_secret(args.name))
    emit(args, profile.as_json(), tr(f"nieuw geheim ingesteld voor {profile.name}",
                                     f"new secret set for {profile.name}"))
    return 0


def cmd_grant(args: argparse.Namespace) -> int:
    from crisisconsole.services.foundation.profile_admin import grant

    profile = grant(open_context(args), args.name)
    emit(args, profile.as_json(), tr(f"kaartsleutel toegekend aan {profile.name}",
                                     f"cards key granted to {profile.name}"))
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    """An aide whose secret was lost: the cards recovery code and a new secret."""
    from crisisconsole.services.foundation.profile_admin import recover
    from crisisconsole.services.foundation.profiles import find_profile

    store = open_store(args)
    profile = find_profile(store, args.profile)
    code = read_secret(RECOVERY_CODE_ENV, tr("Herstelcode kaartsleutel: ",
                                             "Cards recovery code: "))
    if not code:
        raise ValidationError(tr(
            f"geef de herstelcode van de kaartsleutel in {RECOVERY_CODE_ENV} of op de terminal",
            f"give the cards recovery code in {RECOVERY_CODE_ENV} or on the terminal"))
    signed = recover(store, profile, code, new_secret(profile.name))
    emit(args, {"profile": signed.profile.as_json(), "cards_key": signed.ctx.cards_key is not None},
         tr(f"kaartsleutel hersteld voor {profile.name}; nieuw geheim ingesteld",
            f"cards key recovered for {profile.name}; new secret set"))
    return 0


def register(registry: CommandRegistry) -> None:
    registry.add(_build)


def _build(sub: argparse._SubParsersAction) -> None:
    profile = sub.add_parser("profile", help="lokale profielen").add_subparsers(
        dest="sub", metavar="SUB", required=True)
    p = profile.add_parser("add", help="voeg een profiel toe (alleen aide)")
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, choices=["aide", "team", "mayor", "viewer"])
    p.add_argument("--display-name", help='weergavenaam, bv. "Anna de Vries"')
    p.add_argument("--function", help='functie, bv. "directe ondersteuner"')
    json_flag(p)
    p.set_defaults(handler=cmd_add)
    p = profile.add_parser("list", help="toon de profielen")
    json_flag(p)
    p.set_defaults(handler=cmd_list)
    p = profile.add_parser("role", help="wijzig de rol van een profiel (alleen aide)")
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, choices=["aide", "team", "mayor", "viewer"])
    json_flag(p)
    p.set_defaults(handler=cmd_role)
    p = profile.add_parser("display", help="weergavenaam en functie")
    p.add_argument("--name", help="standaard: het handelende profiel")
    p.add_argument("--display-name")
    p.add_argument("--function")
    json_flag(p)
    p.set_defaults(handler=cmd_display)
    p = profile.add_parser("secret", help="stel een nieuw geheim in voor het eigen profiel")
    json_flag(p)
    p.set_defaults(handler=cmd_secret)
    p = profile.add_parser("reset-secret",
                           help="nieuw geheim voor een ander profiel dat het zijne kwijt is "
                                "(alleen aide)")
    p.add_argument("--name", required=True)
    json_flag(p)
    p.set_defaults(handler=cmd_reset_secret)
    p = profile.add_parser("grant", help="ken de kaartsleutel toe aan een aide of burgemeester")
    p.add_argument("--name", required=True)
    json_flag(p)
    p.set_defaults(handler=cmd_grant)
    p = profile.add_parser("recover",
                           help="herstel de kaartsleutel met de herstelcode en kies een nieuw "
                                "geheim (aide die het geheim kwijt is)")
    json_flag(p)
    p.set_defaults(handler=cmd_recover)
