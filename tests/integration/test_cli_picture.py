"""The picture, decision and action commands as scripts use them (real subprocesses)."""

import json

import pytest
from cli_helpers import one_line_error


@pytest.mark.bench
def test_bench_picture_toy_size(cli):
    data = cli.ok("bench", "picture", "--entries", "300", "--runs", "1", "--json",
                  db=False).json()
    assert data["build_ms"] > 0 and data["baseline_ms"] > 0
    assert data["entries"] == 300 and data["rows_scanned"] == 300
    assert data["scan_ms"] > 0 and data["scan_ratio"] > 0 and data["topics"] >= 1
    assert data["warm_build_ms"] > 0 and data["warm_ratio"] > 0
    assert data["add_topic_ms"] > 0 and data["book_rebuilds"] == 0


def test_picture_decision_action_snapshot_export(ready_cli, tmp_path):
    cli = ready_cli
    crisis = cli.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                    "--exercise", "--grip", "2", "--json").json()["id"]
    decision = cli.ok("decision", "add", "--crisis", crisis, "--text", "Noodverordening",
                      "--rationale", "Plunderingen", "--json").json()
    assert decision["text"] == "Noodverordening" and decision["entry_ids"] == []
    action = cli.ok("action", "add", "--crisis", crisis, "--text", "Raad informeren",
                    "--owner", "aide", "--due", "2020-01-01T10:00", "--json").json()
    assert action["status"] == "open" and action["overdue"] is True
    assert "dropped" in cli.ok("action", "set", action["id"], "--status", "dropped").out
    shown = cli.ok("picture", "show", "--crisis", crisis, "--json").json()
    assert shown["decisions"][0]["id"] == decision["id"]
    assert shown["actions"][0]["status"] == "dropped"
    snap = cli.ok("picture", "snapshot", "--crisis", crisis, "--json").json()
    assert snap["version"] == 1 and len(snap["hash"]) == 64 and snap["id"]
    pdf, xml, js = tmp_path / "r.pdf", tmp_path / "r.xml", tmp_path / "r.json"
    cli.ok("picture", "export", snap["id"], "--format", "pdf", "--out", str(pdf))
    cli.ok("picture", "export", snap["id"], "--format", "edxl", "--out", str(xml))
    cli.ok("picture", "export", snap["id"], "--format", "json", "--out", str(js))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert b"urn:oasis:names:tc:emergency:EDXL:SitRep:1.0" in xml.read_bytes()
    exported = json.loads(js.read_text(encoding="utf-8"))
    assert exported["hash"] == snap["hash"] and exported["intact"] is True
    assert "OK" in cli.ok("picture", "verify", snap["id"]).out
    error = one_line_error(cli("picture", "export", snap["id"], "--format", "pdf", "--out",
                               str(pdf)))
    assert "bestaat al" in error
    assert cli("action", "set", action["id"], "--status", "finished").code == 2
    error = one_line_error(cli("decision", "add", "--crisis", crisis, "--text", " ",
                               "--rationale", "r"))
    assert "besluit is leeg" in error


def test_sitrep_sequence_ends_final(ready_cli, tmp_path):
    """A snapshot marked final exports as reportVersion Final and names the first and the
    preceding report of its sequence."""
    from defusedxml import ElementTree as SafeET

    cli = ready_cli
    ns = "{urn:oasis:names:tc:emergency:EDXL:SitRep:1.0}"
    crisis = cli.ok("crisis", "open", "--name", "Brand", "--municipality", "Waalbergen",
                    "--json").json()["id"]
    ids = [cli.ok("picture", "snapshot", "--crisis", crisis, *extra, "--json").json()["id"]
           for extra in ((), (), ("--purpose", "final"))]
    roots = []
    for number, snapshot in enumerate(ids):
        out = tmp_path / f"s{number}.xml"
        cli.ok("picture", "export", snapshot, "--format", "edxl", "--out", str(out))
        roots.append(SafeET.fromstring(out.read_bytes()))
    assert [r.findtext(f"{ns}reportVersion") for r in roots] == ["Initial", "Update", "Final"]
    assert roots[0].find(f"{ns}originatingMessageID") is None
    assert roots[2].findtext(f"{ns}originatingMessageID") == ids[0]
    assert roots[2].findtext(f"{ns}precedingMessageID") == ids[1]
    assert roots[2].findtext(f"{ns}messageID") == ids[2]
