"""Untrusted bytes into the root of a CAP file's XML tree, or one clear refusal (``CapRefused``).

A size limit before parsing; then the one-parse path (``xml_defused.parse_untrusted_lxml``: a
plain UTF-8 document without a DTD, read once by libxml2, whose tree also serves the schema
check), or else defusedxml's expat parser with DTDs forbidden (``parse_untrusted``), which
refuses XXE, "billion laughs" and broken XML with the reasons below. Only on the error path
are the bytes looked at again, to tell a wrong encoding apart from broken XML.
"""

from __future__ import annotations

import codecs
import re
from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden

from crisisconsole.errors import ValidationError
from crisisconsole.i18n import tr
from crisisconsole.interchange.xml_defused import parse_untrusted, parse_untrusted_lxml

# expat's own codes for an encoding it cannot handle (multi-byte codecs such as Shift_JIS).
_EXPAT_ENCODING_ERRORS = frozenset({18, 19})  # XML_ERROR_UNKNOWN_ENCODING, INCORRECT_ENCODING
_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class CapRefused(ValidationError, ValueError):
    """A CAP file the console will not import; ``reason`` is one line for the import report."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_xml(data: bytes, max_bytes: int) -> tuple[Any, Any]:
    """The root element, and what the schema check reads: the same tree when libxml2 built
    it (one parse), else the bytes."""
    if not isinstance(data, bytes | bytearray):
        raise CapRefused(tr("geen bestandsinhoud (bytes verwacht)", "not file content"))
    if len(data) > max_bytes:
        raise CapRefused(
            tr(f'bestand te groot (meer dan {max_bytes // 1000} kB)', f"file too large (more than {max_bytes // 1000} kB)")
        )
    if not data.strip():
        raise CapRefused(tr("leeg bestand", "empty file"))
    data = bytes(data)
    root = parse_untrusted_lxml(data)
    if root is not None:
        return root, root
    try:
        return parse_untrusted(data), data
    except (DTDForbidden, EntitiesForbidden):
        raise CapRefused(
            tr("DTD's en entiteiten zijn niet toegestaan (mogelijke XXE-aanval)", "DTDs and entities are not allowed")
        ) from None
    except DefusedXmlException:
        raise CapRefused(
            tr("externe verwijzingen zijn niet toegestaan", "external references are not allowed")
        ) from None
    except ParseError as exc:
        raise CapRefused(_xml_error_reason(data, exc)) from None
    except (LookupError, UnicodeError, ValueError):
        # pyexpat reports encodings it cannot handle (multi-byte codecs) through these instead.
        raise CapRefused(
            _encoding_reason(data)
            or tr("tekencodering wordt niet ondersteund: gebruik UTF-8", "unsupported encoding")
        ) from None


def _xml_error_reason(data: bytes, exc: ParseError) -> str:
    """Only on the error path: tell a wrong encoding apart from broken XML."""
    encoding_reason = _encoding_reason(data)
    if encoding_reason:
        return encoding_reason
    if getattr(exc, "code", None) in _EXPAT_ENCODING_ERRORS:
        return tr("tekencodering wordt niet ondersteund: gebruik UTF-8", "unsupported encoding")
    line, column = getattr(exc, "position", (0, 0))
    return tr(f'geen geldige XML (regel {line}, kolom {column})', f"not well-formed XML (line {line}, column {column})")


def _encoding_reason(data: bytes) -> str | None:
    match = _DECLARED_ENCODING.match(data[:200])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = "utf-16"
    else:
        declared = match.group(1).decode("ascii") if match else "utf-8"
    try:
        codecs.lookup(declared)
    except LookupError:
        return tr(f'onbekende tekencodering {declared[:20]!r}', "unknown encoding")
    try:
        data.decode(declared)
    except UnicodeDecodeError:
        return (
            tr(f'tekens kloppen niet met de tekencodering {declared[:20]!r}', "wrong encoding")
        )
    return None
