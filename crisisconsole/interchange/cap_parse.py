"""Read untrusted CAP 1.1/1.2 bytes into a ``CapAlert``, or refuse them with one clear reason.

Every file from outside is hostile until parsed (``cap_xml``): a size limit before parsing, then either
the one-parse path (a plain UTF-8 document without a DTD, read once by libxml2, whose tree
also serves the schema check) or defusedxml's parser with DTDs forbidden (so XXE and "billion
laughs" never expand; see ``xml_defused``) for everything else, and one pass over the tree
with a tag lookup table (no XPath, no per-element regexes), so the import stays close to the
cost of the XML parse itself. Both trees are read by the same code: the tag tables hold each
tag in both spellings (expat's ``uri}local`` and lxml's ``{uri}local``). Anything that does not fit the CAP rules the console relies on is refused
as a whole: half an alert is worse than none.

CAP 1.0 is refused on purpose: its ``references`` are not "sender,identifier,sent" triples, so
Update and Cancel chains cannot be followed reliably.
"""

from __future__ import annotations

from datetime import UTC, datetime
from math import isnan
from typing import Any
from xml.etree.ElementTree import Element

from crisisconsole.clock import TimeOutOfRange, check_range
from crisisconsole.i18n import tr
from crisisconsole.interchange.cap_model import (
    CAP10_NS,
    CAP_VERSIONS,
    CATEGORIES,
    CERTAINTIES,
    EDXLDE_NS,
    MSG_TYPES,
    SCOPES,
    SEVERITIES,
    STATUSES,
    URGENCIES,
    CapAlert,
    CapArea,
    CapCircle,
    CapInfo,
    CapReference,
)
from crisisconsole.interchange.cap_schema import fast_validity, schema_violations
from crisisconsole.interchange.cap_xml import CapRefused, read_xml
from crisisconsole.interchange.xml_defused import expat_tag

MAX_CAP_BYTES = 1_000_000

_ALERT_LOCALS = (
    "identifier", "sender", "sent", "status", "msgType", "scope", "references", "incidents",
    "info",
)
_INFO_LOCALS = (
    "language", "category", "event", "urgency", "severity", "certainty", "headline",
    "description", "instruction", "effective", "onset", "expires", "senderName", "area",
    "parameter",
)
_AREA_LOCALS = ("areaDesc", "polygon", "circle", "geocode")
_GEOCODE_LOCALS = ("valueName", "value")


def _both(namespace: str, local: str) -> tuple[str, str]:
    """The tag of ``local`` in ``namespace`` as expat's tree and as lxml's tree spell it."""
    return expat_tag(namespace, local), "{" + namespace + "}" + local


def _tag_table(namespace: str, locals_: tuple[str, ...]) -> dict[str, str]:
    return {tag: name for name in locals_ for tag in _both(namespace, name)}


# Per namespace: "ns}local" and "{ns}local" -> "local", built once so the walk is one dict lookup per element.
_ALERT_TAGS = {ns: _tag_table(ns, _ALERT_LOCALS) for ns in CAP_VERSIONS}
_INFO_TAGS = {ns: _tag_table(ns, _INFO_LOCALS) for ns in CAP_VERSIONS}
_AREA_TAGS = {ns: _tag_table(ns, _AREA_LOCALS) for ns in CAP_VERSIONS}
_GEOCODE_TAGS = {ns: _tag_table(ns, _GEOCODE_LOCALS) for ns in CAP_VERSIONS}
_ROOTS = {tag: ns for ns in CAP_VERSIONS for tag in _both(ns, "alert")}

# lxml's tags for the same roots ("{uri}alert"), for the fast schema check.
_LXML_ROOTS = {"{" + ns + "}alert": ns for ns in CAP_VERSIONS}

_EDXL_ROOT = frozenset(_both(EDXLDE_NS, "EDXLDistribution"))
_EDXL_CONTENT = frozenset(_both(EDXLDE_NS, "contentObject"))
_EDXL_XML = frozenset(_both(EDXLDE_NS, "xmlContent"))
_EDXL_EMBEDDED = frozenset(_both(EDXLDE_NS, "embeddedXMLContent"))

_REQUIRED = ("identifier", "sender", "sent", "status", "msgType", "scope")


def _canon(values: frozenset[str]) -> dict[str, str]:
    return {value.lower(): value for value in values}


# Senders are not always careful with case ("OBSERVED"); the meaning is clear, so accept it.
_STATUS = _canon(STATUSES)
_MSG_TYPE = _canon(MSG_TYPES)
_SCOPE = _canon(SCOPES)
_CATEGORY = _canon(CATEGORIES)
_URGENCY = _canon(URGENCIES)
_SEVERITY = _canon(SEVERITIES)
_CERTAINTY = _canon(CERTAINTIES)



def parse_cap(data: bytes, *, max_bytes: int = MAX_CAP_BYTES) -> CapAlert:
    """One CAP alert; an EDXL-DE envelope is refused here (use ``parse_cap_container``)."""
    root, source = read_xml(data, max_bytes)
    namespace = _ROOTS.get(root.tag)
    if namespace is None:
        if root.tag in _EDXL_ROOT:
            raise CapRefused(
                tr("EDXL-DE-envelop in plaats van een los CAP-bericht", "EDXL-DE envelope, not a bare CAP alert")
            )
        raise CapRefused(_root_reason(root.tag))
    return _alert(root, namespace, _valid(source, 0))


def parse_cap_container(data: bytes, *, max_bytes: int = MAX_CAP_BYTES) -> list[CapAlert]:
    """A bare CAP alert, or every CAP alert in an EDXL-DE 1.0 envelope (all or nothing).

    A content object without an embedded CAP alert refuses the whole envelope: importing the
    rest would silently drop part of what the sender distributed.
    """
    root, source = read_xml(data, max_bytes)
    namespace = _ROOTS.get(root.tag)
    if namespace is not None:
        return [_alert(root, namespace, _valid(source, 0))]
    if root.tag not in _EDXL_ROOT:
        raise CapRefused(_root_reason(root.tag))
    embedded_alerts: list[tuple[int, Element, str]] = []
    number = 0
    for content in root:
        if content.tag not in _EDXL_CONTENT:
            continue
        number += 1
        found = [
            (element, _ROOTS[element.tag])
            for xml_content in content
            if xml_content.tag in _EDXL_XML
            for embedded in xml_content
            if embedded.tag in _EDXL_EMBEDDED
            for element in embedded
            if element.tag in _ROOTS
        ]
        if not found:
            raise CapRefused(
                tr(f'EDXL-DE-inhoud {number} bevat geen CAP-bericht', f'content object {number} holds no CAP alert')
            )
        embedded_alerts.extend((number, element, ns) for element, ns in found)
    validity = _validity(source)
    if len(validity) != len(embedded_alerts):  # alerts elsewhere too: check each the slow way
        validity = [False] * len(embedded_alerts)
    alerts: list[CapAlert] = []
    for (number, element, namespace), known in zip(embedded_alerts, validity, strict=True):
        try:
            alerts.append(_alert(element, namespace, known))
        except CapRefused as exc:
            raise CapRefused(f"EDXL-DE-inhoud {number}: {exc.reason}") from None
    if not alerts:
        raise CapRefused(tr("EDXL-DE-envelop zonder inhoud", "EDXL-DE envelope without content"))
    return alerts


def _root_reason(tag: str) -> str:
    if tag in _both(CAP10_NS, "alert"):
        return tr("CAP 1.0 wordt niet ondersteund, alleen CAP 1.1 en 1.2", "CAP 1.0 is not supported")
    if tag.endswith("}alert") or tag == "alert":
        return tr("alert zonder CAP 1.1/1.2-naamruimte", "alert without the CAP 1.1/1.2 namespace")
    return tr("geen CAP-bericht: het hoofdelement is geen <alert>", "not a CAP alert")


def _time(text: str, name: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise CapRefused(tr(f'ongeldige tijd in <{name}>', f"invalid time in <{name}>")) from None
    if value.tzinfo is None:
        raise CapRefused(tr(f'tijd zonder tijdzone in <{name}>', f"time without time zone in <{name}>"))
    try:
        return check_range(value.astimezone(UTC), f"<{name}>")
    except OverflowError:
        raise CapRefused(tr(f'ongeldige tijd in <{name}>', f"invalid time in <{name}>")) from None
    except TimeOutOfRange as error:
        raise CapRefused(str(error)) from None


def _enum(text: str, allowed: dict[str, str], name: str) -> str:
    value = allowed.get(text.lower())
    if value is None:
        raise CapRefused(tr(f'onbekende waarde in <{name}>', f"unknown value in <{name}>"))
    return value


def _validity(source: Any) -> list[bool]:
    """libxml2's verdict per alert, in document order (empty: check each the slow way).
    ``source``: the bytes, or the tree ``parse_untrusted_lxml`` built from them."""
    return fast_validity(bytes(source) if isinstance(source, bytes | bytearray) else source,
                         _LXML_ROOTS) or []


def _valid(source: Any, index: int) -> bool:
    validity = _validity(source)
    return validity[index] if index < len(validity) else False


def _alert(root: Element, namespace: str, known_valid: bool = False) -> CapAlert:
    # The walks below read an element's text inline (no helper call per element): they run
    # for every element of every alert, and the import is meant to cost little more than the
    # XML parse.
    tags = _ALERT_TAGS[namespace]
    fields: dict[str, str] = {}
    info_elements: list[Element] = []
    for child in root:
        name = tags.get(child.tag)
        if name is None:
            continue
        if name == "info":
            info_elements.append(child)
        else:
            text = child.text
            fields[name] = text.strip() if text else ""
    for name in _REQUIRED:
        if not fields.get(name):
            raise CapRefused(tr(f'verplicht element <{name}> ontbreekt', f"required element <{name}> missing"))
    sent_text = fields["sent"]
    return CapAlert(
        identifier=fields["identifier"],
        sender=fields["sender"],
        sent=_time(sent_text, "sent"),
        sent_text=sent_text,
        status=_enum(fields["status"], _STATUS, "status"),
        msg_type=_enum(fields["msgType"], _MSG_TYPE, "msgType"),
        scope=_enum(fields["scope"], _SCOPE, "scope"),
        references=_references(fields.get("references", "")),
        incidents=tuple(fields.get("incidents", "").split()),
        infos=tuple([_info(element, namespace) for element in info_elements]),
        namespace=namespace,
        violations=schema_violations(root, namespace, known_valid),
    )


def _references(text: str) -> tuple[CapReference, ...]:
    references = []
    for triple in text.split():
        parts = triple.split(",")
        if len(parts) != 3 or not all(parts):
            raise CapRefused(
                tr("ongeldige verwijzing in <references> (verwacht afzender,id,tijd)", "invalid reference")
            )
        references.append(CapReference(parts[0], parts[1], parts[2]))
    return tuple(references)


def _info(element: Element, namespace: str) -> CapInfo:
    tags = _INFO_TAGS[namespace]
    fields: dict[str, str] = {}
    categories: list[str] = []
    areas: list[CapArea] = []
    parameters: list[tuple[str, str]] = []
    for child in element:
        name = tags.get(child.tag)
        if name is None:
            continue
        if name == "area":
            areas.append(_area(child, namespace))
        elif name == "parameter":
            parameters.append(_geocode(child, namespace))  # the same valueName/value pair
        else:
            text = child.text
            text = text.strip() if text else ""
            if name != "category":
                fields[name] = text
            elif text:
                categories.append(_enum(text, _CATEGORY, "category"))
    # An empty urgency/severity/certainty is read as "not given"; a value we do not know is
    # refused, because guessing the meaning of "Foobar" could mislead the aide.
    get = fields.get
    urgency = _enum(text, _URGENCY, "urgency") if (text := get("urgency")) else None
    severity = _enum(text, _SEVERITY, "severity") if (text := get("severity")) else None
    certainty = _enum(text, _CERTAINTY, "certainty") if (text := get("certainty")) else None
    effective = _time(text, "effective") if (text := get("effective")) else None
    onset = _time(text, "onset") if (text := get("onset")) else None
    expires = _time(text, "expires") if (text := get("expires")) else None
    return CapInfo(
        language=get("language") or "en-US",
        categories=tuple(categories),
        event=get("event") or None,
        urgency=urgency,
        severity=severity,
        certainty=certainty,
        headline=get("headline") or None,
        description=get("description") or None,
        instruction=get("instruction") or None,
        effective=effective,
        onset=onset,
        expires=expires,
        sender_name=get("senderName") or None,
        areas=tuple(areas),
        parameters=tuple(parameters),
    )


def _area(element: Element, namespace: str) -> CapArea:
    tags = _AREA_TAGS[namespace]
    area_desc = ""
    polygons: list[tuple[tuple[float, float], ...]] = []
    circles: list[CapCircle] = []
    geocodes: list[tuple[str, str]] = []
    for child in element:
        name = tags.get(child.tag)
        if name is None:
            continue
        if name == "geocode":
            geocodes.append(_geocode(child, namespace))
            continue
        text = child.text
        text = text.strip() if text else ""
        if name == "areaDesc":
            area_desc = text
        elif not text:
            continue
        elif name == "polygon":
            polygons.append(_polygon(text))
        else:
            circles.append(_circle(text))
    return CapArea(area_desc, tuple(polygons), tuple(circles), tuple(geocodes))


def _point(text: str) -> tuple[float, float]:
    lat_text, _, lon_text = text.strip(",").partition(",")
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise CapRefused(tr("ongeldige coördinaten in <area>", "invalid coordinates")) from None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise CapRefused(tr("coördinaten buiten bereik in <area>", "coordinates out of range"))
    return lat, lon


def _polygon(text: str) -> tuple[tuple[float, float], ...]:
    # Trailing commas ("41.1,-117.6,") are a common sender slip with an unambiguous meaning.
    # The same reading as _point's, a list at a time (polygons are most of an area's text).
    halves = [pair.strip(",").partition(",") for pair in text.split()]
    try:
        lats = [float(lat) for lat, _, _ in halves]
        lons = [float(lon) for _, _, lon in halves]
    except ValueError:
        raise CapRefused(tr("ongeldige coördinaten in <area>", "invalid coordinates")) from None
    # Every point in range, checked in C: a NaN makes its sum NaN (as does inf - inf, which
    # is out of range anyway), and without one, min and max bound every value.
    if (isnan(sum(lats)) or isnan(sum(lons)) or min(lats) < -90.0 or max(lats) > 90.0
            or min(lons) < -180.0 or max(lons) > 180.0):
        raise CapRefused(tr("coördinaten buiten bereik in <area>", "coordinates out of range"))
    points = tuple(zip(lats, lons, strict=True))
    if len(points) < 3:
        raise CapRefused(tr("polygoon met te weinig punten in <area>", "polygon with too few points"))
    return points


def _circle(text: str) -> CapCircle:
    centre, _, radius_text = text.partition(" ")
    lat, lon = _point(centre)
    try:
        radius = float(radius_text.strip() or "0")
    except ValueError:
        raise CapRefused(tr("ongeldige straal in <circle>", "invalid circle radius")) from None
    if not radius >= 0.0 or radius == float("inf"):
        raise CapRefused(tr("ongeldige straal in <circle>", "invalid circle radius"))
    return CapCircle(lat, lon, radius)


def _geocode(element: Element, namespace: str) -> tuple[str, str]:
    tags = _GEOCODE_TAGS[namespace]
    name = value = ""
    for child in element:
        local = tags.get(child.tag)
        if local is None:
            continue
        text = child.text
        if local == "valueName":
            name = text.strip() if text else ""
        else:
            value = text.strip() if text else ""
    return name, value
