"""The README's command table names every command of the CLI, and nothing that is gone.

The table is read as written for people: a code span in a row's first cell starts with the
command's words; words joined by `/` or `|` are alternatives (`log add/list`, `request
decline\\|withdraw`); the first word that is an option, a placeholder or `…` ends the command.
"""

from __future__ import annotations

import argparse
import itertools
import re
from pathlib import Path

from crisisconsole.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"
WORD = re.compile(r"^[a-z0-9][a-z0-9\-]*([/|][a-z0-9][a-z0-9\-]*)*$")


def cli_commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> set[str]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return {" ".join(path)}
    # A command with subcommands may act by itself too (`sync --once` beside `sync status`).
    found: set[str] = {" ".join(path)} if path and parser.get_default("handler") else set()
    for action in subs:
        for name, sub in action.choices.items():
            found |= cli_commands(sub, (*path, name))
    return found


def table_rows(text: str) -> list[str]:
    lines = text.splitlines()
    start = lines.index("| command | what it does |")
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def first_cell(row: str) -> str:
    cells = re.split(r"(?<!\\)\|", row)
    return cells[1]


def documented(text: str) -> set[str]:
    found: set[str] = set()
    for row in table_rows(text):
        for span in re.findall(r"`([^`]+)`", first_cell(row)):
            words = []
            for token in span.replace("\\|", "|").split():
                if not WORD.match(token):
                    break
                words.append(re.split(r"[/|]", token))
            found |= {" ".join(combo) for combo in itertools.product(*words)}
    return found


def test_the_parser_of_this_test_reads_the_forms_the_table_uses():
    text = ("| command | what it does |\n|---|---|\n"
            "| `log add/list …`, `request decline\\|withdraw REQ --reason R` | x \\| y |\n"
            "| `crisis grip ID --level 0..5\\|rijk` | z |\n\nafter\n")
    assert documented(text) == {"log add", "log list", "request decline", "request withdraw",
                                "crisis grip"}


def test_every_command_is_in_the_readme_table():
    commands = cli_commands(build_parser())
    assert {"measure ics", "picture verify", "export cap", "topic list"} <= commands
    table = documented(README.read_text(encoding="utf-8"))
    # A leaf that takes its own choices (`bench startup|log|…`) is documented with them.
    missing = sorted(c for c in commands
                     if c not in table and not any(t.startswith(c + " ") for t in table))
    assert not missing, f"README command table lacks: {missing}"


def test_the_readme_table_names_no_command_that_does_not_exist():
    commands = cli_commands(build_parser())
    table = documented(README.read_text(encoding="utf-8"))
    stale = sorted(t for t in table
                   if t not in commands and not any(t.startswith(c + " ") for c in commands))
    assert not stale, f"README command table names unknown commands: {stale}"
