"""A command builds only its own parser (runtime.CommandRegistry.attach with ``only``): what it
parses, its help, the top-level help and an unknown command's error stay those of the whole
parser."""

import argparse

import pytest

from crisisconsole.cli import build_parser
from crisisconsole.cli.runtime import command_in
from crisisconsole.i18n import set_language


def _sub(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def _tree(parser: argparse.ArgumentParser, path: str = "") -> list[tuple[str, str]]:
    found = [(path, parser.format_help())]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += _tree(child, f"{path} {name}")
    return found


@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_command_alone_is_the_same_as_in_the_whole_parser(language):
    set_language(language)
    try:
        full = build_parser()
        names = list(_sub(full).choices)
        assert len(names) > 20
        for name in names:
            alone = build_parser(name)
            assert list(_sub(alone).choices) == names, name
            assert _tree(_sub(alone).choices[name]) == _tree(_sub(full).choices[name]), name
            assert alone.format_help() == full.format_help(), name
    finally:
        set_language(None)


def test_the_others_are_not_built():
    alone = build_parser("log")
    others = _sub(alone).choices
    assert len(_tree(others["log"])) > 5
    assert _tree(others["card"]) == [("", others["card"].format_help())]  # no sub-commands


@pytest.mark.parametrize(("argv", "command"), [
    (["log", "list"], "log"),
    (["--db", "x.db", "--profile", "p", "card", "show"], "card"),
    (["--json", "--key-file", "k", "audit", "verify"], "audit"),
    (["--db=x.db", "crisis", "list"], "crisis"),
    (["--help", "log"], None),
    (["-h"], None),
    (["--db", "log"], None),  # "log" is --db's value here
    ([], None),
])
def test_command_in_finds_the_command_word(argv, command):
    assert command_in(argv) == command


def test_an_unknown_command_still_lists_them_all(capsys):
    parser = build_parser("nonsense")
    with pytest.raises(SystemExit):
        parser.parse_args(["nonsense"])
    err = capsys.readouterr().err
    assert "nonsense" in err and "'log'" in err and "'card'" in err
