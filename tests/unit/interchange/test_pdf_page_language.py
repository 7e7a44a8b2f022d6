"""The footer's "Pagina x van n" (issue 13, item 3): the picture, the briefing sheet and the
handover follow the language of the reader; letters to Dutch bodies (raad, CdK, OvJ) stay
Dutch whatever the language, because the language is passed in, never switched globally."""

from __future__ import annotations

import io
from datetime import timedelta

import pypdf
import pytest

from crisisconsole import i18n


def _text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language(None)


@pytest.fixture
def filled(ctx, crisis, clock):
    from crisisconsole.services.log import entries as log

    log.add_entry(ctx, crisis.id, "Groep van ca. 40 personen bij het station", "politie",
                  discipline="politie")
    clock.advance(minutes=10)
    return crisis


def _exports(ctx, crisis, clock):  # noqa: ANN001, ANN202
    from crisisconsole.interchange.handover_render import handover_pdf
    from crisisconsole.interchange.picture_pdf import picture_pdf
    from crisisconsole.interchange.picture_sheet import picture_sheet_pdf
    from crisisconsole.services.picture.handover import build_handover
    from crisisconsole.services.picture.snapshots import live_picture

    picture = live_picture(ctx, crisis.id)
    handover = build_handover(ctx, crisis.id, clock.now() - timedelta(hours=2))
    return {"picture": picture_pdf(picture), "sheet": picture_sheet_pdf(picture),
            "handover": handover_pdf(handover)}


def test_exports_follow_the_language(qapp, ctx, filled, clock, english):
    for name, data in _exports(ctx, filled, clock).items():
        text = _text(data)
        assert "Page 1 of" in text, name
        assert "Pagina" not in text, name


def test_exports_in_dutch_by_default(qapp, ctx, filled, clock):
    for name, data in _exports(ctx, filled, clock).items():
        assert "Pagina 1 van" in _text(data), name


def test_letters_to_dutch_bodies_stay_dutch(qapp, ctx, crisis, tmp_path, english):
    from crisisconsole.services.foundation import settings_facts
    from crisisconsole.services.measures import lifecycle as measures
    from crisisconsole.services.measures.letters import write_letter

    # issue 15: a letter to the CdK or the OvJ names the province and the parket, asked once
    settings_facts.set_values(ctx, {settings_facts.PROVINCE: "Gelderland",
                                    settings_facts.PARKET: "Oost-Nederland"})
    nv = measures.issue_measure(ctx, crisis.id, "noodverordening", "Noodverordening centrum")
    for party in ("raad", "cdk", "ovj"):
        out = tmp_path / f"{party}.pdf"
        write_letter(ctx, nv.id, party, out)
        text = _text(out.read_bytes())
        assert "Pagina 1 van" in text and "Page 1 of" not in text, party
