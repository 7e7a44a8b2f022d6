"""The command line's help follows the language too (crisisconsole.cli.help_en): every help
text of the parser tree has its English, and English mode shows no Dutch."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from crisisconsole import i18n
from crisisconsole.cli import build_parser
from crisisconsole.cli.help_en import HELP_EN, METAVARS_EN, PARTS

# Help texts that read the same in Dutch and English, so they need no entry in HELP_EN.
SAME_IN_BOTH = frozenset({"benchmarks"})
# argparse's own texts (cli/argparse_nl.py gives the Dutch, gettext the English).
ARGPARSE_OWN = frozenset({"show this help message and exit", "toon deze hulp en stop",
                          "show program's version number and exit"})


@pytest.fixture(autouse=True)
def _reset():
    yield
    i18n.set_language(None)


def _parser(language: str) -> argparse.ArgumentParser:
    i18n.set_language(language)
    return build_parser()


def _texts(parser: argparse.ArgumentParser, where: str = "crisisconsole",
           found: dict[str, str] | None = None) -> dict[str, str]:
    """Every help and description text of the tree, each with the first command showing it."""
    found = {} if found is None else found

    def note(text: object) -> None:
        if isinstance(text, str) and text != argparse.SUPPRESS and text not in ARGPARSE_OWN:
            found.setdefault(text, where)

    note(parser.description)
    note(parser.epilog)
    for action in parser._actions:  # argparse keeps no public list of them
        for text in getattr(action, "help_parts", None) or [action.help]:
            note(text)  # an option shared by benchmarks: each one's text
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                note(choice.help)
            for name, child in action.choices.items():
                _texts(child, f"{where} {name}", found)
    return found


def _subparser(parser: argparse.ArgumentParser, *path: str) -> argparse.ArgumentParser:
    for name in path:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[name]
    return parser


def test_every_help_text_has_its_english() -> None:
    missing = [f"{where}: {text!r}" for text, where in _texts(_parser("nl")).items()
               if text not in HELP_EN and text not in SAME_IN_BOTH]
    assert not missing, f"{len(missing)} help texts without English:\n" + "\n".join(missing)


def test_english_mode_shows_only_english() -> None:
    english = set(HELP_EN.values()) | SAME_IN_BOTH
    dutch = [f"{where}: {text!r}" for text, where in _texts(_parser("en")).items()
             if text not in english]
    assert not dutch, "\n".join(dutch)


def test_the_catalogue_holds_no_stale_or_idle_entries() -> None:
    texts = _texts(_parser("nl"))
    stale = sorted(set(HELP_EN) - set(texts))
    assert not stale, f"English for help texts no command has (any more): {stale}"
    assert not sorted(SAME_IN_BOTH - set(texts))
    assert sum(len(part) for part in PARTS) == len(HELP_EN), "a text in two command groups"
    same = sorted(dutch for dutch, english in HELP_EN.items() if dutch == english)
    assert not same, f"the same in both languages: list them in SAME_IN_BOTH instead: {same}"


def _metavars(parser: argparse.ArgumentParser) -> set[str]:
    found = set()
    for action in parser._actions:
        if isinstance(action.metavar, str):
            found.add(action.metavar)
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found |= _metavars(child)
    return found


def test_dutch_placeholders_become_english() -> None:
    dutch = _metavars(_parser("nl"))
    assert set(METAVARS_EN) <= dutch, "placeholders no command has (any more)"
    assert not _metavars(_parser("en")) & set(METAVARS_EN)
    letter = _subparser(_parser("en"), "measure", "letter").format_help()
    assert "--province NAME" in letter and "NAAM" not in letter


def test_help_in_english_and_in_dutch() -> None:
    english = _parser("en").format_help()
    assert "create a new encrypted database" in english and "maak een nieuwe" not in english
    dutch = _parser("nl").format_help()
    assert "maak een nieuwe versleutelde database" in dutch and "create a new" not in dutch


def _help_output(*args: str, language: str | None) -> str:
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("CRISISCONSOLE_LANG", None)
    if language:
        env["CRISISCONSOLE_LANG"] = language
    proc = subprocess.run([sys.executable, "-m", "crisisconsole", *args, "--help"], env=env,
                          capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    return " ".join(proc.stdout.split())  # argparse wraps long texts over lines


def test_log_add_help_in_a_real_process() -> None:
    texts = [t for t in _texts(_subparser(_parser("nl"), "log", "add")) if t not in SAME_IN_BOTH]
    assert "ISO-tijdstip gebeurd (standaard: nu)" in texts
    english = _help_output("log", "add", language="en")
    dutch = _help_output("log", "add", language=None)  # the default: no setting anywhere
    for text in texts:
        assert text not in english
        assert HELP_EN[text] in english
        assert text in dutch
        assert HELP_EN[text] not in dutch


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_shared_bench_option_names_every_benchmark(language: str) -> None:
    """--entries means a different count to five benchmarks: the help gives each one's."""
    bench = _subparser(_parser(language), "bench")
    entries = next(a for a in bench._actions if "--entries" in a.option_strings)
    for name in ("log:", "network:", "picture:", "ui-lag:", "verify:"):
        assert name in entries.help, entries.help
    if language == "en":
        assert "aantal" not in entries.help and "meldingen" not in entries.help
