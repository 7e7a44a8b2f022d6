"""Exporting a card to PDF: marked confidential, facts with source and legal basis, audited."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from crisisconsole.errors import ValidationError
from crisisconsole.services.cards import person_cards as cards
from crisisconsole.services.cards.export import export_card_pdf, print_card
from crisisconsole.services.foundation import audit
from crisisconsole.services.foundation.crises import open_crisis

# Rendering needs a Qt application; let pytest-qt make the QApplication, so the offscreen
# QGuiApplication the renderer would otherwise create does not trouble later widget tests.
pytestmark = pytest.mark.usefixtures("qapp")


def _card(ctx, crisis_id):
    made = cards.add_card(ctx, crisis_id, "Fatima el Amrani", role_in_crisis="organisator")
    cards.add_fact(ctx, made.id, "Meldt demonstratie aan voor zaterdag", source_org="Gemeente",
                   channel="own_observation", legal_basis="art. 6 lid 1 sub e AVG",
                   purpose="voorbereiding demonstratie", question="expected_actions",
                   no_onward_sharing=True)
    cards.add_fact(ctx, made.id, "Eerder betrokken bij blokkade A12", source_org="OM Oost",
                   channel="wjsg39f", legal_basis="Wjsg art. 39f", purpose="openbare orde",
                   grade="C3", question="background")
    return made


def _text(path):
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(text.replace("\t", " ").split())


def test_export_is_marked_and_audited(store, ctx, crisis, tmp_path):
    made = _card(ctx, crisis.id)
    out = export_card_pdf(ctx, made.id, tmp_path / "kaart.pdf", "briefing burgemeester")
    text = _text(out)
    assert "VERTROUWELIJK — persoonsgegevens" in text
    assert "Fatima el Amrani" in text
    for expected in ("Gemeente", "art. 6 lid 1 sub e AVG", "OM Oost", "Wjsg art. 39f",
                     "niet verder verstrekken", "Te verwachten acties", "C3"):
        assert expected in text, expected
    assert "OEFENING" not in text
    exports = [r for r in audit.list_records(store, "card") if r["action"] == "card.export"]
    assert [(r["object_id"], r["result"]) for r in exports] == [(made.id, "ok")]
    assert not list(tmp_path.glob("*.partial"))
    with pytest.raises(ValidationError, match="bestaat al"):
        export_card_pdf(ctx, made.id, out, "nog eens")
    assert audit.verify(store).ok


def test_exercise_is_marked_and_purpose_required(store, ctx, tmp_path):
    exercise = open_crisis(ctx, "Oefening", "Waalbergen", exercise=True)
    made = _card(ctx, exercise.id)
    with pytest.raises(ValidationError, match="doel"):
        export_card_pdf(ctx, made.id, tmp_path / "a.pdf", None)
    assert not (tmp_path / "a.pdf").exists()
    assert "OEFENING" in _text(export_card_pdf(ctx, made.id, tmp_path / "b.pdf", "oefenen"))
    results = [r["result"] for r in audit.list_records(store, "card")
               if r["action"] == "card.export"]
    assert results == ["refused", "ok"]


def test_print_is_audited(store, ctx, crisis):
    made = _card(ctx, crisis.id)
    view, html = print_card(ctx, made.id, "uitdraai voor GBT")
    assert "VERTROUWELIJK" in html and view.id == made.id
    assert [r["action"] for r in audit.list_records(store, "card")][-1] == "card.print"
