"""The one time rule (1900-01-01 ≤ t < 2200-01-01) at every door of the command line, and old
files holding a year below 1000 as '850-…' (written by earlier versions) open, verify and
export again."""

from __future__ import annotations

import json

import pytest
from cli_helpers import PASS, one_line_error
from legacy_times import OLD_TEXT, plant_copy

from crisisconsole.store.tables.cards import card_fact
from crisisconsole.store.tables.log import log_entry

FACT = ["--statement", "Woont aan de Dijk", "--source-org", "Politie", "--channel", "wpg16",
        "--legal-basis", "Wpg art. 16", "--purpose", "openbare orde"]


@pytest.fixture
def crisis_id(ready_cli):
    return ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                        "--json").json()["id"]


def _audit_count(cli) -> int:
    return len(cli.ok("audit", "list", "--json").json())


@pytest.mark.parametrize("when", ["0850-03-01T10:00:00+00:00", "0999-12-31T23:59:59Z",
                                  "1899-12-31T23:00:00Z", "2200-01-01T00:00:00Z"])
def test_cli_flags_refuse_times_outside_the_rule(ready_cli, crisis_id, when):
    cli = ready_cli
    card = cli.ok("card", "add", "--crisis", crisis_id, "--name", "Jan Jansen",
                  "--json").json()["id"]
    before = _audit_count(cli)
    for args in (
        ["log", "add", "--crisis", crisis_id, "--text", "Rook", "--source", "politie",
         "--occurred-at", when],
        ["card", "fact", "add", card, *FACT, "--received-at", when],
        ["card", "set-dates", card, "--delete", when],
        ["measure", "issue", "--crisis", crisis_id, "--kind", "noodverordening",
         "--title", "Samenscholingsverbod", "--at", when],
        ["council", "meeting", "add", "--start", when, "--seats", "29"],
        ["action", "add", "--crisis", crisis_id, "--text", "Bellen", "--owner", "Sanne",
         "--due", when],
    ):
        line = one_line_error(cli(*args))
        assert "1900-01-01" in line and "2200-01-01" in line, (args, line)
    assert _audit_count(cli) == before  # nothing was written
    assert cli.ok("audit", "verify").out.startswith("OK")


def _cap(sent: str = "2025-06-01T10:00:00+02:00", expires: str | None = None) -> str:
    extra = f"<expires>{expires}</expires>" if expires else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">'
            "<identifier>T1</identifier><sender>vr@example.nl</sender>"
            f"<sent>{sent}</sent><status>Actual</status><msgType>Alert</msgType>"
            "<scope>Public</scope><info><category>Fire</category><event>Brand</event>"
            "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>"
            f"{extra}<headline>Brand in loods</headline><area><areaDesc>De Hoek</areaDesc></area>"
            "</info></alert>")


@pytest.mark.parametrize("sent,expires", [("0999-06-01T10:00:00+02:00", None),
                                          ("2025-06-01T10:00:00+02:00", "2500-01-01T00:00:00Z")])
def test_cap_times_outside_the_rule_are_refused(ready_cli, crisis_id, tmp_path, sent, expires):
    path = tmp_path / "alert.cap"
    path.write_text(_cap(sent, expires), encoding="utf-8")
    result = ready_cli("import", "cap", str(path), "--crisis", crisis_id, "--json")
    item = json.loads(result.out)[0]
    assert item["status"] == "refused" and "1900-01-01" in item["reason"]
    assert ready_cli.ok("log", "list", "--crisis", crisis_id, "--json").json() == []


def test_table_cells_outside_the_rule_are_refused(ready_cli, crisis_id, tmp_path):
    sheet = tmp_path / "log.csv"
    sheet.write_text("Tijdstip;Bron;Melding\n0850-03-01T10:00:00+00:00;Politie;Rellen\n"
                     "01-06-2025 10:15;Politie;Rook\n", encoding="utf-8")
    result = ready_cli("import", "table", str(sheet), "--crisis", crisis_id, "--json")
    item = json.loads(result.out)
    assert item["status"] == "refused"
    assert item["row_errors"][0]["row"] == 2 and "1900-01-01" in item["row_errors"][0]["message"]
    skipped = ready_cli.ok("import", "table", str(sheet), "--crisis", crisis_id, "--on-error",
                           "skip", "--json").json()
    assert skipped["added"] == 1
    listed = ready_cli.ok("log", "list", "--crisis", crisis_id, "--json").json()
    assert [e["occurred_at"][:4] for e in listed] == ["2025"]


def test_an_old_file_with_a_short_year_opens_verifies_and_exports(ready_cli, crisis_id,
                                                                  tmp_path):
    """Such a file crashed audit verify, log export, log list and card show with exit 70."""
    cli = ready_cli
    cli.ok("log", "add", "--crisis", crisis_id, "--text", "Rook bij de haven", "--source",
           "politie")
    card = cli.ok("card", "add", "--crisis", crisis_id, "--name", "Jan Jansen",
                  "--json").json()["id"]
    cli.ok("card", "fact", "add", card, *FACT)
    old_entry = plant_copy(cli.db, PASS, log_entry, "occurred_at")
    plant_copy(cli.db, PASS, card_fact, "received_at")

    assert cli.ok("audit", "verify").out.startswith("OK")
    listed = cli.ok("log", "list", "--crisis", crisis_id, "--json").json()
    by_id = {e["id"]: e for e in listed}
    assert len(listed) == 2 and by_id[old_entry]["occurred_at"] == "0850-03-01T10:00:00.000000Z"
    assert "01-03-0850" in cli.ok("log", "list", "--crisis", crisis_id).out
    for fmt in ("csv", "json", "pdf"):
        out = tmp_path / f"log.{fmt}"
        cli.ok("log", "export", "--crisis", crisis_id, "--format", fmt, "--out", str(out))
        assert out.stat().st_size > 0
    assert "0850-03-01T10:00:00.000000Z" in (tmp_path / "log.csv").read_text(encoding="utf-8-sig")
    assert f"\"{OLD_TEXT}" not in (tmp_path / "log.json").read_text(encoding="utf-8")
    shown = cli.ok("card", "show", card, "--purpose", "briefing", "--json").json()
    assert len(shown["facts"]) == 2
    assert "Jan Jansen" in cli.ok("card", "show", card, "--purpose", "briefing").out
    # A correction of the old fact is a new record that copies its time as it is stored.
    old_fact = next(f for f in shown["facts"] if f["received_at"].startswith("0850"))
    cli.ok("card", "fact", "correct", old_fact["id"], "--reason", "bron herzien",
           "--statement", "Woont aan de Kade")
    assert cli.ok("audit", "verify").out.startswith("OK")
