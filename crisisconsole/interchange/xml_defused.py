"""Untrusted XML into an element tree: defusedxml's hardened parser, the C tree builder's speed.

defusedxml's parser refuses DTDs, entity declarations and external references through its own
handlers on the expat parser; those stay exactly as defusedxml sets them. Its element callbacks,
however, are ElementTree's pure-Python ones, which cost as much as expat's whole parse. Here
expat hands each element straight to the C ``TreeBuilder`` instead.

The one visible difference from ``defusedxml.ElementTree.fromstring``: a namespaced tag reads
``uri}local`` (expat's own form, see ``expat_tag``), not ``{uri}local``. Tags without a
namespace read the same.

``parse_untrusted_lxml`` is the one-parse path for the common case (a plain UTF-8 document
without a DTD): libxml2 builds a tree that also serves the schema check, so the bytes are not
parsed twice. It only ever answers for bytes expat would accept the same way; for anything
else it gives None and ``parse_untrusted`` decides, with its own refusals.
"""

from __future__ import annotations

import re
import threading
from typing import Any
from xml.etree.ElementTree import Element, TreeBuilder

from defusedxml.ElementTree import DefusedXMLParser

# Fed in pieces: expat holds the GIL for a whole feed, and another thread (the importer's
# writer) should not wait for a whole large file to get it back.
FEED_BYTES = 16_384


def expat_tag(namespace: str, local: str) -> str:
    """The tag ``parse_untrusted`` gives an element ``local`` in ``namespace``."""
    return f"{namespace}}}{local}"


def parse_untrusted(data: bytes) -> Element:
    """The root element; raises what ``defusedxml.ElementTree.fromstring(data,
    forbid_dtd=True)`` raises (ParseError, DTDForbidden, EntitiesForbidden, ...)."""
    builder = TreeBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    expat = parser.parser
    expat.ordered_attributes = False  # attributes arrive as the dict TreeBuilder.start takes
    expat.StartElementHandler = builder.start
    expat.EndElementHandler = builder.end
    view = memoryview(data)
    for start in range(0, len(view), FEED_BYTES):
        parser.feed(view[start:start + FEED_BYTES])
    return parser.close()


# ---------------------------------------------------------------------------------------------
# One parse for both the tree and the schema check (libxml2 through lxml), for the common case.

_XML_DECLARATION = re.compile(
    rb"""<\?xml\s+version\s*=\s*["']1\.0["']"""
    rb"""(?:\s+encoding\s*=\s*["'](?P<encoding>[A-Za-z0-9._-]+)["'])?"""
    rb"""(?:\s+standalone\s*=\s*["'](?:yes|no)["'])?\s*\?>""")
# Only this spelling: expat reads "utf8" through a single-byte fallback and refuses é.
_UTF8 = frozenset({b"utf-8"})
_UTF8_BOM = b"\xef\xbb\xbf"
_lxml_parsers = threading.local()


def _lxml_parser() -> Any:
    """A per-thread libxml2 parser (its error log is per parser) that reads UTF-8 only, never
    loads a DTD, never substitutes an entity, never goes on the network, keeps libxml2's size
    and depth limits (no ``huge_tree``), and leaves comments and processing instructions out
    (as the tree builder above does)."""
    parser = getattr(_lxml_parsers, "parser", None)
    if parser is None:
        from lxml import etree

        parser = _lxml_parsers.parser = etree.XMLParser(
            encoding="utf-8", resolve_entities=False, no_network=True, load_dtd=False,
            dtd_validation=False, huge_tree=False, remove_comments=True, remove_pis=True,
            recover=False)
    return parser


def parse_untrusted_lxml(data: bytes) -> Any | None:
    """The root (an lxml element, tags ``{uri}local``) of a plain UTF-8 XML 1.0 document
    without a document type declaration, or None for anything else: then ``parse_untrusted``
    must read the bytes, and it refuses or accepts them as always.

    The guarantees are made before libxml2 sees a byte, not left to its options: the bytes
    must be UTF-8 (no UTF-16/32 byte order mark, no other encoding declared; the parser is
    told UTF-8 and ignores any declaration), so ``<!DOCTYPE`` can only appear as those bytes,
    and a document containing them is not handed over at all. Without a DTD there is nothing
    to declare an entity, load or fetch: a reference to an undeclared entity is an error.
    Every error and every warning libxml2 reports (XML 1.1, namespace slips, …) also gives
    None, so this path only ever accepts what expat accepts too, and the tree it gives has
    the same text (tests/unit/interchange/test_xml_defused_lxml.py compares them)."""
    from lxml import etree

    body = data[3:] if data.startswith(_UTF8_BOM) else data
    if b"<!DOCTYPE" in body or not body.lstrip().startswith(b"<"):
        return None
    if body.startswith(b"<?xml"):
        declaration = _XML_DECLARATION.match(body)
        encoding = declaration.group("encoding") if declaration else b""
        if declaration is None or (encoding is not None and encoding.lower() not in _UTF8):
            return None
    parser = _lxml_parser()
    try:
        root = etree.fromstring(body, parser)
    except (etree.Error, ValueError):
        return None
    if len(parser.error_log) or root.getroottree().docinfo.internalDTD is not None:
        return None
    return root
