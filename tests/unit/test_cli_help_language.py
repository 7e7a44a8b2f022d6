"""The command line's help follows the language too (crisisconsole.cli.help_en)."""

from __future__ import annotations

import pytest

from crisisconsole import i18n
from crisisconsole.cli import build_parser


@pytest.fixture(autouse=True)
def _reset():
    yield
    i18n.set_language(None)


def test_help_in_english_and_in_dutch() -> None:
    i18n.set_language("en")
    english = build_parser().format_help()
    assert "create a new encrypted database" in english and "maak een nieuwe" not in english
    i18n.set_language("nl")
    dutch = build_parser().format_help()
    assert "maak een nieuwe versleutelde database" in dutch and "create a new" not in dutch
