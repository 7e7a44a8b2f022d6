"""Check a parsed CAP alert against the OASIS CAP 1.1/1.2 XML schema (vendored in resources).

An alert that breaks the schema but still carries what the console needs is imported, with
its violations listed ("imported with warnings"), because partners in a crisis send what they
send and refusing a warning about a real event helps nobody; the aide must see that it was
not well formed. Speed: xmlschema is pure Python (about 2 ms an alert), five times the whole
rest of an import. So libxml2 (lxml) checks first, in C, each alert against the same schema
files (well under 0.1 ms): on the tree libxml2 built already when the file took the one-parse
path (``xml_defused.parse_untrusted_lxml``), else on the bytes that defusedxml already
accepted (no DTD, no entities), parsed once more with every loading and network access off. Only an alert
libxml2 finds invalid is walked by xmlschema, on the tree ``xml_defused`` built, for the
violation lines the aide reads (and the signature rule below). The schemas are loaded once per
process, from the package's own files, with every outside resource forbidden.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from xml.etree.ElementTree import Element

from crisisconsole.i18n import tr
from crisisconsole.interchange.cap_model import CAP11_NS, CAP12_NS
from crisisconsole.resources_access import resource_path

SCHEMA_FILES = {CAP11_NS: "cap11.xsd", CAP12_NS: "cap12.xsd"}
XMLDSIG_NS = "http://www.w3.org/2000/09/xmldsig#"
MAX_VIOLATIONS = 20


@lru_cache(maxsize=2)
def _schema(namespace: str) -> Any:
    import xmlschema  # ~0.3 s to import: only when a CAP file is read

    path = resource_path("schemas", "cap", SCHEMA_FILES[namespace])
    return xmlschema.XMLSchema10(str(path), allow="sandbox", defuse="always")


@lru_cache(maxsize=2)
def _fast_schema(namespace: str) -> Any:
    from lxml import etree

    path = resource_path("schemas", "cap", SCHEMA_FILES[namespace])
    return etree.XMLSchema(etree.parse(str(path), _lxml_parser()))


@lru_cache(maxsize=1)
def _lxml_parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False)


def fast_validity(data: Any, namespaces: dict[str, str]) -> list[bool] | None:
    """For each CAP alert in ``data`` (the root alert, or the alerts embedded in an EDXL-DE
    envelope, in document order): True when libxml2 finds it valid. ``data`` is the bytes, or
    the lxml root element ``parse_untrusted_lxml`` built from them. ``namespaces`` maps an
    alert's ``{uri}alert`` tag to its namespace. None when the bytes cannot be read this way
    (then every alert is checked the slow way)."""
    from lxml import etree

    try:
        root = etree.fromstring(data, _lxml_parser()) if isinstance(data, bytes) else data
        # iter(*tags) picks the alerts in C; a Python loop over every element of an envelope
        # of 300 alerts cost more than validating them
        alerts = [root] if root.tag in namespaces else list(root.iter(*namespaces))
        return [bool(_fast_schema(namespaces[element.tag]).validate(element))
                for element in alerts]
    except (etree.Error, ValueError):  # only reached for bytes defusedxml accepted
        return None


def _braced(element: Element) -> Element:
    """A copy with ElementTree's ``{uri}local`` tags (xml_defused gives expat's ``uri}local``),
    without XML signatures: a signature follows its own rules, not CAP's (and CAP 1.1 has no
    place for one), so it must not read as a CAP violation. ``element`` may also be an lxml
    element (the one-parse path), whose tags are braced already."""
    tag = element.tag
    if "}" in tag and not tag.startswith("{"):
        tag = "{" + tag
    copy = Element(tag, dict(element.attrib))
    copy.text, copy.tail = element.text, element.tail
    copy.extend(_braced(child) for child in element
                if not child.tag.startswith((XMLDSIG_NS + "}", "{" + XMLDSIG_NS + "}")))
    return copy


def _rule_violations(alert: Element, namespace: str) -> list[str]:
    """CAP rules the schema cannot express (the specification's own text): <references> is a
    list of "sender,identifier,sent" triples, so an empty one is wrong, and an Update or
    Cancel must name what it updates or cancels."""
    found: list[str] = []
    children = {child.tag.split("}")[-1]: child for child in alert}
    references = children.get("references")
    if references is not None and not (references.text or "").strip():
        found.append(tr("/alert/references: leeg; verwacht afzender,id,tijd", "empty references"))
    msg_type = (children["msgType"].text or "").strip() if "msgType" in children else ""
    if msg_type in ("Update", "Cancel") and (references is None
                                             or not (references.text or "").strip()):
        found.append(tr(f'/alert/msgType: {msg_type} zonder verwijzing naar eerdere berichten', f'{msg_type} without references'))
    return found


def _line(error: Any) -> str:
    path = (error.path or "").replace(f"{{{CAP12_NS}}}", "").replace(f"{{{CAP11_NS}}}", "")
    reason = " ".join(str(error.reason or error.message).split())
    return f"{path}: {reason}" if path else reason


def schema_violations(alert: Element, namespace: str,
                      known_valid: bool = False) -> tuple[str, ...]:
    """One line per violation (at most MAX_VIOLATIONS, then a count), none for a valid alert.
    ``known_valid``: libxml2 found it valid already, so only the rules beyond the schema are
    checked."""
    if namespace not in SCHEMA_FILES:
        return ()
    lines: list[str] = _rule_violations(alert, namespace)
    if known_valid:
        return tuple(lines)
    extra = 0
    import xmlschema

    # The tree is in memory already: no resource behind it may be opened (allow="none").
    source = xmlschema.XMLResource(_braced(alert), allow="none")
    for error in _schema(namespace).iter_errors(source):
        if len(lines) < MAX_VIOLATIONS:
            lines.append(_line(error))
        else:
            extra += 1
    if extra:
        lines.append(tr(f'… en nog {extra}', f'and {extra} more'))
    return tuple(lines)
