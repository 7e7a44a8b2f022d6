"""argparse's own words follow the language too (issue 14: one language at a time): seen in
Dutch mode, "usage:", "options:" and "argument --crisis: expected one argument"."""

import subprocess
import sys

import pytest

from crisisconsole import i18n
from crisisconsole.cli import argparse_nl, build_parser


@pytest.fixture(autouse=True)
def _reset():
    yield
    i18n.set_language(None)
    argparse_nl.speak("en")


def _help(language: str) -> str:
    i18n.set_language(language)
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices["crisis"].format_help()


def test_help_words_in_dutch_and_in_english():
    dutch = _help("nl")
    assert dutch.startswith("gebruik: ") and "opties:" in dutch
    assert "toon deze hulp en stop" in dutch
    assert "usage:" not in dutch and "options:" not in dutch and "show this help" not in dutch
    english = _help("en")
    assert english.startswith("usage: ") and "options:" in english
    assert "gebruik" not in english and "toon deze hulp" not in english


def _run(args: list[str], language: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crisisconsole", *args], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL,
                          env={"CRISISCONSOLE_LANG": language, "PATH": "",
                               "QT_QPA_PLATFORM": "offscreen"})


def test_an_argument_error_is_one_language():
    dutch = _run(["log", "add", "--crisis"], "nl")
    assert dutch.returncode == 2
    assert dutch.stderr.strip() == "crisisconsole: argument --crisis: verwacht één waarde"
    english = _run(["log", "add", "--crisis"], "en")
    assert english.stderr.strip() == "crisisconsole: argument --crisis: expected one argument"
    missing = _run(["crisis", "open"], "nl")
    assert missing.returncode == 2 and "deze argumenten ontbreken: --name" in missing.stderr
    assert "fout:" in missing.stderr and "error" not in missing.stderr
