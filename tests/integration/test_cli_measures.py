"""The tracker's exact CLI interface through real subprocesses (kept to a modest number)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pypdf
from cli_helpers import one_line_error


def iso(value: datetime) -> str:
    return value.isoformat()


def test_lifecycle_through_the_cli(ready_cli, tmp_path):
    now = datetime.now(UTC).replace(microsecond=0)
    t0 = now - timedelta(days=10)
    crisis = ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                          "--json").json()
    issued = ready_cli.ok("measure", "issue", "--crisis", crisis["id"], "--kind", "noodverordening",
                          "--title", "Noodverordening centrum", "--at", iso(t0), "--json").json()
    mid = issued["id"]
    meeting = ready_cli.ok("council", "meeting", "add", "--start", iso(t0 + timedelta(days=2)),
                           "--seats", "29", "--json").json()
    ready_cli.ok("measure", "notify", mid, "--party", "raad", "--at", iso(t0 + timedelta(hours=1)))
    line = one_line_error(ready_cli("measure", "notify", mid, "--party", "raad"))
    assert "twee keer" in line
    shown = ready_cli.ok("measure", "show", mid, "--now", iso(t0 + timedelta(hours=3)),
                         "--json").json()
    assert {"id", "kind", "issuer", "state", "issued_at", "obligations", "events"} <= shown.keys()
    assert shown["state"] == "in_force" and shown["issuer"] == "burgemeester"
    overdue = {o["kind"]: o["overdue"] for o in shown["obligations"]}
    assert overdue["notify_cdk"] is True and overdue["ratification"] is False
    assert all({"kind", "due", "overdue"} <= o.keys() for o in shown["obligations"])
    line = one_line_error(ready_cli("council", "meeting", "outcome", meeting["id"],
                                    "--attended", "30"))
    assert "zittende leden" in line
    ready_cli.ok("council", "meeting", "outcome", meeting["id"], "--attended", "20",
                 "--at", iso(t0 + timedelta(days=2, hours=3)))
    line = one_line_error(ready_cli("measure", "appeal", mid))  # days after the 24 hours
    assert "24 uur" in line
    listed = ready_cli.ok("measure", "list", "--crisis", crisis["id"], "--json").json()
    assert [m["state"] for m in listed] == ["lapsed"]
    at_decision = ready_cli.ok("measure", "list", "--crisis", crisis["id"], "--now",
                               iso(t0 + timedelta(days=2, hours=4)), "--json").json()
    assert at_decision[0]["state"] == "not_ratified"
    out = tmp_path / "raad.pdf"
    ready_cli.ok("measure", "letter", mid, "--party", "raad", "--out", str(out))
    text = " ".join(pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text().split())
    assert "De gemeenteraad van Waalbergen" in text


def test_import_ics_refuses_hostile_file_and_imports_good_one(ready_cli, tmp_path):
    bad = tmp_path / "bad.ics"
    bad.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n")
    line = one_line_error(ready_cli("council", "import-ics", str(bad), "--seats", "29"))
    assert "onvolledig" in line
    good = tmp_path / "raad.ics"
    good.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//g//NL\r\nBEGIN:VEVENT\r\n"
                     b"UID:r1\r\nDTSTART:20361203T193000\r\nSUMMARY:Raad\r\nEND:VEVENT\r\n"
                     b"END:VCALENDAR\r\n")
    result = ready_cli.ok("council", "import-ics", str(good), "--seats", "29", "--json").json()
    assert len(result["added"]) == 1


def test_terms_and_art39_through_the_cli(ready_cli):
    shown = ready_cli.ok("measure", "terms", "--json").json()
    assert shown["notify_hours"] == 2 and shown["agenda_lead_days"] == 3
    changed = ready_cli.ok("measure", "terms", "--notify-hours", "4", "--agenda-lead-days", "5",
                           "--json").json()
    assert changed["notify_hours"] == 4 and changed["agenda_lead_days"] == 5
    assert "0 en ten hoogste 1440" in one_line_error(ready_cli("measure", "terms",
                                                               "--notify-hours", "0"))
    crisis = ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                          "--json").json()
    status = ready_cli.ok("measure", "art39", "--crisis", crisis["id"], "--applies",
                          "--json").json()
    assert status["applies"] is True and status["recorded"] is True
    warned = ready_cli.ok("measure", "issue", "--crisis", crisis["id"], "--kind",
                          "noodverordening", "--title", "Centrum", "--json")
    assert "art. 39" in warned.json()["warnings"][0] and "art. 39" in warned.err
    assert ready_cli.ok("measure", "art39", "--crisis", crisis["id"]).out.startswith(
        "Wvr art. 39 van toepassing (vastgelegd)")


def test_keep_in_force_answers_the_withdrawal_prompt(ready_cli):
    crisis = ready_cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                          "--grip", "3", "--json").json()
    bevel = ready_cli.ok("measure", "issue", "--crisis", crisis["id"], "--kind", "noodbevel",
                         "--title", "Noodbevel Marktplein", "--json").json()
    line = one_line_error(ready_cli("measure", "keep", bevel["id"], "--reason", "voorzorg"))
    assert "geen vraag om in te trekken" in line
    ready_cli.ok("crisis", "grip", crisis["id"], "--level", "2")
    shown = ready_cli.ok("measure", "show", bevel["id"], "--json").json()
    assert [o["kind"] for o in shown["obligations"]] == ["withdraw_prompt"]
    kept = ready_cli.ok("measure", "keep", bevel["id"], "--reason",
                        "Dreiging van nieuwe onrust blijft", "--json").json()
    assert kept["obligations"] == [] and kept["state"] == "in_force"
    assert kept["events"][-1]["kind"] == "kept_in_force"
    assert ready_cli.ok("audit", "verify", "--json").json()["ok"] is True
