"""CAP import through the service: one transaction per file, duplicates, Update/Cancel chains,
hostile input, the whole shared corpus."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.intake.cap import import_cap_bytes, import_cap_paths
from crisisconsole.services.log.queries import entry_history, get_entry, list_entries, raw_facts
from crisisconsole.store.tables.log import log_entry

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "cap"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def counts(store) -> dict[str, int]:
    with store.read() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar()
            for name, table in (("entries", log_entry),)
        } | {"audit": audit.last_seq(store)}


def by_language(store, crisis_id):
    return {e.text.split("\n")[0]: e for e in list_entries(store, crisis_id)}


def test_alert_becomes_one_entry_per_info_block(ctx, crisis):
    item = import_cap_bytes(ctx, crisis.id, fixture("valid_12.cap"), "valid_12.cap")
    assert (item.status, item.added, len(item.entries)) == ("imported", 2, 2)
    entries = by_language(ctx.store, crisis.id)
    nl = entries["Grote brand in loods"]
    assert nl.source == "Veiligheidsregio Utrecht"
    assert nl.reliability == "confirmed"  # Observed
    assert nl.origin_kind == "cap"
    assert nl.location == "Industrieterrein De Hoek"
    assert (nl.lat, nl.lon) == (52.09, 5.12)
    assert nl.occurred_at.isoformat() == "2026-11-29T08:45:00+00:00"  # onset
    assert "Houd ramen en deuren gesloten." in nl.text
    en = entries["Large fire in warehouse"]
    assert en.reliability == "hearsay"  # Likely
    assert en.location == "Industrial estate De Hoek; Utrecht"
    facts = raw_facts(ctx.store, nl.id)
    extra = json.loads(facts.entry["extra_json"])
    assert extra["certainty"] == "Observed" and extra["severity"] == "Severe"
    assert extra["urgency"] == "Immediate" and extra["event"] == "Grote brand"
    assert extra["identifier"] == "VRU-2026-0001" and extra["categories"] == ["Fire", "Safety"]
    assert extra["incidents"] == ["INC-7", "INC-8"] and extra["msg_type"] == "Alert"
    assert facts.entry["confirmed_by"] == "Veiligheidsregio Utrecht"
    assert facts.entry["external_key"].endswith("#0")
    assert audit.verify(ctx.store).ok


def test_same_alert_twice_changes_nothing(ctx, crisis):
    import_cap_bytes(ctx, crisis.id, fixture("valid_12.cap"), "a.cap")
    before = counts(ctx.store)
    again = import_cap_bytes(ctx, crisis.id, fixture("valid_12.cap"), "b.cap")
    assert again.status == "duplicate" and again.entries == () and again.reason
    assert counts(ctx.store) == before


def test_update_then_cancel_chain(ctx, crisis):
    import_cap_bytes(ctx, crisis.id, fixture("valid_12.cap"), "alert.cap")
    nl = by_language(ctx.store, crisis.id)["Grote brand in loods"]
    update = import_cap_bytes(ctx, crisis.id, fixture("update.cap"), "update.cap")
    assert (update.status, update.corrected, update.entries) == ("imported", 1, (nl.id,))
    state, facts = entry_history(ctx.store, nl.id)
    assert state.version == 2 and state.text == "Brand onder controle"
    assert facts.versions[-1].reason.startswith("CAP Update meldkamer@vru.example.nl,VRU-2026-0002")
    assert state.history[0].superseded  # the original text stays, struck through
    assert import_cap_bytes(ctx, crisis.id, fixture("update.cap"), "u2.cap").status == "duplicate"

    cancel = import_cap_bytes(ctx, crisis.id, fixture("cancel.cap"), "cancel.cap")
    assert (cancel.status, cancel.withdrawn) == ("imported", 2)
    assert all(e.withdrawn for e in list_entries(ctx.store, crisis.id))
    assert facts.entry["id"] in cancel.entries
    assert import_cap_bytes(ctx, crisis.id, fixture("cancel.cap"), "c2.cap").status == "duplicate"
    assert audit.verify(ctx.store).ok


def _alert(identifier: str, sent: str, msg_type: str = "Alert", references: str = "",
           headline: str = "Wateroverlast Centrum", certainty: str = "Likely",
           status: str = "Actual") -> bytes:
    refs = f"<references>{references}</references>" if references else ""
    info = "" if msg_type == "Cancel" else (
        f"<info><category>Met</category><event>Regen</event><urgency>Expected</urgency>"
        f"<severity>Minor</severity><certainty>{certainty}</certainty>"
        f"<headline>{headline}</headline><area><areaDesc>Centrum</areaDesc></area></info>")
    return (f'<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>{identifier}'
            f"</identifier><sender>knmi@example.nl</sender><sent>{sent}</sent>"
            f"<status>{status}</status><msgType>{msg_type}</msgType><scope>Public</scope>"
            f"{refs}{info}</alert>").encode()


A = "knmi@example.nl,A1,2026-11-29T10:00:00+01:00"
U1 = "knmi@example.nl,U1,2026-11-29T10:30:00+01:00"


def test_update_chain_through_the_previous_update_and_certainty(ctx, crisis):
    import_cap_bytes(ctx, crisis.id, _alert("A1", "2026-11-29T10:00:00+01:00"), "a")
    (entry,) = list_entries(ctx.store, crisis.id)
    u1 = _alert("U1", "2026-11-29T10:30:00+01:00", "Update", A, "Wateroverlast Centrum, 3 straten")
    assert import_cap_bytes(ctx, crisis.id, u1, "u1").corrected == 1
    # U2 names only U1; it still finds the original entry, and Observed confirms it.
    u2 = _alert("U2", "2026-11-29T11:00:00+01:00", "Update", U1, "Water zakt", "Observed")
    item = import_cap_bytes(ctx, crisis.id, u2, "u2")
    assert (item.status, item.entries) == ("imported", (entry.id,))
    state, _ = entry_history(ctx.store, entry.id)
    assert (state.version, state.text, state.reliability) == (3, "Water zakt", "confirmed")
    # An older update arriving late does not undo the newer text.
    late = _alert("U0", "2026-11-29T10:15:00+01:00", "Update", A, "Oude tekst")
    assert import_cap_bytes(ctx, crisis.id, late, "late").status == "duplicate"
    assert entry_history(ctx.store, entry.id)[0].text == "Water zakt"


def test_update_of_an_unknown_alert_becomes_a_new_entry(ctx, crisis):
    u1 = _alert("U1", "2026-11-29T10:30:00+01:00", "Update", A, "Nieuwe tekst")
    assert import_cap_bytes(ctx, crisis.id, u1, "u1").added == 1
    assert import_cap_bytes(ctx, crisis.id, u1, "u1").status == "duplicate"


def test_cancel_of_unknown_alerts_is_refused_with_reason(ctx, crisis):
    item = import_cap_bytes(ctx, crisis.id, _alert("C1", "2026-11-29T11:00:00+01:00",
                                                   "Cancel", A), "c")
    assert item.status == "refused" and "niet in het logboek" in item.reason


def test_exercise_alerts_only_into_an_exercise_crisis(ctx, crisis):
    data = _alert("X1", "2026-11-29T10:00:00+01:00", status="Exercise")
    refused = import_cap_bytes(ctx, crisis.id, data, "x")
    assert refused.status == "refused" and "Exercise" in refused.reason
    drill = open_crisis(ctx, "Oefening Waterkracht", "Waalbergen", exercise=True)
    assert import_cap_bytes(ctx, drill.id, data, "x").status == "imported"
    draft = _alert("D1", "2026-11-29T10:00:00+01:00", status="Draft")
    assert import_cap_bytes(ctx, drill.id, draft, "d").status == "refused"


def test_same_alert_in_another_crisis_is_reported(ctx, crisis):
    other = open_crisis(ctx, "Tweede crisis", "Waalbergen")
    import_cap_bytes(ctx, crisis.id, fixture("valid_12.cap"), "a")
    item = import_cap_bytes(ctx, other.id, fixture("valid_12.cap"), "a")
    assert item.status == "duplicate" and "andere crisis" in item.reason


def test_future_onset_keeps_the_sent_time(ctx, crisis, clock):
    data = _alert("F1", "2026-11-29T10:00:00+01:00").replace(
        b"<headline>", b"<onset>2026-11-30T10:00:00+01:00</onset><headline>")
    item = import_cap_bytes(ctx, crisis.id, data, "f")
    (entry,) = list_entries(ctx.store, crisis.id)
    assert item.status == "imported" and entry.occurred_at.isoformat().startswith("2026-11-29T09")
    assert json.loads(raw_facts(ctx.store, entry.id).entry["extra_json"])["onset"]


def test_folder_import_applies_updates_and_cancels_last_and_keeps_file_order(ctx, crisis, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1-cancel.cap").write_bytes(fixture("cancel.cap"))
    (folder / "2-update.cap").write_bytes(fixture("update.cap"))
    (folder / "3-alert.cap").write_bytes(fixture("valid_12.cap"))
    (folder / "4-xxe.cap").write_bytes(fixture("xxe.cap"))
    (folder / ".hidden.cap").write_bytes(fixture("valid_11.cap"))
    report = import_cap_paths(ctx, crisis.id, [folder])
    statuses = [(Path(i.file).name, i.status) for i in report.items]
    assert statuses == [("1-cancel.cap", "imported"), ("2-update.cap", "imported"),
                        ("3-alert.cap", "imported"), ("4-xxe.cap", "refused")]
    assert "XXE" in report.items[3].reason
    assert all(e.withdrawn for e in list_entries(ctx.store, crisis.id))


def test_hostile_files_write_nothing(ctx, crisis, tmp_path):
    before = counts(ctx.store)
    names = ["xxe.cap", "billion_laughs.cap", "not_xml.cap", "cap10.cap", "bad_time.cap",
             "missing_scope.cap"]
    report = import_cap_paths(ctx, crisis.id, [FIXTURES / n for n in names])
    assert [i.status for i in report.items] == ["refused"] * len(names)
    assert all(i.reason and "\n" not in i.reason for i in report.items)
    big = tmp_path / "big.cap"
    big.write_bytes(b"<a>" + b"x" * 2_000_000 + b"</a>")
    assert "te groot" in import_cap_paths(ctx, crisis.id, [big]).items[0].reason
    assert counts(ctx.store) == before


def test_a_file_with_one_bad_info_block_writes_nothing(ctx, crisis, clock):
    bad = fixture("valid_12.cap").replace(b"<effective>2026-11-29T09:50:00+01:00</effective>",
                                          b"<effective>2026-12-29T09:50:00+01:00</effective>")
    bad = bad.replace(b"<sent>2026-11-29T10:00:00+01:00</sent>",
                      b"<sent>2026-12-29T10:00:00+01:00</sent>")
    before = counts(ctx.store)
    item = import_cap_bytes(ctx, crisis.id, bad, "future.cap")
    assert item.status == "refused" and "toekomst" in item.reason
    assert counts(ctx.store) == before


class _Hang(Exception):
    pass


def test_whole_corpus_imported_or_refused(ctx, crisis, cap_corpus):
    def alarm(signum, frame):  # noqa: ANN001
        raise _Hang()

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(60)
    try:
        report = import_cap_paths(ctx, crisis.id, [cap_corpus])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    files = [p for p in cap_corpus.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert len(report.items) == len(files)
    for item in report.items:
        # Some corpus files are variants (signed, with errors) of the same alert: duplicates.
        assert item.status in ("imported", "imported with warnings", "refused",
                               "duplicate"), item
        assert item.reason and "\n" not in item.reason
        if item.status.startswith("imported"):
            assert item.added + item.corrected >= 1
        assert bool(item.warnings) == (item.status == "imported with warnings"), item
    by_name = {Path(i.file).name: i for i in report.items}
    assert by_name["xee.cap"].status == "refused"
    assert by_name["weather.cap"].status == "imported"
    # Signed alerts are valid CAP: the signature is not a CAP violation.
    assert by_name["earthquake_signed.cap"].status in ("imported", "duplicate")
    assert not by_name["earthquake_signed.cap"].warnings
    # Every entry in the log belongs to an imported file: nothing half-imported.
    assert sum(i.added for i in report.items) == len(list_entries(ctx.store, crisis.id,
                                                                   limit=10_000))
    again = import_cap_paths(ctx, crisis.id, [cap_corpus])
    assert {i.status for i in again.items} <= {"duplicate", "refused"}
    assert audit.verify(ctx.store).ok


@pytest.mark.parametrize(("name", "expected"), [
    ("noaa_errors.cap", ("/alert/references: leeg", "/alert/info/urgency: value must be one of",
                         "/alert/info/severity", "/alert/info/certainty")),
    ("canada_errors.cap", ("/alert/references: leeg", "/alert/msgType: Update zonder")),
])
def test_schema_invalid_corpus_alerts_imported_with_warnings(ctx, crisis, cap_corpus, name,
                                                             expected):
    item = import_cap_paths(ctx, crisis.id, [cap_corpus / "testdata" / name]).items[0]
    assert item.status == "imported with warnings" and item.added == 1
    for start in expected:
        assert any(w.startswith(start) for w in item.warnings), (start, item.warnings)
    assert item.as_json()["warnings"] == list(item.warnings)
    entry = get_entry(ctx.store, item.entries[0])
    assert entry.text  # the report itself is in the log


_VALID = fixture("valid_12.cap")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_malformed_xml_never_crashes_the_importer(ctx, crisis, data):
    start = data.draw(st.integers(0, len(_VALID) - 1))
    cut = data.draw(st.integers(start, min(len(_VALID), start + 60)))
    junk = data.draw(st.binary(max_size=40))
    mutated = _VALID[:start] + junk + _VALID[cut:]
    item = import_cap_bytes(ctx, crisis.id, mutated, "m.cap")
    assert item.status in ("imported", "refused", "duplicate")
    assert item.reason and "\n" not in item.reason


def test_fifo_and_missing_files_never_block(ctx, crisis, tmp_path):
    import os

    fifo = tmp_path / "pipe.cap"
    os.mkfifo(fifo)  # reading it would block forever
    report = import_cap_paths(ctx, crisis.id, [fifo, tmp_path / "missing.cap"])
    assert [i.status for i in report.items] == ["refused", "refused"]
    assert "gewoon bestand" in report.items[0].reason


def test_ack_is_refused(ctx, crisis):
    item = import_cap_bytes(ctx, crisis.id, _alert("K1", "2026-11-29T10:00:00+01:00", "Ack", A),
                            "ack.cap")
    assert item.status == "refused" and "Ack" in item.reason


def test_own_schema_invalid_fixture_imported_with_warnings(ctx, crisis):
    data = fixture("schema_invalid.cap")
    item = import_cap_bytes(ctx, crisis.id, data, "schema_invalid.cap")
    assert item.status == "imported with warnings" and item.added == 1
    joined = "\n".join(item.warnings)
    assert "/alert/references: leeg" in joined
    assert "/alert/info" in joined and ("kleur" in joined or "event" in joined)
    entry = get_entry(ctx.store, item.entries[0])
    assert entry.text == "Brand in loods\n\nBrand in een loods op De Hoek."
    assert import_cap_bytes(ctx, crisis.id, data, "again.cap").status == "duplicate"
    valid = import_cap_bytes(ctx, crisis.id, fixture("valid_12.cap"), "valid_12.cap")
    assert valid.status == "imported" and not valid.warnings
