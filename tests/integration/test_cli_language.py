"""One language at a time on the command line: an error is one line in the UI language
(CRISISCONSOLE_LANG, else the settings file's "language"), never "Dutch / English"."""

import json

import pytest
from cli_helpers import one_line_error


@pytest.fixture
def crisis_id(ready_cli):
    return ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                        "--json").json()["id"]


def _bad_grade(cli, crisis_id, env):
    return one_line_error(cli("log", "add", "--crisis", crisis_id, "--text", "Brand",
                              "--source", "burger", "--grade", "Z9", env=env))


def test_a_bad_grade_is_one_line_in_one_language(ready_cli, crisis_id):
    ready_cli.env.pop("CRISISCONSOLE_LANG", None)
    dutch = _bad_grade(ready_cli, crisis_id, {})
    english = _bad_grade(ready_cli, crisis_id, {"CRISISCONSOLE_LANG": "en"})
    assert "Onbekende beoordeling" in dutch and "Unknown" not in dutch
    assert "Unknown grade" in english and "beoordeling" not in english
    assert " / " not in dutch and " / " not in english


def test_the_settings_file_chooses_the_language_too(ready_cli, crisis_id, tmp_path):
    ready_cli.env.pop("CRISISCONSOLE_LANG", None)
    config = tmp_path / "home" / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    english = one_line_error(ready_cli("log", "add", "--crisis", "nope", "--text", "x",
                                       "--source", "politie"))
    assert english == "crisisconsole: unknown crisis: nope"
    assert "Unknown grade" in _bad_grade(ready_cli, crisis_id, {})
    assert "Onbekende beoordeling" in _bad_grade(ready_cli, crisis_id,
                                                 {"CRISISCONSOLE_LANG": "nl"})


def test_exports_say_what_they_wrote_in_the_language(ready_cli, crisis_id, tmp_path):
    ready_cli.env.pop("CRISISCONSOLE_LANG", None)
    ready_cli.ok("log", "add", "--crisis", crisis_id, "--text", "Brand", "--source", "burger")
    snapshot = ready_cli.ok("picture", "snapshot", "--crisis", crisis_id, "--json").json()["id"]
    said = {}
    for lang in ("nl", "en"):
        env = {"CRISISCONSOLE_LANG": lang}
        said[lang] = [
            ready_cli.ok("log", "export", "--crisis", crisis_id, "--format", "csv", "--out",
                         str(tmp_path / f"log_{lang}.csv"), env=env).out,
            ready_cli.ok("picture", "export", snapshot, "--format", "json", "--out",
                         str(tmp_path / f"picture_{lang}.json"), env=env).out]
    assert "1 meldingen geëxporteerd naar" in said["nl"][0]
    assert "geëxporteerd (json)" in said["nl"][1]
    assert "1 entries exported to" in said["en"][0] and "exported (json)" in said["en"][1]
    assert not any("geëxporteerd" in line for line in said["en"])
