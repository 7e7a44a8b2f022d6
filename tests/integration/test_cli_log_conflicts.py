"""Concurrent corrections through the real console script: two laptops (two databases) that
corrected one entry offline, synced through a throwaway PostgreSQL; `log list`, `log show` and
`log settle` (each call is a process: few)."""

import pytest
from cli_helpers import Cli, as_profile, new_secret, one_line_error


@pytest.fixture
def two_laptops(tmp_path, pg_dsn):
    """(a, b, dsn of a, dsn of b, crisis id, entry id, quiet entry id), the entry corrected on
    both laptops offline and synced."""
    a = Cli(tmp_path / "a" / "crisis.db", tmp_path / "a" / "home")
    b = Cli(tmp_path / "b" / "crisis.db", tmp_path / "b" / "home")
    a.ok("server", "init", "--dsn", pg_dsn, db=False)
    dsns = []
    for cli, name in ((a, "laptop-a"), (b, "laptop-b")):
        cli.ok("init")
        device = cli.ok("server", "add-device", "--dsn", pg_dsn, "--name", name, "--role",
                        "aide", "--json", db=False).json()
        cli.ok("sync", "enrol", "--dsn", device["dsn"], "--code", device["code"])
        dsns.append(device["dsn"])
    crisis = a.ok("crisis", "open", "--name", "Onrust", "--municipality", "Waalbergen",
                  "--json").json()["id"]
    entry = a.ok("log", "add", "--crisis", crisis, "--text", "Rook boven de haven", "--source",
                 "burger", "--json").json()["id"]
    quiet = a.ok("log", "add", "--crisis", crisis, "--text", "Geen nieuws", "--source",
                 "burger", "--json").json()["id"]
    a.ok("sync", "--once")
    b.ok("sync", "--once")
    a.ok("log", "correct", entry, "--text", "Rook boven de Noordhaven", "--reason", "preciezer")
    b.ok("log", "correct", entry, "--text", "Rook boven de Zuidhaven", "--reason", "preciezer")
    for cli in (a, b, a):
        cli.ok("sync", "--once")
    return a, b, crisis, entry, quiet


def test_list_and_show_mark_the_entry_settle_is_refused_and_then_clears_it(two_laptops):
    a, b, crisis, entry, quiet = two_laptops
    listed = {e["id"]: e for e in b.ok("log", "list", "--crisis", crisis, "--json").json()}
    assert listed[quiet]["conflict"] is None and listed[quiet]["versions"] == []
    assert listed[entry]["conflict"] == "concurrent_corrections"
    texts = {v["text"] for v in listed[entry]["versions"]}
    assert texts == {"Rook boven de Noordhaven", "Rook boven de Zuidhaven"}
    assert all({"id", "text", "device", "recorded_at"} <= v.keys()
               for v in listed[entry]["versions"])
    shown = b.ok("log", "show", entry, "--json").json()
    assert shown["conflict"] == "concurrent_corrections" and shown["id"] == entry
    assert shown["versions"] == listed[entry]["versions"]
    human = b.ok("log", "list", "--crisis", crisis).out
    marked = [line for line in human.splitlines() if "gelijktijdige correcties" in line]
    assert len(marked) == 1 and entry in marked[0]
    assert "Noordhaven" in b.ok("log", "show", entry).out
    english = b.ok("log", "show", entry, env={"CRISISCONSOLE_LANG": "en"}).out
    assert "concurrent corrections" in english
    # Refused first (one fixture for both: each laptop is a handful of processes): an entry
    # without a conflict, no choice, a version not in conflict, a viewer (audited).
    message = one_line_error(a("log", "settle", quiet, "--text", "Nieuw"))
    assert "geen gelijktijdige correcties" in message
    one_line_error(a("log", "settle", entry))                       # neither --text nor --keep
    assert "geen versie in conflict" in one_line_error(a("log", "settle", entry, "--keep", "x"))
    a.ok("profile", "add", "--name", "lezer", "--role", "viewer",
         env=new_secret("geheim van de lezer"))
    result = a("--profile", "lezer", "log", "settle", entry, "--text", "Rook",
               env=as_profile("geheim van de lezer"))
    assert "log.settle" in one_line_error(result, code=3)
    refused = [r for r in a.ok("audit", "list", "--json").json()
               if r["action"] == "log.settle" and r["result"] == "refused"]
    assert len(refused) == 1
    assert a.ok("log", "show", entry, "--json").json()["conflict"] == "concurrent_corrections"
    north = next(v["id"] for v in shown["versions"] if "Noordhaven" in v["text"])
    settled = b.ok("log", "settle", entry, "--keep", north, "--json").json()
    assert settled["text"] == "Rook boven de Noordhaven" and settled["conflict"] is None
    b.ok("sync", "--once")
    a.ok("sync", "--once")
    for cli in (a, b):
        assert cli.ok("log", "show", entry, "--json").json()["conflict"] is None
        assert cli.ok("sync", "status", "--json").json()["conflicts"] == 0


def test_concurrent_regrades_and_outcomes_are_marked_and_settled(two_laptops):
    from datetime import UTC, datetime, timedelta

    a, b, crisis, _entry, quiet = two_laptops
    start = (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
    meeting = a.ok("council", "meeting", "add", "--start", start, "--sitting-members", "29",
                   "--json").json()["id"]
    a.ok("sync", "--once")
    b.ok("sync", "--once")
    a.ok("log", "confirm", quiet, "--by", "brandweer OvD")
    b.ok("log", "refute", quiet, "--by", "politie")
    a.ok("council", "meeting", "outcome", meeting, "--attended", "20")
    b.ok("council", "meeting", "outcome", meeting, "--attended", "18")
    for cli in (a, b, a):
        cli.ok("sync", "--once")
    shown = b.ok("log", "show", quiet, "--json").json()
    assert shown["conflict"] == "concurrent_regrades"
    assert {g["reliability"] for g in shown["grades"]} == {"confirmed", "refuted"}
    assert "gelijktijdige herbeoordelingen" in b.ok("log", "show", quiet).out
    meetings = {m["id"]: m for m in b.ok("council", "meeting", "list", "--json").json()}
    assert meetings[meeting]["conflict"] == "concurrent_outcomes"
    assert sorted(o["attended"] for o in meetings[meeting]["outcomes"]) == [18, 20]
    assert "gelijktijdige uitkomsten" in b.ok("council", "meeting", "list").out
    assert b.ok("sync", "status", "--json").json()["conflicts"] == 3  # with the corrections
    refuted = next(g["id"] for g in shown["grades"] if g["reliability"] == "refuted")
    assert b.ok("log", "settle", quiet, "--keep", refuted,
                "--json").json()["reliability"] == "refuted"
    b.ok("council", "meeting", "outcome", meeting, "--attended", "20")
    b.ok("sync", "--once")
    a.ok("sync", "--once")
    for cli in (a, b):
        assert cli.ok("log", "show", quiet, "--json").json()["conflict"] is None
        listed = {m["id"]: m for m in cli.ok("council", "meeting", "list", "--json").json()}
        assert listed[meeting]["conflict"] is None
        assert listed[meeting]["outcome"]["attended"] == 20
        assert cli.ok("sync", "status", "--json").json()["conflicts"] == 1  # the correction
