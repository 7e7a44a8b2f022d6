"""Letters from the measure record: written, hashed and recorded; the .ics corpus through the
service: every file of the icalendar wheel imports whole or is refused with nothing written."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import icalendar
import pypdf
import pytest
from sqlalchemy import func, select

from crisisconsole.errors import ValidationError
from crisisconsole.interchange.ical_council import IcsRefused
from crisisconsole.services.foundation import settings_facts
from crisisconsole.services.foundation.crises import open_crisis
from crisisconsole.services.measures import council
from crisisconsole.services.measures import lifecycle as measures
from crisisconsole.services.measures.letters import write_letter
from crisisconsole.services.measures.views import show_measure
from crisisconsole.store.tables import measures as t


def test_letter_is_written_and_recorded(qapp, ctx, store, tmp_path):
    crisis = open_crisis(ctx, "Oefening", "Waalbergen", exercise=True)
    nv = measures.issue_measure(ctx, crisis.id, "noodverordening", "Noodverordening centrum")
    out = tmp_path / "brieven" / "raad.pdf"
    result = write_letter(ctx, nv.id, "raad", out)
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    text = pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "OEFENING" in text
    assert show_measure(store, nv.id).as_json()["letters"][0]["party"] == "raad"
    with pytest.raises(ValidationError, match="niet ingetrokken"):
        write_letter(ctx, nv.id, "cdk", tmp_path / "x.pdf", purpose="withdrawal")
    measures.withdraw(ctx, nv.id)
    with pytest.raises(ValidationError, match="--parket"):  # asked once, not guessed
        write_letter(ctx, nv.id, "ovj", tmp_path / "ovj.pdf")
    settings_facts.set_values(ctx, {settings_facts.PARKET: "Oost-Nederland"})
    assert write_letter(ctx, nv.id, "ovj", tmp_path / "ovj.pdf").purpose == "withdrawal"
    text = " ".join(pypdf.PdfReader(io.BytesIO((tmp_path / "ovj.pdf").read_bytes()))
                    .pages[0].extract_text().split())
    assert "arrondissementsparket Oost-Nederland" in text


CORPUS = sorted((Path(icalendar.__file__).parent / "tests").rglob("*.ics"))


def test_icalendar_corpus_imports_or_is_refused_whole(ctx, store):
    assert len(CORPUS) > 50
    imported = refused = 0

    def count() -> int:
        with store.read() as conn:
            return conn.execute(select(func.count()).select_from(t.council_meeting)).scalar()

    for path in CORPUS:
        before = count()
        try:
            council.import_ics(ctx, council.read_ics_file(path), seats=29)
            imported += 1
        except IcsRefused as error:
            assert error.message and "\n" not in error.message, path.name
            assert count() == before, path.name
            refused += 1
    assert imported > 10 and refused > 10


def test_noodbevel_note_to_the_council(ctx, crisis, tmp_path):
    import unicodedata

    bevel = measures.issue_measure(ctx, crisis.id, "noodbevel", "Bevel Marktplein")
    out = tmp_path / "raad.pdf"
    write_letter(ctx, bevel.id, "raad", out)
    text = " ".join(unicodedata.normalize(
        "NFKC", pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()).split())
    assert "het noodbevel" in text and "de noodbevel" not in text
    assert "artikel 175, eerste lid, van de Gemeentewet" in text and "heb gegeven" in text
    assert "ter kennisname" in text
