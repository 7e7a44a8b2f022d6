import csv
import io
import json

import pytest
from pypdf import PdfReader

from crisisconsole.domain.log_rules import EntryInvalid
from crisisconsole.interchange.log_export import to_csv, to_json, to_pdf
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.log.attachments import Attachment, attach_to_entry
from crisisconsole.services.log.entries import add_entry, assess_entry, correct_entry, link_entries
from crisisconsole.services.log.export_data import gather_log, history_json
from crisisconsole.services.log.queries import LogFilter, list_entries, position_of
from crisisconsole.services.log.sources import add_source, list_sources, typed_source


def _pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def _log(ctx, crisis_id, clock):
    a = add_entry(ctx, crisis_id, "Drie gewonden Marktplein", "burger")
    clock.advance(minutes=2)
    b = add_entry(ctx, crisis_id, "Geen gewonden", "media")
    clock.advance(minutes=2)
    correct_entry(ctx, a.id, "Vier gewonden Marktplein", "telling GHOR")
    assess_entry(ctx, a.id, "confirmed", by="GHOR CvD", grade="A2")
    link_entries(ctx, b.id, a.id, "contradicts")
    assess_entry(ctx, b.id, "refuted", by="GHOR", reason="ter plaatse")
    return a, b


def test_history_json_lists_everything_in_order(ctx, crisis, clock):
    a, b = _log(ctx, crisis.id, clock)
    data = history_json(ctx.store, a.id)
    assert [v["version"] for v in data["versions"]] == [1, 2]
    assert data["versions"][1]["reason"] == "telling GHOR" and data["versions"][1]["author"] == "aide"
    assert [x["reliability"] for x in data["assessments"]] == ["hearsay", "confirmed"]
    assert data["links"][0]["kind"] == "contradicts" and data["links"][0]["from_id"] == b.id
    assert [h["kind"] for h in data["history"]][:2] == ["version", "assessment"]
    assert data["history"][0]["superseded"] and "aide" in data["history"][0]["summary"]
    assert not data["entry"]["contradicted"]  # settled: the other side is refuted


def test_export_has_every_version_assessment_and_link(ctx, crisis, clock):
    a, b = _log(ctx, crisis.id, clock)
    before = len(audit.list_records(ctx.store))
    data = gather_log(ctx, crisis.id)
    assert len(audit.list_records(ctx.store)) == before + 1  # the export is audited
    parsed = json.loads(to_json(data))
    first = next(e for e in parsed["entries"] if e["id"] == a.id)
    assert [v["text"] for v in first["versions"]] == ["Drie gewonden Marktplein",
                                                      "Vier gewonden Marktplein"]
    rows = list(csv.DictReader(io.StringIO(to_csv(data).decode("utf-8-sig")), delimiter=";"))
    kinds = [r["record"] for r in rows]
    assert kinds.count("entry") == 2 and kinds.count("version") == 3
    assert kinds.count("assessment") == 4 and kinds.count("link") == 1
    text = _pdf_text(to_pdf(data))
    assert "Drie gewonden" in text and "Vier gewonden" in text and "telling GHOR" in text
    assert "OEFENING" not in text


def test_export_lists_attachments_with_their_hash(ctx, crisis, clock):
    import hashlib

    photo = b"\x89PNG-foto van de loods"
    entry = add_entry(ctx, crisis.id, "Brand in loods", "burger",
                      attachments=[Attachment("loods.png", photo, "image/png")])
    clock.advance(minutes=1)
    attach_to_entry(ctx, entry.id, [Attachment("verslag.txt", b"x" * 3000)])
    data = gather_log(ctx, crisis.id)
    files = data["entries"][0]["attachments"]
    assert [(f["filename"], f["mime"], f["size"]) for f in files] == [
        ("loods.png", "image/png", len(photo)), ("verslag.txt", None, 3000)]
    assert files[0]["sha256"] == hashlib.sha256(photo).hexdigest()
    assert "data" not in files[0]  # the files themselves stay in the database
    rows = list(csv.DictReader(io.StringIO(to_csv(data).decode("utf-8-sig")), delimiter=";"))
    listed = [r for r in rows if r["record"] == "attachment"]
    assert [(r["text"], r["size"], r["sha256"]) for r in listed] == [
        ("loods.png", str(len(photo)), files[0]["sha256"]),
        ("verslag.txt", "3000", files[1]["sha256"])]
    text = _pdf_text(to_pdf(data))
    assert "Bijlage: loods.png" in text and "verslag.txt" in text and "3 kB" in text


def test_pdf_marks_an_exercise(ctx, clock):
    exercise = open_crisis(ctx, "Oefening hoogwater", "Waalbergen", exercise=True)
    add_entry(ctx, exercise.id, "Dijk verzadigd", "veiligheidsregio")
    text = _pdf_text(to_pdf(gather_log(ctx, exercise.id)))
    assert "OEFENING" in text


def test_sources_list_is_editable(ctx):
    assert [s.id for s in list_sources(ctx.store)][:2] == ["politie", "brandweer"]
    org = add_source(ctx, "Rijkswaterstaat Oost")
    assert org.id == "rijkswaterstaat_oost" and org in list_sources(ctx.store)
    assert typed_source(ctx.store, "rijkswaterstaat oost") == (org.id, None)
    assert typed_source(ctx.store, "Politie") == ("politie", None)
    new_id, new = typed_source(ctx.store, "Waterschap Rivierenland")
    assert new_id == new.id == "waterschap_rivierenland" and new not in list_sources(ctx.store)
    with pytest.raises(EntryInvalid):
        add_source(ctx, "Rijkswaterstaat Oost")


def test_position_of_matches_the_list(ctx, crisis, clock):
    ids = []
    for i in range(12):
        clock.advance(minutes=1)
        ids.append(add_entry(ctx, crisis.id, f"melding {i}", "politie" if i % 2 else "burger").id)
    flt = LogFilter(source=("politie",))
    listed = list_entries(ctx.store, crisis.id, flt, limit=50)
    for row, entry in enumerate(listed):
        assert position_of(ctx.store, crisis.id, flt, "occurred", True,
                           (entry.occurred_at, entry.rowid)) == row
    ascending = list_entries(ctx.store, crisis.id, flt, limit=50, descending=False)
    assert position_of(ctx.store, crisis.id, flt, "occurred", False,
                       (ascending[3].occurred_at, ascending[3].rowid)) == 3


def test_hostile_attachment_names_are_shown_safe_in_history_and_every_export(ctx, crisis):
    raw = "factuur\u202egpj.exe"
    entry = add_entry(ctx, crisis.id, "Bijlage van buiten", "burger",
                      attachments=[Attachment(raw, b"MZ")])
    added = attach_to_entry(ctx, entry.id, [Attachment("CON", b"x"),
                                            Attachment("regel\x07\u2066.txt. ", b"y")])
    assert [a["filename"] for a in added] == ["_CON", "regel.txt"]
    listed = history_json(ctx.store, entry.id)["attachments"]
    assert [a["filename"] for a in listed] == ["factuurgpj.exe", "_CON", "regel.txt"]
    assert listed[0]["filename_as_received"] == "factuur<U+202E>gpj.exe"
    data = gather_log(ctx, crisis.id)
    exported = json.loads(to_json(data))["entries"][0]["attachments"]
    assert [a["filename"] for a in exported] == ["factuurgpj.exe", "_CON", "regel.txt"]
    csv_text = to_csv(data).decode("utf-8-sig")
    pdf_text = _pdf_text(to_pdf(data))
    for text in (csv_text, pdf_text, to_json(data).decode("utf-8")):
        assert "\u202e" not in text and "\u2066" not in text and "\x07" not in text
    assert "factuurgpj.exe" in csv_text and "factuurgpj.exe" in pdf_text


def test_csv_bytes_are_one_bom_crlf_rows_and_utf8_throughout(ctx, crisis, clock):
    """The CSV is encoded as it is written (issue 19): the bytes are still one UTF-8 BOM, rows
    ending in CRLF, a line break inside a cell kept inside its quotes, and every character."""
    text = "Regel één\nregel twee: ✓ Ωmega 🚒 " + "x" * 19_000  # past the stream's buffer
    add_entry(ctx, crisis.id, text, "brandweer")
    content = to_csv(gather_log(ctx, crisis.id))
    assert content.startswith(b"\xef\xbb\xbf") and content.count(b"\xef\xbb\xbf") == 1
    assert content.endswith(b"\r\n")
    decoded = content.decode("utf-8-sig")
    assert decoded.splitlines()[0].startswith("entry_id;record;record_id")
    rows = list(csv.DictReader(io.StringIO(decoded, newline=""), delimiter=";"))
    assert decoded.count("\r\n") == len(rows) + 1  # the cell's own break stays "\n"
    assert next(r for r in rows if r["record"] == "entry")["text"] == text


def test_release_empties_the_list_in_place():
    from crisisconsole.interchange.log_export import SLICE, release

    rows = [{"n": n} for n in range(3 * SLICE + 7)]
    held = rows
    release(rows)
    assert held == [] and rows is held
