"""Spreadsheet/CSV/JSON import through the service: mapping memory, preview, bad rows skipped or
the file refused, idempotent re-import, never a crash on malformed CSV."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisconsole.errors import ValidationError
from crisisconsole.interchange.table_import import layout_key, read_table
from crisisconsole.services.foundation import audit
from crisisconsole.services.intake import preferences as intake_settings
from crisisconsole.services.intake.table import import_table, initial_mapping, preview_table
from crisisconsole.services.log.queries import list_entries, raw_facts

CSV = (
    "Tijdstip;Bron;Melding;Betrouwbaarheid;Locatie;Discipline\n"
    "29-11-2026 10:15;Politie;Groep jongeren bij station;;Stationsplein;Politie\n"
    "29-11-2026 10:20;Brandweer;Containerbrand;bevestigd;Marktplein;Brandweer\n"
    "gisteren;Burger;Rook gezien;;;\n"
    "29-11-2026 10:40;GHOR;Twee gewonden;ontkracht;Kerkstraat;Geneeskundige zorg\n"
    "29-11-2026 10:45;;Zonder bron;;;\n"
)
MAPPING = {"Tijdstip": "occurred_at", "Bron": "source", "Melding": "text",
           "Betrouwbaarheid": "reliability", "Locatie": "location", "Discipline": "discipline"}


def write(tmp_path, text: str, name: str = "log.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_refuse_is_the_default_and_names_the_rows(ctx, crisis, tmp_path):
    item = import_table(ctx, crisis.id, write(tmp_path, CSV), MAPPING)
    assert item.status == "refused" and item.entries == ()
    assert "rij 4, 6" in item.reason
    assert [p.row for p in item.skipped_rows] == [4, 6]
    assert list_entries(ctx.store, crisis.id) == []


def test_skip_imports_the_good_rows_with_tags(ctx, crisis, tmp_path):
    item = import_table(ctx, crisis.id, write(tmp_path, CSV, encoding="cp1252"), MAPPING,
                        on_error="skip")
    assert (item.status, item.added) == ("imported", 3)
    assert "overgeslagen" in item.reason
    entries = {e.text: e for e in list_entries(ctx.store, crisis.id)}
    assert entries["Containerbrand"].reliability == "confirmed"
    assert entries["Twee gewonden"].reliability == "refuted"
    assert entries["Twee gewonden"].discipline == "ghor"
    assert entries["Groep jongeren bij station"].origin_kind == "table"
    assert entries["Groep jongeren bij station"].occurred_at.isoformat() == "2026-11-29T09:15:00+00:00"
    extra = json.loads(raw_facts(ctx.store, entries["Containerbrand"].id).entry["extra_json"])
    assert extra == {"file": "log.csv", "row": 3}
    assert audit.verify(ctx.store).ok


def test_reimport_adds_only_new_rows(ctx, crisis, tmp_path):
    path = write(tmp_path, CSV)
    import_table(ctx, crisis.id, path, MAPPING, on_error="skip")
    again = import_table(ctx, crisis.id, path, MAPPING, on_error="skip")
    assert again.status == "duplicate" and again.entries == ()
    longer = write(tmp_path, CSV + "29-11-2026 11:00;Politie;Rust keert terug;;;\n", "v2.csv")
    item = import_table(ctx, crisis.id, longer, MAPPING, on_error="skip")
    assert (item.status, item.added) == ("imported", 1) and "3 al aanwezig" in item.reason


def test_mapping_is_remembered_per_layout(ctx, crisis, tmp_path):
    path = write(tmp_path, "Wanneer?;Wie;Wat\n29-11-2026 10:15;Politie;Iets\n")
    table = read_table(path.read_bytes(), path.name)
    mapping, remembered = initial_mapping(table.columns)
    assert not remembered
    chosen = {"Wanneer?": "occurred_at", "Wie": "source", "Wat": "text"}
    assert import_table(ctx, crisis.id, path, chosen).status == "imported"
    assert intake_settings.remembered_mapping(layout_key(table.columns)) == chosen
    mapping, remembered = initial_mapping(("Wat", "Wie", "Wanneer?"))  # same layout, reordered
    assert remembered and mapping == chosen
    # Without --map the remembered mapping is used.
    other = write(tmp_path, "Wanneer?;Wie;Wat\n29-11-2026 10:20;Politie;Nog iets\n", "b.csv")
    assert import_table(ctx, crisis.id, other, None).added == 1


def test_preview_shows_parsed_values_and_errors(ctx, crisis, tmp_path, clock):
    table = read_table(CSV.encode(), "log.csv")
    preview = preview_table(table, "log.csv", clock.now(), MAPPING)
    assert preview.total_rows == 5 and preview.good_rows == 3 and preview.mapping_error is None
    first = preview.rows[0]
    assert first.row == 2 and first.parsed["occurred_at"] == "29-11-2026 10:15"
    assert first.parsed["reliability"] == "Van horen zeggen"
    assert preview.rows[2].errors and not preview.rows[2].parsed
    incomplete = preview_table(table, "log.csv", clock.now(), {"Melding": "text"})
    assert incomplete.mapping_error and incomplete.good_rows == 0


def test_xlsx_and_json(ctx, crisis, tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Tijd", "Bron", "Tekst"])
    sheet.append([datetime(2026, 11, 29, 10, 15), "Politie", "Uit Excel"])
    buffer = io.BytesIO()
    book.save(buffer)
    xlsx = tmp_path / "log.xlsx"
    xlsx.write_bytes(buffer.getvalue())
    mapping = {"Tijd": "occurred_at", "Bron": "source", "Tekst": "text"}
    assert import_table(ctx, crisis.id, xlsx, mapping).added == 1
    data = json.dumps([{"Tijd": "2026-11-29T10:30:00+01:00", "Bron": "Brandweer",
                        "Tekst": "Uit JSON"}]).encode()
    assert import_table(ctx, crisis.id, None, mapping, data=data, name="log.json").added == 1


def test_unreadable_files_and_bad_choices(ctx, crisis, tmp_path):
    assert import_table(ctx, crisis.id, write(tmp_path, "", "e.csv"), MAPPING).status == "refused"
    assert "onbekend" in import_table(ctx, crisis.id, write(tmp_path, "x", "a.doc"),
                                      MAPPING).reason
    item = import_table(ctx, crisis.id, write(tmp_path, CSV), {"Melding": "text"})
    assert item.status == "refused" and "occurred_at" in item.reason
    with pytest.raises(ValidationError):
        import_table(ctx, crisis.id, write(tmp_path, CSV), MAPPING, on_error="maybe")


_CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_CELL, min_size=0, max_size=5), max_size=6),
       st.sampled_from([";", ",", "\t", '"']), st.sampled_from(["refuse", "skip"]))
def test_malformed_csv_never_crashes_the_importer(ctx, crisis, rows, separator, on_error):
    text = "Tijdstip;Bron;Melding\n" + "\n".join(separator.join(r) for r in rows)
    item = import_table(ctx, crisis.id, None, {"Tijdstip": "occurred_at", "Bron": "source",
                                               "Melding": "text"},
                        data=text.encode("utf-8", "surrogatepass"), name="x.csv",
                        on_error=on_error, remember=False)
    assert item.status in ("imported", "refused", "duplicate")
    assert item.reason and "\n" not in item.reason
