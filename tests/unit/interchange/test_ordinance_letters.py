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
                meeting_start=T0 + timedelta(days=5))
    return LetterData(**{**base, **kwargs})


def test_raad_letter_text(qapp) -> None:
    (page,) = text_of(letter_pdf(data()))
    assert "De gemeenteraad van Waalbergen" in page
    assert "29 november 2026 om 19:05 uur" in page  # local time
    assert "artikel 176 van de Gemeentewet" in page
    assert "ter bekrachtiging" in page and "4 december 2026" in page
    assert "De burgemeester van Waalbergen" in page and "Gemeente Gemeente" not in page
    assert "OEFENING" not in page and "Pagina 1 van 1" in page


@pytest.mark.parametrize(("party", "words"), [
    (Party.CDK, "De commissaris van de Koning"),
    (Party.OVJ, "De hoofdofficier van justitie"),
])
def test_cdk_and_ovj_exercise_letters(qapp, party: Party, words: str) -> None:
    (page,) = text_of(letter_pdf(data(party=party, exercise=True)))
    assert words in page and "artikel 176, derde lid" in page
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
