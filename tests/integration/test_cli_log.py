"""`crisisconsole log ...` through the real console script (each call is a process: few)."""

import csv
import json

import pytest
from cli_helpers import as_profile, new_secret, one_line_error


@pytest.fixture
def crisis_id(ready_cli):
    return ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                        "--json").json()["id"]


def test_add_correct_confirm_refute_link_history_export(ready_cli, crisis_id, tmp_path):
    cli = ready_cli
    a = cli.ok("log", "add", "--crisis", crisis_id, "--text", "Ruiten ingegooid café Zoë",
               "--source", "burger", "--location", "Marktplein", "--grade", "c3",
               "--json").json()
    for key in ("id", "crisis_id", "occurred_at", "recorded_at", "source", "reliability",
                "grade", "text", "version"):
        assert key in a
    assert a["reliability"] == "hearsay" and a["grade"] == "C3" and a["version"] == 1
    b = cli.ok("log", "add", "--crisis", crisis_id, "--text", "Plunderingen bevestigd",
               "--source", "politie", "--reliability", "confirmed", "--confirmed-by", "ME",
               "--occurred-at", "2020-05-01T10:00", "--json").json()
    corrected = cli.ok("log", "correct", a["id"], "--text", "Ruiten ingegooid juwelier",
                       "--reason", "melder corrigeert", "--json").json()
    assert corrected["version"] == 2
    confirmed = cli.ok("log", "confirm", a["id"], "--corroborated-by", b["id"], "--json").json()
    assert confirmed["reliability"] == "confirmed"
    c = cli.ok("log", "add", "--crisis", crisis_id, "--text", "Niets aan de hand",
               "--source", "media", "--json").json()
    cli.ok("log", "link", c["id"], "--contradicts", a["id"])
    assert cli.ok("log", "refute", c["id"], "--by", "politie",
                  "--json").json()["reliability"] == "refuted"
    listed = cli.ok("log", "list", "--crisis", crisis_id, "--json").json()
    assert [e["id"] for e in listed] == [c["id"], a["id"], b["id"]]  # newest by occurred_at
    assert [e["id"] for e in cli.ok("log", "list", "--crisis", crisis_id, "--reliability",
                                     "refuted", "--json").json()] == [c["id"]]
    hits = cli.ok("log", "search", "--crisis", crisis_id, "cafe", "--json").json()
    assert hits == []  # the correction replaced the text that had "café"
    hits = cli.ok("log", "search", "--crisis", crisis_id, "juwelier", "--json").json()
    assert hits[0]["id"] == a["id"] and "[juwelier]" in hits[0]["highlight"]
    history = cli.ok("log", "history", a["id"], "--json").json()
    assert [v["text"] for v in history["versions"]] == ["Ruiten ingegooid café Zoë",
                                                        "Ruiten ingegooid juwelier"]
    assert [x["reliability"] for x in history["assessments"]] == ["hearsay", "confirmed"]
    assert {link["kind"] for link in history["links"]} == {"corroborates", "contradicts"}
    out = tmp_path / "log.csv"
    cli.ok("log", "export", "--crisis", crisis_id, "--format", "csv", "--out", str(out))
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert {r["record"] for r in rows} == {"entry", "version", "assessment", "link"}
    pdf = tmp_path / "log.pdf"
    cli.ok("log", "export", "--crisis", crisis_id, "--format", "pdf", "--out", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    data = json.loads(cli.ok("log", "export", "--crisis", crisis_id, "--format", "json",
                             "--out", str(tmp_path / "log.json"), "--json").out)
    assert data["entries"] == 3


@pytest.mark.parametrize("args", [
    ["--text", ""],
    ["--text", "x" * 20_001],
    ["--text", "x", "--occurred-at", "2999-01-01T00:00"],
    ["--text", "x", "--grade", "Z9"],
    ["--text", "x", "--reliability", "maybe"],
    ["--text", "x", "--reliability", "confirmed"],
])
def test_bad_input_is_one_line_exit_2(ready_cli, crisis_id, args):
    result = ready_cli("log", "add", "--crisis", crisis_id, "--source", "politie", *args)
    one_line_error(result)


def test_unknown_crisis_and_confirm_without_source(ready_cli):
    assert "onbekende crisis" in one_line_error(
        ready_cli("log", "add", "--crisis", "nope", "--text", "x", "--source", "politie"))
    one_line_error(ready_cli("log", "confirm", "some-id"))


def test_a_viewer_may_not_export_the_log(ready_cli, crisis_id, tmp_path):
    """The same role gate as the app's export and print: refused (exit 3), audited."""
    cli = ready_cli
    cli.ok("log", "add", "--crisis", crisis_id, "--text", "Brand in loods", "--source", "burger")
    cli.ok("profile", "add", "--name", "lezer", "--role", "viewer",
           env=new_secret("geheim van de lezer"))
    out = tmp_path / "log.json"
    result = cli("--profile", "lezer", "log", "export", "--crisis", crisis_id, "--format",
                 "json", "--out", str(out), env=as_profile("geheim van de lezer"))
    assert "log.export" in one_line_error(result, code=3) and not out.exists()
    refused = [r for r in cli.ok("audit", "list", "--json").json()
               if r["action"] == "log.export" and r["result"] == "refused"]
    assert len(refused) == 1
