"""The command line: a thin layer over the services.

Expected failures print one line on stderr and exit non-zero (2, or 3 for a refusal by role);
`--json` prints JSON for scripts and tests.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from crisisconsole import __version__
from crisisconsole.cli import (
    cmd_cards,
    cmd_intake,
    cmd_log,
    cmd_map,
    cmd_measures,
    cmd_network,
    cmd_picture,
    cmd_profiles,
    cmd_settings,
    cmd_team,
    cmd_topics,
    foundation,
)
from crisisconsole.cli.runtime import CommandRegistry, GuiLaunch, command_in, run_command

# The command modules, in the order `crisisconsole --help` lists them; each adds its commands
# with register(registry).
COMMAND_MODULES = (foundation, cmd_cards, cmd_intake, cmd_log, cmd_measures, cmd_network,
                   cmd_picture, cmd_topics, cmd_profiles, cmd_settings, cmd_map, cmd_team)
REGISTRY = CommandRegistry()
for _module in COMMAND_MODULES:
    _module.register(REGISTRY)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with ``only`` (a command's name), the whole parser of that
    command and only the names and help lines of the others (runtime.CommandRegistry.attach)."""
    from crisisconsole.cli import argparse_nl
    from crisisconsole.i18n import language

    argparse_nl.speak(language())  # before the parser is made: its group titles are words too
    parser = argparse.ArgumentParser(
        prog="crisisconsole",
        description="Crisisconsole voor de directe ondersteuner van de burgemeester.",
    )
    parser.add_argument("--version", action="version", version=f"crisisconsole {__version__}",
                        help="toon het versienummer en stop")
    parser.add_argument("--db", metavar="PATH", help="databasebestand (standaard: gebruikersmap)")
    parser.add_argument("--profile", metavar="NAME", help="profiel (standaard: de eerste aide)")
    parser.add_argument("--key-file", metavar="FILE", help="open met de herstelcode uit FILE")
    # Also accepted after the command (each command's own --json); a separate dest, because a
    # subcommand's default would overwrite the value given before it.
    parser.add_argument("--json", dest="json_before_command", action="store_true",
                        help="uitvoer als JSON (voor of na de opdracht)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    REGISTRY.attach(sub, only)
    from crisisconsole.cli.help_en import translate_help

    translate_help(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int | GuiLaunch:
    """Run a command; without one, ask the entry point for the GUI."""
    import sys

    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(command_in(argv))
    args = parser.parse_args(argv)
    if args.json_before_command:
        args.json = True
    if not getattr(args, "handler", None):
        import os

        return GuiLaunch(
            db=Path(args.db).expanduser() if args.db else None,
            key_file=Path(args.key_file).expanduser() if args.key_file else None,
            profile=args.profile,
            secret=os.environ.get("CRISISCONSOLE_PROFILE_SECRET") or None,
        )
    return run_command(args)
