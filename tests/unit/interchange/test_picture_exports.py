"""Exports of a picture snapshot: the PDF holds every section (text extracted with pypdf), the
EDXL-SitRep document is well-formed with the required elements, persons stay masked."""

import io
import sys
import unicodedata
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET

from crisisconsole.domain.picture import build_picture, with_version
from crisisconsole.domain.picture_topics import EXPORT_ORDER, section_titles
from crisisconsole.interchange.picture_edxl import NS, sitrep_xml
from crisisconsole.interchange.picture_text import picture_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "domain"))
from picture_helpers import make_input  # noqa: E402

REQUIRED = ("MessageID", "PreparedBy", "AuthorizedBy", "ReportPurpose", "ReportNumber",
            "ReportVersion", "ForTimePeriod", "ReportTitle", "IncidentID",
            "IncidentLifecyclePhase", "Urgency", "ReportConfidence", "Severity", "ActionPlan",
            "NextContact", "ManagementReportSummary")


@pytest.fixture
def picture():
    return with_version(build_picture(make_input()), 4)


def test_pdf_holds_every_section(qapp, picture):  # qapp first: a QApplication, not a bare GUI app
    pypdf = pytest.importorskip("pypdf")
    from crisisconsole.interchange.picture_pdf import picture_pdf

    data = picture_pdf(picture, "ab" * 32)
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = unicodedata.normalize("NFKC", " ".join(" ".join(
        page.extract_text() for page in reader.pages).split()))  # the ligature "ﬁ" -> "fi"
    titles = section_titles()
    for number, key in enumerate(EXPORT_ORDER, start=1):
        assert f"{number}. {titles[key]}" in text
    for expected in ("OEFENING", "GRIP 3", "versie 4", "Plundering Marktplein", "TE LAAT",
                     "J.d.V. (organisator)", "Pagina 1 van", "Actiehouder", "Raad informeren"):
        assert expected in text, expected


def test_edxl_well_formed_with_required_elements(picture):
    data = sitrep_xml(picture, "msg-1")
    root = SafeET.fromstring(data)
    assert root.tag == f"{{{NS}}}SitRep"
    children = [child.tag.split("}")[1] for child in root]
    assert children == list(REQUIRED)  # schema order
    assert root.findtext(f"{{{NS}}}ReportNumber") == "4"
    assert root.findtext(f"{{{NS}}}ReportVersion") == "Update"
    assert root.findtext(f"{{{NS}}}IncidentID") == "c1"
    assert root.findtext(f"{{{NS}}}Severity") == "Severe"
    assert root.findtext(f"{{{NS}}}ReportTitle").startswith("OEFENING")
    assert b"<!DOCTYPE" not in data
    assert "J.d.V. (organisator)" in data.decode("utf-8")


def test_text_form_for_the_terminal(picture):
    text = picture_text(picture)
    assert "*** OEFENING ***" in text and "TE LAAT" in text
    assert "Plundering Marktplein" in text  # a snapshot from before topics still reads
    assert "#e1" not in text  # no hash ids for a reader
