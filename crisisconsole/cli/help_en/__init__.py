"""English for the command line's help: the commands are declared with Dutch help (the default
language); in English mode ``translate_help`` swaps in the English of the catalogue below, one
module per command group, and of the few Dutch placeholders (metavars). A help text without an entry stays Dutch (a unit test walks the whole
parser tree so that none is left without)."""

from __future__ import annotations

import argparse

from crisisconsole.cli.help_en import (
    bench,
    cards,
    council,
    general,
    intake,
    log,
    measures,
    network,
    picture,
    places,
    profiles,
    team,
    topics,
)
from crisisconsole.i18n import language

# Dutch help text -> English, per command group.
PARTS: tuple[dict[str, str], ...] = (
    general.HELP, bench.HELP, cards.HELP, intake.HELP, log.HELP, measures.HELP, council.HELP,
    network.HELP, picture.HELP, topics.HELP, profiles.HELP, places.HELP, team.HELP,
)
HELP_EN: dict[str, str] = {dutch: english for part in PARTS for dutch, english in part.items()}
METAVARS_EN: dict[str, str] = general.METAVARS


def translate_help(parser: argparse.ArgumentParser) -> None:
    """In English mode, the parser's help texts (and its subcommands') in English."""
    if language() != "en":
        return
    _translate(parser, set())


def _translate(parser: argparse.ArgumentParser, seen: set[int]) -> None:
    if id(parser) in seen:
        return
    seen.add(id(parser))
    parser.description = HELP_EN.get(parser.description, parser.description)
    parser.epilog = HELP_EN.get(parser.epilog, parser.epilog)
    for action in parser._actions:  # argparse keeps no public list of them
        parts = getattr(action, "help_parts", None)  # an option shared by commands (bench)
        if parts:
            action.help_parts = [HELP_EN.get(part, part) for part in parts]
            action.help = "; ".join(action.help_parts)
        elif isinstance(action.help, str) and action.help in HELP_EN:
            action.help = HELP_EN[action.help]
        if isinstance(action.metavar, str) and action.metavar in METAVARS_EN:
            action.metavar = METAVARS_EN[action.metavar]
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if isinstance(choice.help, str) and choice.help in HELP_EN:
                    choice.help = HELP_EN[choice.help]
            for child in action.choices.values():
                _translate(child, seen)
