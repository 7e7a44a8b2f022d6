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


def test_the_file_is_read_once_until_it_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    import os

    from crisisconsole import settings
    from crisisconsole.paths import settings_file

    monkeypatch.delenv("CRISISCONSOLE_LANG", raising=False)
    settings.save({"language": "en"})
    assert i18n.tr("hallo", "hello") == "hello"
    reads = []
    real = type(settings_file()).read_text

    def counted(self, *args, **kwargs):
        reads.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(type(settings_file()), "read_text", counted)
    for _ in range(100):
        assert i18n.tr("hallo", "hello") == "hello"
    assert reads == []  # unchanged file: not read again
    path = settings_file()
    stamp = path.stat().st_mtime_ns
    path.write_text(json.dumps({"language": "nl"}), encoding="utf-8")  # another process
    os.utime(path, ns=(stamp + 1_000_000, stamp + 1_000_000))
    assert i18n.tr("hallo", "hello") == "hallo" and len(reads) == 1


def test_a_fine_time_of_occurrence_builds_no_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    from crisisconsole.domain import log_rules

    def no_tr(nl: str, en: str) -> str:
        raise AssertionError("a message was built for a time that is fine")

    monkeypatch.setattr(log_rules, "tr", no_tr)
    now = datetime(2026, 11, 28, 12, tzinfo=UTC)
    assert log_rules.check_occurred_at(now, now) == now
