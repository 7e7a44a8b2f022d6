"""`import cap|table|inbox` and `export cap` as scripts use them (real subprocesses), and the
import benchmark at toy size."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import one_line_error

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cap"


def _alert(identifier: str, msg_type: str = "Alert", references: str = "") -> str:
    refs = f"<references>{references}</references>" if references else ""
    info = "" if msg_type == "Cancel" else (
        "<info><category>Fire</category><event>Brand</event><urgency>Immediate</urgency>"
        "<severity>Severe</severity><certainty>Observed</certainty>"
        "<senderName>Veiligheidsregio</senderName><headline>Brand in loods</headline>"
        "<area><areaDesc>De Hoek</areaDesc><circle>52.09,5.12 1</circle></area></info>")
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">'
            f"<identifier>{identifier}</identifier><sender>vr@example.nl</sender>"
            "<sent>2025-06-01T10:00:00+02:00</sent><status>Actual</status>"
            f"<msgType>{msg_type}</msgType><scope>Public</scope>{refs}{info}</alert>")


@pytest.fixture
def crisis_id(ready_cli):
    return ready_cli.ok("crisis", "open", "--name", "Brand", "--municipality", "Waalbergen",
                        "--json").json()["id"]


def test_import_cap_report_idempotent_and_export(ready_cli, crisis_id, tmp_path, cap12_schema):
    folder = tmp_path / "caps"
    folder.mkdir()
    (folder / "a.cap").write_text(_alert("A1"), encoding="utf-8")
    (folder / "xxe.cap").write_bytes((FIXTURES / "xxe.cap").read_bytes())
    result = ready_cli("import", "cap", str(folder), "--crisis", crisis_id, "--json")
    assert result.code == 0 and result.err == ""  # one was imported; the refusal is reported
    report = {Path(i["file"]).name: i for i in result.json()}
    assert set(report["a.cap"]) >= {"file", "status", "reason", "entries"}
    assert report["a.cap"]["status"] == "imported" and len(report["a.cap"]["entries"]) == 1
    assert report["xxe.cap"]["status"] == "refused" and "XXE" in report["xxe.cap"]["reason"]

    again = ready_cli.ok("import", "cap", str(folder / "a.cap"), "--crisis", crisis_id, "--json")
    assert again.json()[0]["status"] == "duplicate"

    out = tmp_path / "out.cap"
    entry = report["a.cap"]["entries"][0]
    ready_cli.ok("export", "cap", entry, "--out", str(out))
    cap12_schema.validate(str(out))


def test_import_table_and_inbox(ready_cli, crisis_id, tmp_path):
    sheet = tmp_path / "log.csv"
    sheet.write_text("Wanneer;Wie;Wat\n01-06-2025 10:15;Politie;Rellen\nnooit;Burger;Rook\n",
                     encoding="cp1252")
    maps = ["--map", "Wanneer=occurred_at", "--map", "Wie=source", "--map", "Wat=text"]
    refused = ready_cli("import", "table", str(sheet), "--crisis", crisis_id, *maps, "--json")
    assert "log.csv" in one_line_error(refused)  # refused entirely: exit 2, one line
    assert refused.json()["row_errors"][0]["row"] == 3  # and the report on stdout
    item = ready_cli.ok("import", "table", str(sheet), "--crisis", crisis_id, *maps,
                        "--on-error", "skip", "--json").json()
    assert (item["status"], len(item["entries"])) == ("imported", 1)

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "b.cap").write_text(_alert("B1"), encoding="utf-8")
    (inbox / "bad.cap").write_text("<alert>", encoding="utf-8")
    items = ready_cli("import", "inbox", str(inbox), "--crisis", crisis_id, "--json").json()
    assert {i["file"]: i["status"] for i in items} == {"b.cap": "imported", "bad.cap": "refused"}
    assert (inbox / "processed" / "b.cap").exists()
    assert (inbox / "rejected" / "bad.cap.reason.txt").exists()


def test_bad_arguments_are_one_line(ready_cli, crisis_id, tmp_path):
    line = one_line_error(ready_cli("import", "cap", str(tmp_path), "--crisis", "nope"))
    assert "onbekende crisis" in line
    line = one_line_error(ready_cli("import", "table", str(tmp_path / "x.csv"), "--crisis",
                                    crisis_id, "--map", "geen-is-teken"))
    assert "KOLOM=VELD" in line


@pytest.mark.bench
def test_bench_import_json(cli):
    data = cli.ok("bench", "import", "--alerts", "40", "--per-file", "10", "--runs", "1",
                  "--json", db=False).json()
    assert data["alerts_per_s"] > 0 and data["parse_ratio"] > 0
    assert data["alerts"] == 40 and data["files"] == 4


def test_refused_imports_exit_2_with_one_line_and_partial_ones_exit_0(ready_cli, crisis_id,
                                                                      tmp_path):
    bad = tmp_path / "kapot.cap"
    bad.write_text("<alert>", encoding="utf-8")
    line = one_line_error(ready_cli("import", "cap", str(bad), "--crisis", crisis_id))
    assert "kapot.cap" in line and ("geweigerd" in line or "refused" in line)
    result = ready_cli("import", "cap", str(bad), "--crisis", crisis_id, "--json")
    assert result.code == 2 and result.json()[0]["status"] == "refused"

    folder = tmp_path / "alleen-slecht"
    folder.mkdir()
    for name in ("a.cap", "b.cap"):
        (folder / name).write_text("geen xml", encoding="utf-8")
    assert "2" in one_line_error(ready_cli("import", "cap", str(folder), "--crisis", crisis_id))

    (folder / "goed.cap").write_text(_alert("G1"), encoding="utf-8")
    mixed = ready_cli("import", "cap", str(folder), "--crisis", crisis_id)
    assert mixed.code == 0 and mixed.err == ""
    assert mixed.out.count("refused") == 2 and mixed.out.count("imported") == 1

    empty = tmp_path / "leeg"
    empty.mkdir()
    assert ready_cli.ok("import", "cap", str(empty), "--crisis", crisis_id).out.strip() == \
        "geen bestanden"

    sheet = tmp_path / "kapot.xlsx"
    sheet.write_bytes(b"PK\x03\x04 geen werkboek")
    assert "kapot.xlsx" in one_line_error(ready_cli("import", "table", str(sheet), "--crisis",
                                                    crisis_id))

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "slecht.cap").write_text("<alert>", encoding="utf-8")
    assert "slecht.cap" in one_line_error(ready_cli("import", "inbox", str(inbox), "--crisis",
                                                    crisis_id))
    assert (inbox / "rejected" / "slecht.cap.reason.txt").exists()


def test_cap_round_trip_between_two_crises(ready_cli, tmp_path):
    """Issue 15: source, grade, discipline and our entry id survive a CAP round trip; the
    headline is said once; exporting again unchanged gives the same alert, a changed entry
    goes out as an Update that references the earlier export, and importing all of them into
    another crisis keeps one entry, corrected."""
    cli = ready_cli
    first = cli.ok("crisis", "open", "--name", "Rellen", "--municipality", "Waalbergen",
                   "--json").json()["id"]
    other = cli.ok("crisis", "open", "--name", "Rellen (partner)", "--municipality",
                   "Maasdorp", "--json").json()["id"]
    entry = cli.ok("log", "add", "--crisis", first, "--text", "Groep van 40 bij het station",
                   "--source", "politie", "--grade", "B2", "--discipline", "politie",
                   "--json").json()["id"]
    one, same, two = (tmp_path / n for n in ("one.cap", "same.cap", "two.cap"))
    cli.ok("export", "cap", entry, "--out", str(one))
    cli.ok("export", "cap", entry, "--out", str(same))
    assert same.read_bytes() == one.read_bytes()  # unchanged: the very same alert

    item = cli.ok("import", "cap", str(one), "--crisis", other, "--json").json()[0]
    assert item["status"] == "imported" and item["added"] == 1
    got = cli.ok("log", "history", item["entries"][0], "--json").json()
    current = got["entry"]
    assert current["source"] == "politie" and current["grade"] == "B2"
    assert current["discipline"] == "politie"
    assert got["origin"]["partner_entry_id"] == entry  # our entry id, from its parameter
    assert got["origin"]["sender"] == "crisisconsole.waalbergen"
    assert current["text"] == "Groep van 40 bij het station"  # the headline not doubled
    assert cli.ok("import", "cap", str(same), "--crisis", other,
                  "--json").json()[0]["status"] == "duplicate"

    cli.ok("log", "correct", entry, "--text", "Groep van 80 bij het station",
           "--reason", "telling politie")
    cli.ok("export", "cap", entry, "--out", str(two))
    update = two.read_text(encoding="utf-8")
    assert "<msgType>Update</msgType>" in update
    sent = one.read_text(encoding="utf-8").split("<sent>")[1].split("</sent>")[0]
    identifier = one.read_text(encoding="utf-8").split("<identifier>")[1].split("<")[0]
    assert f"<references>crisisconsole.waalbergen,{identifier},{sent}</references>" in update
    item = cli.ok("import", "cap", str(two), "--crisis", other, "--json").json()[0]
    assert (item["status"], item["added"], item["corrected"]) == ("imported", 0, 1)
    listed = cli.ok("log", "list", "--crisis", other, "--json").json()
    assert [e["text"] for e in listed] == ["Groep van 80 bij het station"]
