"""Exports of a picture snapshot: the PDF holds every section (text extracted with pypdf), the
EDXL-SitRep document is well-formed with the required elements, persons stay masked."""

import io
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET

from crisisconsole.domain.picture import build_picture, with_version
from crisisconsole.domain.picture_topics import EXPORT_ORDER, section_titles
from crisisconsole.interchange.picture_edxl import (
    CONFIDENCES,
    HEADER_ORDER,
    LIFECYCLE_PHASES,
    NS,
    REPORT_TYPES,
    REPORT_VERSIONS,
    SEVERITIES,
    URGENCIES,
    sitrep_xml,
)
from crisisconsole.interchange.picture_text import picture_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "domain"))
from picture_helpers import make_input  # noqa: E402

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "edxl" / "sitrep_cs02_expected.xml"
XNL = "urn:oasis:names:tc:emergency:edxl:ciq:1.0:xnl"
DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
DATE_TIME_TAGS = {"timeValue", "fromDateTime", "toDateTime", "nextContact",
                  "incidentStartDateTime"}


def _walk(element, path=""):
    """(path, text) of every element in document order; JSON parameter values as data."""
    here = f"{path}/{element.tag}"
    text = (element.text or "").strip()
    if element.tag.endswith("}value") and text.startswith("{"):
        text = json.loads(text)
    yield here, text
    for child in element:
        yield from _walk(child, here)


@pytest.fixture
def picture():
    return with_version(build_picture(make_input()), 4)


def test_pdf_holds_every_section(qapp, picture):  # qapp first: a QApplication, not a bare GUI app
    import pypdf

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


def test_edxl_matches_the_cs02_fixture_element_by_element(picture):
    """Names, order, enumerations, date-time form and namespaces as in CS02 (the fixture is
    written by hand from the specification and MITRE's serializer; see its comment)."""
    data = sitrep_xml(picture, "msg-4", earlier=["msg-1", "msg-3"])
    got = list(_walk(SafeET.fromstring(data)))
    expected = list(_walk(SafeET.fromstring(FIXTURE.read_bytes())))
    assert [p for p, _ in got] == [p for p, _ in expected]
    for (path, text), (_, want) in zip(got, expected, strict=True):
        assert text == want, path
    assert b"<!DOCTYPE" not in data


def test_edxl_header_rules(picture):
    root = SafeET.fromstring(sitrep_xml(picture, "msg-4"))
    assert root.tag == f"{{{NS}}}sitRep"
    children = [child.tag.split("}")[1] for child in root]
    assert children == [t for t in HEADER_ORDER if t in children]  # CS02 order
    assert children[-1] == "report" and "originatingMessageID" not in children
    report_types = [c.tag.split("}")[1] for c in root.find(f"{{{NS}}}report")]
    assert report_types[:-1] == ["extension"] and report_types[-1] in REPORT_TYPES
    for element in root.iter():
        local = element.tag.split("}")[1]
        assert local[0].islower(), element.tag  # lowerCamelCase throughout
        if local in DATE_TIME_TAGS:
            assert DATE_TIME.match(element.text), (local, element.text)
    assert root.findtext(f"{{{NS}}}reportConfidence") in CONFIDENCES
    assert root.findtext(f"{{{NS}}}severity") in SEVERITIES
    assert root.findtext(f"{{{NS}}}urgency") in URGENCIES
    assert root.findtext(f"{{{NS}}}incidentLifecyclePhase") in LIFECYCLE_PHASES
    names = root.findall(f".//{{{XNL}}}nameElement")
    assert [n.text for n in names] == ["aide", "aide"]
    assert "urn:oasis:names:tc:ciq:xpil:3" not in sitrep_xml(picture, "m").decode()


def test_edxl_report_version_initial_update_final(picture):
    def version(p, **kw):
        return SafeET.fromstring(sitrep_xml(p, "m", **kw)).findtext(f"{{{NS}}}reportVersion")

    assert version(with_version(picture, 1)) == "Initial"
    assert version(picture) == "Update"
    assert version(picture, final=True) == "Final"
    assert version(with_version(picture, 1), final=True) == "Final"
    for value in (version(picture), "Final", "Initial"):
        assert value in REPORT_VERSIONS


def test_edxl_confidence_without_contradictions(picture):
    calm = {**picture, "summary": {**picture["summary"],
                                   "counts": {**picture["summary"]["counts"],
                                              "contradictions": 0, "hearsay": 0}}}
    assert SafeET.fromstring(sitrep_xml(calm, "m")).findtext(
        f"{{{NS}}}reportConfidence") == "HighlyConfident"


def test_text_form_for_the_terminal(picture):
    text = picture_text(picture)
    assert "*** OEFENING ***" in text and "TE LAAT" in text
    assert "Plundering Marktplein" in text  # a snapshot from before topics still reads
    assert "#e1" not in text  # no hash ids for a reader
