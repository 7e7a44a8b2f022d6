from __future__ import annotations

import pytest

from crisisconsole import i18n


@pytest.fixture(autouse=True)
def _reset():
    i18n.set_language(None)
    yield
    i18n.set_language(None)


def test_dutch_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CRISISCONSOLE_LANG", raising=False)
    assert i18n.tr("hallo", "hello") == "hallo"


def test_environment_picks_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRISISCONSOLE_LANG", "en")
    assert i18n.tr("hallo", "hello") == "hello"


def test_settings_file_and_explicit_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    from crisisconsole import settings

    monkeypatch.delenv("CRISISCONSOLE_LANG", raising=False)
    settings.save({"language": "en"})
    assert i18n.tr("hallo", "hello") == "hello"
    i18n.set_language("nl")
    assert i18n.tr("hallo", "hello") == "hallo"
