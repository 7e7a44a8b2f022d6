"""A snapshot of the situational picture as an EDXL-SitRep 1.0 report (DOMAIN.md §5).

CS02 of the OASIS specification, not the older drafts: lowerCamelCase names, root ``sitRep``
in ``urn:oasis:names:tc:emergency:EDXL:SitRep:1.0``, the header elements in the order of the
specification and, last, a ``report`` holding one of the five report types. The picture is a
summary of the incident for the mayor's team, so the report is ``situationInformation`` with
its ``primaryIncidentInformation``. Persons follow the EDXL-CIQ profile (its own xNL
namespace, ``personName``/``nameElement``), date-times carry seconds and a ±hh:mm offset,
never fractions or ``Z``.

The picture's sections have no SitRep element; they travel in the report's extension point
(``extension``: community, id, then one ``parameter`` per item whose ``nameURI`` says what it
is and whose ``value`` holds the item as JSON), so a receiver that knows only SitRep still
reads a valid report and one that knows us can rebuild every section. Built with
xml.etree: no DTD.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from crisisconsole.clock import AMSTERDAM, as_utc, parse_iso
from crisisconsole.domain.picture_input import JUDGEMENT_KINDS

NS = "urn:oasis:names:tc:emergency:EDXL:SitRep:1.0"
XNL = "urn:oasis:names:tc:emergency:edxl:ciq:1.0:xnl"
COMMUNITY = "urn:crisisconsole"
EXTENSION_ID = "urn:crisisconsole:picture:1"
ET.register_namespace("", NS)
ET.register_namespace("xnl", XNL)

# The CS02 value lists (as in the specification and MITRE's serializer of that era).
REPORT_VERSIONS = ("Initial", "Update", "Final")
CONFIDENCES = ("HighlyConfident", "SomewhatConfident", "Unsure", "NoConfidence")
SEVERITIES = ("Extreme", "Severe", "Moderate", "Minor", "Unknown")
URGENCIES = ("Immediate", "Expected", "Future", "Past", "Unknown")
LIFECYCLE_PHASES = ("Preparedness", "Response", "Mitigation", "Recovery")
# sitRep's children in CS02 order; every one we write, in this order.
HEADER_ORDER = ("messageID", "preparedBy", "authorizedBy", "reportPurpose", "reportNumber",
                "reportVersion", "forTimePeriod", "reportTitle", "incidentID",
                "incidentLifecyclePhase", "originatingMessageID", "precedingMessageID",
                "urgency", "reportConfidence", "severity", "reportingLocation", "actionPlan",
                "nextContact", "report")
REPORT_TYPES = ("fieldObservation", "casualtyAndIllnessSummary", "responseResourcesTotals",
                "managementReportingSummary", "situationInformation")

SEVERITY_BY_GRIP = {None: "Minor", "0": "Minor", "1": "Minor", "2": "Moderate", "3": "Severe",
                    "4": "Extreme", "5": "Extreme", "rijk": "Extreme"}


def edxl_time(value: str | datetime) -> str:
    """EDXL date-time: seconds and a ±hh:mm offset (Amsterdam), no fraction, never ``Z``."""
    moment = parse_iso(value) if isinstance(value, str) else value
    return as_utc(moment).astimezone(AMSTERDAM).isoformat(timespec="seconds")


def _el(parent: ET.Element, tag: str, text: str | None = None, ns: str = NS) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ns}}}{tag}")
    if text is not None:
        element.text = text
    return element


def _person(parent: ET.Element, tag: str, name: str, when: str) -> None:
    holder = _el(parent, tag)
    details = _el(holder, "personDetails")
    person_name = _el(details, "personName", ns=XNL)
    _el(person_name, "nameElement", name, ns=XNL)
    _el(holder, "timeValue", edxl_time(when))


def report_confidence(p: dict[str, Any]) -> str:
    """Open contradictions: Unsure; only confirmed facts: HighlyConfident; else Somewhat."""
    counts = p["summary"]["counts"]
    if counts["contradictions"]:
        return "Unsure"
    return "HighlyConfident" if counts["hearsay"] == 0 else "SomewhatConfident"


def report_version(number: int, final: bool) -> str:
    if final:
        return "Final"
    return "Initial" if number <= 1 else "Update"


def _parameter(ext: ET.Element, name: str, value: dict[str, Any] | str) -> None:
    param = _el(ext, "parameter")
    _el(param, "nameURI", f"{EXTENSION_ID}:{name}")
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                           sort_keys=True)
    _el(param, "value", text)


def _extension(report: ET.Element, p: dict[str, Any]) -> None:
    ext = _el(report, "extension")
    _el(ext, "community", COMMUNITY)
    _el(ext, "id", EXTENSION_ID)
    for note in p["summary"]["notes"]:
        _parameter(ext, "summary:note", note["text"])
    for line in p["summary"]["lines"]:
        _parameter(ext, "summary:line", line)
    for d in p["disciplines"]:
        for tag in ("confirmed", "hearsay"):
            for item in d[tag]:
                _parameter(ext, f"discipline:{d['key']}:{tag}", {
                    "label": d["label"], "text": item["text"], "grade": item.get("grade"),
                    "occurred_at": item["occurred_at"],
                    "last_confirmed_at": item.get("last_confirmed_at"),
                    "sources": item["sources"], "entries": item["entry_ids"],
                    "contradicted": bool(item["contradicted"])})
    for c in p["contradictions"]:
        _parameter(ext, "contradiction", {side: {k: c[side][k] for k in
                                                 ("text", "reliability", "source", "entry_id")}
                                          for side in ("a", "b")})
    for kind, _label in JUDGEMENT_KINDS:
        for note in p["judgement"][kind]:
            _parameter(ext, f"judgement:{kind}", {"text": note["text"], "at": note["at"]})
    for d in p["decisions"]:
        _parameter(ext, "decision", {k: d[k] for k in ("text", "rationale", "decided_by",
                                                       "decided_at", "entry_ids")})
    for a in p["actions"]:
        _parameter(ext, "action", {"text": a["text"], "owner": a["owner"],
                                   "due": a.get("due"), "status": a["status"],
                                   "overdue": bool(a["overdue"])})
    for m in p["powers"]:
        nxt = m.get("next_due") or {}
        _parameter(ext, "power", {"title": m["title"], "kind": m["kind"], "state": m["state"],
                                  "next_due": nxt.get("due"), "next_due_kind": nxt.get("kind"),
                                  "overdue": bool(nxt.get("overdue"))})
    for person in p["persons"]["items"]:
        _parameter(ext, "person", {"masked": person["masked"], "kind": person["kind"]})
    for note in p["contacts"]:
        _parameter(ext, "contact", note["text"])


def _earliest(p: dict[str, Any]) -> str:
    times = [i["occurred_at"] for d in p["disciplines"] for tag in ("confirmed", "hearsay")
             for i in d[tag]]
    return min([*times, p["header"]["as_of"]], key=lambda t: as_utc(parse_iso(t)))


def _situation(report: ET.Element, p: dict[str, Any]) -> None:
    h = p["header"]
    info = _el(_el(report, "situationInformation"), "primaryIncidentInformation")
    _el(info, "incidentName", h["crisis_name"])
    _el(info, "incidentKind", "Security")
    _el(info, "incidentStartDateTime", edxl_time(_earliest(p)))


def sitrep_xml(p: dict[str, Any], message_id: str, *, final: bool = False,
               earlier: Sequence[str] = ()) -> bytes:
    """The EDXL-SitRep document (UTF-8, with XML declaration).

    ``earlier`` are the message ids of the crisis's earlier snapshots, oldest first: the first
    is the sequence's ``originatingMessageID``, the last the ``precedingMessageID``."""
    h = p["header"]
    version = int(h.get("version") or 0)
    root = ET.Element(f"{{{NS}}}sitRep")
    _el(root, "messageID", message_id)
    _person(root, "preparedBy", h["prepared_by"], h["as_of"])
    _person(root, "authorizedBy", h.get("authorized_by") or h["prepared_by"], h["as_of"])
    _el(root, "reportPurpose", "Situatiebeeld voor de burgemeester en het beleidsteam (BOB)")
    _el(root, "reportNumber", str(max(version, 1)))
    _el(root, "reportVersion", report_version(version, final))
    period = _el(root, "forTimePeriod")
    _el(period, "fromDateTime", edxl_time(_earliest(p)))
    _el(period, "toDateTime", edxl_time(h["as_of"]))
    title = f"Situatiebeeld {h['crisis_name']} ({h['municipality']}), versie {version}"
    _el(root, "reportTitle", ("OEFENING — " if h.get("exercise") else "") + title)
    _el(root, "incidentID", h["crisis_id"])
    _el(root, "incidentLifecyclePhase", "Response")
    if earlier:
        _el(root, "originatingMessageID", earlier[0])
        _el(root, "precedingMessageID", earlier[-1])
    _el(root, "urgency", "Immediate")
    _el(root, "reportConfidence", report_confidence(p))
    _el(root, "severity", SEVERITY_BY_GRIP.get(h.get("grip"), "Unknown"))
    open_actions = [a for a in p["actions"] if a["status"] == "open"]
    _el(root, "actionPlan", "; ".join(f"{a['text']} ({a['owner']}"
                                      + (f", {edxl_time(a['due'])}" if a.get("due") else "") + ")"
                                      for a in open_actions) or "Geen open acties.")
    _el(root, "nextContact", edxl_time(h.get("next_update") or h["as_of"]))
    report = _el(root, "report")
    _extension(report, p)
    _situation(report, p)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
