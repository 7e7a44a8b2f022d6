"""Inbox folder, corroboration suggestions and the CAP export of an entry."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest

from crisisconsole.errors import ValidationError
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.intake import preferences as intake_settings
from crisisconsole.services.intake.cap import import_cap_bytes
from crisisconsole.services.intake.cap_export import export_entry_cap
from crisisconsole.services.intake.corroboration import (
    link_as_corroborating,
    mark_duplicate,
    suggestions_for,
)
from crisisconsole.services.intake.inbox import inbox_status, process_inbox
from crisisconsole.services.log.entries import add_entry, withdraw_entry
from crisisconsole.services.log.queries import entry_history, get_entry, list_entries

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "cap"


def test_inbox_moves_files_and_writes_reasons(ctx, crisis, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "alert.cap").write_bytes((FIXTURES / "valid_12.cap").read_bytes())
    (inbox / "xxe.cap").write_bytes((FIXTURES / "xxe.cap").read_bytes())
    (inbox / "log.csv").write_text("Tijdstip;Bron;Melding\n29-11-2026 10:15;Politie;Uit sheet\n",
                                   encoding="utf-8")
    (inbox / "half.cap.part").write_bytes(b"<alert")
    (inbox / "~$lock.xlsx").write_bytes(b"x")
    report = process_inbox(ctx, inbox, crisis.id, settle_seconds=0)
    outcome = {i.file: (i.status, i.moved_to) for i in report.items}
    assert outcome == {"alert.cap": ("imported", "processed/alert.cap"),
                       "log.csv": ("imported", "processed/log.csv"),
                       "xxe.cap": ("refused", "rejected/xxe.cap")}
    reason = (inbox / "rejected" / "xxe.cap.reason.txt").read_text(encoding="utf-8")
    assert "XXE" in reason
    assert sorted(p.name for p in inbox.iterdir() if p.is_file()) == ["half.cap.part", "~$lock.xlsx"]
    assert len(list_entries(ctx.store, crisis.id)) == 3
    # The same alert dropped again: a duplicate, processed, under a free name.
    (inbox / "alert.cap").write_bytes((FIXTURES / "valid_12.cap").read_bytes())
    (item,) = process_inbox(ctx, inbox, crisis.id, settle_seconds=0).items
    assert (item.status, item.moved_to) == ("duplicate", "processed/alert (2).cap")
    status = inbox_status(inbox)
    assert (status.processed, status.rejected, status.waiting) == (3, 1, 0)


def test_inbox_waits_for_files_still_being_written(ctx, crisis, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = inbox / "alert.cap"
    path.write_bytes((FIXTURES / "valid_12.cap").read_bytes())
    assert process_inbox(ctx, inbox, crisis.id, settle_seconds=60).items == ()
    old = time.time() - 120
    os.utime(path, (old, old))
    assert process_inbox(ctx, inbox, crisis.id, settle_seconds=60).items[0].status == "imported"


def test_inbox_table_without_a_mapping_is_rejected(ctx, crisis, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "odd.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    (item,) = process_inbox(ctx, inbox, crisis.id, settle_seconds=0).items
    assert item.status == "refused" and (inbox / "rejected" / "odd.csv.reason.txt").exists()
    with pytest.raises(ValidationError):
        process_inbox(ctx, tmp_path / "missing", crisis.id)


def test_inbox_folder_setting(tmp_path):
    assert intake_settings.inbox_folder() is None
    intake_settings.set_inbox_folder(tmp_path)
    assert intake_settings.inbox_folder() == tmp_path


def test_corroboration_suggestion_and_one_act_confirm(ctx, crisis, clock):
    police = add_entry(ctx, crisis.id, "Brand in loods op industrieterrein De Hoek", "politie",
                       location="Industrieterrein De Hoek")
    clock.advance(minutes=10)
    fire = add_entry(ctx, crisis.id, "Brand in een loods op industrieterrein De Hoek",
                     "brandweer", location="De Hoek")
    unrelated = add_entry(ctx, crisis.id, "Verkeersongeval op de A12", "politie")
    (hint,) = suggestions_for(ctx.store, [fire.id, unrelated.id])
    assert (hint.entry.id, hint.other.id, hint.kind) == (fire.id, police.id, "corroborates")
    assert hint.score >= 70 and "Andere bron" in hint.reason
    confirmed = link_as_corroborating(ctx, fire.id, police.id)
    assert confirmed.reliability == "confirmed" and confirmed.corroborations == 1
    state, _ = entry_history(ctx.store, police.id)
    assert fire.id in state.corroborated_by


def test_duplicate_suggestion_and_mark_duplicate(ctx, crisis, clock):
    first = add_entry(ctx, crisis.id, "Rookontwikkeling bij stadion", "brandweer")
    clock.advance(minutes=2)
    second = add_entry(ctx, crisis.id, "Rookontwikkeling bij stadion!", "brandweer")
    (hint,) = suggestions_for(ctx.store, [second.id])
    assert hint.kind == "duplicate" and hint.other.id == first.id
    marked = mark_duplicate(ctx, second.id, first.id)
    assert marked.withdrawn
    assert suggestions_for(ctx.store, [second.id]) == []
    clock.advance(hours=5)
    late = add_entry(ctx, crisis.id, "Rookontwikkeling bij stadion", "politie")
    assert suggestions_for(ctx.store, [late.id], window=timedelta(hours=2)) == []


def test_language_versions_of_one_alert_are_not_suggested(ctx, crisis):
    item = import_cap_bytes(ctx, crisis.id, (FIXTURES / "valid_12.cap").read_bytes(), "a")
    assert suggestions_for(ctx.store, item.new_entries) == []


def test_export_entry_as_cap(ctx, crisis):
    from crisisconsole.interchange.cap_parse import parse_cap

    import_cap_bytes(ctx, crisis.id, (FIXTURES / "valid_12.cap").read_bytes(), "a")
    nl = next(e for e in list_entries(ctx.store, crisis.id) if e.text.startswith("Grote"))
    data = export_entry_cap(ctx, nl.id)
    alert = parse_cap(data)
    (info,) = alert.infos
    assert alert.status == "Actual" and alert.identifier == f"CC-{nl.id}-v1"
    assert (info.certainty, info.severity, info.event) == ("Observed", "Severe", "Grote brand")
    assert info.categories == ("Fire",) and info.areas[0].area_desc == "Industrieterrein De Hoek"
    withdraw_entry(ctx, nl.id, "test")
    with pytest.raises(ValidationError):
        export_entry_cap(ctx, nl.id)
    drill = open_crisis(ctx, "Oefening", "Waalbergen", exercise=True)
    entry = add_entry(ctx, drill.id, "Oefenmelding", "politie", person="J. Jansen")
    exported = export_entry_cap(ctx, entry.id)
    assert parse_cap(exported).status == "Exercise" and b"Jansen" not in exported
    assert get_entry(ctx.store, entry.id).text == "Oefenmelding"


def test_export_validates_against_the_oasis_schema(ctx, crisis, cap12_schema):
    schema = cap12_schema  # vendored: runs in a fresh clone too
    import_cap_bytes(ctx, crisis.id, (FIXTURES / "valid_12.cap").read_bytes(), "a")
    entry = add_entry(ctx, crisis.id, "Vuurwerk & <rellen> bij station\x07", "politie",
                      location="Stationsplein", lat=52.1, lon=5.1)
    for item in list_entries(ctx.store, crisis.id):
        schema.validate(export_entry_cap(ctx, item.id).decode("utf-8"))
    assert entry.id
