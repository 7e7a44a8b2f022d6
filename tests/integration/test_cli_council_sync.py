"""Issue 15: the council calendar follows the griffie's file through the CLI: by UID and
RECURRENCE-ID, reported as added / moved / cancelled / removed, conflicts for meetings that
already have an outcome; and quorum counted in sitting members."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cli_helpers import one_line_error


def _cal(*events: str, name: str = "Raad Waalbergen") -> bytes:
    head = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//griffie//NL\r\nX-WR-CALNAME:{name}\r\n"
    return (head + "".join(events) + "END:VCALENDAR\r\n").encode()


def _ev(uid: str, start: str, *extra: str) -> str:
    lines = [f"UID:{uid}", f"DTSTART;TZID=Europe/Amsterdam:{start}", "SUMMARY:Raad", *extra]
    return "BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VEVENT\r\n"


def _sync(cli, tmp_path, data: bytes, *args: str) -> dict:
    path = tmp_path / "raad.ics"
    path.write_bytes(data)
    return cli.ok("council", "import-ics", str(path), *args, "--json").json()


def _meetings(cli) -> list[str]:
    return [m["start"][:16] for m in cli.ok("council", "meeting", "list", "--json").json()]


def test_cancelled_meeting_is_no_longer_the_next_meeting(ready_cli, tmp_path):
    cli = ready_cli
    first = _sync(cli, tmp_path, _cal(_ev("r1", "20361203T193000"), _ev("r2", "20361217T193000")),
                  "--sitting-members", "29")
    assert len(first["added"]) == 2
    again = _sync(cli, tmp_path, _cal(_ev("r1", "20361203T193000", "STATUS:CANCELLED"),
                                      _ev("r2", "20361217T193000")))
    assert (len(again["cancelled"]), again["unchanged"], again["added"]) == (1, 1, [])
    assert _meetings(cli) == ["2036-12-17T18:30"]
    human = cli.ok("council", "import-ics", str(tmp_path / "raad.ics")).out
    assert "0 added, 0 moved, 0 cancelled, 0 removed, 1 unchanged" in human


def test_series_moved_by_an_hour_is_moved_not_added(ready_cli, tmp_path):
    cli = ready_cli
    rule = "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=10"
    added = _sync(cli, tmp_path, _cal(_ev("serie", "20361204T193000", rule)),
                  "--sitting-members", "29")
    assert len(added["added"]) == 10
    before = [datetime.fromisoformat(s) for s in _meetings(cli)]
    moved = _sync(cli, tmp_path, _cal(_ev("serie", "20361204T203000", rule)))
    assert (len(moved["added"]), len(moved["moved"]), len(moved["removed"])) == (0, 10, 0)
    after = [datetime.fromisoformat(s) for s in _meetings(cli)]
    assert after == [start + timedelta(hours=1) for start in before]  # the old ones are gone


def test_series_shortened_removes_its_stale_meetings(ready_cli, tmp_path):
    cli = ready_cli
    _sync(cli, tmp_path, _cal(_ev("serie", "20361204T193000", "RRULE:FREQ=WEEKLY;COUNT=10")),
          "--sitting-members", "29")
    short = _sync(cli, tmp_path, _cal(_ev("serie", "20361204T193000", "RRULE:FREQ=WEEKLY;COUNT=5")))
    assert (len(short["removed"]), short["unchanged"], short["added"]) == (5, 5, [])
    assert len(_meetings(cli)) == 5


def test_recurrence_id_moves_and_cancels_one_instance(ready_cli, tmp_path):
    cli = ready_cli
    rule = "RRULE:FREQ=WEEKLY;COUNT=3"
    _sync(cli, tmp_path, _cal(_ev("serie", "20361204T193000", rule)), "--sitting-members", "29")
    result = _sync(cli, tmp_path, _cal(
        _ev("serie", "20361204T193000", rule),
        _ev("serie", "20361211T210000", "RECURRENCE-ID;TZID=Europe/Amsterdam:20361211T193000"),
        _ev("serie", "20361218T193000", "RECURRENCE-ID;TZID=Europe/Amsterdam:20361218T193000",
            "STATUS:CANCELLED")))
    assert (len(result["moved"]), len(result["cancelled"]), result["unchanged"]) == (1, 1, 1)
    assert _meetings(cli) == ["2036-12-04T18:30", "2036-12-11T20:00"]


def test_meeting_gone_from_the_file_is_removed_other_calendars_untouched(ready_cli, tmp_path):
    cli = ready_cli
    _sync(cli, tmp_path, _cal(_ev("r1", "20361203T193000"), _ev("r2", "20361217T193000")),
          "--sitting-members", "29")
    _sync(cli, tmp_path, _cal(_ev("c1", "20361210T193000"), name="Commissie"))
    cli.ok("council", "meeting", "add", "--start", "2036-12-24T10:00:00+01:00",
           "--sitting-members", "29")
    result = _sync(cli, tmp_path, _cal(_ev("r2", "20361217T193000")))
    assert (len(result["removed"]), result["unchanged"]) == (1, 1)
    assert _meetings(cli) == ["2036-12-10T18:30", "2036-12-17T18:30", "2036-12-24T09:00"]


def test_meeting_with_an_outcome_is_a_conflict_not_changed(ready_cli, tmp_path):
    cli = ready_cli
    past = (datetime.now(UTC) - timedelta(days=3)).astimezone()
    start = past.strftime("%Y%m%dT190000")
    _sync(cli, tmp_path, _cal(_ev("r1", start)), "--sitting-members", "29")
    meeting = cli.ok("council", "meeting", "list", "--json").json()[0]
    cli.ok("council", "meeting", "outcome", meeting["id"], "--attended", "20")
    result = _sync(cli, tmp_path, _cal(_ev("r1", start, "STATUS:CANCELLED")))
    assert result["cancelled"] == [] and result["conflicts"][0]["meeting"] == meeting["id"]
    assert result["conflicts"][0]["change"] == "cancelled"
    assert [m["id"] for m in cli.ok("council", "meeting", "list", "--json").json()] == [
        meeting["id"]]
    gone = _sync(cli, tmp_path, _cal(_ev("other", "20361203T193000")))
    assert gone["removed"] == [] and gone["conflicts"][0]["change"] == "removed"
    human = cli.ok("council", "import-ics", str(tmp_path / "raad.ics")).out
    assert "conflict" in human


def test_quorum_is_counted_in_sitting_members(ready_cli):
    """29 seats with 2 vacancies: 27 sitting members, so 14 present is more than half."""
    cli = ready_cli
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat(timespec="seconds")
    meeting = cli.ok("council", "meeting", "add", "--start", past, "--sitting-members", "27",
                     "--json").json()
    shown = cli.ok("council", "meeting", "outcome", meeting["id"], "--attended", "14",
                   "--json").json()
    assert shown["outcome"]["quorate"] is True
    listed = cli.ok("council", "meeting", "list").out
    assert "27 zittende leden" in listed and "zetels" not in listed
    assert "zittende leden" in one_line_error(cli("council", "meeting", "add", "--start", past,
                                                  "--sitting-members", "0"))


def test_unnamed_files_without_shared_events_only_add(ready_cli, tmp_path):
    cli = ready_cli

    def plain(*events: str) -> bytes:
        return _cal(*events).replace(b"X-WR-CALNAME:Raad Waalbergen\r\n", b"")

    _sync(cli, tmp_path, plain(_ev("a1", "20361203T193000")), "--sitting-members", "29")
    other = _sync(cli, tmp_path, plain(_ev("b1", "20361210T193000")))
    assert (len(other["added"]), other["removed"]) == (1, [])
    newer = _sync(cli, tmp_path, plain(_ev("b1", "20361210T193000"), _ev("b2", "20361217T193000")))
    assert len(newer["added"]) == 1 and len(newer["removed"]) == 1  # a1: same unnamed calendar
