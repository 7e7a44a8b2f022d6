"""The one-parse path (libxml2 builds the tree the schema check also reads) answers only for
plain UTF-8 documents without a DTD, and then gives the tree the defused expat parser gives;
everything else (hostile or merely unusual) is left to ``parse_untrusted``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisisconsole.interchange import cap_schema, cap_xml
from crisisconsole.interchange.cap_parse import CapRefused, parse_cap_container
from crisisconsole.interchange.xml_defused import parse_untrusted, parse_untrusted_lxml

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cap"
NS = "urn:oasis:names:tc:emergency:cap:1.2"


def _shape(element):
    tag = element.tag if element.tag.startswith("{") or "}" not in element.tag \
        else "{" + element.tag
    return (tag, dict(element.attrib), element.text, element.tail,
            [_shape(child) for child in element])


@pytest.mark.parametrize("data", [
    b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
    b'<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>',
    b'<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY % p "x">]><a/>',
    b'\xef\xbb\xbf<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
    # the same declarations in encodings a byte search could not see through
    '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'.encode("utf-16"),
    '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'.encode("utf-16-le"),
    '<?xml version="1.0" encoding="UTF-16"?><a>&#65;</a>'.encode("utf-16-le"),
    b'<?xml version="1.0" encoding="UTF-16"?><a/>',
    b'<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\xe9</a>',
    b'<?xml version="1.1"?><a/>',
    '<?xml version="1.0" encoding="utf8"?><a>café</a>'.encode(),  # expat refuses the é
    b'<a>&x;</a>', b'<a><b></a>', b'', b'   ', b'<a>caf\xe9</a>', b'<p:a/>',
    b'<a>' * 300 + b'</a>' * 300,  # deeper than libxml2's limit: expat decides
])
def test_hostile_unusual_or_broken_bytes_are_left_to_the_expat_parser(data: bytes) -> None:
    assert parse_untrusted_lxml(data) is None


def test_billion_laughs_fixture_is_never_handed_to_libxml2() -> None:
    assert parse_untrusted_lxml((FIXTURES / "billion_laughs.cap").read_bytes()) is None
    assert parse_untrusted_lxml((FIXTURES / "xxe.cap").read_bytes()) is None


def test_tree_matches_the_expat_tree() -> None:
    data = (f'<?xml version="1.0" encoding="UTF-8"?><alert xmlns="{NS}" a="1">'
            '<identifier>X &amp; Y &#233;</identifier><plain xmlns="" b="2">tekst <i>é</i> '
            'staart</plain>x<!-- commentaar -->y<?pi iets?><![CDATA[<z>]]></alert>').encode()
    root = parse_untrusted_lxml(data)
    assert root is not None and root.tag == "{" + NS + "}alert"
    assert _shape(root) == _shape(parse_untrusted(data))


_fragments = st.one_of(
    st.sampled_from([
        b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="utf-8"?>', b"\xef\xbb\xbf",
        b'<?xml version="1.0" encoding="utf8"?>', b'<?xml version="1.0" encoding="UTF-16"?>',
        b"<?xml version='1.0' encoding='latin-1' standalone='no'?>", b'<?xml version="1.1"?>',
        b'<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">', b"</alert>", b"<a>", b"</a>",
        b'<p:b xmlns:p="u">', b"</p:b>", b"<!DOCTYPE a [<!ENTITY x 'y'>]>", b"&x;", b"&amp;",
        b"&#233;", b"<![CDATA[", b"]]>", b"<!--", b"-->", b"<?pi", b"?>", b"\r\n", b" c='1'",
        b"\xff\xfe", b"\xc3", b"\xc3\xa9", b"\x00", b"<", b">", b"=", b'"',
    ]),
    st.binary(max_size=8),
    st.text(max_size=8).map(lambda s: s.encode("utf-8", "surrogatepass")),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_fragments, max_size=25).map(b"".join))
def test_accepts_only_what_expat_accepts_with_the_same_tree(data: bytes) -> None:
    root = parse_untrusted_lxml(data)
    if root is not None:
        assert _shape(root) == _shape(parse_untrusted(data))


@pytest.mark.parametrize("name", ["valid_12.cap", "valid_11.cap", "edxlde.xml", "update.cap",
                                  "cancel.cap", "schema_invalid.cap"])
def test_cap_alerts_read_once_are_the_alerts_read_twice(name: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / name).read_bytes()
    assert parse_untrusted_lxml(data) is not None
    once = parse_cap_container(data)
    monkeypatch.setattr(cap_xml, "parse_untrusted_lxml", lambda _data: None)
    assert parse_cap_container(data) == once


def test_plain_alert_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    def again(*_args: object) -> None:
        raise AssertionError("parsed a second time")

    monkeypatch.setattr(cap_xml, "parse_untrusted", again)  # the expat tree
    monkeypatch.setattr(cap_schema, "_lxml_parser", again)  # the schema check's own parse
    [alert] = parse_cap_container((FIXTURES / "valid_12.cap").read_bytes())
    assert alert.violations == ()


@pytest.mark.parametrize("name", ["billion_laughs.cap", "xxe.cap"])
def test_hostile_fixtures_still_refused_with_the_dtd_reason(name: str) -> None:
    with pytest.raises(CapRefused, match="DTD"):
        parse_cap_container((FIXTURES / name).read_bytes())


@pytest.mark.parametrize("declaration", [
    b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="UTF-8"?>',
    b"<?xml version='1.0' encoding='Utf-8' standalone='yes'?>", b"\xef\xbb\xbf<?xml version='1.0'?>",
])
def test_utf8_declarations_take_the_one_parse_path_as_expat_reads_them(declaration: bytes) -> None:
    data = declaration + "<a>café</a>".encode()
    root = parse_untrusted_lxml(data)
    assert root is not None and _shape(root) == _shape(parse_untrusted(data))
