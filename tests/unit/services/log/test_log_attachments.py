"""Attachments on existing entries, saving one as a file (audited), the late-entry setting."""

from datetime import timedelta

import pytest

from crisisconsole.domain.log_rules import MAX_ATTACHMENT_BYTES, EntryInvalid
from crisisconsole.errors import NotFoundError, StoreError, ValidationError
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.changes import Kind
from crisisconsole.services.foundation.settings_facts import LATE_ENTRY_MINUTES, set_values
from crisisconsole.services.log.attachments import Attachment, attach_to_entry, save_attachment
from crisisconsole.services.log.entries import add_entry, withdraw_entry
from crisisconsole.services.log.export_data import history_json
from crisisconsole.services.log.queries import attachment_data, raw_facts
from crisisconsole.services.log.values import late_threshold


def test_attach_to_an_existing_entry_is_an_audited_fact(ctx, crisis, clock):
    entry = add_entry(ctx, crisis.id, "Filmpje van de rellen", "social_media",
                      attachments=[Attachment("eerste.txt", b"een", "text/plain")])
    seen = []
    ctx.feed.subscribe(seen.append)
    clock.advance(minutes=3)
    added = attach_to_entry(ctx, entry.id, [Attachment("C:\\fotos\\plein.jpg", b"\xff\xd8jpg",
                                                       "image/jpeg"),
                                            Attachment("video.mp4", b"mp4")])
    assert [a["filename"] for a in added] == ["plein.jpg", "video.mp4"]  # no folder names
    facts = raw_facts(ctx.store, entry.id)
    assert [a["filename"] for a in facts.attachments] == ["eerste.txt", "plein.jpg", "video.mp4"]
    assert facts.attachments[1]["size"] == 5 and facts.attachments[1]["mime"] == "image/jpeg"
    records = [r for r in audit.list_records(ctx.store, "log_attachment")]
    assert [r["action"] for r in records] == ["log.attach"] * 3
    assert seen and seen[-1].kinds == {Kind.LOG} and seen[-1].crisis_id == crisis.id
    assert seen[-1].actions == {"log.attach"} and len(seen[-1].ids) == 2
    history = history_json(ctx.store, entry.id)
    assert [a["filename"] for a in history["attachments"]] == ["eerste.txt", "plein.jpg",
                                                               "video.mp4"]
    assert history["attachments"][0]["actor"] == "aide"
    assert audit.verify(ctx.store).ok


def test_attach_refusals_write_nothing(ctx, crisis):
    entry = add_entry(ctx, crisis.id, "Melding", "burger")
    before = len(audit.list_records(ctx.store))
    with pytest.raises(EntryInvalid, match="te groot"):
        attach_to_entry(ctx, entry.id, [Attachment("klein.txt", b"x"),
                                        Attachment("groot.bin", b"x" * (MAX_ATTACHMENT_BYTES + 1))])
    with pytest.raises(EntryInvalid, match="Geen bijlage"):
        attach_to_entry(ctx, entry.id, [])
    with pytest.raises(NotFoundError):
        attach_to_entry(ctx, "onbekend", [Attachment("a.txt", b"a")])
    withdraw_entry(ctx, entry.id, "bericht ingetrokken door afzender")
    after_withdrawal = len(audit.list_records(ctx.store))
    with pytest.raises(ValidationError, match="ingetrokken"):
        attach_to_entry(ctx, entry.id, [Attachment("a.txt", b"a")])
    assert len(audit.list_records(ctx.store)) == after_withdrawal == before + 1
    assert raw_facts(ctx.store, entry.id).attachments == []


def test_save_attachment_writes_the_bytes_and_audits_the_export(ctx, crisis, tmp_path):
    entry = add_entry(ctx, crisis.id, "Foto", "burger",
                      attachments=[Attachment("foto.jpg", b"\x00\x01binair", "image/jpeg")])
    attachment_id = raw_facts(ctx.store, entry.id).attachments[0]["id"]
    assert attachment_data(ctx.store, attachment_id) == ("foto.jpg", "image/jpeg",
                                                         b"\x00\x01binair")
    out = save_attachment(ctx, attachment_id, tmp_path / "kopie.jpg")
    assert out.read_bytes() == b"\x00\x01binair"
    exports = [r for r in audit.list_records(ctx.store, object_id=attachment_id)
               if r["action"] == "log.attachment.export"]
    assert len(exports) == 1 and exports[0]["actor"] == ctx.actor.id
    with pytest.raises(StoreError, match="bestaat al"):
        save_attachment(ctx, attachment_id, out)
    out.write_bytes(b"oud")
    save_attachment(ctx, attachment_id, out, overwrite=True)  # the file dialog asked
    assert out.read_bytes() == b"\x00\x01binair"
    assert not list(tmp_path.glob("*.partial"))
    with pytest.raises(NotFoundError):
        attachment_data(ctx.store, "onbekend")
    with pytest.raises(StoreError):  # a file where the folder should be: no audit record
        save_attachment(ctx, attachment_id, out / "x.jpg")
    assert len([r for r in audit.list_records(ctx.store, object_id=attachment_id)
                if r["action"] == "log.attachment.export"]) == 2
    assert audit.verify(ctx.store).ok


def test_attachment_from_file_checks_size_before_reading(tmp_path):
    small = tmp_path / "verslag.pdf"
    small.write_bytes(b"%PDF-1.4")
    item = Attachment.from_file(small)
    assert (item.filename, item.mime, item.data) == ("verslag.pdf", "application/pdf",
                                                     b"%PDF-1.4")
    huge = tmp_path / "groot.bin"
    with huge.open("wb") as handle:
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)  # sparse: no 10 MB written
    with pytest.raises(EntryInvalid, match="te groot"):
        Attachment.from_file(huge)
    with pytest.raises(EntryInvalid, match="niet te lezen"):
        Attachment.from_file(tmp_path / "weg.txt")


def test_late_entry_threshold_is_a_setting_of_the_database(ctx, store, crisis, clock):
    entry = add_entry(ctx, crisis.id, "Achteraf gemeld", "burger",
                      occurred_at=clock.now() - timedelta(minutes=20))
    assert late_threshold(store) == timedelta(minutes=30)
    assert not entry.late(late_threshold(store))
    assert entry.as_json(late_threshold(store))["late"] is False
    set_values(ctx, {LATE_ENTRY_MINUTES: 15})
    assert late_threshold(store) == timedelta(minutes=15)
    assert entry.late(late_threshold(store)) and entry.as_json(late_threshold(store))["late"]
    assert not entry.late(timedelta(hours=1))
    assert entry.as_json(timedelta(hours=1))["late"] is False
    with pytest.raises(EntryInvalid):
        set_values(ctx, {LATE_ENTRY_MINUTES: 0})  # refused; the value holds
    assert late_threshold(store) == timedelta(minutes=15)
    assert late_threshold() == timedelta(minutes=30)  # no database: the default


