"""The fast defused parser refuses what defusedxml refuses and builds the same tree."""

from __future__ import annotations

from xml.etree.ElementTree import ParseError

import pytest
from defusedxml import DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import fromstring

from crisisconsole.interchange.xml_defused import expat_tag, parse_untrusted

NS = "urn:oasis:names:tc:emergency:cap:1.2"


def _shape(element, fix=lambda tag: tag):
    return (fix(element.tag), dict(element.attrib), element.text, element.tail,
            [_shape(child, fix) for child in element])


def test_tree_matches_defusedxml_apart_from_the_tag_form() -> None:
    data = (f'<?xml version="1.0" encoding="UTF-8"?><alert xmlns="{NS}" a="1">'
            '<identifier>X &amp; Y</identifier><plain xmlns="" b="2">tekst <i>é</i> staart</plain>'
            '<!-- commentaar --><?pi iets?></alert>').encode()
    expected = _shape(fromstring(data, forbid_dtd=True))
    assert _shape(parse_untrusted(data), lambda tag: "{" + tag if "}" in tag else tag) == expected
    root = parse_untrusted(data)
    assert root.tag == expat_tag(NS, "alert") == f"{NS}}}alert"
    assert root[1].tag == "plain" and root[1].attrib == {"b": "2"}


@pytest.mark.parametrize(("data", "error"), [
    (b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', DTDForbidden),
    (b'<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>', DTDForbidden),
    (b'<a>&undefined;</a>', ParseError),
    (b'<a><b></a>', ParseError),
    (b'', ParseError),
])
def test_hostile_or_broken_xml_raises_like_defusedxml(data: bytes, error: type) -> None:
    with pytest.raises(error):
        fromstring(data, forbid_dtd=True)
    with pytest.raises(error):
        parse_untrusted(data)


def test_entity_declarations_are_refused_even_when_dtds_were_allowed() -> None:
    # parse_untrusted always forbids DTDs; the entity handler is defusedxml's second line.
    with pytest.raises((DTDForbidden, EntitiesForbidden)):
        parse_untrusted(b'<!DOCTYPE a [<!ENTITY % p "x">]><a/>')


def test_encoding_declaration_is_honoured() -> None:
    data = '<?xml version="1.0" encoding="windows-1252"?><a>café</a>'.encode("cp1252")
    assert parse_untrusted(data).text == "café"
