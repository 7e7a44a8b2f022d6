"""The notification letters: Dutch text from the measure record, PDF with page numbers, OEFENING
marked plainly on an exercise. Uses pytest-qt's qapp: Qt's fonts need a running application."""

from __future__ import annotations

import io
import unicodedata
from datetime import UTC, datetime, timedelta

import pypdf
import pytest

from crisisconsole.domain.measures import Issuer, MeasureKind, Party
from crisisconsole.interchange.ordinance_letters import LetterData, letter_pdf
from crisisconsole.interchange.pdf_render import PdfOptions, render_pdf

T0 = datetime(2026, 11, 29, 18, 5, tzinfo=UTC)


def text_of(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    # NFKC: Qt typesets ligatures ("ﬃ" in "hoofdofficier"); compare plain letters.
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
            for page in reader.pages]


def data(**kwargs) -> LetterData:  # noqa: ANN003
    base = dict(party=Party.RAAD, purpose="issue", municipality="Gemeente Waalbergen",
                exercise=False, kind=MeasureKind.NOODVERORDENING, issuer=Issuer.BURGEMEESTER,
                title="Noodverordening binnenstad", legal_basis="Gemeentewet art. 176",
                issued_at=T0, letter_date=T0 + timedelta(hours=1), area="Marktplein",
                meeting_start=T0 + timedelta(days=5), province="Gelderland",
                parket="Oost-Nederland", safety_region="Veiligheidsregio Gelderland-Zuid")
    return LetterData(**{**base, **kwargs})


def test_raad_letter_text(qapp) -> None:
    (page,) = text_of(letter_pdf(data()))
    assert "De gemeenteraad van Waalbergen" in page
    assert "29 november 2026 om 19:05 uur" in page  # local time
    # Issue 15: the seven-paragraph text (NGB): lid 1 the power, lid 2 informing, lid 3 lapse.
    assert "op grond van artikel 176, eerste lid, van de Gemeentewet" in page
    assert "kennis overeenkomstig artikel 176, tweede lid, van de Gemeentewet" in page
    assert "Op grond van artikel 176, derde lid, van de Gemeentewet vervalt" in page
    assert "vierde lid" not in page
    assert "ter bekrachtiging" in page and "4 december 2026" in page
    assert "De burgemeester van Waalbergen" in page and "Gemeente Gemeente" not in page
    assert "OEFENING" not in page and "Pagina 1 van 1" in page


@pytest.mark.parametrize(("party", "words"), [
    (Party.CDK, "De commissaris van de Koning in de provincie Gelderland"),
    (Party.OVJ, "De hoofdofficier van justitie hoofd van het arrondissementsparket "
                "Oost-Nederland"),
])
def test_cdk_and_ovj_exercise_letters(qapp, party: Party, words: str) -> None:
    (page,) = text_of(letter_pdf(data(party=party, exercise=True)))
    assert words in page and "artikel 176, tweede lid" in page
    assert page.count("OEFENING") >= 3  # banner, subject, page header
    assert "bekrachtiging" not in page


def test_withdrawal_notice_and_art39(qapp) -> None:
    (page,) = text_of(letter_pdf(data(purpose="withdrawal", withdrawn_at=T0 + timedelta(hours=8),
                                      issuer=Issuer.VOORZITTER_VR)))
    assert "Intrekking noodverordening" in page and "heb ingetrokken" in page
    assert "voorzitter van de veiligheidsregio" in page


def test_long_document_gets_page_numbers(qapp) -> None:
    pages = text_of(render_pdf("<p>regel</p>" * 200, PdfOptions(mark="OEFENING")))
    assert len(pages) > 2
    assert all(f"Pagina {i} van {len(pages)}" in p and "OEFENING" in p
               for i, p in enumerate(pages, 1))


def test_citations_come_from_one_table(qapp, monkeypatch) -> None:
    """One change in letter_citations mends every letter."""
    from crisisconsole.interchange import letter_citations

    monkeypatch.setitem(letter_citations.CITATIONS, "inform",
                        letter_citations.Citation("176", 5))
    for party in Party:
        (page,) = text_of(letter_pdf(data(party=party)))
        assert "kennis overeenkomstig artikel 176, vijfde lid, van de Gemeentewet" in page
    (page,) = text_of(letter_pdf(data(purpose="withdrawal", withdrawn_at=T0 + timedelta(hours=8))))
    assert "artikel 176, zevende lid, van de Gemeentewet" in page


def test_noodbevel_is_given_not_laid_down(qapp) -> None:
    (page,) = text_of(letter_pdf(data(kind=MeasureKind.NOODBEVEL, legal_basis="Gemeentewet art. 175",
                                      title="Noodbevel Stationsplein")))
    assert "het noodbevel “Noodbevel Stationsplein” heb gegeven" in page
    assert "artikel 175, eerste lid, van de Gemeentewet" in page and "vastgesteld" not in page
    (page,) = text_of(letter_pdf(data(kind=MeasureKind.NOODBEVEL, purpose="withdrawal",
                                      withdrawn_at=T0 + timedelta(hours=3),
                                      legal_basis="Gemeentewet art. 175")))
    assert "gegeven op 29 november 2026" in page and "vastgesteld" not in page


def test_chair_of_the_safety_region_writes_on_its_letterhead(qapp) -> None:
    (page,) = text_of(letter_pdf(data(issuer=Issuer.VOORZITTER_VR)))
    head = page.split("De gemeenteraad")[0]
    assert "Veiligheidsregio Gelderland-Zuid" in head and "Gemeente Waalbergen" not in head
    assert "artikel 39 van de Wet veiligheidsregio's" in page
    assert "geen bekrachtiging" in page
    (own,) = text_of(letter_pdf(data()))
    assert own.startswith("Gemeente Waalbergen") and "Veiligheidsregio" not in own


def test_annex_is_the_ordinance_text_or_no_annex_sentence(qapp) -> None:
    (page,) = text_of(letter_pdf(data()))
    assert "bijlage" not in page.lower() and "afschrift" not in page.lower()
    body = "Artikel 1\nHet is verboden zich op te houden op het Marktplein.\nArtikel 2\nSlot."
    pages = text_of(letter_pdf(data(body=body)))
    assert len(pages) == 2 and "als bijlage bij deze brief gevoegd" in pages[0]
    assert pages[1].startswith("Gemeente Waalbergen") or "Bijlage" in pages[1]
    assert "Bijlage: tekst van de noodverordening “Noodverordening binnenstad”" in pages[1]
    assert "verboden zich op te houden op het Marktplein" in pages[1]
    assert "Pagina 2 van 2" in pages[1]


def test_sender_block_names_the_contact(qapp) -> None:
    (page,) = text_of(letter_pdf(data(contact="Kabinet burgemeester, 024 123 45 67")))
    assert "Inlichtingen: Kabinet burgemeester, 024 123 45 67" in page
    assert "De burgemeester" in page.split("De gemeenteraad")[0]


def test_footer_never_runs_into_the_page_number(qapp) -> None:
    from crisisconsole.interchange.pdf_render import fit_footer

    assert fit_footer("kort\nook kort", 100, len, lambda t, w: t[: int(w) - 1] + "…") == [
        "kort", "ook kort"]
    long_title = "Noodverordening " + "zeer lange titel " * 20
    (page,) = text_of(letter_pdf(data(title=long_title.strip())))
    footer = page.rsplit("(handtekening)", 1)[1]
    assert ("…" in footer or "..." in footer) and footer.rstrip().endswith("Pagina 1 van 1")



def test_a_footer_too_long_loses_its_title_not_its_date() -> None:
    from crisisconsole.interchange.pdf_render import fit_footer

    def elide(text, width):
        return text[: int(width) - 1] + "…"

    line = "Kennisgeving noodverordening “Noodverordening binnenstad” · opgesteld 02-12-2026 02:41"
    (fitted,) = fit_footer(line, 60, len, elide)
    assert fitted.endswith(" · opgesteld 02-12-2026 02:41") and "…" in fitted
    assert len(fitted) <= 60
    assert fit_footer("x" * 80, 60, len, elide) == ["x" * 59 + "…"]
