"""Every PDF the app makes, and every snapshot, names the audit chain's head it was made from
("Auditketen #seq · first 16 hex"), so a paper copy can be matched to the chain and an anchor."""

from __future__ import annotations

import io
import json

import pypdf
import pytest

from crisisconsole.interchange.log_export import to_pdf
from crisisconsole.services.cards import person_cards as cards
from crisisconsole.services.cards.export import export_card_pdf
from crisisconsole.services.foundation import audit
from crisisconsole.services.log.entries import add_entry
from crisisconsole.services.log.export_data import gather_log
from crisisconsole.services.measures import lifecycle as measures
from crisisconsole.services.measures.letters import write_letter
from crisisconsole.services.picture.export import export_snapshot
from crisisconsole.services.picture.snapshots import get_snapshot, take_snapshot


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _head(store) -> tuple[int, str]:
    last = audit.list_records(store, limit=1)[0]
    return last["seq"], last["hash"]


def _label(head: tuple[int, str]) -> str:
    return f"Auditketen #{head[0]} · {head[1][:16]}"


@pytest.fixture
def filled(ctx, crisis):
    add_entry(ctx, crisis.id, "Brand in loods aan de Haven", "burger")
    return crisis


def test_log_pdf_names_the_head_it_was_read_at(ctx, store, filled):
    head = _head(store)
    data = gather_log(ctx, filled.id)  # the export's own audit record comes after
    assert data["chain"] == {"seq": head[0], "hash": head[1]}
    assert _head(store)[0] == head[0] + 1
    assert _label(head) in _text(to_pdf(data))


def test_letter_pdf_names_the_head(ctx, store, filled, tmp_path):
    ordinance = measures.issue_measure(ctx, filled.id, "noodverordening", "Centrum")
    head = _head(store)
    write_letter(ctx, ordinance.id, "raad", tmp_path / "raad.pdf")
    assert _label(head) in _text((tmp_path / "raad.pdf").read_bytes())


def test_card_pdf_names_the_head(ctx, store, filled, tmp_path):
    made = cards.add_card(ctx, filled.id, "Fatima el Amrani", role_in_crisis="organisator")
    head = _head(store)
    out = export_card_pdf(ctx, made.id, tmp_path / "kaart.pdf", "briefing burgemeester")
    assert _label(head) in _text(out.read_bytes())


def test_snapshot_keeps_the_head_and_its_pdf_prints_it(ctx, store, filled, tmp_path):
    head = _head(store)
    info = take_snapshot(ctx, filled.id)
    snap = get_snapshot(store, info.id)
    assert snap.intact and snap.picture["chain"] == {"seq": head[0], "hash": head[1]}
    out = export_snapshot(ctx, info.id, "pdf", tmp_path / "beeld.pdf")
    assert _label(head) in _text(out.read_bytes())
    exported = export_snapshot(ctx, info.id, "json", tmp_path / "beeld.json")
    assert json.loads(exported.read_text())["picture"]["chain"]["seq"] == head[0]
